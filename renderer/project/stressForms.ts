/**
 * The Stress screen's forms checked as they are typed, in the user's units (percent for rates, × for multiples,
 * months for the recovery lag): the engine's own checks speak in internal fractions ("'to' (0.1) is below
 * 'from' (0.3)" for 30 and 10) and only ran when the grid was sent to the worker.
 */
import { axisIsRate, axisLabel, MAX_AXIS_POINTS, type Axis, type AxisKind } from '../../core/scenario/axis';

export interface AxisForm {
  kind: AxisKind;
  from: string;
  to: string;
  step: string;
}

/** What the user types per kind: rates in percent, multiples as ×, the lag in months. */
function unitOf(kind: AxisKind): { suffix: string; min: number; max: number; maxOpen: boolean } {
  switch (kind) {
    case 'cdr':
    case 'cpr':
    case 'severity':
      return { suffix: '%', min: 0, max: 100, maxOpen: false };
    case 'absSpeed':
      return { suffix: '%', min: 0, max: 100, maxOpen: true };
    case 'rateShift':
      return { suffix: '%', min: -100, max: 100, maxOpen: false };
    case 'lossMultiple':
    case 'prepaymentMultiple':
      return { suffix: '×', min: 0, max: 100, maxOpen: false };
    case 'lagMonths':
      return { suffix: ' months', min: 0, max: 1200, maxOpen: false };
  }
}

/** Why the axis cannot run, in the units typed, or null when it can. */
export function axisFormProblem(f: AxisForm): string | null {
  const u = unitOf(f.kind);
  const show = (v: number): string => `${v}${u.suffix}`;
  const values: Record<'from' | 'to' | 'step', number> = { from: NaN, to: NaN, step: NaN };
  for (const k of ['from', 'to', 'step'] as const) {
    const text = f[k].trim();
    const v = Number(text);
    if (text === '' || !Number.isFinite(v)) return `'${k}' is not a number`;
    values[k] = v;
  }
  const { from, to, step } = values;
  for (const [k, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (v < u.min || v > u.max || (u.maxOpen && v === u.max)) {
      return `'${k}' (${show(v)}) must be from ${show(u.min)} to ${u.maxOpen ? 'below ' : ''}${show(u.max)}`;
    }
  }
  if (to < from) return `'to' (${show(to)}) is below 'from' (${show(from)})`;
  if (from === to) return null;
  if (!(step > 0)) return `'step' must be above 0`;
  const points = Math.floor((to - from) / step + 1e-9) + 1;
  if (points > MAX_AXIS_POINTS) {
    return `${points} points from ${show(from)} to ${show(to)} by ${show(step)}; at most ${MAX_AXIS_POINTS}`;
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
export function axisProblemText(f: AxisForm): string | null {
  const p = axisFormProblem(f);
  return p === null ? null : `${axisLabel(f.kind)}: ${p}`;
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

/** Why the Monte Carlo form cannot run, in the units typed, or null when it can. */
export function monteCarloFormProblem(f: MonteCarloForm): string | null {
  const num = (s: string): number => (s.trim() === '' ? NaN : Number(s.replace(/,/g, '').trim()));
  const paths = num(f.paths);
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) {
    return 'Paths must be a whole number from 1 to 10,000,000';
  }
  if (!Number.isInteger(num(f.seed))) return 'Seed must be a whole number';
  if (f.meanLoss.trim() !== '') {
    const m = num(f.meanLoss);
    if (!(m > 0 && m < 100)) return 'Mean loss must be above 0% and below 100% (empty: the base case’s)';
  }
  const rho = num(f.rho);
  if (!(rho >= 0 && rho < 100)) return 'Correlation must be from 0% to below 100%';
  return null;
}
