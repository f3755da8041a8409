/**
 * Structure: the deal calendar — closing and first payment dates, payment frequency per phase, holiday calendar
 * and business-day rule. Class day counts are edited in the tranche table beside each class's coupon.
 */
import { useTranslation } from 'react-i18next';
import { PaymentFrequency } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { ChoiceField, TextField } from '../../components/Field';
import {
  BUILT_IN_HOLIDAYS,
  BUSINESS_DAY_RULES,
  businessDayRuleLabel,
  closingDateProblem,
  dealCalendar,
  effectiveClosingDate,
  firstPaymentDateProblem,
  frequencyLabel,
  holidaysLabel,
  holidaysProblem,
  setBusinessDayRule,
  setClosingDate,
  setFirstPaymentDate,
  setHolidays,
  setPaymentFrequency,
  type Phase,
} from '../../project/calendarEdit';
import { useDealEditor } from '../useDealEditor';
import { editLabel } from './editLabel';

const NO_HOLIDAYS = '';

export function CalendarCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const edit = useDealEditor();
  const deal = state.history.present.deal;
  const cal = dealCalendar(deal);
  const holidayChoices = [
    { value: NO_HOLIDAYS, label: t('calendar.noHolidays') },
    ...BUILT_IN_HOLIDAYS.map((id) => ({ value: id, label: holidaysLabel(id, t) })),
    ...(cal.calendars ?? [])
      .filter((c) => !BUILT_IN_HOLIDAYS.some((b) => b === c.id))
      .map((c) => ({ value: c.id, label: t('calendar.carried', { id: c.id }) })),
  ];
  const frequency = (phase: Phase, title: string) => (
    <>
      <label>{title}</label>
      <ChoiceField
        value={cal.paymentFrequency[phase]}
        label={t(`calendar.frequencyLabel.${phase}`)}
        testId={`calendar-frequency-${phase}`}
        options={PaymentFrequency.options.map((f) => ({ value: f, label: frequencyLabel(f, t) }))}
        onChange={(v) => {
          const f = PaymentFrequency.safeParse(v);
          return f.success
            ? edit(editLabel('frequency', { phase }), (d) => setPaymentFrequency(d, phase, f.data))
            : t('calendar.notFrequency', { value: v });
        }}
      />
    </>
  );
  return (
    <section className="card" data-testid="calendar-card">
      <div className="card-head">
        <h2>{t('calendar.title')}</h2>
      </div>
      {/* Narrow, so the selects are not stretched across the whole screen. */}
      <div className="form-grid" style={{ maxWidth: 560 }}>
        <label
          title={t('calendar.closingHint', {
            date: effectiveClosingDate({ ...deal, closingDate: undefined }),
          })}
        >
          {t('calendar.closing')}
        </label>
        <TextField
          value={deal.closingDate ?? ''}
          label={t('calendar.closing')}
          testId="calendar-closingDate"
          validate={(v) => closingDateProblem(deal, v.trim(), t)}
          onCommit={(v) => edit(editLabel('closingDate'), (d) => setClosingDate(d, v.trim()))}
        />
        <label title={t('calendar.firstPaymentHint', { day: deal.paymentDay })}>
          {t('calendar.firstPayment')}
        </label>
        <TextField
          value={deal.firstPaymentDate ?? ''}
          label={t('calendar.firstPayment')}
          testId="calendar-firstPaymentDate"
          validate={(v) => firstPaymentDateProblem(deal, v.trim(), t)}
          onCommit={(v) => edit(editLabel('firstPaymentDate'), (d) => setFirstPaymentDate(d, v.trim()))}
        />
        {deal.structure.revolving ? frequency('revolving', t('calendar.paidRevolving')) : null}
        {frequency(
          'amortising',
          deal.structure.revolving ? t('calendar.paidAmortising') : t('calendar.paid'),
        )}
        <label>{t('calendar.holidays')}</label>
        <ChoiceField
          value={cal.holidays ?? NO_HOLIDAYS}
          label={t('calendar.holidays')}
          testId="calendar-holidays"
          options={holidayChoices}
          onChange={(v) =>
            v === NO_HOLIDAYS
              ? edit(editLabel('noHolidays'), (d) => setHolidays(d, undefined))
              : (holidaysProblem(deal, v, t) ??
                edit(editLabel('holidays', { id: v }), (d) => setHolidays(d, v)))
          }
        />
        <label title={t('calendar.ruleHint')}>{t('calendar.rule')}</label>
        <ChoiceField
          value={cal.businessDayRule}
          label={t('calendar.rule')}
          testId="calendar-businessDayRule"
          disabled={cal.holidays === undefined}
          title={cal.holidays === undefined ? t('calendar.ruleDisabled') : ''}
          options={BUSINESS_DAY_RULES.map((r) => ({ value: r, label: businessDayRuleLabel(r, t) }))}
          onChange={(v) => {
            const rule = BUSINESS_DAY_RULES.find((r) => r === v);
            return rule
              ? edit(editLabel('businessDayRule'), (d) => setBusinessDayRule(d, rule))
              : t('calendar.notRule', { value: v });
          }}
        />
      </div>
      <p className="muted small">{t('calendar.dayCountNote')}</p>
    </section>
  );
}
