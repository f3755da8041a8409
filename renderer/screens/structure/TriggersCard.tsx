/** Structure: performance triggers, their threshold schedules and what a breach does. */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, Trigger } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField, TextField } from '../../components/Field';
import {
  addTrigger,
  removeTrigger,
  setTriggerCurable,
  setTriggerEffect,
  setTriggerType,
  TRIGGER_EFFECTS,
  TRIGGER_TYPES,
  type TriggerType,
} from '../../project/dealEdit';
import {
  addThresholdStep,
  removeThresholdStep,
  renameTrigger,
  setThresholdStep,
  setTriggerName,
  setTriggerWindow,
  stepStartProblem,
  thresholdProblem,
  triggerIdProblem,
  triggerWindow,
  windowProblem,
  type ThresholdStep,
} from '../../project/triggerEdit';
import { useDealEditor, type DealEdit } from '../useDealEditor';
import { editLabel } from './editLabel';

/** The English name a new trigger of each test is given (dealEdit.ts), shown as the test when it is unchanged. */
const DEFAULT_NAME: Record<TriggerType, string> = {
  cumulativeNetLoss: 'Cumulative net loss',
  delinquency: 'Delinquency',
  excessSpread: 'Excess spread',
  ocRatio: 'OC ratio',
};

export function TriggersCard() {
  const { state } = useApp();
  const { t: tr } = useTranslation('structure');
  const deal = state.history.present.deal;
  const s = deal.structure;
  const edit = useDealEditor();
  // The trigger whose details (id, name, window, schedule) are open; it follows a rename.
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{tr('triggers.title')}</h2>
        <select
          value=""
          aria-label={tr('triggers.add')}
          data-testid="add-trigger"
          onChange={(e) => {
            const type = TRIGGER_TYPES.find((x) => x === e.target.value);
            if (type) edit(editLabel('addTrigger', { type }), (d) => addTrigger(d, type));
          }}
        >
          <option value="">{tr('triggers.addPrompt')}</option>
          {TRIGGER_TYPES.map((x) => (
            <option key={x} value={x}>
              {tr(`triggers.type.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>{tr('triggers.trigger')}</th>
            <th>{tr('triggers.thresholds')}</th>
            <th>{tr('triggers.effects')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.triggers.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                {tr('triggers.none')}
              </td>
            </tr>
          ) : null}
          {s.triggers.map((t) => (
            <Fragment key={t.id}>
              <tr data-testid={`trigger-row-${t.id}`} className={open === t.id ? 'trigger-open' : undefined}>
                <td className="wrap">
                  {t.name === DEFAULT_NAME[t.test.type] ? (
                    // A name left as the test's default reads as the test, in the user's language.
                    tr(`triggers.type.${t.test.type}`)
                  ) : (
                    <>
                      <span translate="no">{t.name ?? t.id}</span>
                      <div className="muted small">{tr(`triggers.type.${t.test.type}`)}</div>
                    </>
                  )}
                </td>
                <td className="small wrap">
                  {t.test.schedule.map((x, k) => (
                    <span key={k} className="threshold">
                      <span className="threshold-from">{tr('triggers.from', { period: x.fromPeriod })}</span>
                      <ThresholdField trigger={t} k={k} width={60} edit={edit} />
                    </span>
                  ))}
                </td>
                <td>
                  <TriggerEffects
                    triggerId={t.id}
                    effects={t.effects}
                    curable={t.curable}
                    revolving={s.revolving !== undefined}
                    edit={edit}
                  />
                </td>
                <td className="row-actions">
                  <button
                    className="icon"
                    title={open === t.id ? tr('triggers.close') : tr('triggers.open')}
                    aria-label={tr('triggers.editLabel', { id: t.id })}
                    aria-expanded={open === t.id}
                    data-testid={`edit-trigger-${t.id}`}
                    onClick={() => setOpen(open === t.id ? null : t.id)}
                  >
                    {open === t.id ? '▾' : '✎'}
                  </button>
                  <button
                    className="icon"
                    title={tr('triggers.remove')}
                    aria-label={tr('triggers.removeLabel', { id: t.id })}
                    data-testid={`remove-trigger-${t.id}`}
                    onClick={() =>
                      edit(editLabel('removeTrigger', { id: t.id }), (d) => removeTrigger(d, t.id))
                    }
                  >
                    ×
                  </button>
                </td>
              </tr>
              {open === t.id ? (
                <tr className="trigger-detail" data-testid={`trigger-detail-${t.id}`}>
                  <td colSpan={4}>
                    <TriggerDetail trigger={t} deal={deal} edit={edit} onRenamed={setOpen} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Effects as checkboxes; clearing the last one is refused in place, since a trigger must do something. */
function TriggerEffects({
  triggerId,
  effects,
  curable,
  revolving,
  edit,
}: {
  triggerId: string;
  effects: readonly (typeof TRIGGER_EFFECTS)[number][];
  curable: boolean;
  revolving: boolean;
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className={`field trigger-effects ${message ? 'field-invalid' : ''}`}>
      <span className="checks">
        {TRIGGER_EFFECTS.map((e) => (
          <label
            key={e}
            className="check"
            title={e === 'endRevolving' && !revolving ? t('triggers.noRevolving') : undefined}
          >
            <input
              type="checkbox"
              checked={effects.includes(e)}
              data-testid={`trigger-${triggerId}-effect-${e}`}
              onChange={(ev) => {
                const on = ev.target.checked;
                if (!on && effects.length === 1) {
                  setMessage(t('triggers.needsEffect'));
                  return;
                }
                setMessage(
                  edit(editLabel(on ? 'effectOn' : 'effectOff', { id: triggerId, effect: e }), (d) =>
                    setTriggerEffect(d, triggerId, e, on),
                  ),
                );
              }}
            />
            {t(`triggers.effect.${e}`)}
          </label>
        ))}
        <label className="check" title={t('triggers.curableHint')}>
          <input
            type="checkbox"
            checked={curable}
            data-testid={`trigger-${triggerId}-curable`}
            onChange={(ev) => {
              const on = ev.target.checked;
              setMessage(
                edit(editLabel(on ? 'curable' : 'notCurable', { id: triggerId }), (d) =>
                  setTriggerCurable(d, triggerId, on),
                ),
              );
            }}
          />
          {t('triggers.curable')}
        </label>
      </span>
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}

/** A threshold, checked with the rest of its schedule so a bad value is refused before it reaches the deal. */
function ThresholdField({
  trigger: t,
  k,
  width,
  testId,
  edit,
}: {
  trigger: Trigger;
  k: number;
  width: number;
  testId?: string;
  edit: DealEdit;
}) {
  const { t: tr } = useTranslation('structure');
  const x = t.test.schedule[k] as ThresholdStep;
  const ratio = t.test.type === 'ocRatio';
  return (
    <NumberField
      kind={ratio ? 'number' : 'percent'}
      value={x.threshold}
      width={width}
      label={tr('triggers.thresholdLabel', { id: t.id, period: x.fromPeriod })}
      testId={testId ?? `trigger-${t.id}-${k}`}
      suffix={ratio ? '×' : '%'}
      validate={(v) => thresholdProblem(t.test.type, v, tr)}
      onCommit={(v) =>
        edit(editLabel('threshold', { id: t.id }), (d) => setThresholdStep(d, t.id, k, { threshold: v }))
      }
    />
  );
}

/** Id, name, measuring window and the step-up / step-down schedule of one trigger. */
function TriggerDetail({
  trigger: t,
  deal,
  edit,
  onRenamed,
}: {
  trigger: Trigger;
  deal: Deal;
  edit: DealEdit;
  onRenamed: (id: string) => void;
}) {
  const { t: tr } = useTranslation('structure');
  const measure = triggerWindow(t, tr);
  const sched = t.test.schedule;
  const lastFrom = sched.at(-1)?.fromPeriod ?? 0;
  return (
    <div className="trigger-detail-body">
      <div className="trigger-detail-fields">
        <label>{tr('triggers.id')}</label>
        <TextField
          value={t.id}
          width={130}
          label={tr('triggers.idLabel', { id: t.id })}
          testId={`trigger-${t.id}-id`}
          validate={(v) => triggerIdProblem(deal, t.id, v, tr)}
          onCommit={(v) => {
            if (
              edit(editLabel('renameTrigger', { id: t.id, to: v }), (d) => renameTrigger(d, t.id, v)) === null
            )
              onRenamed(v);
          }}
        />
        <label>{tr('triggers.name')}</label>
        <TextField
          value={t.name ?? ''}
          width={200}
          label={tr('triggers.nameLabel', { id: t.id })}
          testId={`trigger-${t.id}-name`}
          validate={(v) => (v.trim().length > 64 ? tr('triggers.nameLong') : null)}
          onCommit={(v) => edit(editLabel('nameTrigger', { id: t.id }), (d) => setTriggerName(d, t.id, v))}
        />
        <label>{tr('triggers.test')}</label>
        <select
          value={t.test.type}
          aria-label={tr('triggers.testLabel', { id: t.id })}
          data-testid={`trigger-${t.id}-type`}
          title={tr('triggers.testHint')}
          onChange={(e) =>
            edit(editLabel('triggerTest', { id: t.id }), (d) =>
              setTriggerType(d, t.id, e.target.value as TriggerType),
            )
          }
        >
          {TRIGGER_TYPES.map((k) => (
            <option key={k} value={k}>
              {tr(`triggers.type.${k}`)}
            </option>
          ))}
        </select>
        {measure ? (
          <>
            <label>{measure.label}</label>
            <NumberField
              kind="int"
              value={measure.months}
              width={70}
              label={tr('triggers.windowLabel', { id: t.id, window: measure.label })}
              testId={`trigger-${t.id}-window`}
              validate={(v) => windowProblem(v, tr)}
              onCommit={(v) =>
                edit(editLabel('triggerWindow', { id: t.id, window: measure.key }), (d) =>
                  setTriggerWindow(d, t.id, v),
                )
              }
            />
          </>
        ) : null}
      </div>
      <table className="table threshold-steps" data-testid={`trigger-${t.id}-schedule`}>
        <thead>
          <tr>
            <th className="num">{tr('triggers.fromPeriod')}</th>
            <th className="num">{tr('triggers.threshold')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sched.map((x, k) => (
            <tr key={k}>
              <td className="num">
                <NumberField
                  kind="int"
                  value={x.fromPeriod}
                  width={96}
                  label={tr('triggers.stepStartLabel', { id: t.id, n: k + 1 })}
                  testId={`trigger-${t.id}-step-${k}-from`}
                  validate={(v) => stepStartProblem(sched, k, v, tr)}
                  onCommit={(v) =>
                    edit(editLabel('stepStart', { id: t.id, n: k + 1 }), (d) =>
                      setThresholdStep(d, t.id, k, { fromPeriod: v }),
                    )
                  }
                />
              </td>
              <td className="num">
                <ThresholdField
                  trigger={t}
                  k={k}
                  width={96}
                  testId={`trigger-${t.id}-step-${k}-threshold`}
                  edit={edit}
                />
              </td>
              <td className="row-actions">
                <button
                  className="icon"
                  title={sched.length === 1 ? tr('triggers.keepOne') : tr('triggers.removeStep')}
                  aria-label={tr('triggers.removeStepLabel', { id: t.id, n: k + 1 })}
                  data-testid={`trigger-${t.id}-step-${k}-remove`}
                  disabled={sched.length === 1}
                  onClick={() =>
                    edit(editLabel('removeThresholdStep', { id: t.id, n: k + 1 }), (d) =>
                      removeThresholdStep(d, t.id, k),
                    )
                  }
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>
              <button
                data-testid={`trigger-${t.id}-add-step`}
                disabled={lastFrom >= 1200}
                title={tr('triggers.addStepHint')}
                onClick={() =>
                  edit(editLabel('addThresholdStep', { id: t.id }), (d) => addThresholdStep(d, t.id))
                }
              >
                {tr('triggers.addStep')}
              </button>
              <span className="muted small">{tr('triggers.notTested')}</span>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
