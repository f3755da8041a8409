/**
 * Loan-level projection on every core. The pool is cut into the fixed shards projectPool itself uses
 * (../../projection/combine.ts: SHARD_LOANS consecutive loans each, whatever the thread count); each shard is
 * projected by the one kernel on whichever thread is free, and the shards' period totals are added in shard
 * order. The answer is therefore projectPool's, to the bit, on 1, 2 or n threads (tested).
 *
 * The pool's arrays are copied once into SharedArrayBuffers, so workers read them in place: starting a worker or
 * a projection copies no loan data: the scenario goes out, and each shard's period totals are written into the
 * shard's slot of a shared buffer (./jobs/projectionShards.ts: threads claim shards from a shared counter). A
 * ProjectionPool keeps its workers for many projections (the app projecting one pool under scenario after
 * scenario); `projectPoolParallel` starts one for a single projection and closes it. The calling thread
 * projects shards too, so it works while workers start.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../deal/schema';
import type { LoanPool } from '../../pool/loanPool';
import { shardRanges } from '../../projection/combine';
import { resolveScenario } from '../../assumptions/scenarioTables';

export { SHARD_LOANS, shardRanges } from '../../projection/combine';
import { loanPoolArrays, type LoanArrays } from '../../projection/loanArrays';
import type { PoolProjection } from '../../projection/types';
import {
  claimBuffers,
  projectClaimed,
  sumSlots,
  type ProjectionClaim,
  type ProjectionInit,
} from './jobs/projectionShards';
import { jobBundle } from './jobBundle';
import { defaultWorkerCount, WorkerJobError } from './pool';

const JOB_MODULE = new URL('./jobs/projectionShards.ts', import.meta.url);

function shared<A extends Float64Array | Uint16Array | Uint8Array>(
  a: A,
  make: (buf: SharedArrayBuffer, n: number) => A,
): A {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = make(new SharedArrayBuffer(a.byteLength), a.length);
  out.set(a);
  return out;
}

/** The pool's arrays on SharedArrayBuffers (loan ids stay behind: the projection does not read them). */
export function sharedLoanArrays(pool: LoanPool): LoanArrays {
  const a = loanPoolArrays(pool);
  const f64 = (x: Float64Array): Float64Array => shared(x, (b, n) => new Float64Array(b, 0, n));
  const u16 = (x: Uint16Array): Uint16Array => shared(x, (b, n) => new Uint16Array(b, 0, n));
  return {
    size: a.size,
    product: shared(a.product, (b, n) => new Uint8Array(b, 0, n)),
    segment: u16(a.segment),
    segmentNames: [...a.segmentNames],
    balance: f64(a.balance),
    originalBalance: f64(a.originalBalance),
    rate: f64(a.rate),
    monthlyFeeRate: f64(a.monthlyFeeRate),
    originalTerm: u16(a.originalTerm),
    remainingTerm: u16(a.remainingTerm),
    paymentRate: f64(a.paymentRate),
    count: null,
  };
}

interface ShardReply {
  type: 'ready' | 'done' | 'error';
  batch: number;
  results?: number[];
  error?: { message: string; stack: string };
}

export interface ProjectionPoolOptions {
  /** Worker threads besides this one (default: cores − 1, at least 1; 0 = this thread only). */
  workers?: number;
}

export class ProjectionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private current: ((w: Worker, reply: ShardReply) => void) | null = null;
  private closed = false;

  private constructor(
    private readonly arrays: LoanArrays,
    private readonly count: number,
  ) {}

  /** Starts the workers in the background: the first projection begins at once on this thread. */
  static open(pool: LoanPool, opts: ProjectionPoolOptions = {}): ProjectionPool {
    const count = opts.workers ?? defaultWorkerCount();
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`workers must be a whole number ≥ 0, got ${count}`);
    const p = new ProjectionPool(sharedLoanArrays(pool), count);
    if (count > 0)
      void jobBundle(JOB_MODULE).then(
        (b) => p.spawn(b),
        () => p.spawn(null),
      );
    return p;
  }

  /** Resolves once every worker has started (for measuring start-up apart from projection). */
  async ready(): Promise<void> {
    while (!this.closed && this.idle.length < this.count) await new Promise((r) => setTimeout(r, 5));
  }

  private spawn(bundle: URL | null): void {
    for (let i = 0; i < this.count && !this.closed; i++) {
      const w = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: {
          module: (bundle ?? JOB_MODULE).href,
          bundled: bundle !== null,
          init: { arrays: this.arrays } satisfies ProjectionInit,
        },
      });
      this.workers.push(w);
      w.on('message', (msg: ShardReply) => {
        if (msg.type === 'ready') this.idle.push(w);
        this.current?.(w, msg);
      });
      w.on('error', (err) =>
        this.current?.(w, { type: 'error', batch: -1, error: { message: String(err), stack: '' } }),
      );
    }
  }

  /** The pool's projection under `scenario` for `periods` months: projectPool's answer, on every thread. */
  project(scenario: Scenario, periods: number): Promise<PoolProjection> {
    if (this.closed) return Promise.reject(new Error('the projection pool is closed'));
    if (this.current) return Promise.reject(new Error('one projection at a time per pool'));
    const size = this.arrays.size;
    const shards = shardRanges(size).length;
    const job: ProjectionClaim = { scenario, periods, ...claimBuffers(size, periods) };
    // Every worker joins the same claim; a worker coming up mid-projection joins it too.
    const busy = new Set<Worker>();
    const join = (w: Worker): void => {
      this.idle.splice(this.idle.indexOf(w), 1);
      busy.add(w);
      w.postMessage({ batch: 0, jobs: [job] });
    };
    return new Promise<PoolProjection>((resolve, reject) => {
      let failure: Error | null = null;
      let inlineDone = false;
      let settled = false;
      const finish = (): void => {
        // Settled only when no thread still writes into this projection's slots.
        if (settled || !inlineDone || busy.size > 0) return;
        settled = true;
        this.current = null;
        if (failure) reject(failure);
        else resolve(sumSlots(job.slots, size, periods));
      };
      const fail = (err: Error): void => {
        failure ??= err;
        // The other threads stop claiming.
        Atomics.store(job.claim, 0, shards);
      };
      this.current = (w, reply) => {
        if (reply.type === 'ready') {
          if (!inlineDone && failure === null) join(w);
          return;
        }
        if (reply.type === 'error') {
          const e = reply.error ?? { message: 'unknown worker error', stack: '' };
          fail(new WorkerJobError(`projection shard failed: ${e.message}`, e.stack));
        }
        if (busy.delete(w)) this.idle.push(w);
        finish();
      };
      for (const w of [...this.idle]) join(w);
      // This thread claims shards too, one at a time, yielding between them so a worker that comes up late
      // still joins. Workers need nothing from it while they run: they claim their shards themselves.
      const resolved = resolveScenario(scenario, periods);
      const inline = (): void => {
        let n = 0;
        try {
          if (failure === null) n = projectClaimed(this.arrays, resolved, job, 1);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
        }
        if (n > 0) {
          setImmediate(inline);
          return;
        }
        inlineDone = true;
        finish();
      };
      inline();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One projection on every core: starts a ProjectionPool, projects, closes it. */
export async function projectPoolParallel(
  pool: LoanPool,
  scenario: Scenario,
  periods: number,
  opts: ProjectionPoolOptions = {},
): Promise<PoolProjection> {
  const p = ProjectionPool.open(pool, opts);
  try {
    return await p.project(scenario, periods);
  } finally {
    await p.close();
  }
}
