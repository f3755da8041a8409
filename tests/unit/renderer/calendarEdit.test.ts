import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { runDeal } from '../../../core/run';
import {
  closingDateProblem,
  dealCalendar,
  firstPaymentDateProblem,
  holidaysProblem,
  setBusinessDayRule,
  setClosingDate,
  setFirstPaymentDate,
  setHolidays,
  setPaymentFrequency,
} from '../../../renderer/project/calendarEdit';
import { validatedDeal } from '../../../renderer/project/dealEdit';

/** Level-pay sample: cut-off 2025-03-31, payment day 15, no closing or first payment date, no calendar. */
const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));

const run = (d: Deal) =>
  runDeal(
    d,
    { kind: 'repLines', lines: d.pool.kind === 'repLines' ? d.pool.lines : [] },
    { analytics: false },
  );

describe('calendar edits', () => {
  it('quarterly while amortising pays class A every third month from the first payment date', () => {
    // Convention: collections stay monthly, notes are paid one frequency period after the previous payment date.
    // Default first payment: payment day 15 of the month after the cut-off (2025-03-31) = 2025-04-15; quarterly
    // after it: 2025-07-15, 2025-10-15, 2026-01-15. Unrolled: the sample has no holiday calendar.
    const r = validatedDeal(sample(), (d) => setPaymentFrequency(d, 'amortising', 'quarterly'));
    if ('error' in r) throw new Error(r.error);
    expect(dealCalendar(r.deal).paymentFrequency).toEqual({ revolving: 'monthly', amortising: 'quarterly' });
    const out = run(r.deal);
    expect(out.checks.cashConserved).toBe(true);
    const paid = out.waterfall.filter((p) => p.paymentDate !== false).map((p) => p.date);
    expect(paid.slice(0, 4)).toEqual(['2025-04-15', '2025-07-15', '2025-10-15', '2026-01-15']);
  });

  it('sets and clears the closing and first payment dates', () => {
    const d = setFirstPaymentDate(setClosingDate(sample(), '2025-04-02'), '2025-05-15');
    expect([d.closingDate, d.firstPaymentDate]).toEqual(['2025-04-02', '2025-05-15']);
    const cleared = setFirstPaymentDate(setClosingDate(d, ''), '');
    expect('closingDate' in cleared || 'firstPaymentDate' in cleared).toBe(false);
    expect(validatedDeal(sample(), () => d)).toHaveProperty('deal');
  });

  it('sets the holiday calendar and the business-day rule, and removes the calendar', () => {
    const d = setBusinessDayRule(setHolidays(sample(), 'CN-IB'), 'modifiedFollowing');
    expect(d.calendar).toMatchObject({ holidays: 'CN-IB', businessDayRule: 'modifiedFollowing' });
    expect(setHolidays(d, undefined).calendar?.holidays).toBeUndefined();
    expect(holidaysProblem(d, 'US-SIFMA')).toBeNull();
    expect(holidaysProblem(d, 'XX')).toBe('No holiday calendar XX');
  });

  it('refuses impossible and out-of-order closing dates, with the reason', () => {
    const d = sample();
    expect(closingDateProblem(d, '')).toBeNull();
    expect(closingDateProblem(d, '2025-04-01')).toBeNull();
    expect(closingDateProblem(d, '2025-02-30')).toBe('2025-02-30 is not a calendar date');
    expect(closingDateProblem(d, '1/4/2025')).toBe('A date as YYYY-MM-DD');
    expect(closingDateProblem(d, '2025-03-30')).toBe('2025-03-30 is before the cut-off date 2025-03-31');
    const withFirst = setFirstPaymentDate(d, '2025-04-15');
    expect(closingDateProblem(withFirst, '2025-04-15')).toBe(
      '2025-04-15 is not after the closing date 2025-04-15',
    );
  });

  it('refuses a first payment date before closing, off the payment day or in the cut-off month', () => {
    const d = setClosingDate(sample(), '2025-04-20');
    expect(firstPaymentDateProblem(d, '')).toBeNull();
    expect(firstPaymentDateProblem(d, '2025-05-15')).toBeNull();
    expect(firstPaymentDateProblem(d, '2025-04-31')).toBe('2025-04-31 is not a calendar date');
    expect(firstPaymentDateProblem(d, '2025-04-15')).toBe(
      '2025-04-15 is not after the closing date 2025-04-20',
    );
    expect(firstPaymentDateProblem(d, '2025-05-16')).toBe('falls on day 16, not on paymentDay 15');
    // Cut-off 2025-03-01 and closing on it: 2025-03-15 follows closing and is on day 15, but the engine's first
    // payment pays collection month 1 at the earliest, so it must be in April or later.
    const early = { ...sample(), cutoffDate: '2025-03-01' };
    expect(firstPaymentDateProblem(early, '2025-03-15')).toBe('must be in a month after the cut-off month');
    expect(run(setFirstPaymentDate(d, '2025-05-15')).checks.cashConserved).toBe(true);
  });
});
