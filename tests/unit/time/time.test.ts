import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  parseIsoDate,
  paymentDate,
  paymentDates,
  periodTimes,
  yearFraction,
} from '../../../core/time';

describe('ISO dates', () => {
  it('rejects non-dates rather than rolling them over', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(/calendar date/);
    expect(() => parseIsoDate('2025-13-01')).toThrow(/calendar date/);
    expect(() => parseIsoDate('2025-1-01')).toThrow(/YYYY-MM-DD/);
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-05-10', 0)).toBe('2025-05-10');
  });

  it('adds days and counts actual days across leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
  });

  it('addDays and daysBetween invert each other', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (d, n) => daysBetween(d, addDays(d, n)) === n),
    );
  });
});

describe('day counts', () => {
  it('30/360 US bond basis: D1 31 -> 30, D2 31 -> 30 only when D1 is 30', () => {
    expect(yearFraction('2024-01-15', '2024-07-15', '30/360')).toBe(0.5);
    // D1 = 31 -> 30; D2 = 31 with D1 = 30 -> 30: exactly two months.
    expect(yearFraction('2024-01-31', '2024-03-31', '30/360') * 360).toBe(60);
    // D1 = 28 leaves D2 = 31 alone: 30 + 3 = 33 days.
    expect(yearFraction('2024-02-28', '2024-03-31', '30/360') * 360).toBeCloseTo(33, 10);
    expect(yearFraction('2025-01-31', '2025-02-15', '30/360') * 360).toBeCloseTo(15, 10);
    expect(yearFraction('2020-06-30', '2025-06-30', '30/360')).toBe(5);
  });

  it('ACT/360 and ACT/365F count actual days', () => {
    expect(yearFraction('2024-01-01', '2025-01-01', 'ACT/360')).toBeCloseTo(366 / 360, 12);
    expect(yearFraction('2024-01-01', '2025-01-01', 'ACT/365F')).toBeCloseTo(366 / 365, 12);
    expect(yearFraction('2025-01-15', '2025-02-15', 'ACT/360')).toBeCloseTo(31 / 360, 12);
  });
});

describe('payment schedule', () => {
  it('period t pays on the payment day of the month cut-off + t', () => {
    expect(paymentDate('2025-01-31', 15, 0)).toBe('2025-01-31');
    expect(paymentDate('2025-01-31', 15, 1)).toBe('2025-02-15');
    expect(paymentDate('2025-01-31', 15, 12)).toBe('2026-01-15');
    expect(paymentDate('2025-11-30', 28, 3)).toBe('2026-02-28');
    expect(paymentDates({ cutoffDate: '2025-06-30', paymentDay: 20, paymentDelayDays: 0 }, 2)).toEqual([
      '2025-06-30',
      '2025-07-20',
      '2025-08-20',
    ]);
  });

  it('period times run 30/360 from settlement (default cut-off) to payment date + delay', () => {
    const base = { cutoffDate: '2025-01-31', paymentDay: 15, paymentDelayDays: 0 };
    const t = periodTimes(base, 3);
    expect(t.length).toBe(4);
    expect(t[0]).toBe(0);
    // 2025-01-31 (D1 -> 30) to 2025-02-15: 15 days; then +30 days a month.
    expect(t[1]! * 360).toBeCloseTo(15, 9);
    expect(t[2]! * 360).toBeCloseTo(45, 9);
    expect(t[3]! * 360).toBeCloseTo(75, 9);
    // A 14-day delay moves period 1 to 2025-03-01: 30 × 2 + (1 − 30) = 31 days.
    const delayed = periodTimes({ ...base, paymentDelayDays: 14 }, 1);
    expect(delayed[1]! * 360).toBeCloseTo(31, 9);
    // Settlement after cut-off: period 0 is in the past (negative time).
    const settled = periodTimes({ ...base, settlementDate: '2025-02-05' }, 1);
    expect(settled[0]! * 360).toBeCloseTo(-5, 9);
    expect(settled[1]! * 360).toBeCloseTo(10, 9);
  });
});

describe('schedule invariants', () => {
  const calendar = fc.record({
    cutoffDate: fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n)),
    paymentDay: fc.integer({ min: 1, max: 28 }),
    paymentDelayDays: fc.integer({ min: 0, max: 90 }),
  });

  it('payment dates fall one month apart on the payment day, and times increase', () => {
    fc.assert(
      fc.property(calendar, (cal) => {
        const dates = paymentDates(cal, 60);
        const times = periodTimes(cal, 60);
        for (let t = 1; t <= 60; t++) {
          expect(parseIsoDate(dates[t]!).day).toBe(cal.paymentDay);
          if (t > 1) {
            expect(addMonths(dates[t - 1]!, 1)).toBe(dates[t]);
            // Payment days are ≤ 28, so 30/360 puts consecutive payments exactly 1/12 year apart; a delay in
            // calendar days can shift that by the month-length difference (at most 3 days, February).
            const gap = (times[t]! - times[t - 1]!) * 360;
            if (cal.paymentDelayDays === 0) expect(gap).toBeCloseTo(30, 9);
            else expect(Math.abs(gap - 30)).toBeLessThanOrEqual(3 + 1e-9);
          }
        }
        expect(times[1]!).toBeGreaterThan(-1 / 12);
      }),
      { numRuns: 200 },
    );
  });

  it('period times equal the 30/360 fraction from settlement to payment date + delay, date by date', () => {
    const withSettlement = fc.record({
      cutoffDate: fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n)),
      paymentDay: fc.integer({ min: 1, max: 28 }),
      paymentDelayDays: fc.integer({ min: 0, max: 90 }),
      settleShift: fc.integer({ min: -40, max: 80 }),
    });
    fc.assert(
      fc.property(withSettlement, ({ settleShift, ...cal }) => {
        const settlementDate = addDays(cal.cutoffDate, settleShift);
        const times = periodTimes({ ...cal, settlementDate }, 24);
        for (let t = 1; t <= 24; t++) {
          const paid = addDays(paymentDate(cal.cutoffDate, cal.paymentDay, t), cal.paymentDelayDays);
          const expected =
            paid < settlementDate
              ? -yearFraction(paid, settlementDate, '30/360')
              : yearFraction(settlementDate, paid, '30/360');
          expect(times[t]).toBeCloseTo(expected, 12);
        }
      }),
      { numRuns: 200 },
    );
  });
});
