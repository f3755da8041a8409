/**
 * The curve editors every assumption uses, the scenario's own and a segment override's alike: a model picker,
 * and a curve that is a constant, a vector (opened in the grid below) or a formula checked as it is typed.
 */
import { resolveCurve } from '../../../core/assumptions/curve';
import type { Curve, DefaultAssumption, PrepaymentAssumption } from '../../../core/deal/schema';
import { NumberField, TextField } from '../../components/Field';
import { pct } from '../../format';
import { editorFormulaProblem, formulaForEditor, formulaFromEditor } from '../../project/curveUnits';
import {
  DEFAULT_UNIT,
  PREPAY_UNIT,
  withDefaultModel,
  withPrepaymentModel,
  type Unit,
} from '../../project/assumptionEdit';

export function curveKind(c: Curve): 'constant' | 'vector' | 'formula' {
  return typeof c === 'number' ? 'constant' : 'vector' in c ? 'vector' : 'formula';
}

export function curveText(c: Curve, unit: Unit): string {
  if (typeof c === 'number') return unit === 'rate' ? pct(c) : String(c);
  if ('vector' in c) return `vector of ${c.vector.length} by ${c.by}`;
  return unit === 'rate' ? `${formulaForEditor(c.formula, unit)} (%)` : c.formula;
}

export function prepaymentText(p: PrepaymentAssumption): string {
  return `${p.model} ${curveText(p.curve, PREPAY_UNIT[p.model])}`;
}

export function defaultText(d: DefaultAssumption): string {
  return d.model === 'CNL'
    ? `CNL ${pct(d.lifetimeNetLoss)} over ${d.timing.length} periods`
    : `${d.model} ${curveText(d.curve, DEFAULT_UNIT[d.model])}`;
}

export function CurveCell({
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
        data-testid={`${testId}-kind`}
        onChange={(e) => {
          const k = e.target.value;
          if (k === 'constant') onChange(Number.isFinite(firstValue) ? firstValue : 0);
          else if (k === 'vector') {
            onChange({
              vector: Array.from({ length: 12 }, () => (Number.isFinite(firstValue) ? firstValue : 0)),
              by: 'period',
            });
            onOpenVector();
          } else {
            const start = Number.isFinite(firstValue) ? firstValue : 0;
            const typed = unit === 'rate' ? String(Math.round(start * 100 * 1e9) / 1e9) : String(start);
            onChange({ formula: formulaFromEditor(typed, unit) });
          }
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
        <>
          <TextField
            value={formulaForEditor((curve as { formula: string }).formula, unit)}
            label={`${label} formula${unit === 'rate' ? ' (in percent)' : ''}`}
            testId={`${testId}-formula`}
            width={220}
            validate={(v) => editorFormulaProblem(v, unit)}
            onCommit={(v) => void onChange({ formula: formulaFromEditor(v, unit) })}
          />
          <span className="field-suffix">{unit === 'rate' ? '%' : 'speed'}</span>
        </>
      )}
    </div>
  );
}

export function PrepaymentModelSelect({
  value,
  label,
  testId,
  onChange,
}: {
  value: PrepaymentAssumption;
  label: string;
  testId?: string;
  onChange: (p: PrepaymentAssumption) => void;
}) {
  return (
    <select
      value={value.model}
      aria-label={`${label} prepayment model`}
      data-testid={testId}
      onChange={(e) => onChange(withPrepaymentModel(value, e.target.value as PrepaymentAssumption['model']))}
    >
      <option value="CPR">CPR (annual)</option>
      <option value="SMM">SMM (monthly)</option>
      <option value="PSA">PSA speed</option>
      <option value="ABS">ABS speed</option>
    </select>
  );
}

export function PrepaymentCurveCell({
  value,
  label,
  testId,
  onChange,
  onOpenVector,
}: {
  value: PrepaymentAssumption;
  label: string;
  testId: string;
  onChange: (p: PrepaymentAssumption) => string | null;
  onOpenVector: () => void;
}) {
  return (
    <CurveCell
      curve={value.curve}
      unit={PREPAY_UNIT[value.model]}
      label={`${label} prepayment`}
      testId={testId}
      onOpenVector={onOpenVector}
      onChange={(c) => onChange({ ...value, curve: c })}
    />
  );
}

export function DefaultModelSelect({
  value,
  label,
  testId,
  onChange,
}: {
  value: DefaultAssumption;
  label: string;
  testId?: string;
  onChange: (d: DefaultAssumption) => void;
}) {
  return (
    <select
      value={value.model}
      aria-label={`${label} default model`}
      data-testid={testId}
      onChange={(e) => onChange(withDefaultModel(value, e.target.value as DefaultAssumption['model']))}
    >
      <option value="CDR">CDR (annual)</option>
      <option value="MDR">MDR (monthly)</option>
      <option value="SDA">SDA speed</option>
      <option value="CNL">Cumulative net loss + timing</option>
    </select>
  );
}

/** A rate model's curve, or under CNL the lifetime loss and a link to its timing vector. */
export function DefaultCurveCell({
  value,
  label,
  testId,
  onChange,
  onOpenVector,
}: {
  value: DefaultAssumption;
  label: string;
  testId: string;
  onChange: (d: DefaultAssumption) => string | null;
  onOpenVector: () => void;
}) {
  const d = value;
  if (d.model === 'CNL') {
    return (
      <div className="curve-cell">
        <NumberField
          kind="percent"
          value={d.lifetimeNetLoss}
          label={`${label} lifetime net loss`}
          testId={`${testId}-cnl`}
          suffix="% CNL"
          width={110}
          validate={(v) => (v < 0 || v > 1 ? 'Between 0% and 100%' : null)}
          onCommit={(v) => onChange({ ...d, lifetimeNetLoss: v })}
        />
        <button className="link-button" onClick={onOpenVector} data-testid={`${testId}-timing`}>
          timing over {d.timing.length} periods
        </button>
      </div>
    );
  }
  return (
    <CurveCell
      curve={d.curve}
      unit={DEFAULT_UNIT[d.model]}
      label={`${label} default`}
      testId={testId}
      onOpenVector={onOpenVector}
      onChange={(c) => onChange({ model: d.model, curve: c })}
    />
  );
}
