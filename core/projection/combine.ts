/**
 * Projections of disjoint parts of one pool, added period by period into the pool's projection: every series is
 * a sum over loans, so the parts' sums add (slices by segment and product for concentration limits, shards of a
 * loan-level pool projected on several threads). Parts are added in the order given, so the same parts in the
 * same order give the same bits.
 */
import type { LoanArrays } from './loanArrays';
import { PRODUCT_CODES } from '../pool/loanPool';

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

/** A pool's loans of one (segment, product): segment and product as the indexes the arrays store. */
export interface ArraysGroup {
  segment: number;
  product: number;
  arrays: LoanArrays;
}

/**
 * The pool split by (segment, product), groups in the order their first loan appears and loans in pool order
 * within a group, each group's columns contiguous (one gather per column, views into it). Concentration limits
 * project each group; at a million loans, lists of indexes and per-group copies of the loan ids cost ten times
 * the projection itself, so the groups are built with two passes over typed arrays and carry no ids (the
 * projection does not read them).
 */
export function groupBySegmentAndProduct(a: LoanArrays): ArraysGroup[] {
  const n = a.size;
  const nProducts = PRODUCT_CODES.length;
  const slotOf = new Int32Array(a.segmentNames.length * nProducts).fill(-1);
  const groupOf = new Int32Array(n);
  const keys: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const prod = a.product[i] as number;
    const key = (a.segment[i] as number) * nProducts + prod;
    let g = slotOf[key];
    if (g === undefined || !(prod < nProducts))
      throw new RangeError(`loan ${i}: segment ${a.segment[i]} or product code ${prod} out of range`);
    if (g === -1) {
      g = keys.length;
      slotOf[key] = g;
      keys.push(key);
      sizes.push(0);
    }
    groupOf[i] = g;
    sizes[g]!++;
  }
  const starts = new Int32Array(keys.length + 1);
  sizes.forEach((s, g) => (starts[g + 1] = (starts[g] as number) + s));
  // Where loan i goes: the next free place of its group, so loans keep their order within a group.
  const at = starts.slice(0, keys.length);
  const place = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    place[i] = (at[g] as number)++;
  }
  // One gather per element type: a single generic one sees three array kinds and runs several times slower.
  const f64 = (src: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[place[i] as number] = src[i] as number;
    return out;
  };
  const u16 = (src: Uint16Array): Uint16Array => {
    const out = new Uint16Array(n);
    for (let i = 0; i < n; i++) out[place[i] as number] = src[i] as number;
    return out;
  };
  const u8 = (src: Uint8Array): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[place[i] as number] = src[i] as number;
    return out;
  };
  const all: LoanArrays = {
    size: n,
    product: u8(a.product),
    segment: u16(a.segment),
    segmentNames: a.segmentNames,
    balance: f64(a.balance),
    originalBalance: f64(a.originalBalance),
    rate: f64(a.rate),
    monthlyFeeRate: f64(a.monthlyFeeRate),
    originalTerm: u16(a.originalTerm),
    remainingTerm: u16(a.remainingTerm),
    paymentRate: f64(a.paymentRate),
    count: a.count === null ? null : f64(a.count),
  };
  return keys.map((key, g) => ({
    segment: Math.floor(key / nProducts),
    product: key % nProducts,
    arrays: sliceArrays(all, starts[g] as number, starts[g + 1] as number),
  }));
}
