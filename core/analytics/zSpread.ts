/**
 * Pricing off a discount curve plus a spread, and the Z-spread from a price.
 *
 * The Z-spread s is one constant added to the curve's zero rates in a stated compounding: with `continuous`
 * DF(t) = exp(−(r(t) + s) t); with annual (semiannual …) compounding, r_f(t) being the curve's zero rate in that
 * compounding, DF(t) = (1 + (r_f(t) + s)/f)^(−f t). This is QuantLib's ZeroSpreadedTermStructure, the usual street
 * definition; the default is semiannual, matching the bond-equivalent yields beside it.
 *
 * Value is at settlement: flows on or before settlement are not bought, and the rest are discounted to the curve
 * date and forward to settlement (divided by the spreaded DF at settlement), as QuantLib's CashFlows.npv with an
 * npvDate does. Flows are non-negative, so value falls monotonically in the spread and the Z-spread, when a price
 * can be reached at all, is unique.
 */
import { fromContinuous, zeroRate, type CurveCompounding, type DiscountCurve } from './curve';

/** One cash flow at a time in years from the curve date (the curve's day count). */
export interface CurveFlow {
  t: number;
  amount: number;
}

const FREQ: Record<Exclude<CurveCompounding, 'continuous'>, number> = {
  annual: 1,
  semiannual: 2,
  quarterly: 4,
  monthly: 12,
};

/** Largest and smallest spreads searched (±5000bp): beyond them a price is treated as unreachable. */
const MIN_SPREAD = -0.5;
const MAX_SPREAD = 0.5;

function spreadedDiscount(
  curve: DiscountCurve,
  t: number,
  spread: number,
  compounding: CurveCompounding,
): number {
  if (t <= 0) return 1;
  if (compounding === 'continuous') return Math.exp(-(zeroRate(curve, t) + spread) * t);
  const f = FREQ[compounding];
  const r = fromContinuous(zeroRate(curve, t), compounding) + spread;
  return Math.pow(1 + r / f, -f * t);
}

/** Value at settlement time `tSettle` (curve years) of the flows after it, off the curve plus `spread`. */
export function valueWithSpread(
  curve: DiscountCurve,
  flows: readonly CurveFlow[],
  spread: number,
  compounding: CurveCompounding = 'semiannual',
  tSettle = 0,
): number {
  let pv = 0;
  for (const f of flows) {
    if (f.t <= tSettle || f.amount === 0) continue;
    pv += f.amount * spreadedDiscount(curve, f.t, spread, compounding);
  }
  return pv / spreadedDiscount(curve, tSettle, spread, compounding);
}

/**
 * The spread at which the flows are worth `value` at settlement; null when no spread in ±5000bp reaches it.
 * Bisection on a monotone function, to 1e-12 in the spread.
 */
export function zSpreadFromValue(
  curve: DiscountCurve,
  flows: readonly CurveFlow[],
  value: number,
  compounding: CurveCompounding = 'semiannual',
  tSettle = 0,
): number | null {
  if (!(value > 0) || !Number.isFinite(value)) return null;
  const f = (s: number): number => valueWithSpread(curve, flows, s, compounding, tSettle) - value;
  let lo = MIN_SPREAD;
  let hi = MAX_SPREAD;
  if (!(f(lo) >= 0 && f(hi) <= 0)) return null;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface CurvePrice {
  /** % of par: what the buyer pays, accrued included. */
  dirty: number;
  /** % of par: dirty less accrued, the quoted price. */
  clean: number;
  /** Money accrued at settlement. */
  accrued: number;
}

/** Clean and dirty price in % of `par` off the curve plus `spread`; `accrued` (money) is inside the dirty price. */
export function priceOffCurve(
  curve: DiscountCurve,
  flows: readonly CurveFlow[],
  par: number,
  spread: number,
  opts: { compounding?: CurveCompounding; tSettle?: number; accrued?: number } = {},
): CurvePrice {
  if (!(par > 0)) throw new RangeError('par must be positive');
  const accrued = opts.accrued ?? 0;
  const pv = valueWithSpread(curve, flows, spread, opts.compounding, opts.tSettle);
  return { dirty: (100 * pv) / par, clean: (100 * (pv - accrued)) / par, accrued };
}

/** The Z-spread at a clean price (% of par) with `accrued` money on top; null when the price is out of reach. */
export function zSpreadFromPrice(
  curve: DiscountCurve,
  flows: readonly CurveFlow[],
  par: number,
  cleanPct: number,
  opts: { compounding?: CurveCompounding; tSettle?: number; accrued?: number } = {},
): number | null {
  if (!(par > 0) || !(cleanPct > 0)) return null;
  return zSpreadFromValue(
    curve,
    flows,
    (cleanPct / 100) * par + (opts.accrued ?? 0),
    opts.compounding,
    opts.tSettle,
  );
}
