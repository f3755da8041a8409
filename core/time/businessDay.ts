/**
 * Business days and date rolling (ISDA 2006 4.12). A payment date that falls on a weekend or holiday moves:
 * following — to the next business day; modified following — to the next one unless that is in the next month,
 * then to the previous one (so a month-end payment stays in its month); preceding — to the previous one.
 */
import { addDays, parseIsoDate, toDayNumber } from './isoDate';

export type BusinessDayRule = 'following' | 'modifiedFollowing' | 'preceding' | 'unadjusted';

/** What rolling needs of a calendar: whether a date is a business day. */
export interface BusinessDays {
  isBusinessDay(date: string): boolean;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(date: string): number {
  return (((toDayNumber(parseIsoDate(date)) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** Saturdays and Sundays only. */
export const WEEKENDS_ONLY: BusinessDays = { isBusinessDay: (d) => !isWeekend(d) };

// The longest run of closed days in a published calendar is about two weeks (Spring Festival plus weekends);
// a calendar with no business day within a year is broken, not long.
const MAX_ROLL_DAYS = 366;

function roll(date: string, step: 1 | -1, cal: BusinessDays): string {
  let d = date;
  for (let i = 0; i < MAX_ROLL_DAYS; i++) {
    if (cal.isBusinessDay(d)) return d;
    d = addDays(d, step);
  }
  throw new RangeError(`no business day within ${MAX_ROLL_DAYS} days of ${date}`);
}

export function adjustDate(date: string, rule: BusinessDayRule, cal: BusinessDays): string {
  switch (rule) {
    case 'unadjusted':
      return date;
    case 'following':
      return roll(date, 1, cal);
    case 'preceding':
      return roll(date, -1, cal);
    case 'modifiedFollowing': {
      const next = roll(date, 1, cal);
      return next.slice(0, 7) === date.slice(0, 7) ? next : roll(date, -1, cal);
    }
  }
}
