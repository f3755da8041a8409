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

  describe('a loan-level pool travels to the worker once', () => {
    const pool = {
      size: 1,
      ids: ['L1'],
      product: Uint8Array.of(0),
      segment: Uint16Array.of(0),
      segmentNames: ['A'],
      balance: Float64Array.of(100),
      originalBalance: Float64Array.of(100),
      rate: Float64Array.of(0.1),
      monthlyFeeRate: Float64Array.of(0),
      originalTerm: Uint16Array.of(12),
      remainingTerm: Uint16Array.of(12),
      paymentRate: Float64Array.of(0),
    };
    // An imported pool has columns the engine does not read; they stay on this side.
    const imported = { ...pool, score: Float64Array.of(700) };
    const run = (loans: typeof pool | null) => ({
      kind: 'run' as const,
      deal: {} as never,
      loans,
      scenario: 'base',
    });
    const answer = (w: FakeWorker, k: number, value: unknown = {}) =>
      w.reply({ id: w.sent[k]!.id, type: 'done', value });

    it('sends the pool with the first job, then only its key; the request itself carries no pool', async () => {
      const { c, workers } = client();
      const a = c.request(run(imported));
      const b = c.request(run(imported));
      const w = workers[0]!;
      expect(w.sent[0]!.pool?.pool).toEqual(pool);
      expect(w.sent[0]!.pool?.pool).not.toHaveProperty('score');
      expect(w.sent[1]!.pool).toEqual({ key: w.sent[0]!.pool!.key });
      expect(w.sent.map((m) => 'loans' in m.request && m.request.loans)).toEqual([null, null]);
      answer(w, 0);
      answer(w, 1);
      await Promise.all([a, b]);
      // Another pool (a new object) goes in full again.
      void c.request(run({ ...pool }));
      expect(w.sent[2]!.pool?.pool).toBeDefined();
      expect(w.sent[2]!.pool!.key).not.toBe(w.sent[0]!.pool!.key);
    });

    it('resends the pool when the worker no longer holds it', async () => {
      const { c, workers } = client();
      void c.request(run(pool));
      const p = c.request(run(pool));
      const w = workers[0]!;
      w.reply({ id: w.sent[1]!.id, type: 'poolMissing' });
      expect(w.sent[2]!.id).toBe(w.sent[1]!.id);
      expect(w.sent[2]!.pool?.pool).toEqual(pool);
      answer(w, 2, 'ran');
      await expect(p).resolves.toBe('ran');
    });

    it('a fresh worker (after Cancel) is sent the pool again', async () => {
      const { c, workers } = client();
      void c.request(run(pool)).catch(() => undefined);
      c.cancel();
      void c.request(run(pool));
      expect(workers[1]!.sent[0]!.pool?.pool).toEqual(pool);
    });

    it('the pool an import returns is already in the worker: the first run sends only its key', async () => {
      const { c, workers } = client();
      const imp = c.request({ kind: 'tapeImport', text: 'id\n', name: 't.csv' } as never);
      const w = workers[0]!;
      const keep = w.sent[0]!.keepPoolAs;
      expect(keep).toBeTypeOf('number');
      const result = { pool: imported };
      answer(w, 0, result);
      await imp;
      void c.request(run(imported));
      expect(w.sent[1]!.pool).toEqual({ key: keep });
    });
  });
});
