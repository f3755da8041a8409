/**
 * Vintage curves from the monthly sums (./accumulator.ts), by month on book m = 0 … maxMob. Denominators follow
 * Reg AB static-pool reporting and the SIFMA Standard Formulas:
 * - cumulative gross default, cumulative net loss (defaults − recoveries, CNL) and cumulative prepayment: sums
 *   over months 0…m, as a share of the vintage's ORIGINAL balance;
 * - MDR(m) = defaults(m) / performing balance at the START of m; CDR = 1 − (1 − MDR)^12;
 * - SMM(m) = prepayments(m) / performing balance at the START of m; CPR = 1 − (1 − SMM)^12. (The Standard
 *   Formulas' denominator nets scheduled principal; a history carries no schedule, so the start balance is
 *   used and SMM is slightly understated. New defaults are not netted: that would be the classic misreading.)
 * - ABS speed(m) = SMM / (1 + SMM × (m − 1)), the inverse of SMM = ABS / (1 − ABS × (age − 1)), by loan age m;
 * - payment rate(m) = principal collected in m (scheduled + prepaid) / performing balance at the start of m;
 * - delinquency share(b, m) = end-of-month balance in bucket b / end-of-month balance of performing loans;
 * - roll rate(i → j) = loans in bucket i at m − 1 found in bucket j at m / loans in bucket i at m − 1.
 * A month with no performing balance gives null, not 0: not observed is not zero.
 */
import type { VintageSums } from './accumulator';
import { B_CHARGED_OFF, BUCKETS } from './fields';

export interface VintageCurves {
  vintage: string;
  segment: string;
  loans: number;
  originalBalance: number;
  /** Months on book 0…maxMob. */
  maxMob: number;
  /** Performing balance at the start of each month (the rates' denominator). */
  perfStart: number[];
  cumDefault: number[];
  cumRecovery: number[];
  cumNetLoss: number[];
  cumPrepayment: number[];
  /** The cumulative amounts above as shares of the original balance. */
  cumDefaultPct: number[];
  cumNetLossPct: number[];
  cumPrepaymentPct: number[];
  mdr: (number | null)[];
  cdr: (number | null)[];
  smm: (number | null)[];
  cpr: (number | null)[];
  absSpeed: (number | null)[];
  paymentRate: (number | null)[];
  /** delinquency[m] = shares by bucket (current … 90+) of the performing end balance; chargedOff = new charge-offs / original. */
  delinquency: {
    current: number;
    dpd1_30: number;
    dpd31_60: number;
    dpd61_90: number;
    dpd90plus: number;
    chargedOff: number;
  }[];
}

const at = (a: readonly number[], m: number): number => a[m] ?? 0;
export const annualise = (monthly: number): number => 1 - Math.pow(1 - monthly, 12);

export function vintageCurves(s: VintageSums): VintageCurves {
  const n = s.maxMob + 1;
  const c: VintageCurves = {
    vintage: s.vintage,
    segment: s.segment,
    loans: s.loans,
    originalBalance: s.originalBalance,
    maxMob: s.maxMob,
    perfStart: Array.from({ length: n }, (_, m) => at(s.perfStart, m)),
    cumDefault: [],
    cumRecovery: [],
    cumNetLoss: [],
    cumPrepayment: [],
    cumDefaultPct: [],
    cumNetLossPct: [],
    cumPrepaymentPct: [],
    mdr: [],
    cdr: [],
    smm: [],
    cpr: [],
    absSpeed: [],
    paymentRate: [],
    delinquency: [],
  };
  let d = 0;
  let r = 0;
  let p = 0;
  const ob = s.originalBalance;
  for (let m = 0; m < n; m++) {
    d += at(s.defaults, m);
    r += at(s.recoveries, m);
    p += at(s.prepayments, m);
    c.cumDefault.push(d);
    c.cumRecovery.push(r);
    c.cumNetLoss.push(d - r);
    c.cumPrepayment.push(p);
    c.cumDefaultPct.push(ob > 0 ? d / ob : 0);
    c.cumNetLossPct.push(ob > 0 ? (d - r) / ob : 0);
    c.cumPrepaymentPct.push(ob > 0 ? p / ob : 0);
    const perf = at(s.perfStart, m);
    if (perf > 0) {
      const mdr = at(s.defaults, m) / perf;
      const smm = at(s.prepayments, m) / perf;
      c.mdr.push(mdr);
      c.cdr.push(annualise(mdr));
      c.smm.push(smm);
      c.cpr.push(annualise(smm));
      c.absSpeed.push(m >= 1 ? smm / (1 + smm * (m - 1)) : null);
      c.paymentRate.push(at(s.principal, m) / perf);
    } else {
      c.mdr.push(null);
      c.cdr.push(null);
      c.smm.push(null);
      c.cpr.push(null);
      c.absSpeed.push(null);
      c.paymentRate.push(null);
    }
    let live = 0;
    for (let b = 0; b < B_CHARGED_OFF; b++) live += at(s.buckets[b]!, m);
    const share = (b: number): number => (live > 0 ? at(s.buckets[b]!, m) / live : 0);
    c.delinquency.push({
      current: share(0),
      dpd1_30: share(1),
      dpd31_60: share(2),
      dpd61_90: share(3),
      dpd90plus: share(4),
      chargedOff: ob > 0 ? at(s.buckets[B_CHARGED_OFF]!, m) / ob : 0,
    });
  }
  return c;
}

/** Sums of several vintages (e.g. all segments of one vintage, or a whole book) month by month. */
export function poolSums(list: readonly VintageSums[], vintage: string, segment = ''): VintageSums {
  const out: VintageSums = {
    vintage,
    segment,
    loans: 0,
    originalBalance: 0,
    maxMob: -1,
    perfStart: [],
    defaults: [],
    recoveries: [],
    prepayments: [],
    principal: [],
    rows: [],
    buckets: Array.from({ length: BUCKETS.length - 1 }, () => []),
    transitions: new Array<number>(BUCKETS.length ** 2).fill(0),
  };
  const addAll = (dst: number[], src: readonly number[]): void => {
    for (let m = 0; m < src.length; m++) {
      while (dst.length <= m) dst.push(0);
      dst[m] = dst[m]! + src[m]!;
    }
  };
  for (const s of list) {
    out.loans += s.loans;
    out.originalBalance += s.originalBalance;
    out.maxMob = Math.max(out.maxMob, s.maxMob);
    addAll(out.perfStart, s.perfStart);
    addAll(out.defaults, s.defaults);
    addAll(out.recoveries, s.recoveries);
    addAll(out.prepayments, s.prepayments);
    addAll(out.principal, s.principal);
    addAll(out.rows, s.rows);
    s.buckets.forEach((b, i) => addAll(out.buckets[i]!, b));
    for (let i = 0; i < out.transitions.length; i++) out.transitions[i]! += s.transitions[i]!;
  }
  return out;
}

/** Row-normalised transition matrix; a bucket no loan was in gives a null row. */
export function rollRates(transitions: readonly number[]): (number[] | null)[] {
  const n = BUCKETS.length;
  const out: (number[] | null)[] = [];
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) total += transitions[i * n + j]!;
    out.push(total > 0 ? Array.from({ length: n }, (_, j) => transitions[i * n + j]! / total) : null);
  }
  return out;
}
