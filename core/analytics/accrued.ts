/**
 * Interest accrued between the start of a coupon period and settlement: what a buyer settling after the cut-off
 * pays the seller on top of the clean price, because the first payment carries interest from the cut-off.
 */
import { yearFraction, type DayCountConvention } from '../time/dayCount';

/** balance × rate × day-count fraction from `accrualStart` to `settlement`; zero when settlement is not later. */
export function accruedInterest(
  balance: number,
  annualRate: number,
  dayCount: DayCountConvention,
  accrualStart: string,
  settlement: string,
): number {
  if (settlement <= accrualStart) return 0;
  return balance * annualRate * yearFraction(accrualStart, settlement, dayCount);
}
