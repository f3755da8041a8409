/**
 * Assumptions: scenarios side by side. Each curve is a constant, a vector edited in a grid (or pasted), or a
 * formula of `period` and `age` checked as it is typed, with a live preview of the curves by period.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { resolveCurve } from '../../core/assumptions/curve';
import type { Curve, DefaultAssumption, PrepaymentAssumption, Scenario } from '../../core/deal/schema';
import { compileFormula } from '../../core/formula';
import { useApp } from '../AppContext';
import { DataGrid } from '../components/DataGrid';
import { EChart, type ChartOption } from '../components/EChart';
import { NumberField, TextField } from '../components/Field';
import { pct } from '../format';
import { replaceAt, useDealEditor } from './useDealEditor';

type Unit = 'rate' | 'speed';

const PREPAY_UNIT: Record<PrepaymentAssumption['model'], Unit> = {
  CPR: 'rate',
  SMM: 'rate',
  PSA: 'speed',
  ABS: 'rate',
};
const DEFAULT_UNIT: Record<'CDR' | 'MDR' | 'SDA', Unit> = { CDR: 'rate', MDR: 'rate', SDA: 'speed' };

/** Which curve the vector editor below the table is open on. */
interface Focus {
  scenario: number;
  curve: 'prepayment' | 'default' | 'severity';
}

function curveKind(c: Curve): 'constant' | 'vector' | 'formula' {
  return typeof c === 'number' ? 'constant' : 'vector' in c ? 'vector' : 'formula';
}

function curveText(c: Curve, unit: Unit): string {
  if (typeof c === 'number') return unit === 'rate' ? pct(c) : String(c);
  if ('vector' in c) return `vector of ${c.vector.length} by ${c.by}`;
  return c.formula;
}

export function formulaProblem(text: string): string | null {
  try {
    const f = compileFormula(text);
    const v = f({ period: 1, age: 1 });
    return Number.isFinite(v) ? null : 'the formula does not give a number at period 1';
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^formula "[^"]*": /, '') : String(err);
  }
}

function CurveCell({
  curve,
  unit,
  label,
  testId,
  onChange,
  onOpenVector,
}: {
  curve: Curve;
  unit: Unit;
  label: string;
  testId: string;
  onChange: (c: Curve) => string | null;
  onOpenVector: () => void;
}) {
  const kind = curveKind(curve);
  const firstValue = resolveCurve(curve).at(1, 1);
  return (
    <div className="curve-cell">
      <select
        value={kind}
        aria-label={`${label} curve type`}
        onChange={(e) => {
          const k = e.target.value;
          if (k === 'constant') onChange(Number.isFinite(firstValue) ? firstValue : 0);
          else if (k === 'vector') {
            onChange({
              vector: Array.from({ length: 12 }, () => (Number.isFinite(firstValue) ? firstValue : 0)),
              by: 'period',
            });
            onOpenVector();
          } else onChange({ formula: String(Number.isFinite(firstValue) ? firstValue : 0) });
        }}
      >
        <option value="constant">Constant</option>
        <option value="vector">Vector</option>
        <option value="formula">Formula</option>
      </select>
      {kind === 'constant' ? (
        <NumberField
          kind={unit === 'rate' ? 'percent' : 'number'}
          value={curve as number}
          label={label}
          testId={testId}
          suffix={unit === 'rate' ? '%' : 'speed'}
          width={110}
          validate={(v) =>
            unit === 'rate' && (v < 0 || v > 1)
              ? 'A rate between 0% and 100%'
              : v < 0
                ? 'Cannot be negative'
                : null
          }
          onCommit={(v) => onChange(v)}
        />
      ) : kind === 'vector' ? (
        <button className="link-button" onClick={onOpenVector} data-testid={`${testId}-vector`}>
          {curveText(curve, unit)}
        </button>
      ) : (
        <TextField
          value={(curve as { formula: string }).formula}
          label={`${label} formula`}
          testId={`${testId}-formula`}
          width={220}
          validate={formulaProblem}
          onCommit={(v) => void onChange({ formula: v })}
        />
      )}
    </div>
  );
}

