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

// expm1/log1p keep full precision for rates near zero, where (1 + x)^a − 1 would cancel.
export function mortgageFromBondEquivalent(bey: number): number {
  return 12 * Math.expm1(Math.log1p(bey / 2) / 6);
}

export function bondEquivalentFromMortgage(mortgage: number): number {
  return 2 * Math.expm1(6 * Math.log1p(mortgage / 12));
}

/** Non-zero flows as two typed arrays: the solver walks them several times, so they are gathered once. */
export interface CompactFlows {
  readonly n: number;
  readonly t: Float64Array;
  readonly cf: Float64Array;
}

export function compactFlows(flows: readonly TrancheFlow[]): CompactFlows {
  const t = new Float64Array(flows.length);
  const cf = new Float64Array(flows.length);
  let n = 0;
  for (const f of flows) {
    const amount = f.interest + f.principal;
    if (amount === 0) continue;
    t[n] = f.t;
    cf[n] = amount;
    n++;
  }
  return { n, t, cf };
}

/**
 * Σ cf × (1 + Y/2)^(−2t) as Σ cf × exp(k t) with k = −2 ln(1 + Y/2): one logarithm per evaluation and an exp per
 * flow, several times cheaper than a pow with a fractional exponent per flow.
 */
function pvCompact(c: CompactFlows, bey: number): number {
  const k = -2 * Math.log1p(bey / 2);
  let pv = 0;
  for (let i = 0; i < c.n; i++) pv += c.cf[i]! * Math.exp(k * c.t[i]!);
  return pv;
}

/** Present value of the flows (money, not %) at bond-equivalent yield `bey`. */
export function presentValue(flows: readonly TrancheFlow[], bey: number): number {
  return pvCompact(compactFlows(flows), bey);
}

/** Clean price in % of `par` at bond-equivalent yield `bey` (`accrued`: money accrued at settlement). */
export function priceFromYield(flows: readonly TrancheFlow[], par: number, bey: number, accrued = 0): number {
  if (!(par > 0)) throw new RangeError('par must be positive');
  return (100 * (presentValue(flows, bey) - accrued)) / par;
}

/**
 * The bond-equivalent yield at which the flows are worth `pricePct` % of `par` plus `accrued`, and its mortgage
 * equivalent; null when no yield in (−198%, 5000%) reaches the price (no flows, or a price above what the flows
 * can be worth). Flows are non-negative, so PV falls monotonically in Y and the root, when it exists, is unique:
 * Newton from 5% (a few steps for any sensible price), keeping a bracket from the signs seen so far and bisecting
 * whenever a step leaves it; the bracket ends are only evaluated when Newton has not converged.
 */
export function yieldFromPrice(
  flows: readonly TrancheFlow[],
  par: number,
  pricePct: number,
  accrued = 0,
): { bey: number; mortgage: number } | null {
  if (!(par > 0) || !(pricePct > 0) || !Number.isFinite(pricePct) || !(accrued >= 0)) return null;
  const c = compactFlows(flows);
  if (c.n === 0) return null;
  const target = (pricePct / 100) * par + accrued;
  let lo = MIN_YIELD;
  let hi = MAX_YIELD;
  let y = 0.05;
  for (let i = 0; i < 100; i++) {
    const k = -2 * Math.log1p(y / 2);
    let pv = 0;
    let tw = 0;
    for (let j = 0; j < c.n; j++) {
      const v = c.cf[j]! * Math.exp(k * c.t[j]!);
      pv += v;
      tw += c.t[j]! * v;
    }
    const f = pv - target;
    if (Math.abs(f) <= TOLERANCE * target) return withMortgage(y);
    if (f > 0) lo = y;
    else hi = y;
    // dPV/dY = −Σ t × PV / (1 + Y/2).
    const slope = -tw / (1 + y / 2);
    let next = slope !== 0 ? y - f / slope : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - y) <= TOLERANCE) {
      y = next;
      break;
    }
    y = next;
  }
  // Not converged on the price: either it lies outside what the bracket's ends can reach, or the step shrank
  // to nothing at the root (a flat PV); the ends decide.
  const fLo = pvCompact(c, MIN_YIELD) - target;
  const fHi = pvCompact(c, MAX_YIELD) - target;
  if (!(fLo >= 0 && fHi <= 0)) return null;
  return Math.abs(pvCompact(c, y) - target) <= 1e-9 * target ? withMortgage(y) : null;
}

function withMortgage(bey: number): { bey: number; mortgage: number } {
  return { bey, mortgage: mortgageFromBondEquivalent(bey) };
}
