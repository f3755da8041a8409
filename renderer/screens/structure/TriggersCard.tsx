/** Structure: performance triggers, their threshold schedules and what a breach does. */
import { Fragment, useState } from 'react';
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
import { useDealEditor } from '../useDealEditor';

type DealEdit = (label: string, update: (d: Deal) => Deal) => string | null;

const TRIGGER_TYPE_LABEL: Record<TriggerType, string> = {
  cumulativeNetLoss: 'Cumulative net loss',
  delinquency: 'Delinquency',
  excessSpread: 'Excess spread',
  ocRatio: 'OC ratio',
};

const EFFECT_LABEL: Record<(typeof TRIGGER_EFFECTS)[number], string> = {
  sequential: 'Sequential',
  endRevolving: 'End revolving',
  trapCash: 'Trap cash',
};

export function TriggersCard() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const s = deal.structure;
  const edit = useDealEditor();
  // The trigger whose details (id, name, window, schedule) are open; it follows a rename.
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card">
      <div className="card-head">
        <h2>Triggers</h2>
        <select
          value=""
          aria-label="Add trigger"
          data-testid="add-trigger"
          onChange={(e) => {
            const type = TRIGGER_TYPES.find((x) => x === e.target.value);
            if (type)
              edit(`add ${TRIGGER_TYPE_LABEL[type].toLowerCase()} trigger`, (d) => addTrigger(d, type));
          }}
        >
          <option value="">+ Add trigger…</option>
          {TRIGGER_TYPES.map((x) => (
            <option key={x} value={x}>
              {TRIGGER_TYPE_LABEL[x]}
            </option>
          ))}
        </select>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>Trigger</th>
            <th>Thresholds</th>
            <th>Effects</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.triggers.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                No triggers
              </td>
            </tr>
          ) : null}
          {s.triggers.map((t) => (
            <Fragment key={t.id}>
              <tr data-testid={`trigger-row-${t.id}`} className={open === t.id ? 'trigger-open' : undefined}>
                <td className="wrap">
                  {t.name ?? t.id}
                  {t.name === TRIGGER_TYPE_LABEL[t.test.type] ? null : (
                    <div className="muted small">{TRIGGER_TYPE_LABEL[t.test.type]}</div>
                  )}
                </td>
                <td className="small wrap">
                  {t.test.schedule.map((x, k) => (
                    <span key={k} className="threshold">
                      <span className="threshold-from">from {x.fromPeriod}:</span>
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
                    title={
                      open === t.id
                        ? 'Close the trigger details'
                        : 'Edit id, name, window and threshold steps'
                    }
                    aria-label={`Edit trigger ${t.id}`}
                    aria-expanded={open === t.id}
                    data-testid={`edit-trigger-${t.id}`}
                    onClick={() => setOpen(open === t.id ? null : t.id)}
                  >
                    {open === t.id ? '▾' : '✎'}
                  </button>
                  <button
                    className="icon"
                    title="Remove trigger"
                    aria-label={`Remove trigger ${t.id}`}
                    data-testid={`remove-trigger-${t.id}`}
                    onClick={() => edit(`remove trigger ${t.id}`, (d) => removeTrigger(d, t.id))}
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
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className={`field trigger-effects ${message ? 'field-invalid' : ''}`}>
      <span className="checks">
        {TRIGGER_EFFECTS.map((e) => (
          <label
            key={e}
            className="check"
            title={e === 'endRevolving' && !revolving ? 'The deal has no revolving period' : undefined}
          >
            <input
              type="checkbox"
              checked={effects.includes(e)}
              data-testid={`trigger-${triggerId}-effect-${e}`}
              onChange={(ev) => {
                const on = ev.target.checked;
                if (!on && effects.length === 1) {
                  setMessage('A trigger needs at least one effect');
                  return;
                }
                setMessage(
                  edit(`${triggerId} ${on ? 'adds' : 'drops'} ${EFFECT_LABEL[e].toLowerCase()}`, (d) =>
                    setTriggerEffect(d, triggerId, e, on),
                  ),
                );
              }}
            />
            {EFFECT_LABEL[e]}
          </label>
        ))}
        <label className="check" title="Switches back when the test passes again">
          <input
            type="checkbox"
            checked={curable}
            data-testid={`trigger-${triggerId}-curable`}
            onChange={(ev) => {
              const on = ev.target.checked;
              setMessage(
                edit(`${triggerId} ${on ? 'curable' : 'not curable'}`, (d) =>
                  setTriggerCurable(d, triggerId, on),
                ),
              );
            }}
          />
          Curable
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
  const x = t.test.schedule[k] as ThresholdStep;
  const ratio = t.test.type === 'ocRatio';
  return (
    <NumberField
      kind={ratio ? 'number' : 'percent'}
      value={x.threshold}
      width={width}
      label={`${t.id} threshold from period ${x.fromPeriod}`}
      testId={testId ?? `trigger-${t.id}-${k}`}
      suffix={ratio ? '×' : '%'}
      validate={(v) => thresholdProblem(t.test.type, v)}
      onCommit={(v) => edit(`${t.id} threshold`, (d) => setThresholdStep(d, t.id, k, { threshold: v }))}
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
  const measure = triggerWindow(t);
  const sched = t.test.schedule;
  const lastFrom = sched.at(-1)?.fromPeriod ?? 0;
  return (
    <div className="trigger-detail-body">
      <div className="trigger-detail-fields">
        <label>Id</label>
        <TextField
          value={t.id}
          width={130}
          label={`Trigger ${t.id} id`}
          testId={`trigger-${t.id}-id`}
          validate={(v) => triggerIdProblem(deal, t.id, v)}
          onCommit={(v) => {
            if (edit(`rename trigger ${t.id} to ${v}`, (d) => renameTrigger(d, t.id, v)) === null)
              onRenamed(v);
          }}
        />
        <label>Name</label>
        <TextField
          value={t.name ?? ''}
          width={200}
          label={`Trigger ${t.id} name`}
          testId={`trigger-${t.id}-name`}
          validate={(v) => (v.trim().length > 64 ? 'A name is at most 64 characters' : null)}
          onCommit={(v) => edit(`name trigger ${t.id}`, (d) => setTriggerName(d, t.id, v))}
        />
        <label>Test</label>
        <select
          value={t.test.type}
          aria-label={`Trigger ${t.id} test`}
          data-testid={`trigger-${t.id}-type`}
          title="A new test starts from its own default threshold"
          onChange={(e) =>
            edit(`trigger ${t.id} test`, (d) => setTriggerType(d, t.id, e.target.value as TriggerType))
          }
        >
          {TRIGGER_TYPES.map((k) => (
            <option key={k} value={k}>
              {TRIGGER_TYPE_LABEL[k]}
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
              label={`Trigger ${t.id} ${measure.label}`}
              testId={`trigger-${t.id}-window`}
              validate={windowProblem}
              onCommit={(v) => edit(`${t.id} ${measure.key}`, (d) => setTriggerWindow(d, t.id, v))}
            />
          </>
        ) : null}
      </div>
      <table className="table threshold-steps" data-testid={`trigger-${t.id}-schedule`}>
        <thead>
          <tr>
            <th className="num">From period</th>
            <th className="num">Threshold</th>
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
                  label={`${t.id} step ${k + 1} start period`}
                  testId={`trigger-${t.id}-step-${k}-from`}
                  validate={(v) => stepStartProblem(sched, k, v)}
                  onCommit={(v) =>
                    edit(`${t.id} step ${k + 1} start`, (d) =>
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
                  title={sched.length === 1 ? 'A trigger keeps at least one threshold' : 'Remove this step'}
                  aria-label={`Remove ${t.id} step ${k + 1}`}
                  data-testid={`trigger-${t.id}-step-${k}-remove`}
                  disabled={sched.length === 1}
                  onClick={() =>
                    edit(`${t.id} removes step ${k + 1}`, (d) => removeThresholdStep(d, t.id, k))
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
                title="A new step starts 12 periods after the last, at the same threshold"
                onClick={() => edit(`${t.id} adds a threshold step`, (d) => addThresholdStep(d, t.id))}
              >
                + Add step
              </button>
              <span className="muted small"> Before its first step a trigger is not tested.</span>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
