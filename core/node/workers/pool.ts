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
 *
 * Workers outlive their run: a finished run's workers wait (unreferenced, so they never keep the process alive)
 * for the next run of the same job module, which hands them its inputs instead of starting new threads. A
 * second Monte Carlo in the same process then starts on threads whose module is loaded and whose JIT has
 * compiled the waterfall — start-up and compilation were most of what kept two threads from doubling one.
 * Idle workers stop after `IDLE_WORKER_MS`; a failed or cancelled run's workers are terminated, never reused.
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
  /**
   * Jobs per batch. Default: about 16 batches per thread, then smaller ones as the run nears its end (guided
   * scheduling), so progress is smooth and no thread idles long while another finishes its last batch.
   */
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

/** How long a finished run's worker waits for the next run before it stops. */
export const IDLE_WORKER_MS = 60_000;

interface IdleWorker {
  worker: Worker;
  timer: ReturnType<typeof setTimeout>;
  /** An idle worker that fails or exits leaves the list (and an 'error' with no listener would throw). */
  onGone: () => void;
}

/** Idle workers by the URL of the module they loaded (the bundle, or the .ts under tsx). */
const idleWorkers = new Map<string, IdleWorker[]>();

function claimIdle(key: string): Worker | null {
  const list = idleWorkers.get(key);
  const entry = list?.pop();
  if (!entry) return null;
  clearTimeout(entry.timer);
  entry.worker.off('error', entry.onGone);
  entry.worker.off('exit', entry.onGone);
  entry.worker.ref();
  return entry.worker;
}

function park(key: string, worker: Worker): void {
  worker.unref();
  let list = idleWorkers.get(key);
  if (!list) idleWorkers.set(key, (list = []));
  const drop = (): void => {
    const l = idleWorkers.get(key);
    const i = l ? l.indexOf(entry) : -1;
    if (i >= 0) l!.splice(i, 1);
    clearTimeout(entry.timer);
  };
  const entry: IdleWorker = {
    worker,
    timer: setTimeout(() => {
      drop();
      void worker.terminate();
    }, IDLE_WORKER_MS),
    onGone: drop,
  };
  entry.timer.unref();
  worker.on('error', drop);
  worker.on('exit', drop);
  list.push(entry);
}

/** Workers waiting for a next run (for tests and the bench). */
export function idleWorkerCount(): number {
  let n = 0;
  for (const l of idleWorkers.values()) n += l.length;
  return n;
}

