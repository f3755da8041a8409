/**
 * Deal-calendar edits for the Structure screen, pure so they are tested without React. A field refuses an
 * impossible or out-of-order date in place by the engine's own rules (core/deal/validate.ts), with its reason,
 * instead of letting the run stop on it later.
 */
import { DealCalendar, type Deal, type PaymentFrequency } from '../../core/deal/schema';
import { dealCalendarProblems } from '../../core/deal/validate';
import { parseIsoDate } from '../../core/time/isoDate';

export type Phase = keyof DealCalendar['paymentFrequency'];
export type BusinessDayRule = DealCalendar['businessDayRule'];

export const FREQUENCY_LABEL: Record<PaymentFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiAnnual: 'Semi-annual',
};

/** The calendars the engine ships (core/time/holidayCalendar.ts); a deal may carry others of its own. */
export const BUILT_IN_HOLIDAYS: readonly { id: string; label: string }[] = [
  { id: 'CN-SSE', label: 'CN-SSE (Shanghai/Shenzhen exchanges)' },
  { id: 'CN-IB', label: 'CN-IB (interbank)' },
  { id: 'US-SIFMA', label: 'US-SIFMA' },
];

export const BUSINESS_DAY_RULE_LABEL: Record<BusinessDayRule, string> = {
  following: 'Following',
  modifiedFollowing: 'Modified following',
  preceding: 'Preceding',
  unadjusted: 'Unadjusted',
};

/** The calendar as the engine reads it: an absent one is monthly with no rolling. */
export function dealCalendar(deal: Deal): DealCalendar {
  return deal.calendar ?? DealCalendar.parse({});
}

function withCalendar(deal: Deal, fn: (c: DealCalendar) => DealCalendar): Deal {
  return { ...deal, calendar: fn(dealCalendar(deal)) };
}

/** The closing date the engine uses when none is set: the settlement date, itself defaulting to the cut-off. */
export function effectiveClosingDate(deal: Deal): string {
  return deal.closingDate ?? deal.settlementDate ?? deal.cutoffDate;
}

function dateProblem(s: string): string | null {
  try {
    parseIsoDate(s);
    return null;
  } catch {
    return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s} is not a calendar date` : 'A date as YYYY-MM-DD';
  }
}

/** The first engine problem the edited deal has that the deal before the edit did not. */
function newCalendarProblem(before: Deal, after: Deal): string | null {
  const old = new Set(dealCalendarProblems(before).map((p) => `${p.path}: ${p.message}`));
  const added = dealCalendarProblems(after).find((p) => !old.has(`${p.path}: ${p.message}`));
  return added?.message ?? null;
}

/** Why `s` cannot be the closing date; an empty field is allowed (it falls back to the settlement date). */
export function closingDateProblem(deal: Deal, s: string): string | null {
  if (s === '') return null;
  return dateProblem(s) ?? newCalendarProblem(deal, setClosingDate(deal, s));
}

/**
 * Why `s` cannot be the first payment date; an empty field is allowed (the payment day of the month after the
 * cut-off). It must follow closing, fall on the payment day and lie in a month after the cut-off month.
 */
export function firstPaymentDateProblem(deal: Deal, s: string): string | null {
  if (s === '') return null;
  return dateProblem(s) ?? newCalendarProblem(deal, setFirstPaymentDate(deal, s));
}

/** An empty value clears the date, so the engine's default applies again. */
export function setClosingDate(deal: Deal, s: string): Deal {
  const { closingDate: _old, ...rest } = deal;
  return s === '' ? rest : { ...rest, closingDate: s };
}

export function setFirstPaymentDate(deal: Deal, s: string): Deal {
  const { firstPaymentDate: _old, ...rest } = deal;
  return s === '' ? rest : { ...rest, firstPaymentDate: s };
}

export function setPaymentFrequency(deal: Deal, phase: Phase, f: PaymentFrequency): Deal {
  return withCalendar(deal, (c) => ({ ...c, paymentFrequency: { ...c.paymentFrequency, [phase]: f } }));
}

/** undefined: no holiday calendar, so no payment date is rolled. */
export function setHolidays(deal: Deal, id: string | undefined): Deal {
  return withCalendar(deal, ({ holidays: _old, ...c }) => (id === undefined ? c : { ...c, holidays: id }));
}

export function setBusinessDayRule(deal: Deal, rule: BusinessDayRule): Deal {
  return withCalendar(deal, (c) => ({ ...c, businessDayRule: rule }));
}

/** A holiday id the engine can find: a built-in one or one of the calendars the deal carries. */
export function holidaysProblem(deal: Deal, id: string): string | null {
  const known =
    BUILT_IN_HOLIDAYS.some((h) => h.id === id) || (deal.calendar?.calendars ?? []).some((c) => c.id === id);
  return known ? null : `No holiday calendar ${id}`;
}
