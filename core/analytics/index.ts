/**
 * Tranche analytics under SIFMA conventions (DESIGN.md): WAL, principal window, bond-equivalent and
 * mortgage-equivalent yield at a price, Macaulay and modified duration, convexity.
 */
import { principalWindow, weightedAverageLife } from './averageLife';
import { durationAt } from './duration';
import type { TrancheFlow } from './flows';
import { yieldFromPrice } from './yield';

export type { TrancheFlow } from './flows';
export { principalWindow, weightedAverageLife } from './averageLife';
export { durationAt, type DurationMeasures } from './duration';
export { accruedInterest } from './accrued';
export { pricePar } from './par';
export {
  bondEquivalentFromMortgage,
  mortgageFromBondEquivalent,
  presentValue,
  priceFromYield,
  yieldFromPrice,
} from './yield';

export interface TrancheAnalytics {
  /** Years from settlement (30/360, delay included); null when no principal is paid. */
  wal: number | null;
  principalWindow: { first: number; last: number } | null;
  /** Bond-equivalent yield at the price; null when the price cannot be reached. */
  yield: number | null;
  mortgageYield: number | null;
  macaulayDuration: number | null;
  modifiedDuration: number | null;
  /** Years². */
  convexity: number | null;
}

/**
 * All analytics of one tranche at clean price `pricePct` % of `par` (its original balance). `accrued` is the
 * interest accrued from the cut-off to settlement (`accruedInterest`), paid on top of the price; leave it 0 when
 * settlement is the cut-off.
 */
export function analyzeTranche(
  flows: readonly TrancheFlow[],
  par: number,
  pricePct: number,
  accrued = 0,
): TrancheAnalytics {
  const wal = weightedAverageLife(flows);
  const window = principalWindow(flows);
  const y = par > 0 ? yieldFromPrice(flows, par, pricePct, accrued) : null;
  const d = y ? durationAt(flows, y.bey) : null;
  return {
    wal,
    principalWindow: window,
    yield: y ? y.bey : null,
    mortgageYield: y ? y.mortgage : null,
    macaulayDuration: d ? d.macaulay : null,
    modifiedDuration: d ? d.modified : null,
    convexity: d ? d.convexity : null,
  };
}
