/**
 * Deal-calendar edits for the Structure screen, pure so they are tested without React. A field refuses an
 * impossible or out-of-order date in place by the engine's own rules (core/deal/validate.ts), with its reason,
 * instead of letting the run stop on it later.
 */
import type { TFunction } from 'i18next';
import { DealCalendar, type Deal, type PaymentFrequency } from '../../core/deal/schema';
import { coreText } from '../../core/i18n/messages';
import { dealCalendarProblems } from '../../core/deal/validate';
import { parseIsoDate } from '../../core/time/isoDate';
import { enT } from '../i18n/fixedT';

export type Phase = keyof DealCalendar['paymentFrequency'];
export type BusinessDayRule = DealCalendar['businessDayRule'];

export function frequencyLabel(f: PaymentFrequency, t: TFunction = enT): string {
  return t(`structure:calendar.frequency.${f}`);
}

/** The calendars the engine ships (core/time/holidayCalendar.ts); a deal may carry others of its own. */
export const BUILT_IN_HOLIDAYS = ['CN-SSE', 'CN-IB', 'US-SIFMA'] as const;
export type BuiltInHolidays = (typeof BUILT_IN_HOLIDAYS)[number];

export function holidaysLabel(id: BuiltInHolidays, t: TFunction = enT): string {
  return t(`structure:calendar.builtIn.${id}`);
}

export const BUSINESS_DAY_RULES: readonly BusinessDayRule[] = [
  'following',
  'modifiedFollowing',
  'preceding',
  'unadjusted',
];

export function businessDayRuleLabel(rule: BusinessDayRule, t: TFunction = enT): string {
  return t(`structure:calendar.rules.${rule}`);
}

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

function dateProblem(s: string, t: TFunction): string | null {
  try {
    parseIsoDate(s);
    return null;
  } catch {
    return /^\d{4}-\d{2}-\d{2}$/.test(s)
      ? t('structure:calendar.problem.notDate', { date: s })
      : t('structure:calendar.problem.format');
  }
}

/** The first engine problem the edited deal has that the deal before the edit did not, in `t`'s language. */
function newCalendarProblem(before: Deal, after: Deal, t: TFunction): string | null {
  const old = new Set(dealCalendarProblems(before).map((p) => `${p.path}: ${p.message}`));
  const added = dealCalendarProblems(after).find((p) => !old.has(`${p.path}: ${p.message}`));
  return added ? coreText(t, added) : null;
}

/** Why `s` cannot be the closing date; an empty field is allowed (it falls back to the settlement date). */
export function closingDateProblem(deal: Deal, s: string, t: TFunction = enT): string | null {
  if (s === '') return null;
  return dateProblem(s, t) ?? newCalendarProblem(deal, setClosingDate(deal, s), t);
}

/**
 * Why `s` cannot be the first payment date; an empty field is allowed (the payment day of the month after the
 * cut-off). It must follow closing, fall on the payment day and lie in a month after the cut-off month.
 */
export function firstPaymentDateProblem(deal: Deal, s: string, t: TFunction = enT): string | null {
  if (s === '') return null;
  return dateProblem(s, t) ?? newCalendarProblem(deal, setFirstPaymentDate(deal, s), t);
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
export function holidaysProblem(deal: Deal, id: string, t: TFunction = enT): string | null {
  const known =
    BUILT_IN_HOLIDAYS.some((h) => h === id) || (deal.calendar?.calendars ?? []).some((c) => c.id === id);
  return known ? null : t('structure:calendar.problem.noHolidays', { id });
}
