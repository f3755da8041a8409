/**
 * Day-count fractions. 30/360 is the US bond basis (SIFMA Standard Securities Calculation Methods; ISDA 2006
 * 4.16(f)): D1 = 31 becomes 30; D2 = 31 becomes 30 only when D1 (after that change) is 30. The end-of-February
 * refinements of the "30/360 SIA" variant are not applied: payment days are capped at 28 by the deal schema, so
 * they could only matter for a settlement date on Feb 28/29.
 */
import { daysBetween, parseIsoDate, type CalendarDate } from './isoDate';

export type DayCountConvention = '30/360' | 'ACT/360' | 'ACT/365F';

export function days30360(from: CalendarDate, to: CalendarDate): number {
  const d1 = from.day === 31 ? 30 : from.day;
  const d2 = to.day === 31 && d1 === 30 ? 30 : to.day;
  return 360 * (to.year - from.year) + 30 * (to.month - from.month) + (d2 - d1);
}

/** Years from `from` to `to` under the convention (negative when `to` is earlier). */
export function yearFraction(from: string, to: string, convention: DayCountConvention): number {
  switch (convention) {
    case '30/360':
      return days30360(parseIsoDate(from), parseIsoDate(to)) / 360;
    case 'ACT/360':
      return daysBetween(from, to) / 360;
    case 'ACT/365F':
      return daysBetween(from, to) / 365;
  }
}
