/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in UTC. Cash-flow dates carry no time of day and no time zone,
 * so everything goes through `Date.UTC`: a local-time `Date` would shift a date across midnight.
 */

import { coreMessage, type CoreMessage } from '../i18n/messages';

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A string that is not a date; `problem` says why, coded. */
export class IsoDateError extends RangeError {
  constructor(readonly problem: CoreMessage) {
    super(problem.message);
    this.name = 'IsoDateError';
  }
}

/** Parses YYYY-MM-DD; throws on anything else, including 2025-02-30 (Date.parse would roll it to March). */
export function parseIsoDate(s: string): CalendarDate {
  const m = ISO.exec(s);
  if (!m) throw new IsoDateError(coreMessage('file.notIsoDate', { value: s, format: 'YYYY-MM-DD' }));
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new IsoDateError(coreMessage('file.notCalendarDate', { value: s }));
  }
  return { year, month, day };
}

export function formatIsoDate(d: CalendarDate): string {
  const y = String(d.year).padStart(4, '0');
  return `${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (the serial the ACT day counts subtract). */
export function toDayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): CalendarDate {
  const dt = new Date(n * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/**
 * Adds calendar months, clamping the day to the target month's end (Jan 31 + 1 month = Feb 28/29), the
 * convention of payment schedules: a date never spills into the month after.
 */
export function addMonths(date: string, months: number): string {
  const d = parseIsoDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(date)) + days));
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseIsoDate(to)) - toDayNumber(parseIsoDate(from));
}
