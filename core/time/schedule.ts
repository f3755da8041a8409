/**
 * The deal's payment calendar. Period 0 is the cut-off; period t pays on `paymentDay` of the month cut-off + t
 * (DESIGN.md). Analytics run on 30/360 year fractions from settlement to the day cash actually arrives, i.e.
 * the payment date plus the payment delay.
 */
import { days30360 } from './dayCount';
import {
  daysInMonth,
  formatIsoDate,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
  type CalendarDate,
} from './isoDate';

/** The calendar fields of a deal the schedule needs (a parsed `Deal` satisfies it). */
export interface DealCalendar {
  cutoffDate: string;
  settlementDate?: string | undefined;
  paymentDay: number;
  paymentDelayDays: number;
}

/** Payment date of period `period` (period 0 returns the cut-off date itself). */
export function paymentDate(cutoffDate: string, paymentDay: number, period: number): string {
  if (period === 0) return cutoffDate;
  const cut = parseIsoDate(cutoffDate);
  const index = cut.year * 12 + (cut.month - 1) + period;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  // Deals cap paymentDay at 28; the clamp keeps the helper total for any day.
  return formatIsoDate({ year, month, day: Math.min(paymentDay, daysInMonth(year, month)) });
}

/** Payment dates for periods 0..periods (index 0 is the cut-off). */
export function paymentDates(deal: DealCalendar, periods: number): string[] {
  const out = new Array<string>(periods + 1);
  for (let t = 0; t <= periods; t++) out[t] = paymentDate(deal.cutoffDate, deal.paymentDay, t);
  return out;
}

export function settlementDateOf(deal: DealCalendar): string {
  return deal.settlementDate ?? deal.cutoffDate;
}

/**
 * Years (30/360) from settlement to the day period t's cash arrives (payment date + delay), for t = 0..periods.
 * Index 0 is the cut-off itself (no delay: nothing is paid then), so `times[t]` lines up with the projection's
 * period-indexed arrays. Runs on calendar fields rather than ISO strings: a 360-period deal calls it on every run.
 */
export function periodTimes(deal: DealCalendar, periods: number): Float64Array {
  const settle = parseIsoDate(settlementDateOf(deal));
  const cut = parseIsoDate(deal.cutoffDate);
  const out = new Float64Array(periods + 1);
  out[0] = signedYears(settle, cut);
  const base = cut.year * 12 + (cut.month - 1);
  for (let t = 1; t <= periods; t++) {
    const index = base + t;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    let paid: CalendarDate = { year, month, day: Math.min(deal.paymentDay, daysInMonth(year, month)) };
    if (deal.paymentDelayDays !== 0) paid = fromDayNumber(toDayNumber(paid) + deal.paymentDelayDays);
    out[t] = signedYears(settle, paid);
  }
  return out;
}

/** Signed 30/360 years from settlement to `date` (ISO strings). */
export function signedYears30360(settlement: string, date: string): number {
  return signedYears(parseIsoDate(settlement), parseIsoDate(date));
}

/** 30/360 is not antisymmetric (month-end rules), so a date before settlement counts back from it. */
function signedYears(settle: CalendarDate, date: CalendarDate): number {
  const before =
    date.year !== settle.year
      ? date.year < settle.year
      : date.month !== settle.month
        ? date.month < settle.month
        : date.day < settle.day;
  return before ? -days30360(date, settle) / 360 : days30360(settle, date) / 360;
}
