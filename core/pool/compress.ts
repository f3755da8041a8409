/**
 * Rep-line compression: a loan-level pool grouped by chosen keys into representative lines (RepLine of
 * the deal schema), and a measure of what the grouping costs — the same scenario projected both ways,
 * period by period. Product is always a key (a line is projected as one product).
 *
 * Each line keeps its group's exact totals: balance and original balance are sums, the rate and payment
 * rate are balance-weighted (so pool interest at cut-off is unchanged), the fee rate is weighted by
 * original balance (fees are charged on original principal, so fee income is unchanged). Terms are
 * balance-weighted and rounded to whole months: that rounding, and the averaging of amortisation
 * profiles, is where the compressed projection departs from the loan-level one.
 */
import type { RepLine, Scenario } from '../deal/schema';
import { defaultHorizon, projectPool } from '../projection/project';
import type { PoolProjection } from '../projection/types';
import { PRODUCT_CODES, type LoanPool } from './loanPool';

export type CompressKey = 'segment' | 'originalTerm' | 'remainingTerm' | 'rate' | 'seasoning';

export interface CompressOptions {
  /** Grouping keys besides product. Default: segment, originalTerm, remainingTerm. */
  keys?: readonly CompressKey[];
  /** Width of rate buckets when 'rate' is a key (annual decimal, default 0.02 = 2%). */
  rateBucket?: number;
  /** Width of seasoning buckets when 'seasoning' is a key (months, default 3). */
  seasoningBucket?: number;
}

const SAFE_ID = /[^A-Za-z0-9_.-]/g;

