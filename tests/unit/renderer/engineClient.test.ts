import { describe, expect, it } from 'vitest';
import { EngineClient, JobCancelled, type WorkerPort } from '../../../renderer/engine/client';
import type { FromWorker, ToWorker } from '../../../renderer/engine/protocol';

/** A stand-in worker: records messages, lets the test answer or crash it, and counts terminations. */
class FakeWorker implements WorkerPort {
  private onMessage: (m: FromWorker) => void = () => undefined;
  private onCrash: (message: string) => void = () => undefined;
  sent: ToWorker[] = [];
  terminated = false;
  post(m: ToWorker): void {
    this.sent.push(m);
  }
  listen(onMessage: (m: FromWorker) => void, onCrash: (message: string) => void): void {
    this.onMessage = onMessage;
    this.onCrash = onCrash;
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(m: FromWorker): void {
    this.onMessage(m);
  }
  crash(message: string): void {
    this.onCrash(message);
  }
}

function client() {
  const workers: FakeWorker[] = [];
  const c = new EngineClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { c, workers };
}

const req = { kind: 'breakeven' as const, deal: {} as never, loans: null, scenario: 'base' };

describe('engine client', () => {
  it('routes progress and the answer to the job that asked', async () => {
    const { c, workers } = client();
    const progress: number[] = [];
    const p = c.request(req, (x) => progress.push(x.done));
    const w = workers[0]!;
    const id = w.sent[0]!.id;
    w.reply({ id, type: 'progress', done: 3, total: 10, label: 'x' });
    w.reply({ id: id + 99, type: 'done', value: 'not mine' });
    w.reply({ id, type: 'done', value: [] });
    await expect(p).resolves.toEqual([]);
    expect(progress).toEqual([3]);
  });

  it('cancel terminates the worker, rejects the job, and the next job gets a fresh worker', async () => {
    const { c, workers } = client();
    const p = c.request(req);
    c.cancel();
    await expect(p).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0]!.terminated).toBe(true);
    const q = c.request(req);
    expect(workers).toHaveLength(2);
    const w = workers[1]!;
    w.reply({ id: w.sent[0]!.id, type: 'done', value: [] });
    await expect(q).resolves.toEqual([]);
  });

  it('an engine error rejects with its message', async () => {
    const { c, workers } = client();
    const p = c.request(req);
    const w = workers[0]!;
    w.reply({ id: w.sent[0]!.id, type: 'error', message: "no scenario 'x'" });
    await expect(p).rejects.toThrow("no scenario 'x'");
  });

  it('a crashed worker fails every pending job instead of hanging', async () => {
    const { c, workers } = client();
    const p1 = c.request(req);
    const p2 = c.request(req);
    workers[0]!.crash('out of memory');
    await expect(p1).rejects.toThrow('out of memory');
    await expect(p2).rejects.toThrow('out of memory');
  });
});
