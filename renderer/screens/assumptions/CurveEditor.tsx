/**
 * The curve editors every assumption uses, the scenario's own and a segment override's alike: a model picker,
 * and a curve that is a constant, a vector (opened in the grid below) or a formula checked as it is typed.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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

export function curveText(c: Curve, unit: Unit, t: TFunction): string {
  if (typeof c === 'number') return unit === 'rate' ? pct(c) : String(c);
  if ('vector' in c) {
    const count = c.vector.length;
    return c.by === 'age'
      ? t('assumptions:curve.vectorByAge', { count })
      : t('assumptions:curve.vectorByPeriod', { count });
  }
  return unit === 'rate'
    ? t('assumptions:curve.formulaPercent', { formula: formulaForEditor(c.formula, unit) })
    : c.formula;
}

/** A prepayment assumption in a line: the model's market code (CPR, ABS …) and its curve. */
export function prepaymentText(p: PrepaymentAssumption, t: TFunction): string {
  return `${p.model} ${curveText(p.curve, PREPAY_UNIT[p.model], t)}`;
}

export function defaultText(d: DefaultAssumption, t: TFunction): string {
  return d.model === 'CNL'
    ? t('assumptions:curve.cnl', { loss: pct(d.lifetimeNetLoss), count: d.timing.length })
    : `${d.model} ${curveText(d.curve, DEFAULT_UNIT[d.model], t)}`;
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
  const { t } = useTranslation('assumptions');
  const kind = curveKind(curve);
  const firstValue = resolveCurve(curve).at(1, 1);
  return (
    <div className="curve-cell">
      <select
        value={kind}
        aria-label={t('curve.typeLabel', { label })}
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
        <option value="constant">{t('curve.constant')}</option>
        <option value="vector">{t('curve.vector')}</option>
        <option value="formula">{t('curve.formula')}</option>
      </select>
      {kind === 'constant' ? (
        <NumberField
          kind={unit === 'rate' ? 'percent' : 'number'}
          value={curve as number}
          label={label}
          testId={testId}
          suffix={unit === 'rate' ? '%' : t('curve.speed')}
          width={110}
          validate={(v) =>
            unit === 'rate' && (v < 0 || v > 1) ? t('range.rate') : v < 0 ? t('range.negative') : null
          }
          onCommit={(v) => onChange(v)}
        />
      ) : kind === 'vector' ? (
        <button className="link-button" onClick={onOpenVector} data-testid={`${testId}-vector`}>
          {curveText(curve, unit, t)}
        </button>
      ) : (
        <>
          <TextField
            value={formulaForEditor((curve as { formula: string }).formula, unit)}
            label={
              unit === 'rate' ? t('curve.formulaLabelPercent', { label }) : t('curve.formulaLabel', { label })
            }
            testId={`${testId}-formula`}
            width={220}
            validate={(v) => editorFormulaProblem(v, unit, t)}
            onCommit={(v) => void onChange({ formula: formulaFromEditor(v, unit) })}
          />
          <span className="field-suffix">{unit === 'rate' ? '%' : t('curve.speed')}</span>
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
  const { t } = useTranslation('assumptions');
  return (
    <select
      value={value.model}
      aria-label={t('field.prepaymentModel', { name: label })}
      data-testid={testId}
      onChange={(e) => onChange(withPrepaymentModel(value, e.target.value as PrepaymentAssumption['model']))}
    >
      <option value="CPR">{t('model.CPR')}</option>
      <option value="SMM">{t('model.SMM')}</option>
      <option value="PSA">{t('model.PSA')}</option>
      <option value="ABS">{t('model.ABS')}</option>
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
  const { t } = useTranslation('assumptions');
  return (
    <CurveCell
      curve={value.curve}
      unit={PREPAY_UNIT[value.model]}
      label={t('field.prepayment', { name: label })}
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
  const { t } = useTranslation('assumptions');
  return (
    <select
      value={value.model}
      aria-label={t('field.defaultModel', { name: label })}
      data-testid={testId}
      onChange={(e) => onChange(withDefaultModel(value, e.target.value as DefaultAssumption['model']))}
    >
      <option value="CDR">{t('model.CDR')}</option>
      <option value="MDR">{t('model.MDR')}</option>
      <option value="SDA">{t('model.SDA')}</option>
      <option value="CNL">{t('model.CNL')}</option>
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
  const { t } = useTranslation('assumptions');
  const d = value;
  if (d.model === 'CNL') {
    return (
      <div className="curve-cell">
        <NumberField
          kind="percent"
          value={d.lifetimeNetLoss}
          label={t('field.lifetimeLoss', { name: label })}
          testId={`${testId}-cnl`}
          suffix={t('curve.cnlSuffix')}
          width={110}
          validate={(v) => (v < 0 || v > 1 ? t('range.share') : null)}
          onCommit={(v) => onChange({ ...d, lifetimeNetLoss: v })}
        />
        <button className="link-button" onClick={onOpenVector} data-testid={`${testId}-timing`}>
          {t('curve.timingLink', { count: d.timing.length })}
        </button>
      </div>
    );
  }
  return (
    <CurveCell
      curve={d.curve}
      unit={DEFAULT_UNIT[d.model]}
      label={t('field.default', { name: label })}
      testId={testId}
      onOpenVector={onOpenVector}
      onChange={(c) => onChange({ model: d.model, curve: c })}
    />
  );
}
