/**
 * Structure: the deal calendar — closing and first payment dates, payment frequency per phase, holiday calendar
 * and business-day rule. Class day counts are edited in the tranche table beside each class's coupon.
 */
import { useState } from 'react';
import { PaymentFrequency } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { TextField } from '../../components/Field';
import {
  BUILT_IN_HOLIDAYS,
  BUSINESS_DAY_RULE_LABEL,
  closingDateProblem,
  dealCalendar,
  effectiveClosingDate,
  firstPaymentDateProblem,
  FREQUENCY_LABEL,
  holidaysProblem,
  setBusinessDayRule,
  setClosingDate,
  setFirstPaymentDate,
  setHolidays,
  setPaymentFrequency,
  type BusinessDayRule,
  type Phase,
} from '../../project/calendarEdit';
import { useDealEditor } from '../useDealEditor';

const NO_HOLIDAYS = '';
const RULES = Object.keys(BUSINESS_DAY_RULE_LABEL) as BusinessDayRule[];

export function CalendarCard() {
  const { state } = useApp();
  const edit = useDealEditor();
  const deal = state.history.present.deal;
  const cal = dealCalendar(deal);
  const carried = (cal.calendars ?? []).map((c) => ({ id: c.id, label: `${c.id} (carried with the deal)` }));
  const holidayChoices = [
    { value: NO_HOLIDAYS, label: 'None (no rolling)' },
    ...[...BUILT_IN_HOLIDAYS, ...carried.filter((c) => !BUILT_IN_HOLIDAYS.some((b) => b.id === c.id))].map(
      (h) => ({ value: h.id, label: h.label }),
    ),
  ];
  const frequency = (phase: Phase, title: string) => (
    <>
      <label>{title}</label>
      <Choice
        value={cal.paymentFrequency[phase]}
        label={`Payment frequency ${phase}`}
        testId={`calendar-frequency-${phase}`}
        options={PaymentFrequency.options.map((f) => ({ value: f, label: FREQUENCY_LABEL[f] }))}
        onChange={(v) => {
          const f = PaymentFrequency.safeParse(v);
          return f.success
            ? edit(`${phase} payment frequency`, (d) => setPaymentFrequency(d, phase, f.data))
            : `Not a frequency: ${v}`;
        }}
      />
    </>
  );
  return (
    <section className="card" data-testid="calendar-card">
      <div className="card-head">
        <h2>Calendar</h2>
      </div>
      {/* Narrow, so the selects are not stretched across the whole screen. */}
      <div className="form-grid" style={{ maxWidth: 560 }}>
        <label
          title={`Empty: the settlement date (${effectiveClosingDate({ ...deal, closingDate: undefined })})`}
        >
          Closing date
        </label>
        <TextField
          value={deal.closingDate ?? ''}
          label="Closing date"
          testId="calendar-closingDate"
          validate={(v) => closingDateProblem(deal, v.trim())}
          onCommit={(v) => edit('closing date', (d) => setClosingDate(d, v.trim()))}
        />
        <label title={`Empty: day ${deal.paymentDay} of the month after the cut-off`}>
          First payment date
        </label>
        <TextField
          value={deal.firstPaymentDate ?? ''}
          label="First payment date"
          testId="calendar-firstPaymentDate"
          validate={(v) => firstPaymentDateProblem(deal, v.trim())}
          onCommit={(v) => edit('first payment date', (d) => setFirstPaymentDate(d, v.trim()))}
        />
        {deal.structure.revolving ? frequency('revolving', 'Paid while revolving') : null}
        {frequency('amortising', deal.structure.revolving ? 'Paid while amortising' : 'Paid')}
        <label>Holiday calendar</label>
        <Choice
          value={cal.holidays ?? NO_HOLIDAYS}
          label="Holiday calendar"
          testId="calendar-holidays"
          options={holidayChoices}
          onChange={(v) =>
            v === NO_HOLIDAYS
              ? edit('no holiday calendar', (d) => setHolidays(d, undefined))
              : (holidaysProblem(deal, v) ?? edit(`holiday calendar ${v}`, (d) => setHolidays(d, v)))
          }
        />
        <label title="How a payment date on a weekend or holiday moves">Business-day rule</label>
        <Choice
          value={cal.businessDayRule}
          label="Business-day rule"
          testId="calendar-businessDayRule"
          disabled={cal.holidays === undefined}
          title={
            cal.holidays === undefined ? 'Choose a holiday calendar first: without one no date rolls' : ''
          }
          options={RULES.map((r) => ({ value: r, label: BUSINESS_DAY_RULE_LABEL[r] }))}
          onChange={(v) => {
            const rule = RULES.find((r) => r === v);
            return rule ? edit('business-day rule', (d) => setBusinessDayRule(d, rule)) : `Not a rule: ${v}`;
          }}
        />
      </div>
      <p className="muted small">Each class&rsquo;s day count is set in the tranche table.</p>
    </section>
  );
}

/** A select whose refused change is explained beside it, as the other fields' messages are. */
function Choice({
  value,
  label,
  testId,
  options,
  onChange,
  disabled,
  title,
}: {
  value: string;
  label: string;
  testId: string;
  options: readonly { value: string; label: string }[];
  onChange: (v: string) => string | null;
  disabled?: boolean;
  title?: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const known = options.some((o) => o.value === value);
  return (
    <span className={`field ${message ? 'field-invalid' : ''}`}>
      <select
        value={value}
        aria-label={label}
        data-testid={testId}
        disabled={disabled}
        title={title}
        onChange={(e) => setMessage(onChange(e.target.value))}
      >
        {known ? null : <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}
