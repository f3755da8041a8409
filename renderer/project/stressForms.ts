/**
 * The Stress screen's forms checked as they are typed, in the user's units (percent for rates, × for multiples,
 * months for the recovery lag): the engine's own checks speak in internal fractions ("'to' (0.1) is below
 * 'from' (0.3)" for 30 and 10) and only ran when the grid was sent to the worker. Messages come through the
 * `t` passed in (the `stress` namespace), so the same check speaks English or Chinese.
 */
import type { TFunction } from 'i18next';
import { axisIsRate, MAX_AXIS_POINTS, type Axis, type AxisKind } from '../../core/scenario/axis';

export interface AxisForm {
  kind: AxisKind;
  from: string;
  to: string;
  step: string;
}

/** What the user types per kind: rates in percent, multiples as ×, the lag in months. */
function unitOf(kind: AxisKind): {
  unit: 'percent' | 'times' | 'months';
  min: number;
  max: number;
  maxOpen: boolean;
} {
  switch (kind) {
    case 'cdr':
    case 'cpr':
    case 'severity':
      return { unit: 'percent', min: 0, max: 100, maxOpen: false };
    case 'absSpeed':
      return { unit: 'percent', min: 0, max: 100, maxOpen: true };
    case 'rateShift':
      return { unit: 'percent', min: -100, max: 100, maxOpen: false };
    case 'lossMultiple':
    case 'prepaymentMultiple':
      return { unit: 'times', min: 0, max: 100, maxOpen: false };
    case 'lagMonths':
      return { unit: 'months', min: 0, max: 1200, maxOpen: false };
  }
}

/** The axis's name in the user's language: CDR / CPR / ABS speed from the glossary, the others the screen's. */
export function axisName(t: TFunction, kind: AxisKind): string {
  return t(`stress:axis.${kind}`);
}

/** Why the axis cannot run, in the units typed and the user's language, or null when it can. */
export function axisFormProblem(t: TFunction, f: AxisForm): string | null {
  const u = unitOf(f.kind);
  const show = (v: number): string => t(`stress:value.${u.unit}`, { v });
  const field = (k: 'from' | 'to' | 'step'): string => t(`stress:form.field.${k}`);
  const values: Record<'from' | 'to' | 'step', number> = { from: NaN, to: NaN, step: NaN };
  for (const k of ['from', 'to', 'step'] as const) {
    const text = f[k].trim();
    const v = Number(text);
    if (text === '' || !Number.isFinite(v)) return t('stress:form.notANumber', { field: field(k) });
    values[k] = v;
  }
  const { from, to, step } = values;
  for (const [k, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (v < u.min || v > u.max || (u.maxOpen && v === u.max)) {
      const params = { field: field(k), value: show(v), min: show(u.min), max: show(u.max) };
      return u.maxOpen ? t('stress:form.outOfRangeOpen', params) : t('stress:form.outOfRange', params);
    }
  }
  if (to < from) return t('stress:form.toBelowFrom', { to: show(to), from: show(from) });
  if (from === to) return null;
  if (!(step > 0)) return t('stress:form.stepNotPositive');
  const points = Math.floor((to - from) / step + 1e-9) + 1;
  if (points > MAX_AXIS_POINTS) {
    return t('stress:form.tooManyPoints', {
      points,
      from: show(from),
      to: show(to),
      step: show(step),
      max: MAX_AXIS_POINTS,
    });
  }
  return null;
}

/** The engine's axis from a form `axisFormProblem` passed: rates from percent to fractions. */
export function axisFromForm(f: AxisForm): Axis {
  const scale = axisIsRate(f.kind) ? 0.01 : 1;
  return {
    kind: f.kind,
    from: Number(f.from) * scale,
    to: Number(f.to) * scale,
    step: Number(f.step) * scale,
  };
}

/** The axis's name with its problem, for the line under the form. */
export function axisProblemText(t: TFunction, f: AxisForm): string | null {
  const p = axisFormProblem(t, f);
  return p === null ? null : t('stress:form.axisProblem', { axis: axisName(t, f.kind), problem: p });
}

export interface MonteCarloForm {
  paths: string;
  seed: string;
  /** Percent; empty: the base case's loss. */
  meanLoss: string;
  /** Percent. */
  rho: string;
}

/** Most paths the engine accepts. */
const MAX_PATHS = 10_000_000;

/** Why the Monte Carlo form cannot run, in the units typed and the user's language, or null when it can. */
export function monteCarloFormProblem(t: TFunction, f: MonteCarloForm): string | null {
  const num = (s: string): number => (s.trim() === '' ? NaN : Number(s.replace(/,/g, '').trim()));
  const paths = num(f.paths);
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) {
    // The bound is written with the English separators in both languages, as the field accepts it typed.
    return t('stress:form.paths', { max: MAX_PATHS.toLocaleString('en-US') });
  }
  if (!Number.isInteger(num(f.seed))) return t('stress:form.seed');
  if (f.meanLoss.trim() !== '') {
    const m = num(f.meanLoss);
    if (!(m > 0 && m < 100)) return t('stress:form.meanLoss');
  }
  const rho = num(f.rho);
  if (!(rho >= 0 && rho < 100)) return t('stress:form.correlation');
  return null;
}

/**
 * An axis value as a short header, in the user's language: percent for rates, × for multiples ("x" in English,
 * as the report writes it), months for the lag ("3m" / "3个月"). The engine's `formatAxisValue` is English only.
 */
export function axisValueText(t: TFunction, kind: AxisKind, v: number): string {
  if (axisIsRate(kind)) return t('stress:value.percent', { v: Number((v * 100).toFixed(4)) });
  if (kind === 'lagMonths') return t('stress:value.monthsShort', { v: Math.round(v) });
  return t('stress:value.timesShort', { v: Number(v.toFixed(4)) });
}

/** The unit shown after an axis's from / to / step. */
export function axisUnitText(t: TFunction, kind: AxisKind): string {
  return t(`stress:unit.${unitOf(kind).unit}`);
}