export function AssumptionsScreen() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const edit = useDealEditor();
  const [focus, setFocus] = useState<Focus | null>(null);
  const [preview, setPreview] = useState(0);

  const setScenario = (i: number, label: string, fn: (s: Scenario) => Scenario): string | null =>
    edit(label, (d) => ({ ...d, scenarios: replaceAt(d.scenarios, i, fn(d.scenarios[i] as Scenario)) }));

  const segments = useMemo(() => {
    const names = new Set<string>();
    const doc = state.history.present;
    if (doc.pool) doc.pool.loans.segmentNames.forEach((n) => names.add(n));
    else if (deal.pool.kind === 'repLines') deal.pool.lines.forEach((l) => names.add(l.segment));
    return [...names];
  }, [state.history.present, deal.pool]);

  const scenarios = deal.scenarios;
  const shown = scenarios[Math.min(preview, scenarios.length - 1)];

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
                  <select
                    value={s.prepayment.model}
                    aria-label={`${s.name} prepayment model`}
                    onChange={(e) =>
                      setScenario(i, `${s.name} prepayment model`, (x) => ({
                        ...x,
                        prepayment: {
                          ...x.prepayment,
                          model: e.target.value as PrepaymentAssumption['model'],
                        },
                      }))
                    }
                  >
                    <option value="CPR">CPR (annual)</option>
                    <option value="SMM">SMM (monthly)</option>
                    <option value="PSA">PSA speed</option>
                    <option value="ABS">ABS speed</option>
                  </select>
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Prepayment curve</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <CurveCell
                    curve={s.prepayment.curve}
                    unit={PREPAY_UNIT[s.prepayment.model]}
                    label={`${s.name} prepayment`}
                    testId={`prepay-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'prepayment' })}
                    onChange={(c) =>
                      setScenario(i, `${s.name} prepayment curve`, (x) => ({
                        ...x,
                        prepayment: { ...x.prepayment, curve: c },
                      }))
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
                  <select
                    value={s.default.model}
                    aria-label={`${s.name} default model`}
                    onChange={(e) => {
                      const m = e.target.value as DefaultAssumption['model'];
                      setScenario(i, `${s.name} default model`, (x) => ({
                        ...x,
                        default:
                          m === 'CNL'
                            ? {
                                model: 'CNL',
                                lifetimeNetLoss: 0.06,
                                timing: [0.1, 0.2, 0.25, 0.2, 0.15, 0.1],
                              }
                            : { model: m, curve: x.default.model === 'CNL' ? 0.05 : x.default.curve },
                      }));
                    }}
                  >
                    <option value="CDR">CDR (annual)</option>
                    <option value="MDR">MDR (monthly)</option>
                    <option value="SDA">SDA speed</option>
                    <option value="CNL">Cumulative net loss + timing</option>
                  </select>
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">Default curve</td>
              {scenarios.map((s, i) => {
                const d = s.default;
                return (
                  <td key={i}>
                    {d.model === 'CNL' ? (
                      <div className="curve-cell">
                        <NumberField
                          kind="percent"
                          value={d.lifetimeNetLoss}
                          label={`${s.name} lifetime net loss`}
                          suffix="% CNL"
                          width={110}
                          validate={(v) => (v < 0 || v > 1 ? 'Between 0% and 100%' : null)}
                          onCommit={(v) =>
                            setScenario(i, `${s.name} lifetime loss`, (x) => ({
                              ...x,
                              default: { ...d, lifetimeNetLoss: v },
                            }))
                          }
                        />
                        <button
                          className="link-button"
                          onClick={() => setFocus({ scenario: i, curve: 'default' })}
                        >
                          timing over {d.timing.length} periods
                        </button>
                      </div>
                    ) : (
                      <CurveCell
                        curve={d.curve}
                        unit={DEFAULT_UNIT[d.model]}
                        label={`${s.name} default`}
                        testId={`default-${i}`}
                        onOpenVector={() => setFocus({ scenario: i, curve: 'default' })}
                        onChange={(c) =>
                          setScenario(i, `${s.name} default curve`, (x) => ({
                            ...x,
                            default: { model: d.model, curve: c },
                          }))
                        }
                      />
                    )}
                  </td>
                );
              })}
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
              <td className="param">Segment overrides</td>
              {scenarios.map((s, i) => (
                <td key={i} className="wrap">
                  {s.overrides.map((o, j) => (
                    <div key={j} className="override">
                      <b>{o.segment}</b>:{' '}
                      {[
                        o.prepayment &&
                          `${o.prepayment.model} ${curveText(o.prepayment.curve, PREPAY_UNIT[o.prepayment.model])}`,
                        o.default &&
                          (o.default.model === 'CNL'
                            ? `CNL ${pct(o.default.lifetimeNetLoss)}`
                            : `${o.default.model} ${curveText(o.default.curve, DEFAULT_UNIT[o.default.model])}`),
                        o.severity !== undefined && `severity ${curveText(o.severity, 'rate')}`,
                        o.recoveryLagMonths !== undefined && `lag ${o.recoveryLagMonths}m`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                      <button
                        className="icon"
                        title="Remove override"
                        onClick={() =>
                          setScenario(i, `remove ${o.segment} override`, (x) => ({
                            ...x,
                            overrides: x.overrides.filter((_, k) => k !== j),
                          }))
                        }
                      >
                        ×
                      </button>
                    </div>
                  ))}
                  <AddOverride
                    segments={segments.filter((g) => !s.overrides.some((o) => o.segment === g))}
                    onAdd={(segment) =>
                      setScenario(i, `add ${segment} override`, (x) => ({
                        ...x,
                        overrides: [...x.overrides, { segment, default: x.default }],
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>

      {focus && scenarios[focus.scenario] ? (
        <VectorEditor
          key={`${focus.scenario}-${focus.curve}`}
          scenario={scenarios[focus.scenario] as Scenario}
          curve={focus.curve}
          onClose={() => setFocus(null)}
          onCommit={(values) => {
            const i = focus.scenario;
            const s = scenarios[i] as Scenario;
            return setScenario(i, `${s.name} ${focus.curve} vector`, (x) => {
              if (focus.curve === 'default' && x.default.model === 'CNL')
                return { ...x, default: { ...x.default, timing: values } };
              const by = (c: Curve): 'period' | 'age' =>
                typeof c === 'object' && 'vector' in c ? c.by : 'period';
              if (focus.curve === 'prepayment')
                return {
                  ...x,
                  prepayment: { ...x.prepayment, curve: { vector: values, by: by(x.prepayment.curve) } },
                };
              if (focus.curve === 'severity')
                return { ...x, severity: { vector: values, by: by(x.severity) } };
              if (x.default.model === 'CNL') return x;
              return {
                ...x,
                default: { model: x.default.model, curve: { vector: values, by: by(x.default.curve) } },
              };
            });
          }}
        />
      ) : null}

      <section className="card">
        <div className="card-head">
          <h2>Curves by period</h2>
          <select
            value={preview}
            aria-label="Scenario to preview"
            onChange={(e) => setPreview(Number(e.target.value))}
          >
            {scenarios.map((s, i) => (
              <option key={i} value={i}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {shown ? <CurvePreview scenario={shown} /> : null}
      </section>
    </div>
  );
}

function AddOverride({ segments, onAdd }: { segments: string[]; onAdd: (segment: string) => void }) {
  if (segments.length === 0) return null;
  return (
    <select
      value=""
      aria-label="Add segment override"
      onChange={(e) => e.target.value && onAdd(e.target.value)}
    >
      <option value="">+ override for segment…</option>
      {segments.map((g) => (
        <option key={g} value={g}>
          {g}
        </option>
      ))}
    </select>
  );
}

interface VectorRow {
  index: number;
  value: number;
}

function vectorOf(s: Scenario, curve: Focus['curve']): { values: number[]; unit: Unit; by: string } {
  const c =
    curve === 'prepayment'
      ? s.prepayment.curve
      : curve === 'severity'
        ? s.severity
        : s.default.model === 'CNL'
          ? null
          : s.default.curve;
  if (c === null && s.default.model === 'CNL')
    return { values: s.default.timing, unit: 'rate', by: 'period' };
  const unit: Unit =
    curve === 'prepayment'
      ? PREPAY_UNIT[s.prepayment.model]
      : curve === 'default' && s.default.model !== 'CNL'
        ? DEFAULT_UNIT[s.default.model]
        : 'rate';
  if (c !== null && typeof c === 'object' && 'vector' in c) return { values: c.vector, unit, by: c.by };
  const v = c === null ? 0 : resolveCurve(c).at(1, 1);
  return { values: Array.from({ length: 12 }, () => v), unit, by: 'period' };
}

/** Parses pasted values: one per cell, separated by commas, tabs, spaces or new lines; "%" optional. */
export function parseVectorText(text: string, unit: Unit): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return 'Paste at least one value';
  if (parts.length > 1200) return 'At most 1,200 values';
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p.replace('%', ''));
    if (!Number.isFinite(n)) return `“${p}” is not a number`;
    out.push(unit === 'rate' ? Math.round((n / 100) * 1e10) / 1e10 : n);
  }
  return out;
}

function VectorEditor({
  scenario,
  curve,
  onCommit,
  onClose,
}: {
  scenario: Scenario;
  curve: Focus['curve'];
  onCommit: (values: number[]) => string | null;
  onClose: () => void;
}) {
  const { values, unit, by } = vectorOf(scenario, curve);
  const [paste, setPaste] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const rows = useMemo<VectorRow[]>(() => values.map((value, i) => ({ index: i + 1, value })), [values]);
  const cols = useMemo<ColDef<VectorRow>[]>(
    () => [
      { field: 'index', headerName: by === 'age' ? 'Age' : 'Period', width: 80, type: 'rightAligned' },
      {
        field: 'value',
        headerName: unit === 'rate' ? 'Value (%)' : 'Speed',
        width: 130,
        type: 'rightAligned',
        editable: true,
        valueFormatter: (p) => (unit === 'rate' ? pct(p.value as number, 3) : String(p.value)),
        valueParser: (p) => {
          const n = Number(String(p.newValue).replace('%', ''));
          return Number.isFinite(n) ? (unit === 'rate' ? n / 100 : n) : p.oldValue;
        },
      },
    ],
    [unit, by],
  );
  const title =
    curve === 'default' && scenario.default.model === 'CNL'
      ? 'loss timing (share of lifetime loss per period)'
      : `${curve} vector`;
  return (
    <section className="card" data-testid="vector-editor">
      <div className="card-head">
        <h2>
          {scenario.name}: {title}
        </h2>
        <button onClick={onClose}>Close</button>
      </div>
      <div className="two-col">
        <DataGrid<VectorRow>
          rowData={rows}
          columnDefs={cols}
          height={260}
          singleClickEdit
          stopEditingWhenCellsLoseFocus
          onCellValueChanged={(e) => {
            const next = rows.map((r) => (r.index === e.data.index ? (e.data.value as number) : r.value));
            setMessage(onCommit(next));
          }}
        />
        <div>
          <p className="muted small">
            Paste a column from Excel or type values separated by spaces or commas
            {unit === 'rate' ? ', in percent' : ''}. The last value holds after the vector ends.
          </p>
          <textarea
            className="paste"
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={6}
            aria-label="Paste values"
          />
          <div className="actions">
            <button
              onClick={() => {
                const parsed = parseVectorText(paste, unit);
                if (typeof parsed === 'string') setMessage(parsed);
                else {
                  setMessage(onCommit(parsed));
                  setPaste('');
                }
              }}
            >
              Replace with pasted values
            </button>
            <button onClick={() => setMessage(onCommit([...values, values[values.length - 1] ?? 0]))}>
              + Add period
            </button>
            <button disabled={values.length <= 1} onClick={() => setMessage(onCommit(values.slice(0, -1)))}>
              − Remove last
            </button>
          </div>
          {message ? <p className="bad">{message}</p> : null}
        </div>
      </div>
    </section>
  );
}

function CurvePreview({ scenario }: { scenario: Scenario }) {
  const option = useMemo<ChartOption>(() => {
    const periods = Array.from({ length: 36 }, (_, i) => i + 1);
    const series: { name: string; data: (number | null)[] }[] = [];
    const safe = (c: Curve, scale = 1) => {
      try {
        const f = resolveCurve(c);
        return periods.map((p) => {
          const v = f.at(p, p) * scale;
          return Number.isFinite(v) ? v * 100 : null;
        });
      } catch {
        return periods.map(() => null);
      }
    };
    if (PREPAY_UNIT[scenario.prepayment.model] === 'rate') {
      series.push({
        name: `Prepayment (${scenario.prepayment.model})`,
        data: safe(scenario.prepayment.curve, scenario.prepaymentMultiple),
      });
    }
    if (scenario.default.model === 'CNL') {
      const t = scenario.default.timing;
      series.push({ name: 'Loss timing (share of CNL)', data: periods.map((p) => (t[p - 1] ?? 0) * 100) });
    } else if (DEFAULT_UNIT[scenario.default.model] === 'rate') {
      series.push({
        name: `Default (${scenario.default.model})`,
        data: safe(scenario.default.curve, scenario.defaultMultiple),
      });
    }
    series.push({ name: 'Severity', data: safe(scenario.severity) });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '–' : `${Number(v).toFixed(2)}%`) },
      legend: { top: 0 },
      xAxis: {
        type: 'category',
        data: periods,
        name: 'Period (age = period for a new loan)',
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: series.map((s) => ({ ...s, type: 'line', symbol: 'none', step: 'end' })),
    };
  }, [scenario]);
  return <EChart option={option} height={240} testId="curve-preview" />;
}
