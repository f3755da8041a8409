/**
 * Projections of disjoint parts of one pool, added period by period into the pool's projection: every series is
 * a sum over loans, so the parts' sums add (slices by segment and product for concentration limits, shards of a
 * loan-level pool projected on several threads). Parts are added in the order given, so the same parts in the
 * same order give the same bits.
 */
import type { LoanArrays } from './loanArrays';

/**
 * Loans per shard of a large loan-level pool. A pool is projected shard by shard and the shards' totals added in
 * order, on one thread or many alike, so the answer does not depend on the thread count; a pool of one shard is
 * projected in one pass as before. Small enough to balance two threads and a late-starting worker, large enough
 * that the per-shard set-up (assumption rows) does not count.
 */
export const SHARD_LOANS = 1 << 16;

/** The [start, end) loan ranges of a pool's shards. */
export function shardRanges(size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < size; s += SHARD_LOANS) out.push([s, Math.min(size, s + SHARD_LOANS)]);
  return out;
}
import { PROJECTION_SERIES, type PoolProjection } from './types';

export function sumProjections(parts: readonly PoolProjection[], periods: number): PoolProjection {
  const out = {
    periods,
    ...Object.fromEntries(PROJECTION_SERIES.map((f) => [f, new Float64Array(periods + 1)])),
  } as unknown as PoolProjection;
  for (const p of parts) {
    for (const f of PROJECTION_SERIES) {
      const dst = out[f];
      const src = p[f];
      for (let t = 0; t <= periods; t++) dst[t]! += src[t]!;
    }
  }
  const budgets = parts.flatMap((p) => (p.cnlBudget ? [p.cnlBudget] : []));
  if (budgets.length === 0) return out;
  const total = (k: 'stated' | 'realised' | 'retimed' | 'balance'): number =>
    budgets.reduce((s, b) => s + b[k], 0);
  return {
    ...out,
    cnlBudget: {
      stated: total('stated'),
      realised: total('realised'),
      retimed: total('retimed'),
      balance: total('balance'),
    },
  };
}

/** Entries [start, end) of the pool's arrays as views (no copy). */
export function sliceArrays(a: LoanArrays, start: number, end: number): LoanArrays {
  return {
    size: end - start,
    product: a.product.subarray(start, end),
    segment: a.segment.subarray(start, end),
    segmentNames: a.segmentNames,
    balance: a.balance.subarray(start, end),
    originalBalance: a.originalBalance.subarray(start, end),
    rate: a.rate.subarray(start, end),
    monthlyFeeRate: a.monthlyFeeRate.subarray(start, end),
    originalTerm: a.originalTerm.subarray(start, end),
    remainingTerm: a.remainingTerm.subarray(start, end),
    paymentRate: a.paymentRate.subarray(start, end),
    count: a.count === null ? null : a.count.subarray(start, end),
  };
}
