/**
 * Price and yield (SIFMA Standard Formulas). The bond-equivalent yield Y discounts each flow at
 * (1 + Y/2)^(2T), T in years from settlement (30/360, delay included). Price is the clean price in % of par;
 * the buyer pays it plus `accrued`, the interest accrued from the cut-off (where the first coupon period starts)
 * to settlement, which is zero when settlement is the cut-off.
 *
 * The mortgage-equivalent yield M is the monthly-compounded rate with the same effective growth as Y:
 * (1 + M/12)^12 = (1 + Y/2)^2, so M = 12 × ((1 + Y/2)^(1/6) − 1) and Y = 2 × ((1 + M/12)^6 − 1).
 */
import type { TrancheFlow } from './flows';

/** Yields outside this range are treated as unreachable: (1 + Y/2) must stay positive, and above 5000% is noise. */
const MIN_YIELD = -1.98;
const MAX_YIELD = 50;
const TOLERANCE = 1e-12;

export function mortgageFromBondEquivalent(bey: number): number {
  return 12 * (Math.pow(1 + bey / 2, 1 / 6) - 1);
}

export function bondEquivalentFromMortgage(mortgage: number): number {
  return 2 * (Math.pow(1 + mortgage / 12, 6) - 1);
}

/** Present value of the flows (money, not %) at bond-equivalent yield `bey`. */
export function presentValue(flows: readonly TrancheFlow[], bey: number): number {
  const base = 1 + bey / 2;
  let pv = 0;
  for (const f of flows) {
    const cf = f.interest + f.principal;
    if (cf !== 0) pv += cf * Math.pow(base, -2 * f.t);
  }
  return pv;
}

/** Clean price in % of `par` at bond-equivalent yield `bey` (`accrued`: money accrued at settlement). */
export function priceFromYield(flows: readonly TrancheFlow[], par: number, bey: number, accrued = 0): number {
  if (!(par > 0)) throw new RangeError('par must be positive');
  return (100 * (presentValue(flows, bey) - accrued)) / par;
}

/** PV and its derivative dPV/dY in one pass (Newton needs both). */
function pvAndSlope(flows: readonly TrancheFlow[], bey: number): [number, number] {
  const base = 1 + bey / 2;
  let pv = 0;
  let slope = 0;
  for (const f of flows) {
    const cf = f.interest + f.principal;
    if (cf === 0) continue;
    const df = Math.pow(base, -2 * f.t);
    pv += cf * df;
    slope -= (cf * f.t * df) / base;
  }
  return [pv, slope];
}

/**
 * The bond-equivalent yield at which the flows are worth `pricePct` % of `par` plus `accrued`, and its mortgage equivalent;
 * null when no yield in (−198%, 5000%) reaches the price (no flows, or a price above what the flows can be worth).
 * Newton from a coupon-like guess, falling back to bisection whenever a step leaves the bracket or stalls:
 * with non-negative flows PV falls monotonically in Y, so the bracket always holds the root.
 */
export function yieldFromPrice(
  flows: readonly TrancheFlow[],
  par: number,
  pricePct: number,
  accrued = 0,
): { bey: number; mortgage: number } | null {
  if (!(par > 0) || !(pricePct > 0) || !Number.isFinite(pricePct) || !(accrued >= 0)) return null;
  const target = (pricePct / 100) * par + accrued;
  let lo = MIN_YIELD;
  let hi = MAX_YIELD;
  const fLo = presentValue(flows, lo) - target;
  const fHi = presentValue(flows, hi) - target;
  if (!Number.isFinite(fLo) || !Number.isFinite(fHi)) return null;
  if (fLo === 0) return withMortgage(lo);
  if (fHi === 0) return withMortgage(hi);
  if (Math.sign(fLo) === Math.sign(fHi)) return null;
  const increasing = fHi > fLo;

  let y = 0.05;
  for (let i = 0; i < 200; i++) {
    const [pv, slope] = pvAndSlope(flows, y);
    const f = pv - target;
    if (Math.abs(f) <= TOLERANCE * target) return withMortgage(y);
    // Keep the bracket tight so bisection always has a valid interval.
    if (f > 0 === increasing) hi = y;
    else lo = y;
    let next = slope !== 0 ? y - f / slope : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - y) <= TOLERANCE) return withMortgage(next);
    y = next;
  }
  return withMortgage(y);
}

function withMortgage(bey: number): { bey: number; mortgage: number } {
  return { bey, mortgage: mortgageFromBondEquivalent(bey) };
}
