/**
 * A deal's payment schedule: for each collection month t, the date the month's collections would be paid (the
 * payment day of month cut-off + t, rolled on the deal's holiday calendar), which months are payment dates
 * (first payment date, then one frequency period after each, by phase — decided as the waterfall runs because a
 * trigger can end revolving early), and the dates interest accrues between. With no calendar and no first payment
 * or closing date the schedule is today's: monthly, unrolled, accrual from the cut-off.
 */
import { adjustDate, type BusinessDayRule } from './businessDay';
import { findCalendar, type CalendarFile } from './holidayCalendar';
import { paymentDate, settlementDateOf } from './schedule';

export type PaymentFrequency = 'monthly' | 'quarterly' | 'semiAnnual';

export const FREQUENCY_MONTHS: Record<PaymentFrequency, number> = { monthly: 1, quarterly: 3, semiAnnual: 6 };

/** The calendar fields of a deal (a parsed `Deal` satisfies it). */
export interface CalendarTerms {
  cutoffDate: string;
  settlementDate?: string | undefined;
  closingDate?: string | undefined;
  firstPaymentDate?: string | undefined;
  paymentDay: number;
  calendar?:
    | {
        paymentFrequency: { revolving: PaymentFrequency; amortising: PaymentFrequency };
        holidays?: string | undefined;
        businessDayRule: BusinessDayRule;
        accrualDates: 'adjusted' | 'unadjusted';
        reinvestmentRate: number;
        triggerTests: 'collectionMonths' | 'paymentDates';
      }
    | undefined;
}

export interface PaymentSchedule {
  /** Payment date of each collection month, rolled (index 0 is the cut-off). */
  dates: string[];
  /** Dates accrual runs between: rolled or as scheduled; index 0 is the closing date. */
  accrualDates: string[];
  closingDate: string;
  /** The collection month paid on the first payment date. */
  firstPaymentPeriod: number;
  /** Months from one payment date to the next while revolving, and once amortising. */
  revolvingMonths: number;
  amortisingMonths: number;
  reinvestmentRate: number;
  triggersOnPaymentDates: boolean;
  /** What outputs must say about the dates, e.g. rolled beyond the calendar's published years. */
  notes: string[];
}

/** Thrown when the deal names a calendar nobody has: the message names the field. */
export class UnknownCalendarError extends Error {
  constructor(readonly id: string) {
    super(
      `calendar.holidays: no holiday calendar '${id}' (built in: CN-SSE, CN-IB, US-SIFMA; or pass --calendar FILE)`,
    );
    this.name = 'UnknownCalendarError';
  }
}

export function closingDateOf(deal: CalendarTerms): string {
  return deal.closingDate ?? settlementDateOf({ ...deal, paymentDelayDays: 0 });
}

export function paymentSchedule(
  deal: CalendarTerms,
  periods: number,
  calendars: readonly CalendarFile[] = [],
): PaymentSchedule {
  const cal = deal.calendar;
  const holidays = cal?.holidays === undefined ? undefined : findCalendar(cal.holidays, calendars);
  if (cal?.holidays !== undefined && !holidays) throw new UnknownCalendarError(cal.holidays);
  const rule = cal?.businessDayRule ?? 'unadjusted';
  const closing = closingDateOf(deal);

  const scheduled: string[] = new Array<string>(periods + 1);
  const dates: string[] = new Array<string>(periods + 1);
  scheduled[0] = deal.cutoffDate;
  dates[0] = deal.cutoffDate;
  let beyond: number | null = null;
  let before = false;
  for (let t = 1; t <= periods; t++) {
    scheduled[t] = paymentDate(deal.cutoffDate, deal.paymentDay, t);
    if (holidays) {
      dates[t] = adjustDate(scheduled[t], rule, holidays);
      const year = Number(dates[t].slice(0, 4));
      if (year > holidays.publishedThrough && beyond === null) beyond = year;
      if (year < holidays.firstYear) before = true;
    } else {
      dates[t] = scheduled[t];
    }
  }
  const accrualDates = cal?.accrualDates === 'unadjusted' ? scheduled.slice() : dates.slice();
  accrualDates[0] = closing;

  const first = deal.firstPaymentDate;
  const firstPaymentPeriod =
    first === undefined
      ? 1
      : (Number(first.slice(0, 4)) - Number(deal.cutoffDate.slice(0, 4))) * 12 +
        Number(first.slice(5, 7)) -
        Number(deal.cutoffDate.slice(5, 7));

  const notes: string[] = [];
  const range = holidays ? `${holidays.firstYear}–${holidays.publishedThrough}` : '';
  if (holidays && before) {
    notes.push(
      `Payment dates before ${holidays.firstYear} are rolled on weekends and fixed-date holidays only: the ` +
        `${holidays.id} calendar lists published holidays for ${range}.`,
    );
  }
  if (holidays && beyond !== null) {
    notes.push(
      `Payment dates in ${beyond} and later are rolled on weekends and fixed-date holidays only: the ${holidays.id} ` +
        `calendar lists published holidays for ${range}.`,
    );
  }
  return {
    dates,
    accrualDates,
    closingDate: closing,
    firstPaymentPeriod: Math.max(1, firstPaymentPeriod),
    revolvingMonths: FREQUENCY_MONTHS[cal?.paymentFrequency.revolving ?? 'monthly'],
    amortisingMonths: FREQUENCY_MONTHS[cal?.paymentFrequency.amortising ?? 'monthly'],
    reinvestmentRate: cal?.reinvestmentRate ?? 0,
    triggersOnPaymentDates: cal?.triggerTests === 'paymentDates',
    notes,
  };
}
