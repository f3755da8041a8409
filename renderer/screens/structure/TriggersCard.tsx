/** Structure: performance triggers, their threshold schedules and what a breach does. */
import { useState } from 'react';
import type { Deal } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField } from '../../components/Field';
import {
  addTrigger,
  removeTrigger,
  setTriggerCurable,
  setTriggerEffect,
  TRIGGER_EFFECTS,
  TRIGGER_TYPES,
  type TriggerType,
} from '../../project/dealEdit';
import { replaceAt, useDealEditor } from '../useDealEditor';

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
  const s = state.history.present.deal.structure;
  const edit = useDealEditor();
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
            <tr key={t.id} data-testid={`trigger-row-${t.id}`}>
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
                    <NumberField
                      kind={t.test.type === 'ocRatio' ? 'number' : 'percent'}
                      value={x.threshold}
                      width={60}
                      label={`${t.id} threshold from period ${x.fromPeriod}`}
                      testId={`trigger-${t.id}-${k}`}
                      suffix={t.test.type === 'ocRatio' ? '×' : '%'}
                      onCommit={(v) =>
                        edit(`${t.id} threshold`, (d) => ({
                          ...d,
                          structure: {
                            ...d.structure,
                            triggers: d.structure.triggers.map((g) =>
                              g.id !== t.id
                                ? g
                                : {
                                    ...g,
                                    test: {
                                      ...g.test,
                                      schedule: replaceAt(g.test.schedule, k, { ...x, threshold: v }),
                                    },
                                  },
                            ),
                          },
                        }))
                      }
                    />
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
                  title="Remove trigger"
                  aria-label={`Remove trigger ${t.id}`}
                  data-testid={`remove-trigger-${t.id}`}
                  onClick={() => edit(`remove trigger ${t.id}`, (d) => removeTrigger(d, t.id))}
                >
                  ×
                </button>
              </td>
            </tr>
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
