/**
 * The UI side of the loan-view worker. The worker keeps a copy of the pool on screen; each column crosses
 * once, one column per task (copied here and transferred, so this thread pays a memory copy, never a long
 * structured clone), and loan ids only when a query first sorts or filters by them, in slices. Sort,
 * filter and strat requests then carry no data at all.
 */
import type { LoanQuery } from '../../core/pool/loanView';
import { queryFields } from '../../core/pool/loanView';
import type { ImportedPool } from '../../core/pool/poolFile';
import type { PoolSummary, StratTable } from '../../core/pool/strat';

export interface PoolFacts {
  summary: PoolSummary;
  strats: StratTable[];
}

/** The pool's typed-array columns, as named on ImportedPool. */
export const TYPED_COLUMNS = [
  'product',
  'segment',
  'balance',
  'originalBalance',
  'rate',
  'monthlyFeeRate',
  'originalTerm',
  'remainingTerm',
  'paymentRate',
  'originationDay',
  'maturityDay',
  'daysPastDue',
  'status',
  'region',
  'score',
] as const;
export type TypedColumn = (typeof TYPED_COLUMNS)[number];
type TypedValues = Float64Array | Uint16Array | Uint8Array;

/** Ids cross in slices of this many, each in its own task. */
const ID_SLICE = 100_000;

export type LoanViewRequest =
  | {
      type: 'pool';
      token: number;
      size: number;
      cutoffDate: string | null;
      segmentNames: readonly string[];
      regionNames: readonly string[];
    }
  | { type: 'column'; token: number; field: TypedColumn; values: TypedValues }
  | { type: 'ids'; token: number; start: number; values: string[] }
  | { type: 'query'; id: number; token: number; query: LoanQuery }
  | { type: 'facts'; id: number; token: number };

export type LoanViewReply =
  { id: number; order: Uint32Array } | { id: number; facts: PoolFacts } | { id: number; error: string };

type Pending = { resolve: (reply: LoanViewReply) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

interface Loaded {
  pool: ImportedPool;
  token: number;
  sent: Map<TypedColumn | 'id', Promise<void>>;
}
let loaded: Loaded | null = null;

function ensure(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./loanViewWorker.ts', import.meta.url), {
    type: 'module',
    name: 'abs-loan-view',
  });
  w.onmessage = (e: MessageEvent<LoanViewReply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data);
  };
  w.onerror = (e) => {
    e.preventDefault();
    for (const p of pending.values()) p.reject(new Error(e.message || 'The loan view stopped unexpectedly'));
    pending.clear();
    w.terminate();
    worker = null;
    loaded = null;
  };
  worker = w;
  return w;
}

const nextTask = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

function post(message: LoanViewRequest, transfer: Transferable[] = []): void {
  ensure().postMessage(message, transfer);
}

/** Makes sure the worker holds `pool` with the given columns; resolves once they are all posted. */
async function load(pool: ImportedPool, fields: readonly (TypedColumn | 'id')[]): Promise<number> {
  ensure();
  if (loaded?.pool !== pool) {
    const token = (loaded?.token ?? 0) + 1;
    loaded = { pool, token, sent: new Map() };
    post({
      type: 'pool',
      token,
      size: pool.size,
      cutoffDate: pool.cutoffDate,
      segmentNames: pool.segmentNames,
      regionNames: pool.regionNames,
    });
  }
  const l = loaded;
  // Columns are posted in turn (never two copies in one task), each after the one before it.
  let chain: Promise<void> = Promise.all([...l.sent.values()]).then(() => undefined);
  for (const field of fields) {
    if (l.sent.has(field)) continue;
    const step = chain.then(async () => {
      await nextTask();
      if (loaded !== l) return;
      if (field === 'id') {
        for (let start = 0; start < pool.size; start += ID_SLICE) {
          post({ type: 'ids', token: l.token, start, values: pool.ids.slice(start, start + ID_SLICE) });
          await nextTask();
        }
      } else {
        const values = pool[field].slice();
        post({ type: 'column', token: l.token, field, values }, [values.buffer]);
      }
    });
    l.sent.set(field, step);
    chain = step;
  }
  await chain;
  return l.token;
}

function ask(message: { type: 'query'; token: number; query: LoanQuery } | { type: 'facts'; token: number }) {
  const id = nextId++;
  return new Promise<LoanViewReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    post({ ...message, id });
  });
}

/** The loans of `pool` that pass the query's filters, in its sort order. */
export async function queryPool(pool: ImportedPool, query: LoanQuery): Promise<Uint32Array> {
  const fields = queryFields(query).flatMap((f): (TypedColumn | 'id')[] => {
    if (f === 'id') return ['id'];
    return TYPED_COLUMNS.includes(f as TypedColumn) ? [f as TypedColumn] : [];
  });
  const token = await load(pool, fields);
  const reply = await ask({ type: 'query', token, query });
  if (!('order' in reply)) throw new Error('loan view: unexpected reply');
  return reply.order;
}

/** The cut-off summary and the standard strat tables of a pool (every numeric column, never the ids). */
export async function poolFacts(pool: ImportedPool): Promise<PoolFacts> {
  const token = await load(pool, TYPED_COLUMNS);
  const reply = await ask({ type: 'facts', token });
  if (!('facts' in reply)) throw new Error('loan view: unexpected reply');
  return reply.facts;
}
