/**
 * Grid axes: one assumption swept over a range, applied to a base Scenario to make the cell's Scenario.
 * Values are in the engine's units (annual decimals for rates: 0.05 = 5% CDR), never percent; the CLI
 * converts from percent at its edge.
 *
 * What each axis does to the scenario (and why it replaces rather than scales, where it does):
 * - `cdr`: the default model becomes a constant CDR at the value, defaultMultiple 1 — a CDR axis means
 *   "this annual default rate", whatever curve the base case used.
 * - `cpr` / `absSpeed`: the prepayment model becomes constant CPR / ABS speed at the value, prepaymentMultiple 1.
 * - `lossMultiple`: a multiple of the base case's loss: defaultMultiple = base defaultMultiple × value (the curve's
 *   shape is kept: CNL, SDA, CDR vector…), so 1 is the base case whatever multiple the base already carries.
 * - `prepaymentMultiple`: likewise prepaymentMultiple = base prepaymentMultiple × value.
 * - `severity`: constant severity at the value. `lagMonths`: recoveryLagMonths at the value (rounded to months).
 * - `rateShift`: adds the value to every index curve (a parallel shift of base rates for floating coupons).
 * An axis that replaces an assumption also removes that assumption from the per-segment overrides, so the
 * swept value holds for the whole pool rather than only the segments without an override.
 */
import type { Curve, Scenario } from '../deal/schema';
import { CodedRangeError } from '../i18n/codedError';
import { coreMessage, type CoreCode, type CoreMessage, type MessageParams } from '../i18n/messages';

export const AXIS_KINDS = [
  'cdr',
  'cpr',
  'absSpeed',
  'lossMultiple',
  'prepaymentMultiple',
  'severity',
  'lagMonths',
  'rateShift',
] as const;
export type AxisKind = (typeof AXIS_KINDS)[number];

export interface Axis {
  kind: AxisKind;
  from: number;
  to: number;
  step: number;
}

/** Most points one axis may have: a 201 × 201 grid is already 40,401 deal runs. */
export const MAX_AXIS_POINTS = 201;

/** The axis's points from `from` to `to` inclusive, rounded to 1e-10 so 0.1-steps do not drift. */
export function axisValues(axis: Axis): number[] {
  const { from, to, step } = axis;
  if (![from, to, step].every(Number.isFinite))
    throw axisError('scenario.axisNotNumbers', { kind: axis.kind });
  if (from === to) {
    validateValue(axis.kind, from);
    return [from];
  }
  if (!(step > 0)) throw axisError('scenario.axisStep', { kind: axis.kind });
  if (to < from) throw axisError('scenario.axisToBelowFrom', { kind: axis.kind, to, from });
  const n = Math.floor((to - from) / step + 1e-9) + 1;
  if (n > MAX_AXIS_POINTS) {
    throw axisError('scenario.axisTooMany', { kind: axis.kind, count: n, max: MAX_AXIS_POINTS });
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.round((from + i * step) * 1e10) / 1e10);
  // Checked here, where the grid is laid out, so a bad value is one clear message rather than a failed worker job.
  for (const v of out) validateValue(axis.kind, v);
  return out;
}

/** Whether values are rates/shares (shown as percent) rather than counts or multiples. */
export function axisIsRate(kind: AxisKind): boolean {
  return (
    kind === 'cdr' || kind === 'cpr' || kind === 'absSpeed' || kind === 'severity' || kind === 'rateShift'
  );
}

export function axisLabel(kind: AxisKind): string {
  switch (kind) {
    case 'cdr':
      return 'CDR';
    case 'cpr':
      return 'CPR';
    case 'absSpeed':
      return 'ABS speed';
    case 'lossMultiple':
      return 'Loss multiple';
    case 'prepaymentMultiple':
      return 'Prepayment multiple';
    case 'severity':
      return 'Severity';
    case 'lagMonths':
      return 'Recovery lag (months)';
    case 'rateShift':
      return 'Base-rate shift';
  }
}

function validateValue(kind: AxisKind, value: number): void {
  const bad = (code: CoreCode): never => {
    throw axisError(code, { kind, value });
  };
  if (!Number.isFinite(value)) bad('scenario.valueNotNumber');
  switch (kind) {
    case 'cdr':
    case 'cpr':
    case 'severity':
      if (value < 0 || value > 1) bad('scenario.valueShare');
      break;
    case 'absSpeed':
      if (value < 0 || value >= 1) bad('scenario.valueShare');
      break;
    case 'lossMultiple':
    case 'prepaymentMultiple':
      if (value < 0 || value > 100) bad('scenario.valueMultiple');
      break;
    case 'lagMonths':
      if (value < 0 || value > 1200) bad('scenario.valueLag');
      break;
    case 'rateShift':
      if (value < -1 || value > 1) bad('scenario.valueShift');
      break;
  }
}

