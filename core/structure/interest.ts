/**
 * Tranche interest. The coupon for a period is fixed, or the index of `scenario.indexCurves` for that period plus
 * the spread, with the floor and cap bounding the whole coupon (not the index alone), as note terms usually say.
 * Interest accrues on the class's balance at the start of the period over the actual dates from the previous
 * payment date (the cut-off for period 1) to this one, under the class's day count, and is rounded half-even to
 * cents. Unpaid interest is carried forward without interest on it.
 */
import type { Coupon, DayCount, Scenario } from '../deal/schema';
import { mulDiv, type Cents } from '../money';
import { actActIsda, days30360, daysBetween, parseIsoDate } from '../time';
import { resolveCurve, type CurveLookup } from '../assumptions/curve';

/** Index rates by name and period, from `scenario.indexCurves` (constants, vectors or sandboxed formulas). */
export type IndexRates = (index: string, period: number) => number;

export function indexRates(scenario: Scenario): IndexRates {
  const lookups = new Map<string, CurveLookup>();
  return (index, period) => {
    let l = lookups.get(index);
    if (!l) {
      const curve = scenario.indexCurves[index];
      if (curve === undefined) throw new Error(`scenario '${scenario.name}' has no index curve '${index}'`);
      l = resolveCurve(curve);
      lookups.set(index, l);
    }
    const r = l.at(period, period);
    if (!Number.isFinite(r)) throw new Error(`index '${index}' is ${r} in period ${period}`);
    return r;
  };
}

export function couponRate(coupon: Coupon, index: IndexRates, period: number): number {
  if (coupon.type === 'fixed') return coupon.rate;
  let r = index(coupon.index, period) + coupon.spread;
  if (coupon.floor !== undefined) r = Math.max(r, coupon.floor);
  if (coupon.cap !== undefined) r = Math.min(r, coupon.cap);
  return r;
}

export interface AccrualFraction {
  /** Numerator of the year fraction (for ACT/ACT across a year end, days weighted by the other year's basis). */
  days: number;
  basis: number;
}

/**
 * Days and day basis from one payment date to the next. Kept as a fraction rather than a float year fraction so
 * a half-cent tie in the interest stays a tie for half-even rounding.
 */
export function accrualFraction(dayCount: DayCount, from: string, to: string): AccrualFraction {
  switch (dayCount) {
    case '30/360':
      return { days: days30360(parseIsoDate(from), parseIsoDate(to)), basis: 360 };
    case 'ACT/360':
      return { days: daysBetween(from, to), basis: 360 };
    case 'ACT/365F':
      return { days: daysBetween(from, to), basis: 365 };
    case 'ACT/ACT':
      return actActIsda(from, to);
  }
}

/** Days of an accrual period as reported: 30/360 days under 30/360, actual days under the ACT conventions. */
export function accrualDays(dayCount: DayCount, from: string, to: string): number {
  return dayCount === '30/360' ? days30360(parseIsoDate(from), parseIsoDate(to)) : daysBetween(from, to);
}

/**
 * Interest accrued on `balance` at annual `rate` over `frac`, rounded to cents. A negative coupon (index below
 * minus the spread, no floor) accrues nothing: noteholders are not charged interest.
 */
export function interestAccrual(balance: Cents, rate: number, frac: AccrualFraction): Cents {
  return rate <= 0 ? 0 : mulDiv(balance, rate, frac.days, frac.basis);
}

export function describeCoupon(coupon: Coupon): string {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  if (coupon.type === 'fixed') return `fixed ${pct(coupon.rate)}`;
  const parts = [`${coupon.index} ${coupon.spread < 0 ? '-' : '+'} ${pct(Math.abs(coupon.spread))}`];
  if (coupon.floor !== undefined) parts.push(`floor ${pct(coupon.floor)}`);
  if (coupon.cap !== undefined) parts.push(`cap ${pct(coupon.cap)}`);
  return parts.join(', ');
}
