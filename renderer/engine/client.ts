/**
 * The UI side of the engine worker: one job at a time per client, progress callbacks, and Cancel, which
 * terminates the worker (the only way to stop a synchronous engine loop) and starts a fresh one.
 */
import type { CoreMessage } from '../../core/i18n/messages';
import type { LoanPool } from '../../core/pool/loanPool';
import type { EngineRequest, EngineResponses, FromWorker, ProgressKey, ToWorker } from './protocol';

export interface JobProgress {
  done: number;
  total: number;
  label: string;
  /** The step's catalog key (`app:jobs.progress.<key>`) and its values, so the status bar translates it. */
  key?: ProgressKey;
  params?: Readonly<Record<string, string | number>>;
}

/** A job the engine refused with a coded message: `problem` words it in the interface language. */
export class EngineError extends Error {
  constructor(readonly problem: CoreMessage) {
    super(problem.message);
    this.name = 'EngineError';
  }
}

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

/**
 * The slice of a Worker the client uses, so the client runs (and is tested) without the DOM; `engineWorker.ts`
 * adapts a real Worker.
 */
export interface WorkerPort {
  post(message: ToWorker, transfer: readonly object[]): void;
  listen(onMessage: (message: FromWorker) => void, onCrash: (message: string) => void): void;
  terminate(): void;
}

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (p: JobProgress) => void;
  /** Posts the job again with its pool in full (the worker answered poolMissing). */
  resendWithPool?: () => void;
};

/** The fields of a pool the engine reads: an imported tape's other columns (dates, status…) stay in the UI. */
function engineColumns(p: LoanPool): LoanPool {
  return {
    size: p.size,
    ids: p.ids,
    product: p.product,
    segment: p.segment,
    segmentNames: p.segmentNames,
    balance: p.balance,
    originalBalance: p.originalBalance,
    rate: p.rate,
    monthlyFeeRate: p.monthlyFeeRate,
    originalTerm: p.originalTerm,
    remainingTerm: p.remainingTerm,
    paymentRate: p.paymentRate,
  };
}

export class EngineClient {
  private worker: WorkerPort | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private cancelListeners = new Set<() => void>();
  /** Keys of the pools jobs have named (a pool is immutable: a changed pool is a new object, a new key). */
  private readonly poolKeys = new WeakMap<LoanPool, number>();
  private nextPoolKey = 1;
  /** The pool the current worker keeps, as far as this side knows; null for a fresh worker. */
  private workerPool: number | null = null;

  constructor(private readonly spawn: () => WorkerPort) {}

  private ensure(): WorkerPort {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.listen(
      (msg) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        if (msg.type === 'progress') {
          const { id: _id, type: _type, ...progress } = msg;
          p.onProgress?.(progress);
        } else if (msg.type === 'poolMissing') {
          p.resendWithPool?.();
        } else {
          this.pending.delete(msg.id);
          if (msg.type === 'done') p.resolve(msg.value);
          else p.reject(msg.problem ? new EngineError(msg.problem) : new Error(msg.message));
        }
      },
      (message) => this.failAll(new Error(message || 'The engine stopped unexpectedly')),
    );
    this.worker = w;
    return w;
  }

  private failAll(err: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.workerPool = null;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  request<K extends EngineRequest['kind']>(
    request: Extract<EngineRequest, { kind: K }>,
    onProgress?: (p: JobProgress) => void,
    transfer: readonly object[] = [],
  ): Promise<EngineResponses[K]> {
    const id = this.nextId++;
    const w = this.ensure();
    const loans = 'loans' in request ? request.loans : null;
    const imports = request.kind === 'tapeImport' || request.kind === 'sheetImport';
    const keep = imports ? this.nextPoolKey++ : null;
    const post = (withPool: boolean): void => {
      if (loans === null) {
        w.post({ id, request, ...(keep !== null ? { keepPoolAs: keep } : {}) }, transfer);
        return;
      }
      const key = this.keyOf(loans);
      const send = withPool || this.workerPool !== key;
      this.workerPool = key;
      w.post(
        {
          id,
          request: { ...request, loans: null },
          pool: send ? { key, pool: engineColumns(loans) } : { key },
        },
        // A resent job's transferables went with its first post.
        withPool ? [] : transfer,
      );
    };
    return new Promise<EngineResponses[K]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (v) => {
          // The worker kept the pool it imported: later jobs on it send only the key.
          const pool = keep !== null ? (v as { pool?: LoanPool }).pool : undefined;
          if (pool && this.worker === w) {
            this.poolKeys.set(pool, keep!);
            this.workerPool = keep;
          }
          resolve(v as EngineResponses[K]);
        },
        reject,
        onProgress,
        resendWithPool: () => post(true),
      });
      post(false);
    });
  }

  private keyOf(pool: LoanPool): number {
    let key = this.poolKeys.get(pool);
    if (key === undefined) {
      key = this.nextPoolKey++;
      this.poolKeys.set(pool, key);
    }
    return key;
  }

  /**
   * Work that runs outside the engine worker for a job (the sheet reader's own worker) hears the same
   * Cancel through this; returns the unsubscribe.
   */
  onCancel(listener: () => void): () => void {
    this.cancelListeners.add(listener);
    return () => this.cancelListeners.delete(listener);
  }

  /** Stops whatever is running; its promises reject with JobCancelled. */
  cancel(): void {
    for (const l of [...this.cancelListeners]) l();
    this.failAll(new JobCancelled());
  }
}
