/**
 * Discount margin of a floating-rate class: the margin DM over the index at which the class's flows, discounted
 * period by period at simple interest, are worth the dirty price (the street convention):
 *   value = Σ_i CF_i × Π_{j ≤ i} 1 / (1 + (I_j + DM) × τ_j),
 * τ_j the accrual fraction of period j in the class's day count (the first from settlement to the first payment
 * date). The index I_j is either the current fixing held flat (the street DM, `flat`) or the curve's simple
 * forward over the period (`forwards`). The flows themselves are the run's, i.e. coupons projected on the
 * scenario's index curve: for the street DM that curve should be flat at the same fixing.
 */
import { curveTime, forwardRate, type DiscountCurve } from './curve';

export interface FloaterPeriod {
  /** Accrual fraction of the discounting period ending on this payment (class day count). */
  tau: number;
  /** Cash paid at the end of the period. */
  amount: number;
  /** Start and end date of the period (ISO): needed only for `forwards`. */
  start?: string;
  end?: string;
}

export type DmIndex = { kind: 'flat'; fixing: number } | { kind: 'forwards'; curve: DiscountCurve };

function indexRates(periods: readonly FloaterPeriod[], index: DmIndex): number[] {
  if (index.kind === 'flat') return periods.map(() => index.fixing);
  return periods.map((p) => {
    if (p.start === undefined || p.end === undefined) throw new RangeError('forwards need period dates');
    return forwardRate(index.curve, curveTime(index.curve, p.start), curveTime(index.curve, p.end), p.tau);
  });
}

/** Value of the periods' flows at margin `dm` over the index. */
export function valueAtMargin(periods: readonly FloaterPeriod[], index: DmIndex, dm: number): number {
  const rates = indexRates(periods, index);
  let df = 1;
  let pv = 0;
  periods.forEach((p, i) => {
    df /= 1 + (rates[i]! + dm) * p.tau;
    pv += p.amount * df;
  });
  return pv;
}

/** The DM at which the flows are worth `value` (money, accrued included); null when ±5000bp cannot reach it. */
export function discountMargin(
  periods: readonly FloaterPeriod[],
  index: DmIndex,
  value: number,
): number | null {
  if (!(value > 0)) return null;
  const rates = indexRates(periods, index);
  const f = (dm: number): number => {
    let df = 1;
    let pv = 0;
    for (let i = 0; i < periods.length; i++) {
      const growth = 1 + (rates[i]! + dm) * periods[i]!.tau;
      if (!(growth > 0)) return Infinity;
      df /= growth;
      pv += periods[i]!.amount * df;
    }
    return pv - value;
  };
  let lo = -0.5;
  let hi = 0.5;
  if (!(f(lo) >= 0 && f(hi) <= 0)) return null;
  // Each discount factor falls as DM rises and the flows are non-negative: monotone, so bisection is exact.
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