/** Stops every idle worker now (a host shutting down, or a bench measuring cold starts). */
export async function closeIdleWorkers(): Promise<void> {
  const all = [...idleWorkers.values()].flat();
  idleWorkers.clear();
  for (const e of all) {
    clearTimeout(e.timer);
    e.worker.off('error', e.onGone);
    e.worker.off('exit', e.onGone);
  }
  await Promise.all(all.map((e) => e.worker.terminate()));
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

/**
 * The job module as the workers load it: its bundle where one could be built, so this thread runs the same code
 * as every worker. Loaded as TypeScript (under tsx) this thread ran slower code than the workers — tsx keeps
 * function names by wrapping every closure the waterfall creates, a property definition per closure per period.
 */
async function loadJobModule<TInit, TJob, TOut>(module: URL): Promise<JobModule<TInit, TJob, TOut>> {
  const bundle = await jobBundle(module).catch(() => null);
  return (await import((bundle ?? module).href)) as JobModule<TInit, TJob, TOut>;
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
  const starts = batchStarts(total, Math.max(1, threads), opts.batchSize);
  if (requested === 0) return runInThread<TInit, TJob, TOut>(opts, starts);
  return runInWorkers<TInit, TJob, TOut>(opts, starts, Math.min(requested, starts.length - 1), inline);
}

/**
 * Where each batch starts, and the total last. A fixed size when asked; otherwise a sixteenth of a thread's share
 * until the jobs left are a few batches per thread, then a quarter of their share per batch (down to an eighth
 * of the first size): with even batches a thread finishing first waited up to a whole batch for the other —
 * 60 ms of a 1.1 s Monte Carlo on two threads.
 */
export function batchStarts(total: number, threads: number, fixed?: number): number[] {
  const starts: number[] = [];
  const full = fixed ?? Math.max(1, Math.ceil(total / (threads * 16)));
  const least = fixed ?? Math.max(1, Math.ceil(full / 8));
  for (let start = 0; start < total;) {
    starts.push(start);
    start += Math.min(full, Math.max(least, Math.ceil((total - start) / (threads * 4))));
  }
  starts.push(total);
  return starts;
}

async function runInThread<TInit, TJob, TOut>(
  opts: RunJobsOptions<TInit, TJob>,
  starts: readonly number[],
): Promise<TOut[]> {
  const mod = await loadJobModule<TInit, TJob, TOut>(opts.module);
  const run = await mod.setup(opts.init);
  const out: TOut[] = new Array<TOut>(opts.jobs.length);
  for (let b = 0; b + 1 < starts.length; b++) {
    if (opts.signal?.aborted) throw abortError(opts.signal);
    for (let j = starts[b]!; j < starts[b + 1]!; j++) out[j] = run(opts.jobs[j]!);
    opts.onProgress?.(starts[b + 1]!, opts.jobs.length);
    // Yield so an abort from a timer or UI event can land between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

function runInWorkers<TInit, TJob, TOut>(
  opts: RunJobsOptions<TInit, TJob>,
  starts: readonly number[],
  count: number,
  inline: boolean,
): Promise<TOut[]> {
  const { jobs, signal } = opts;
  const out: TOut[] = new Array<TOut>(jobs.length);
  // Every thread claims the next batch from this shared counter, so a worker never waits for this thread — busy
  // with a batch of its own — to hand it one (it did, for most of a batch, every batch).
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const nBatches = starts.length - 1;
  // Shared with the workers like the counter: they read where a batch starts from it.
  const batchStart = new Int32Array(new SharedArrayBuffer(4 * starts.length));
  batchStart.set(starts);
  // This run's workers, the message handler it attached to each, and whether the worker has set up this run.
  const workers: { worker: Worker; onMessage: (msg: WorkerMessage<TOut>) => void; ready: boolean }[] = [];
  let poolKey = '';
  let done = 0;
  let settled = false;

  return new Promise<TOut[]>((resolve, reject) => {
    const detach = (): void => {
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) {
        w.worker.off('message', w.onMessage);
        w.worker.removeAllListeners('error');
        w.worker.removeAllListeners('exit');
      }
    };
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      // The other threads stop claiming; a failed or cancelled run's workers are never reused.
      Atomics.store(claim, 0, nBatches);
      detach();
      for (const w of workers) void w.worker.terminate();
      reject(err);
    };
    const onAbort = (): void => fail(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });

    const complete = (): void => {
      if (done === jobs.length && !settled) {
        settled = true;
        detach();
        // Every batch has come back, so each worker that set up this run has finished with it (or is about to
        // find the counter spent; the next run's inputs queue behind that): keep it for the next run. One still
        // starting would announce a setup of this run's inputs later; it is stopped instead.
        for (const w of workers) {
          if (w.ready) park(poolKey, w.worker);
          else void w.worker.terminate();
        }
        resolve(out);
      }
    };
    const record = (b: number, results: readonly TOut[]): void => {
      const from = starts[b]!;
      for (let k = 0; k < results.length; k++) out[from + k] = results[k]!;
      done += results.length;
      opts.onProgress?.(done, jobs.length);
      complete();
    };

    const attach = (w: Worker): void => {
      const entry = {
        worker: w,
        ready: false,
        onMessage: (msg: WorkerMessage<TOut>): void => {
          if (settled) return;
          if (msg.type === 'error') {
            const e = msg.error ?? { message: 'unknown worker error', stack: '' };
            fail(new WorkerJobError(`job failed: ${e.message}`, e.stack));
            return;
          }
          if (msg.type === 'ready') {
            entry.ready = true;
            return;
          }
          if (msg.type === 'done') record(msg.batch, msg.results ?? []);
        },
      };
      workers.push(entry);
      w.on('message', entry.onMessage);
      w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', (code) => {
        if (!settled && code !== 0) fail(new Error(`a worker stopped with exit code ${code}`));
      });
    };

    const spawn = (bundle: URL | null): void => {
      if (settled) return;
      const module = (bundle ?? opts.module).href;
      poolKey = module;
      // The jobs go once, with the inputs; the worker then claims batches until the counter is spent.
      const batches = { claim, jobs, starts: batchStart };
      for (let i = 0; i < count; i++) {
        const kept = claimIdle(module);
        if (kept) {
          attach(kept);
          kept.postMessage({ type: 'init', init: opts.init, batches });
          continue;
        }
        attach(
          new Worker(new URL('./worker.mjs', import.meta.url), {
            workerData: { module, bundled: bundle !== null, init: opts.init, batches },
          }),
        );
      }
    };
    // The bundle is looked up (or built) while this thread already computes.
    void jobBundle(opts.module).then(spawn, () => spawn(null));

    if (inline) {
      void (async () => {
        const mod = await loadJobModule<TInit, TJob, TOut>(opts.module);
        const run = await mod.setup(opts.init);
        for (;;) {
          if (settled) return;
          const b = Atomics.add(claim, 0, 1);
          if (b >= nBatches) break;
          const results: TOut[] = [];
          for (let j = starts[b]!; j < starts[b + 1]!; j++) results.push(run(jobs[j]!));
          record(b, results);
          // Let worker messages and an abort land between batches.
          await new Promise<void>((r) => setImmediate(r));
        }
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
