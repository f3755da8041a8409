/**
 * Assumptions: scenarios side by side. Each curve is a constant, a vector edited in a grid (or pasted), or a
 * formula of `period` and `age` checked as it is typed, with a live preview of the curves by period. Segment
 * overrides are edited below with the same editors, and the preview draws them beside the scenario's curves.
 */
import { useMemo, useState } from 'react';
import type { Deal, Scenario } from '../../core/deal/schema';
import { useApp } from '../AppContext';
import { NumberField, TextField } from '../components/Field';
import { defaultStopSentence } from '../../core/projection/notes';
import { poolSegments, setVector, vectorOf, type CurveTarget } from '../project/assumptionEdit';
import {
  CurveCell,
  DefaultCurveCell,
  DefaultModelSelect,
  defaultText,
  PrepaymentCurveCell,
  PrepaymentModelSelect,
  prepaymentText,
  curveText,
} from './assumptions/CurveEditor';
import { CurvePreview } from './assumptions/CurvePreview';
import { OverridesCard } from './assumptions/OverridesCard';
import { VectorEditor } from './assumptions/VectorEditor';
import { replaceAt, useDealEditor } from './useDealEditor';

export function AssumptionsScreen() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const edit = useDealEditor();
  const [focus, setFocus] = useState<CurveTarget | null>(null);
  // One scenario in view for the overrides card and the preview, and the override segment compared in it.
  const [preview, setPreview] = useState(0);
  const [compare, setCompare] = useState<string | null>(null);

  const setScenario = (i: number, label: string, fn: (s: Scenario) => Scenario): string | null =>
    edit(label, (d) => ({ ...d, scenarios: replaceAt(d.scenarios, i, fn(d.scenarios[i] as Scenario)) }));

  const loans = state.history.present.pool?.loans ?? null;
  const segments = useMemo(() => poolSegments(deal, loans), [deal, loans]);
  // A deal whose pool file is not loaded has no segments to check overrides against.
  const poolKnown = loans !== null || deal.pool.kind === 'repLines';

  const scenarios = deal.scenarios;
  const current = Math.min(preview, scenarios.length - 1);
  const shown = scenarios[current];
  // Undo can take away the override being compared; the preview then shows the scenario alone.
  const compared = compare !== null && shown?.overrides.some((o) => o.segment === compare) ? compare : null;
  const showScenario = (i: number): void => {
    setPreview(i);
    setCompare(null);
  };

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Assumptions</h1>
        <p className="muted">
          Rates are annual (CPR, CDR) unless the model says otherwise; PSA and SDA take a speed (100 = 100%).
          Formulas use <code>period</code> (months since the loan entered the pool) and <code>age</code>{' '}
          (months since origination).
        </p>
      </div>
      <section className="card">
        <div className="card-head">
          <h2>Scenarios</h2>
          <button
            data-testid="add-scenario"
            onClick={() => {
              const base = scenarios[scenarios.length - 1] as Scenario;
              let n = scenarios.length + 1;
              while (scenarios.some((s) => s.name === `scenario ${n}`)) n++;
              edit('add scenario', (d) => ({
                ...d,
                scenarios: [...d.scenarios, { ...base, name: `scenario ${n}`, description: undefined }],
              }));
            }}
          >
            + Add scenario (copy of the last)
          </button>
        </div>
        <table className="table scenarios" data-testid="scenario-table">
          <thead>
            <tr>
              <th />
              {scenarios.map((s, i) => (
                <th key={i}>
                  <div className="scenario-head">
                    <TextField
                      value={s.name}
                      label={`Scenario ${i + 1} name`}
                      width={140}
                      validate={(v) =>
                        v.trim() === ''
                          ? 'A name is required'
                          : scenarios.some((x, j) => j !== i && x.name === v)
                            ? 'Another scenario has this name'
                            : null
                      }
                      onCommit={(v) =>
                        edit(`rename scenario ${s.name}`, (d) => ({
                          ...d,
                          scenarios: replaceAt(d.scenarios, i, { ...s, name: v }),
                        }))
                      }
                    />
                    <button
                      className="icon"
                      title="Remove scenario"
                      disabled={scenarios.length === 1}
                      onClick={() =>
                        edit(`remove scenario ${s.name}`, (d) => ({
                          ...d,
                          scenarios: d.scenarios.filter((_, j) => j !== i),
                        }))
                      }
                    >
                      ×
                    </button>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="param">Prepayment model</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <PrepaymentModelSelect
                    value={s.prepayment}
                    label={s.name}
                    onChange={(p) =>
                      setScenario(i, `${s.name} prepayment model`, (x) => ({ ...x, prepayment: p }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Prepayment curve</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <PrepaymentCurveCell
                    value={s.prepayment}
                    label={s.name}
                    testId={`prepay-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'prepayment' })}
                    onChange={(p) =>
                      setScenario(i, `${s.name} prepayment curve`, (x) => ({ ...x, prepayment: p }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Prepayment multiple</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <NumberField
                    kind="number"
                    value={s.prepaymentMultiple}
                    label={`${s.name} prepayment multiple`}
                    suffix="×"
                    width={90}
                    validate={(v) => (v < 0 || v > 100 ? 'Between 0 and 100' : null)}
                    onCommit={(v) =>
                      setScenario(i, `${s.name} prepayment multiple`, (x) => ({
                        ...x,
                        prepaymentMultiple: v,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Default model</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <DefaultModelSelect
                    value={s.default}
                    label={s.name}
                    onChange={(m) => setScenario(i, `${s.name} default model`, (x) => ({ ...x, default: m }))}
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Default curve</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <DefaultCurveCell
                    value={s.default}
                    label={s.name}
                    testId={`default-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'default' })}
                    onChange={(d) => setScenario(i, `${s.name} default curve`, (x) => ({ ...x, default: d }))}
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Default multiple</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <NumberField
                    kind="number"
                    value={s.defaultMultiple}
                    label={`${s.name} default multiple`}
                    testId={`default-multiple-${i}`}
                    suffix="×"
                    width={90}
                    validate={(v) => (v < 0 || v > 100 ? 'Between 0 and 100' : null)}
                    onCommit={(v) =>
                      setScenario(i, `${s.name} default multiple`, (x) => ({ ...x, defaultMultiple: v }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Loss severity</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <CurveCell
                    curve={s.severity}
                    unit="rate"
                    label={`${s.name} severity`}
                    testId={`severity-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'severity' })}
                    onChange={(c) => setScenario(i, `${s.name} severity`, (x) => ({ ...x, severity: c }))}
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Recovery lag (months)</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <NumberField
                    kind="int"
                    value={s.recoveryLagMonths}
                    label={`${s.name} recovery lag`}
                    width={70}
                    validate={(v) => (v < 0 || v > 1200 ? 'Between 0 and 1,200 months' : null)}
                    onCommit={(v) =>
                      setScenario(i, `${s.name} recovery lag`, (x) => ({ ...x, recoveryLagMonths: v }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Servicer advancing</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <input
                    type="checkbox"
                    checked={s.servicerAdvancing}
                    aria-label={`${s.name} servicer advancing`}
                    onChange={(e) =>
                      setScenario(i, `${s.name} servicer advancing`, (x) => ({
                        ...x,
                        servicerAdvancing: e.target.checked,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Defaults stop</td>
              {scenarios.map((s, i) => (
                <td key={i} className="wrap">
                  <select
                    value={s.defaultStop}
                    aria-label={`${s.name} default stop`}
                    data-testid={`default-stop-${i}`}
                    title={defaultStopSentence(s.defaultStop)}
                    onChange={(e) =>
                      setScenario(i, `${s.name} default stop`, (x) => ({
                        ...x,
                        defaultStop:
                          e.target.value === 'lagBeforeMaturity' ? 'lagBeforeMaturity' : 'maturity',
                      }))
                    }
                  >
                    <option value="maturity">At maturity (consumer)</option>
                    <option value="lagBeforeMaturity">Recovery lag before maturity (SIFMA)</option>
                  </select>
                  {s.servicerAdvancing && s.defaultStop === 'maturity' ? (
                    <div className="muted" data-testid={`default-stop-note-${i}`}>
                      Servicer advancing runs with the SIFMA stop.
                    </div>
                  ) : null}
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Segment overrides</td>
              {scenarios.map((s, i) => (
                <td key={i} className="wrap">
                  {s.overrides.map((o, j) => (
                    <div key={j} className="override">
                      <button
                        className="link-button"
                        title="Edit this override below"
                        onClick={() => {
                          setPreview(i);
                          setCompare(o.segment);
                          document.getElementById('segment-overrides')?.scrollIntoView({ block: 'start' });
                        }}
                      >
                        {o.segment}
                      </button>
                      {poolKnown && !segments.includes(o.segment) ? (
                        <span
                          className="override-warning"
                          role="alert"
                          data-testid={`override-unknown-${i}-${j}`}
                        >
                          not in the pool, so ignored (segments: {segments.join(', ') || 'none'})
                        </span>
                      ) : null}
                      <span>
                        {[
                          o.prepayment && prepaymentText(o.prepayment),
                          o.default && defaultText(o.default),
                          o.severity !== undefined && `severity ${curveText(o.severity, 'rate')}`,
                          o.recoveryLagMonths !== undefined && `lag ${o.recoveryLagMonths}m`,
                        ]
                          .filter(Boolean)
                          .join(' · ') || 'nothing replaced'}
                      </span>
                    </div>
                  ))}
                  {s.overrides.length === 0 ? <span className="muted">none</span> : null}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>

      {shown ? (
        <OverridesCard
          deal={deal}
          scenarioIndex={current}
          segments={segments}
          edit={edit}
          onScenario={showScenario}
          onOpenVector={(t) => setFocus(t ?? (focus?.override === undefined ? focus : null))}
          onPick={setCompare}
        />
      ) : null}

      {focus ? <FocusedVector deal={deal} target={focus} edit={edit} onClose={() => setFocus(null)} /> : null}

      <section className="card">
        <div className="card-head">
          <h2>Curves by period</h2>
          <div className="override-tools">
            <select
              value={current}
              aria-label="Scenario to preview"
              data-testid="preview-scenario"
              onChange={(e) => showScenario(Number(e.target.value))}
            >
              {scenarios.map((s, i) => (
                <option key={i} value={i}>
                  {s.name}
                </option>
              ))}
            </select>
            {shown && shown.overrides.length > 0 ? (
              <select
                value={compared ?? ''}
                aria-label="Segment override to compare"
                data-testid="preview-segment"
                onChange={(e) => setCompare(e.target.value === '' ? null : e.target.value)}
              >
                <option value="">scenario only</option>
                {[...new Set(shown.overrides.map((o) => o.segment))].map((g) => (
                  <option key={g} value={g}>
                    beside segment {g}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
        </div>
        {shown ? <CurvePreview scenario={shown} segment={compared} /> : null}
      </section>
    </div>
  );
}

/** The vector editor on a scenario's curve or an override's; closes itself when undo takes the curve away. */
function FocusedVector({
  deal,
  target,
  edit,
  onClose,
}: {
  deal: Deal;
  target: CurveTarget;
  edit: (label: string, update: (d: Deal) => Deal) => string | null;
  onClose: () => void;
}) {
  const s = deal.scenarios[target.scenario];
  const o = target.override === undefined ? undefined : s?.overrides[target.override];
  if (!s || (target.override !== undefined && !o)) return null;
  const vector = vectorOf(o ?? s, target.curve);
  if (!vector) return null;
  const whose = o ? `${s.name} · segment ${o.segment}` : s.name;
  const what = vector.timing ? 'loss timing (share of lifetime loss per period)' : `${target.curve} vector`;
  return (
    <VectorEditor
      key={`${target.scenario}-${target.override ?? 's'}-${target.curve}`}
      title={`${whose}: ${what}`}
      vector={vector}
      onClose={onClose}
      onCommit={(values) => edit(`${whose} ${target.curve} vector`, (d) => setVector(d, target, values))}
    />
  );
}