/** Adds `shift` to a curve, keeping its form (constant, vector or formula). */
export function shiftCurve(curve: Curve, shift: number): Curve {
  if (shift === 0) return curve;
  if (typeof curve === 'number') return curve + shift;
  if ('vector' in curve) return { ...curve, vector: curve.vector.map((v) => v + shift) };
  return { formula: `(${curve.formula}) + (${shift})` };
}

type Override = Scenario['overrides'][number];

function stripOverrides(
  s: Scenario,
  field: 'prepayment' | 'default' | 'severity' | 'recoveryLagMonths',
): Override[] {
  return s.overrides.map((o) => {
    const { [field]: _dropped, ...rest } = o;
    return rest;
  });
}

/**
 * Which assumption an axis sets outright (null for axes that scale or shift what is already there). Two
 * axes that set the same assumption cannot form a grid: every cell would show only the one applied last.
 */
function replacedAssumption(kind: AxisKind): CoreCode | null {
  switch (kind) {
    case 'cdr':
      return 'scenario.sets.defaultModel';
    case 'cpr':
    case 'absSpeed':
      return 'scenario.sets.prepaymentModel';
    case 'severity':
      return 'scenario.sets.severity';
    case 'lagMonths':
      return 'scenario.sets.recoveryLag';
    default:
      return null;
  }
}

function axisError(code: CoreCode, params: MessageParams): CodedRangeError {
  return new CodedRangeError(coreMessage(code, params));
}

/** An axis by name, in every language (`scenario.axis.*` spells it as `axisLabel` does in English). */
const axisNameMessage = (kind: AxisKind): CoreMessage => coreMessage(`scenario.axis.${kind}`);

/** Throws when two axes cannot combine (both set the same assumption), naming both. */
export function checkAxesCombine(a: AxisKind, b: AxisKind): void {
  const ra = replacedAssumption(a);
  if (a === b || (ra !== null && ra === replacedAssumption(b))) {
    const nameA = axisNameMessage(a);
    const what: CoreMessage =
      ra !== null
        ? coreMessage(ra)
        : { ...coreMessage('scenario.sets.axis', { axis: nameA.message }), nested: { axis: nameA } };
    const nested = { a: nameA, b: axisNameMessage(b), what };
    const params = Object.fromEntries(Object.entries(nested).map(([k, v]) => [k, v.message]));
    throw new CodedRangeError({ ...coreMessage('scenario.axesClash', params), nested });
  }
}

/**
 * Applies several axes so the result does not depend on their order: axes that set an assumption outright
 * (CDR, CPR, ABS speed, severity, lag) go first, then the ones that scale or shift it (loss multiple,
 * prepayment multiple, base-rate shift). So a 2× loss multiple on a 10% CDR column means 2 × 10% CDR
 * whichever axis is the row, instead of the CDR resetting the multiple to 1.
 */
export function applyAxes(base: Scenario, settings: readonly { kind: AxisKind; value: number }[]): Scenario {
  const setsFirst = [...settings].sort(
    (p, q) => Number(replacedAssumption(p.kind) === null) - Number(replacedAssumption(q.kind) === null),
  );
  return setsFirst.reduce((s, a) => applyAxis(s, a.kind, a.value), base);
}

/** The base scenario with one axis set to `value`. Does not mutate `base`. */
export function applyAxis(base: Scenario, kind: AxisKind, value: number): Scenario {
  validateValue(kind, value);
  switch (kind) {
    case 'cdr':
      return {
        ...base,
        default: { model: 'CDR', curve: value },
        defaultMultiple: 1,
        overrides: stripOverrides(base, 'default'),
      };
    case 'cpr':
      return {
        ...base,
        prepayment: { model: 'CPR', curve: value },
        prepaymentMultiple: 1,
        overrides: stripOverrides(base, 'prepayment'),
      };
    case 'absSpeed':
      return {
        ...base,
        prepayment: { model: 'ABS', curve: value },
        prepaymentMultiple: 1,
        overrides: stripOverrides(base, 'prepayment'),
      };
    case 'lossMultiple':
      return { ...base, defaultMultiple: base.defaultMultiple * value };
    case 'prepaymentMultiple':
      return { ...base, prepaymentMultiple: base.prepaymentMultiple * value };
    case 'severity':
      return { ...base, severity: value, overrides: stripOverrides(base, 'severity') };
    case 'lagMonths':
      return {
        ...base,
        recoveryLagMonths: Math.round(value),
        overrides: stripOverrides(base, 'recoveryLagMonths'),
      };
    case 'rateShift': {
      const indexCurves: Record<string, Curve> = {};
      for (const [name, curve] of Object.entries(base.indexCurves))
        indexCurves[name] = shiftCurve(curve, value);
      return { ...base, indexCurves };
    }
  }
}
