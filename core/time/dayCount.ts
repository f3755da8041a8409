/**
 * Day-count fractions. ACT/ACT is the ISDA variant (ISDA 2006 4.16(b)): the days falling in a leap year count
 * over 366, the rest over 365, so a period across a year end is split at January 1st. 30/360 is the US bond basis (SIFMA Standard Securities Calculation Methods; ISDA 2006
 * 4.16(f)): D1 = 31 becomes 30; D2 = 31 becomes 30 only when D1 (after that change) is 30. The end-of-February
 * refinements of the "30/360 SIA" variant are not applied: payment days are capped at 28 by the deal schema, so
 * they could only matter for a settlement date on Feb 28/29.
 */
import { daysBetween, isLeapYear, parseIsoDate, toDayNumber, type CalendarDate } from './isoDate';

export type DayCountConvention = '30/360' | 'ACT/360' | 'ACT/365F' | 'ACT/ACT';

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
    case 'ACT/ACT': {
      const f = actActIsda(from, to);
      return f.days / f.basis;
    }
  }
}

/**
 * ACT/ACT (ISDA) as one exact fraction days / basis: days in non-leap years over 365 plus days in leap years over
 * 366 is (d365 × 366 + d366 × 365) / (365 × 366) when a period touches both kinds of year, else plain days over
 * 365 or 366. Integers, so interest on it rounds half-even exactly like the other day counts.
 */
export function actActIsda(from: string, to: string): { days: number; basis: number } {
  if (to < from) {
    const back = actActIsda(to, from);
    return { days: -back.days, basis: back.basis };
  }
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let d365 = 0;
  let d366 = 0;
  for (let y = a.year; y <= b.year; y++) {
    const start = y === a.year ? toDayNumber(a) : toDayNumber({ year: y, month: 1, day: 1 });
    const end = y === b.year ? toDayNumber(b) : toDayNumber({ year: y + 1, month: 1, day: 1 });
    if (isLeapYear(y)) d366 += end - start;
    else d365 += end - start;
  }
  if (d366 === 0) return { days: d365, basis: 365 };
  if (d365 === 0) return { days: d366, basis: 366 };
  return { days: d365 * 366 + d366 * 365, basis: 365 * 366 };
}