export function compressToRepLines(pool: LoanPool, opts: CompressOptions = {}): RepLine[] {
  const keys = new Set(opts.keys ?? ['segment', 'originalTerm', 'remainingTerm']);
  const rateW = opts.rateBucket ?? 0.02;
  const seasW = opts.seasoningBucket ?? 3;
  if (!(rateW > 0) || !(seasW >= 1)) throw new RangeError('bucket widths must be positive');
  const groups = new Map<number, number>();
  const acc: number[][] = [];
  const segOf: number[] = [];
  const mixedSeg: boolean[] = [];
  const prodOf: number[] = [];
  const n = pool.size;
  for (let i = 0; i < n; i++) {
    const p = pool.product[i]!;
    const s = pool.segment[i]!;
    const ot = pool.originalTerm[i]!;
    const rt = pool.remainingTerm[i]!;
    // One number per group: every component is bounded, so the product stays an exact integer below 2^53.
    let key = p;
    key = key * 65536 + (keys.has('segment') ? s : 0);
    key = key * 1201 + (keys.has('originalTerm') ? ot : 0);
    key = key * 1201 + (keys.has('remainingTerm') ? rt : 0);
    key = key * 1001 + (keys.has('rate') ? Math.min(1000, Math.floor(pool.rate[i]! / rateW)) : 0);
    key = key * 1201 + (keys.has('seasoning') ? Math.min(1200, Math.floor((ot - rt) / seasW)) : 0);
    let g = groups.get(key);
    if (g === undefined) {
      g = acc.length;
      groups.set(key, g);
      acc.push([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      segOf.push(s);
      mixedSeg.push(false);
      prodOf.push(p);
    } else if (segOf[g] !== s) mixedSeg[g] = true;
    const a = acc[g]!;
    const b = pool.balance[i]!;
    const ob = pool.originalBalance[i]!;
    a[0]! += 1;
    a[1]! += b;
    a[2]! += ob;
    a[3]! += b * pool.rate[i]!;
    a[4]! += ob * pool.monthlyFeeRate[i]!;
    a[5]! += b * ot;
    a[6]! += b * rt;
    a[7]! += b * pool.paymentRate[i]!;
    a[8]! += ot;
    a[9]! += rt;
  }
  const lines: RepLine[] = [];
  acc.forEach((a, g) => {
    const [count, bal, ob, wr, wf, wot, wrt, wpr, sot, srt] = a as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    // Zero-balance groups still need terms: fall back to simple averages.
    const rt = Math.max(1, Math.round(bal > 0 ? wrt / bal : srt / count));
    const ot = Math.max(rt, Math.round(bal > 0 ? wot / bal : sot / count));
    const product = PRODUCT_CODES[prodOf[g]!]!;
    const segment = mixedSeg[g] ? 'mixed' : (pool.segmentNames[segOf[g]!] ?? 'all');
    lines.push({
      id: `${product}.${segment}.${ot}.${rt}.${g + 1}`.replace(SAFE_ID, '_').slice(-64),
      segment: segment.slice(0, 64) || 'all',
      product,
      balance: bal,
      originalBalance: ob,
      rate: bal > 0 ? wr / bal : 0,
      monthlyFeeRate: ob > 0 ? wf / ob : 0,
      originalTerm: ot,
      remainingTerm: rt,
      paymentRate: bal > 0 ? wpr / bal : 0,
      count,
    });
  });
  return lines;
}

const FLOWS = [
  'interest',
  'fees',
  'scheduledPrincipal',
  'prepayment',
  'defaults',
  'loss',
  'recovery',
] as const;
type Flow = (typeof FLOWS)[number];

export interface CompressionComparison {
  periods: number;
  loans: number;
  lines: number;
  initialBalance: number;
  /** Lines minus loans, end balance of each period (index 0 = cut-off). */
  endBalanceDiff: Float64Array;
  /** Largest |end balance difference| over the horizon, as a share of the initial balance. */
  maxEndBalanceDiffShare: number;
  /** Lifetime totals of each flow, both ways, and (lines − loans) / loans. */
  totals: Record<Flow, { loans: number; lines: number; relativeDiff: number }>;
  /** Weighted average life of principal collections (scheduled + prepaid + recovered), years. */
  wal: { loans: number; lines: number; diff: number };
  loanProjection: PoolProjection;
  lineProjection: PoolProjection;
}

function wal(p: PoolProjection): number {
  let w = 0;
  let s = 0;
  for (let t = 1; t <= p.periods; t++) {
    const prin = p.scheduledPrincipal[t]! + p.prepayment[t]! + p.recovery[t]!;
    w += prin * t;
    s += prin;
  }
  return s > 0 ? w / s / 12 : 0;
}

/** Projects the pool loan by loan and as rep lines under one scenario and reports how far apart they are. */
export function compareCompression(
  pool: LoanPool,
  lines: readonly RepLine[],
  scenario: Scenario,
  periods?: number,
): CompressionComparison {
  const horizon = periods ?? defaultHorizon({ kind: 'loans', pool }, scenario);
  const loanProjection = projectPool({ kind: 'loans', pool }, scenario, horizon);
  const lineProjection = projectPool({ kind: 'repLines', lines }, scenario, horizon);
  const initial = loanProjection.beginBalance[0]!;
  const diff = new Float64Array(horizon + 1);
  let maxDiff = 0;
  for (let t = 0; t <= horizon; t++) {
    diff[t] = lineProjection.endBalance[t]! - loanProjection.endBalance[t]!;
    maxDiff = Math.max(maxDiff, Math.abs(diff[t]!));
  }
  const totals = {} as CompressionComparison['totals'];
  for (const f of FLOWS) {
    let a = 0;
    let b = 0;
    for (let t = 1; t <= horizon; t++) {
      a += loanProjection[f][t]!;
      b += lineProjection[f][t]!;
    }
    totals[f] = { loans: a, lines: b, relativeDiff: a !== 0 ? (b - a) / a : b === 0 ? 0 : Infinity };
  }
  const wl = wal(loanProjection);
  const wr = wal(lineProjection);
  return {
    periods: horizon,
    loans: pool.size,
    lines: lines.length,
    initialBalance: initial,
    endBalanceDiff: diff,
    maxEndBalanceDiffShare: initial > 0 ? maxDiff / initial : 0,
    totals,
    wal: { loans: wl, lines: wr, diff: wr - wl },
    loanProjection,
    lineProjection,
  };
}
