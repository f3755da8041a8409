/**
 * The UI side of the engine worker: one job at a time per client, progress callbacks, and Cancel, which
 * terminates the worker (the only way to stop a synchronous engine loop) and starts a fresh one.
 */
import type { CoreMessage } from '../../core/i18n/messages';
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
};

export class EngineClient {
  private worker: WorkerPort | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private cancelListeners = new Set<() => void>();

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
    return new Promise<EngineResponses[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      w.post({ id, request }, transfer);
    });
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
