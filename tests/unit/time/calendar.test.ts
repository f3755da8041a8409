/**
 * Business days and holiday calendars, checked by hand against the published lists:
 * - State Council notices (国务院办公厅关于部分节假日安排的通知) for 2023, 2024 and 2025, and the exchanges' own
 *   2024 closure on Spring Festival Eve (Friday 2024-02-09, a State Council working day);
 * - SIFMA's recommended full closes (Good Friday 2024-03-29; Independence Day 2026, a Saturday, observed Friday 3rd).
 * Rolling follows ISDA 2006 4.12: following, modified following (back to the previous business day when the next
 * one is in the next month), preceding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CALENDARS,
  CalendarFile,
  adjustDate,
  addDays,
  findCalendar,
  weekday,
  yearFraction,
  type HolidayCalendar,
} from '../../../core/time';

function cal(id: string): HolidayCalendar {
  const c = findCalendar(id);
  if (!c) throw new Error(`no calendar ${id}`);
  return c;
}
const SSE = cal('CN-SSE');
const IB = cal('CN-IB');
const US = cal('US-SIFMA');

describe('ACT/ACT (ISDA)', () => {
  it('splits a period across a year end: days in the leap year over 366, the rest over 365', () => {
    // 2023-11-15 → 2024-01-01: 16 days of November + 31 of December = 47 days of 2023 (365 days);
    // 2024-01-01 → 2024-02-26: 31 + 25 = 56 days of 2024 (366 days).
    expect(yearFraction('2023-11-15', '2024-02-26', 'ACT/ACT')).toBeCloseTo(47 / 365 + 56 / 366, 15);
    // Within one leap year: 2024-03-12 → 2024-04-26 is 19 + 26 = 45 days over 366.
    expect(yearFraction('2024-03-12', '2024-04-26', 'ACT/ACT')).toBe(45 / 366);
    // A whole calendar year is exactly 1 whatever its length.
    expect(yearFraction('2024-01-01', '2025-01-01', 'ACT/ACT')).toBe(1);
    expect(yearFraction('2025-01-01', '2026-01-01', 'ACT/ACT')).toBe(1);
  });
});

describe('China: exchange (SSE/SZSE) and interbank calendars', () => {
  it('Spring Festival 2024: holiday 10–17 February, Sunday 18th a working day, exchanges also shut on the 9th', () => {
    expect(weekday('2024-02-10')).toBe(6); // a Saturday
    // Following from Saturday the 10th: the exchanges reopen Monday the 19th; the interbank market on Sunday the 18th.
    expect(adjustDate('2024-02-10', 'following', SSE)).toBe('2024-02-19');
    expect(adjustDate('2024-02-10', 'following', IB)).toBe('2024-02-18');
    // Preceding: the exchanges were closed on Friday the 9th (Spring Festival Eve), the interbank market was open.
    expect(adjustDate('2024-02-10', 'preceding', SSE)).toBe('2024-02-08');
    expect(adjustDate('2024-02-10', 'preceding', IB)).toBe('2024-02-09');
  });

  it('National Day 2025: holiday 1–8 October, Sunday 28 September and Saturday 11 October working days', () => {
    expect(adjustDate('2025-10-01', 'following', SSE)).toBe('2025-10-09');
    expect(adjustDate('2025-10-01', 'following', IB)).toBe('2025-10-09');
    // Sunday 28 September: an interbank business day as it stands; the exchanges roll to Monday 29th.
    expect(adjustDate('2025-09-28', 'following', IB)).toBe('2025-09-28');
    expect(adjustDate('2025-09-28', 'following', SSE)).toBe('2025-09-29');
    expect(IB.isBusinessDay('2025-10-11')).toBe(true);
    expect(SSE.isBusinessDay('2025-10-11')).toBe(false);
  });

  it('modified following keeps a month-end payment in its month (Mid-Autumn and National Day 2023: 29 Sep–6 Oct)', () => {
    // Following from Friday 29 September: the interbank market opens on Saturday 7 October (a working weekend), the
    // exchanges on Monday 9 October; both are in October, so modified following goes back to Thursday 28 September.
    expect(adjustDate('2023-09-29', 'following', IB)).toBe('2023-10-07');
    expect(adjustDate('2023-09-29', 'following', SSE)).toBe('2023-10-09');
    expect(adjustDate('2023-09-29', 'modifiedFollowing', IB)).toBe('2023-09-28');
    expect(adjustDate('2023-09-29', 'modifiedFollowing', SSE)).toBe('2023-09-28');
    expect(adjustDate('2023-09-29', 'unadjusted', SSE)).toBe('2023-09-29');
  });

  it('beyond the last published year: weekends and fixed-date holidays only, and the calendar says so', () => {
    expect(SSE.publishedThrough).toBe(2026);
    expect(SSE.isPublished('2026-12-31')).toBe(true);
    expect(SSE.isPublished('2027-01-04')).toBe(false);
    // Friday 2027-10-01 (National Day, fixed date) rolls over the fixed 2nd and 3rd (a weekend) to Monday the 4th.
    expect(adjustDate('2027-10-01', 'following', SSE)).toBe('2027-10-04');
  });
});

describe('US SIFMA calendar', () => {
  it('Good Friday 2024 is a full close; Independence Day 2026 (a Saturday) is observed on Friday 3 July', () => {
    expect(adjustDate('2024-03-29', 'following', US)).toBe('2024-04-01');
    expect(adjustDate('2024-03-29', 'modifiedFollowing', US)).toBe('2024-03-28');
    expect(US.isBusinessDay('2026-07-03')).toBe(false);
    expect(adjustDate('2026-07-04', 'preceding', US)).toBe('2026-07-02');
    // Good Friday 2026 (3 April) falls on the employment report: an early close, not a holiday.
    expect(US.isBusinessDay('2026-04-03')).toBe(true);
  });
});

describe('calendar files', () => {
  it('every built-in file names its public source and covers 2015 to its last published year', () => {
    expect([...BUILT_IN_CALENDARS.keys()].sort()).toEqual(['CN-IB', 'CN-SSE', 'US-SIFMA']);
    for (const file of BUILT_IN_CALENDARS.values()) {
      expect(file.sources.length).toBeGreaterThan(0);
      expect(file.firstYear).toBe(2015);
      expect(file.publishedThrough).toBeGreaterThanOrEqual(2026);
    }
  });

  it('refuses a working weekend that is a weekday and a holiday outside the published years, with the path', () => {
    const file = {
      calendarVersion: 1,
      id: 'X',
      name: 'x',
      sources: ['a notice'],
      firstYear: 2025,
      publishedThrough: 2025,
      holidays: [{ date: '2026-01-01', name: 'New Year' }],
      workingWeekends: ['2025-09-29'],
    };
    const issues = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    // 2025-09-29 was a Monday; 2026 is after publishedThrough.
    expect(issues(CalendarFile.safeParse(file))).toEqual([
      'holidays.0.date: 2026-01-01 is outside firstYear–publishedThrough (2025–2025)',
      'workingWeekends.0: 2025-09-29 is not a Saturday or Sunday',
    ]);
    expect(
      issues(CalendarFile.safeParse({ ...file, holidays: [], workingWeekends: ['2025-02-30'] })),
    ).toEqual(["workingWeekends.0: '2025-02-30' is not a calendar date"]);
  });

  it("a user's file replaces the built-in calendar of the same id", () => {
    const sse = BUILT_IN_CALENDARS.get('CN-SSE');
    if (!sse) throw new Error('no CN-SSE');
    const newer = CalendarFile.parse({
      ...sse,
      publishedThrough: 2027,
      holidays: [...sse.holidays, { date: '2027-02-08', name: 'Spring Festival' }],
    });
    expect(findCalendar('CN-SSE', [newer])?.isBusinessDay('2027-02-08')).toBe(false);
    expect(SSE.isBusinessDay('2027-02-08')).toBe(true);
  });

  it('rolled dates are business days, on the right side, and modified following stays in the month', () => {
    const day = fc.integer({ min: 0, max: 365 * 14 }).map((n) => addDays('2015-01-01', n));
    const calendar = fc.constantFrom(SSE, IB, US);
    fc.assert(
      fc.property(day, calendar, (d, c) => {
        const f = adjustDate(d, 'following', c);
        const p = adjustDate(d, 'preceding', c);
        const m = adjustDate(d, 'modifiedFollowing', c);
        return (
          c.isBusinessDay(f) &&
          c.isBusinessDay(p) &&
          c.isBusinessDay(m) &&
          f >= d &&
          p <= d &&
          m.slice(0, 7) === d.slice(0, 7) &&
          (c.isBusinessDay(d) ? f === d && p === d && m === d : true)
        );
      }),
    );
  });
});
