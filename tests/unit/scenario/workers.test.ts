import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  batchStarts,
  closeIdleWorkers,
  idleWorkerCount,
  runJobs,
  WorkerJobError,
} from '../../../core/node/workers/pool';
import { runGrid, runMonteCarlo } from '../../../core/node/workers/stress';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { runGridInline, type GridSpec } from '../../../core/scenario/grid';
import { fixtureDeal } from './fixtures';

const flaky = new URL('./jobs/flaky.ts', import.meta.url);

describe('worker pool', () => {
  it('splits jobs into contiguous batches that shrink towards the end, so no thread waits long for the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 8 }), (total, threads) => {
        const s = batchStarts(total, threads);
        expect(s[0]).toBe(0);
        expect(s[s.length - 1]).toBe(total);
        const sizes = s.slice(1).map((v, i) => v - s[i]!);
        expect(sizes.every((n) => n >= 1)).toBe(true);
        // Never larger further on: the first batches are the largest, the last the smallest.
        for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]!);
      }),
    );
    // 10,000 Monte Carlo paths on two threads: 313 a batch (a sixteenth of a thread's share) while more than
    // four batches a thread are left, then down to 40, so the thread done first waits at most ~40 paths.
    const s = batchStarts(10_000, 2);
    const sizes = s.slice(1).map((v, i) => v - s[i]!);
    expect(sizes[0]).toBe(313);
    expect(Math.min(...sizes.slice(0, -1))).toBe(40);
    expect(sizes.filter((n) => n === 313).length).toBeGreaterThan(20);
    // A fixed size is kept (the last batch takes what is left).
    expect(batchStarts(10, 2, 3)).toEqual([0, 3, 6, 9, 10]);
  });

  it('runs guided batches on a worker and this thread with every result in its place', async () => {
    const jobs = Array.from({ length: 997 }, (_, i) => i + 20);
    const out = await runJobs<{ delayMs: number }, number, number>({
      module: flaky,
      init: { delayMs: 0 },
      jobs,
      workers: 1,
    });
    expect(out).toEqual(jobs.map((j) => j * j));
  });

  it('returns results in job order from 2 workers, with progress to the total', async () => {
    const seen: number[] = [];
    const out = await runJobs<{ delayMs: number }, number, number>({
      module: flaky,
      init: { delayMs: 0 },
      jobs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      workers: 2,
      inline: false,
      batchSize: 3,
      onProgress: (done) => seen.push(done),
    });
    expect(out).toEqual([1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
    expect(seen[seen.length - 1]).toBe(10);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('surfaces a job error with the worker stack', async () => {
    const run = runJobs({
      module: flaky,
      init: { delayMs: 0 },
      jobs: [1, 13, 2],
      workers: 2,
      inline: false,
      batchSize: 1,
    });
    await expect(run).rejects.toBeInstanceOf(WorkerJobError);
    await expect(run).rejects.toThrow(/unlucky job 13/);
  });

  it('cancels on abort', async () => {
    const ac = new AbortController();
    const run = runJobs({
      module: flaky,
      init: { delayMs: 50 },
      jobs: Array.from({ length: 400 }, (_, i) => i + 20),
      workers: 1,
      batchSize: 1,
      signal: ac.signal,
      onProgress: (done) => {
        if (done === 2) ac.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(ac.signal.aborted).toBe(true);
  });

  it('the calling thread helps: a job error there is reported the same way', async () => {
    const run = runJobs({ module: flaky, init: { delayMs: 0 }, jobs: [13, 1], workers: 1, batchSize: 1 });
    await expect(run).rejects.toBeInstanceOf(WorkerJobError);
  });

  it("keeps a finished run's workers for the next run, which hands them its own inputs", async () => {
    await closeIdleWorkers();
    const square = await runJobs<{ delayMs: number }, number, number>({
      module: flaky,
      init: { delayMs: 0 },
      jobs: [2, 3],
      workers: 1,
      inline: false,
    });
    expect(square).toEqual([4, 9]);
    expect(idleWorkerCount()).toBe(1);
    // The kept worker runs the next run with that run's init (a different module would start its own).
    const slow = await runJobs<{ delayMs: number }, number, number>({
      module: flaky,
      init: { delayMs: 5 },
      jobs: [4, 5, 6],
      workers: 1,
      inline: false,
    });
    expect(slow).toEqual([16, 25, 36]);
    expect(idleWorkerCount()).toBe(1);
    // A failed run's workers are not kept.
    await expect(
      runJobs({ module: flaky, init: { delayMs: 0 }, jobs: [13], workers: 1, inline: false }),
    ).rejects.toBeInstanceOf(WorkerJobError);
    expect(idleWorkerCount()).toBe(0);
    await closeIdleWorkers();
  });

  it('runs in this thread with workers: 0', async () => {
    const out = await runJobs<{ delayMs: number }, number, number>({
      module: flaky,
      init: { delayMs: 0 },
      jobs: [3],
      workers: 0,
    });
    expect(out).toEqual([9]);
  });
});

describe('stress runs over workers', () => {
  const { deal, pool } = fixtureDeal();

  it('Monte Carlo: identical in this thread, on 1, 2 and 3 workers, and shared', async () => {
    const spec = { paths: 60, seed: 5, correlation: 0.15 };
    const a = await runMonteCarlo(deal, pool, spec, { workers: 0 });
    // inline: false makes the worker threads do every path, so this really compares thread counts.
    expect(await runMonteCarlo(deal, pool, spec, { workers: 1, inline: false })).toEqual(a);
    expect(await runMonteCarlo(deal, pool, spec, { workers: 2, inline: false })).toEqual(a);
    expect(await runMonteCarlo(deal, pool, spec, { workers: 3, inline: false })).toEqual(a);
    expect(await runMonteCarlo(deal, pool, spec, { workers: 1 })).toEqual(a);
    const interpolated = { ...spec, method: 'interpolated' as const, nodes: 16 };
    expect(await runMonteCarlo(deal, pool, interpolated, { workers: 1, inline: false })).toEqual(
      await runMonteCarlo(deal, pool, interpolated, { workers: 0 }),
    );
    expect(a.tranches.map((t) => t.id)).toEqual(['A', 'B', 'C']);
  }, 240_000);

  it('grid: 2 workers give the in-line answer', async () => {
    const spec: GridSpec = {
      y: { kind: 'lossMultiple', from: 0, to: 4, step: 1 },
      x: { kind: 'cpr', from: 0, to: 0.2, step: 0.1 },
      metric: 'loss',
      tranche: 'C',
    };
    const parallel = await runGrid(deal, pool, spec, { workers: 2, inline: false });
    const inline = runGridInline(dealEngine(deal, pool), deal.scenarios[0]!, spec);
    expect(parallel.cells).toEqual(inline.cells);
  }, 120_000);
});
