/**
 * Holiday calendars as data. Each file lists, for the years its authority has published (`firstYear` to
 * `publishedThrough`), the weekday holidays and the weekend days that are working days (China's adjusted working
 * weekends, 调休上班日). Beyond those years nobody knows the holidays yet — China's State Council announces each
 * year late in the year before — so the calendar falls back to weekends plus the fixed-date holidays, and
 * `isPublished` lets every output that uses such a date say so.
 *
 * A user adds or updates a calendar by writing a file in this format (`samples/calendar.schema.json`) and passing
 * it to the CLI with `--calendar FILE`; a file whose id matches a built-in one replaces it.
 */
import { checkMessage, customIssue, type CoreCode } from '../i18n/messages';
import { z } from 'zod';
import cnIb from './calendars/cn-ib.calendar.json';
import cnSse from './calendars/cn-sse.calendar.json';
import usSifma from './calendars/us-sifma.calendar.json';
import type { BusinessDays } from './businessDay';
import { isWeekend } from './businessDay';
import { daysInMonth, IsoDateError, parseIsoDate } from './isoDate';

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, checkMessage('calendar.dateFormat', { format: 'YYYY-MM-DD' }))
  .superRefine((s, ctx) => {
    try {
      parseIsoDate(s);
    } catch (e) {
      if (!(e instanceof IsoDateError)) throw e;
      ctx.addIssue(customIssue(e.problem.code as CoreCode, e.problem.params));
    }
  });
/** zod runs the file's own checks even when a field failed, so they must not throw on a bad date. */
function isDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}
const year = z.number().int().min(1900).max(2200);

export const CalendarFile = z
  .object({
    $schema: z.string().optional(),
    calendarVersion: z.literal(1),
    id: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[A-Za-z0-9_.-]+$/, checkMessage('calendar.idCharacters')),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    /** Where the dates come from: the authority's published lists (required: a calendar nobody can check is no use). */
    sources: z.array(z.string().min(1).max(1000)).min(1),
    firstYear: year,
    /** The last year whose holidays the authority has published. */
    publishedThrough: year,
    /** Holidays on the same day every year: all that is known of years not yet published. */
    fixedDateHolidays: z
      .array(
        z.object({
          month: z.number().int().min(1).max(12),
          day: z.number().int().min(1).max(31),
          name: z.string().max(200),
        }),
      )
      .default([]),
    holidays: z.array(z.object({ date: calendarDate, name: z.string().max(200) })).max(10_000),
    /** Saturdays or Sundays that are business days (China's interbank market opens on them). */
    workingWeekends: z.array(calendarDate).max(10_000).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.publishedThrough < c.firstYear) {
      ctx.addIssue(customIssue('calendar.beforeFirstYear', { field: 'firstYear' }, ['publishedThrough']));
    }
    c.fixedDateHolidays.forEach((f, i) => {
      // February 29th is allowed: it is a date in leap years.
      if (f.day > daysInMonth(2000, f.month)) {
        ctx.addIssue(customIssue('calendar.noSuchDay', {}, ['fixedDateHolidays', i, 'day']));
      }
    });
    const inRange = (d: string): boolean => {
      const y = Number(d.slice(0, 4));
      return y >= c.firstYear && y <= c.publishedThrough;
    };
    c.holidays.forEach((h, i) => {
      if (!inRange(h.date)) {
        ctx.addIssue(
          customIssue(
            'calendar.outsideYears',
            {
              date: h.date,
              fields: 'firstYear–publishedThrough',
              firstYear: c.firstYear,
              publishedThrough: c.publishedThrough,
            },
            ['holidays', i, 'date'],
          ),
        );
      }
    });
    c.workingWeekends.forEach((d, i) => {
      if (isDate(d) && !isWeekend(d)) {
        ctx.addIssue(customIssue('calendar.notWeekend', { date: d }, ['workingWeekends', i]));
      }
    });
  });
export type CalendarFile = z.infer<typeof CalendarFile>;
export type CalendarFileInput = z.input<typeof CalendarFile>;

export interface HolidayCalendar extends BusinessDays {
  id: string;
  name: string;
  firstYear: number;
  publishedThrough: number;
  /** True when the date's year is one whose holidays the file lists; otherwise only the fallback applies. */
  isPublished(date: string): boolean;
}

export function holidayCalendar(file: CalendarFile): HolidayCalendar {
  const holidays = new Set(file.holidays.map((h) => h.date));
  const working = new Set(file.workingWeekends);
  const fixed = new Set(file.fixedDateHolidays.map((f) => f.month * 100 + f.day));
  const isPublished = (date: string): boolean => {
    const y = Number(date.slice(0, 4));
    return y >= file.firstYear && y <= file.publishedThrough;
  };
  return {
    id: file.id,
    name: file.name,
    firstYear: file.firstYear,
    publishedThrough: file.publishedThrough,
    isPublished,
    isBusinessDay(date) {
      if (isPublished(date)) {
        if (working.has(date)) return true;
        return !isWeekend(date) && !holidays.has(date);
      }
      const d = parseIsoDate(date);
      return !isWeekend(date) && !fixed.has(d.month * 100 + d.day);
    },
  };
}

/** The calendars shipped with the engine, by id (CN-SSE, CN-IB, US-SIFMA). */
export const BUILT_IN_CALENDARS: ReadonlyMap<string, CalendarFile> = new Map(
  [cnSse, cnIb, usSifma].map((json) => {
    const file = CalendarFile.parse(json);
    return [file.id, file] as const;
  }),
);

/**
 * The calendar `id` names: a user's file (`extra`) first, so a newer list replaces a built-in one, then the
 * built-ins. Undefined when none has that id.
 */
export function findCalendar(id: string, extra: readonly CalendarFile[] = []): HolidayCalendar | undefined {
  const file = extra.find((c) => c.id === id) ?? BUILT_IN_CALENDARS.get(id);
  return file ? holidayCalendar(file) : undefined;
}
