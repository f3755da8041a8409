/**
 * A small worker_threads pool for stress runs: the same job module runs in each worker after one `setup`
 * with shared inputs (deal, pool, plan), then jobs are handed out in batches as workers come free, so a slow
 * batch never leaves the other core idle. Results come back in job order whatever order workers finish in.
 * Progress after every batch; an AbortSignal terminates the workers at once; the first job error (with the
 * worker's stack) rejects the run and stops the rest.
 *
 * The calling thread helps by default (`inline`): it runs batches too, between which it yields to take worker
 * messages. That matters because a worker's start is slow — it loads the engine, mathjs included, which takes
 * a second on an idle machine and ten on a loaded one — and until workers are up the calling thread, which has
 * the engine loaded already, does all the work; workers join as they come up. `workers: 0` runs everything in
 * this thread (tests, tiny runs, hosts without threads); the code path of a job is the same either way.
 */
import { Worker } from 'node:worker_threads';
import { cpus } from 'node:os';
import { jobBundle } from './jobBundle';

/** What a job module exports. */
export interface JobModule<TInit, TJob, TOut> {
  setup(init: TInit): ((job: TJob) => TOut) | Promise<(job: TJob) => TOut>;
}

export interface RunJobsOptions<TInit, TJob> {
  /** File URL of the job module (a .ts file works: workers register tsx). */
  module: URL;
  init: TInit;
  jobs: readonly TJob[];
  /** Worker threads besides this one (0 = run in this thread only). Default: cores − 1, at least 1. */
  workers?: number;
  /** This thread runs batches too (default true): it works while the workers start. */
  inline?: boolean;
  /** Jobs per message (default: about 8 batches per worker, so progress is smooth and the tail is short). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export class WorkerJobError extends Error {
  constructor(
    message: string,
    readonly workerStack: string,
  ) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

interface WorkerMessage<TOut> {
  type: 'ready' | 'done' | 'error';
  batch: number;
  results?: TOut[];
  error?: { message: string; stack: string };
}

export function defaultWorkerCount(): number {
  return Math.max(1, cpus().length - 1);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const e = new Error('the run was cancelled');
  e.name = 'AbortError';
  return e;
}

export async function runJobs<TInit, TJob, TOut>(opts: RunJobsOptions<TInit, TJob>): Promise<TOut[]> {
  const { jobs, signal } = opts;
  const total = jobs.length;
  if (signal?.aborted) throw abortError(signal);
  if (total === 0) return [];
  const requested = opts.workers ?? defaultWorkerCount();
  if (!Number.isInteger(requested) || requested < 0)
    throw new RangeError(`workers must be a whole number ≥ 0, got ${requested}`);
  const inline = opts.inline ?? true;
  const threads = requested + (inline ? 1 : 0);
  const batchSize = opts.batchSize ?? Math.max(1, Math.ceil(total / (Math.max(1, threads) * 16)));
  const batches: number[][] = [];
  for (let start = 0; start < total; start += batchSize) {
    batches.push(Array.from({ length: Math.min(batchSize, total - start) }, (_, i) => start + i));
  }
  if (requested === 0) return runInThread<TInit, TJob, TOut>(opts, batches);
  return runInWorkers<TInit, TJob, TOut>(opts, batches, Math.min(requested, batches.length), inline);
}

async function runInThread<TInit, TJob, TOut>(
  opts: RunJobsOptions<TInit, TJob>,
  batches: number[][],
): Promise<TOut[]> {
  const mod = (await import(opts.module.href)) as JobModule<TInit, TJob, TOut>;
  const run = await mod.setup(opts.init);
  const out: TOut[] = new Array<TOut>(opts.jobs.length);
  let done = 0;
  for (const batch of batches) {
    if (opts.signal?.aborted) throw abortError(opts.signal);
    for (const j of batch) out[j] = run(opts.jobs[j]!);
    done += batch.length;
    opts.onProgress?.(done, opts.jobs.length);
    // Yield so an abort from a timer or UI event can land between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

function runInWorkers<TInit, TJob, TOut>(
  opts: RunJobsOptions<TInit, TJob>,
  batches: number[][],
  count: number,
  inline: boolean,
): Promise<TOut[]> {
  const { jobs, signal } = opts;
  const out: TOut[] = new Array<TOut>(jobs.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let settled = false;

  return new Promise<TOut[]>((resolve, reject) => {
    const stop = (): void => {
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
    };
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      stop();
      reject(err);
    };
    const onAbort = (): void => fail(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    const complete = (): void => {
      if (done === jobs.length && !settled) {
        settled = true;
        stop();
        resolve(out);
      }
    };
    const feed = (w: Worker): void => {
      if (next >= batches.length) return complete();
      const b = next++;
      const ids = batches[b]!;
      w.postMessage({ batch: b, jobs: ids.map((j) => jobs[j]) });
    };

    const spawn = (bundle: URL | null): void => {
      if (settled) return;
      for (let i = 0; i < count; i++) start(bundle);
    };
    const start = (bundle: URL | null): void => {
      const w = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: { module: (bundle ?? opts.module).href, bundled: bundle !== null, init: opts.init },
      });
      workers.push(w);
      w.on('message', (msg: WorkerMessage<TOut>) => {
        if (settled) return;
        if (msg.type === 'error') {
          const e = msg.error ?? { message: 'unknown worker error', stack: '' };
          fail(new WorkerJobError(`job failed: ${e.message}`, e.stack));
          return;
        }
        if (msg.type === 'done') {
          const ids = batches[msg.batch]!;
          const results = msg.results ?? [];
          ids.forEach((j, k) => (out[j] = results[k]!));
          done += ids.length;
          opts.onProgress?.(done, jobs.length);
        }
        feed(w);
      });
      w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`a worker stopped with exit code ${code}`));
      });
    };
    // The bundle is looked up (or built) while this thread already computes.
    void jobBundle(opts.module).then(spawn, () => spawn(null));

    if (inline) {
      void (async () => {
        const mod = (await import(opts.module.href)) as JobModule<TInit, TJob, TOut>;
        const run = await mod.setup(opts.init);
        while (!settled && next < batches.length) {
          const ids = batches[next++]!;
          for (const j of ids) out[j] = run(jobs[j]!);
          done += ids.length;
          opts.onProgress?.(done, jobs.length);
          // Let worker messages and an abort land between batches.
          await new Promise<void>((r) => setImmediate(r));
        }
        complete();
      })().catch((err: unknown) =>
        fail(
          err instanceof Error
            ? new WorkerJobError(`job failed: ${err.message}`, err.stack ?? '')
            : new WorkerJobError(`job failed: ${String(err)}`, ''),
        ),
      );
    }
  });
}
