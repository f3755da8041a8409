/**
 * A deal's payment schedule: for each collection month t, the date the month's collections would be paid (the
 * payment day of month cut-off + t, rolled on the deal's holiday calendar), which months are payment dates
 * (first payment date, then one frequency period after each, by phase — decided as the waterfall runs because a
 * trigger can end revolving early), and the dates interest accrues between. With no calendar and no first payment
 * or closing date the schedule is today's: monthly, unrolled, accrual from the cut-off.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
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
  /** The same notes with their codes, for a host that shows them in the user's language. */
  noteMessages: CoreMessage[];
}

/** Thrown when the deal names a calendar nobody has: the message names the field. */
export class UnknownCalendarError extends Error {
  /** The problem at `calendar.holidays`, coded. */
  readonly problem: CoreMessage;
  constructor(readonly id: string) {
    const problem = coreMessage('calendar.unknown', {
      id,
      builtIn: 'CN-SSE, CN-IB, US-SIFMA',
      option: '--calendar FILE',
    });
    super(`calendar.holidays: ${problem.message}`);
    this.problem = problem;
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

  const noteMessages: CoreMessage[] = [];
  const range = holidays ? `${holidays.firstYear}–${holidays.publishedThrough}` : '';
  if (holidays && before) {
    noteMessages.push(
      coreMessage('calendar.rolledBefore', { firstYear: holidays.firstYear, id: holidays.id, range }),
    );
  }
  if (holidays && beyond !== null) {
    noteMessages.push(coreMessage('calendar.rolledBeyond', { year: beyond, id: holidays.id, range }));
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
    notes: noteMessages.map((m) => m.message),
    noteMessages,
  };
}
