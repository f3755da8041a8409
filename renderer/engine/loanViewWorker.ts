/// <reference lib="webworker" />
/**
 * The Pool screen's heavy reading of a loan tape, off the UI thread: sort and filter orders for the grid,
 * the cut-off summary and the strat tables. A worker of its own, not the engine's: a grid sort must not
 * queue behind a stress grid, nor die when the user cancels one. It keeps one pool, the one on screen,
 * built up from the columns the UI sends (messages arrive in order, so a request finds what preceded it).
 */
import { loanColumns, queryFields, queryLoans } from '../../core/pool/loanView';
import type { ImportedPool } from '../../core/pool/poolFile';
import { poolSummary, standardStrats } from '../../core/pool/strat';
import type { LoanViewReply, LoanViewRequest, TypedColumn } from './loanView';

declare const self: DedicatedWorkerGlobalScope;

interface Held {
  token: number;
  pool: Record<string, unknown> & { size: number; ids: string[] };
}
let held: Held | null = null;

function poolFor(token: number): ImportedPool {
  if (!held || held.token !== token) throw new Error('loan view: the pool changed; try again');
  // Complete once every column the request reads has arrived, which the UI guarantees before asking.
  return held.pool as unknown as ImportedPool;
}

function reply(message: LoanViewReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = (event: MessageEvent<LoanViewRequest>) => {
  const req = event.data;
  switch (req.type) {
    case 'pool':
      held = {
        token: req.token,
        pool: {
          size: req.size,
          ids: new Array<string>(req.size).fill(''),
          cutoffDate: req.cutoffDate,
          segmentNames: req.segmentNames,
          regionNames: req.regionNames,
        },
      };
      return;
    case 'column':
      if (held?.token === req.token) held.pool[req.field satisfies TypedColumn] = req.values;
      return;
    case 'ids':
      if (held?.token === req.token) {
        const ids = held.pool.ids;
        req.values.forEach((v, k) => (ids[req.start + k] = v));
      }
      return;
    case 'query':
    case 'facts':
      try {
        const pool = poolFor(req.token);
        if (req.type === 'query') {
          const order = queryLoans(pool.size, loanColumns(pool, queryFields(req.query)), req.query);
          reply({ id: req.id, order }, [order.buffer]);
        } else {
          reply({ id: req.id, facts: { summary: poolSummary(pool), strats: standardStrats(pool) } });
        }
      } catch (err) {
        reply({ id: req.id, error: err instanceof Error ? err.message : String(err) });
      }
  }
};
