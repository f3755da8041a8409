/**
 * Assumption edits as pure functions of the deal, so the screen only wires them to `useDealEditor` (history,
 * schema validation) and tests can run the edited deal through the engine. Segment overrides follow the engine's
 * merge (core/assumptions/scenarioTables.ts): an override replaces only the parts it names, the scenario's own
 * value holds for the rest, and the scenario's multiples scale the override's curves as they scale its own.
 */
import type { TFunction } from 'i18next';
import type { Curve, Deal, DefaultAssumption, PrepaymentAssumption, Scenario } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import { resolveCurve } from '../../core/assumptions/curve';

export type Override = Scenario['overrides'][number];

/** Whether a curve holds a rate (shown in percent) or a speed (PSA, SDA: 100 = 100%). */
export type Unit = 'rate' | 'speed';

export const PREPAY_UNIT: Record<PrepaymentAssumption['model'], Unit> = {
  CPR: 'rate',
  SMM: 'rate',
  PSA: 'speed',
  ABS: 'rate',
};
export const DEFAULT_UNIT: Record<'CDR' | 'MDR' | 'SDA', Unit> = { CDR: 'rate', MDR: 'rate', SDA: 'speed' };

/** The four things an override may replace, in the order the screen lists them. */
export const OVERRIDE_PARTS = ['prepayment', 'default', 'severity', 'recoveryLagMonths'] as const;
export type OverridePart = (typeof OVERRIDE_PARTS)[number];

/** The assumptions one segment runs under once its overrides are applied. */
export interface SegmentParts {
  prepayment: PrepaymentAssumption;
  default: DefaultAssumption;
  severity: Curve;
  recoveryLagMonths: number;
}

/**
 * Segment names a run will meet: the imported tape's when there is one (it replaces the rep lines), else the
 * rep lines', then the revolving profile's (purchased receivables are projected under the same scenario).
 */
export function poolSegments(deal: Deal, loans: LoanPool | null): string[] {
  const names = new Set<string>();
  if (loans) {
    // segmentNames can name segments a filtered pool no longer holds; list only those with loans.
    const used = new Set<number>();
    for (let i = 0; i < loans.size; i++) used.add(loans.segment[i] as number);
    loans.segmentNames.forEach((n, k) => used.has(k) && names.add(n));
  } else if (deal.pool.kind === 'repLines') deal.pool.lines.forEach((l) => names.add(l.segment));
  deal.structure.revolving?.profile.forEach((l) => names.add(l.segment));
  return [...names];
}

function editScenario(deal: Deal, scenario: number, fn: (s: Scenario) => Scenario): Deal {
  return { ...deal, scenarios: deal.scenarios.map((s, i) => (i === scenario ? fn(s) : s)) };
}

export function updateOverride(
  deal: Deal,
  scenario: number,
  index: number,
  fn: (o: Override) => Override,
): Deal {
  return editScenario(deal, scenario, (s) => ({
    ...s,
    overrides: s.overrides.map((o, k) => (k === index ? fn(o) : o)),
  }));
}

/**
 * A new override for `segment` replacing the default assumption with the scenario's own, so the segment runs
 * as before until the user edits it (credit grades differ mostly in default rates).
 */
export function addOverride(deal: Deal, scenario: number, segment: string): Deal {
  return editScenario(deal, scenario, (s) => ({
    ...s,
    overrides: [...s.overrides, { segment, default: s.default }],
  }));
}

export function removeOverride(deal: Deal, scenario: number, index: number): Deal {
  return editScenario(deal, scenario, (s) => ({
    ...s,
    overrides: s.overrides.filter((_, k) => k !== index),
  }));
}

export function setOverrideSegment(deal: Deal, scenario: number, index: number, segment: string): Deal {
  return updateOverride(deal, scenario, index, (o) => ({ ...o, segment }));
}

/**
 * Starts or stops overriding one part. A part switched on starts from the value the segment runs under now
 * (the scenario's, or an earlier override's), so switching it on changes nothing until it is edited; switched
 * off, the scenario's value applies again.
 */
export function setOverridePart(
  deal: Deal,
  scenario: number,
  index: number,
  part: OverridePart,
  on: boolean,
): Deal {
  const s = deal.scenarios[scenario];
  const o = s?.overrides[index];
  if (!s || !o) return deal;
  if (!on) {
    return updateOverride(deal, scenario, index, (x) => {
      const out: Override = { ...x };
      delete out[part];
      return out;
    });
  }
  if (o[part] !== undefined) return deal;
  const before = effectiveAssumptions({ ...s, overrides: s.overrides.slice(0, index) }, o.segment);
  return updateOverride(deal, scenario, index, (x) => ({ ...x, [part]: before[part] }));
}

/** The parts `o` replaces, in screen order. */
export function overriddenParts(o: Override): OverridePart[] {
  return OVERRIDE_PARTS.filter((p) => o[p] !== undefined);
}

/** What `segment` runs under in `scenario`: the engine's merge, later overrides winning part by part. */
export function effectiveAssumptions(scenario: Scenario, segment: string): SegmentParts {
  const parts: SegmentParts = {
    prepayment: scenario.prepayment,
    default: scenario.default,
    severity: scenario.severity,
    recoveryLagMonths: scenario.recoveryLagMonths,
  };
  for (const o of scenario.overrides) {
    if (o.segment !== segment) continue;
    if (o.prepayment) parts.prepayment = o.prepayment;
    if (o.default) parts.default = o.default;
    if (o.severity !== undefined) parts.severity = o.severity;
    if (o.recoveryLagMonths !== undefined) parts.recoveryLagMonths = o.recoveryLagMonths;
  }
  return parts;
}

/**
 * A curve means something else under another model (a 10% CPR is not a 10% ABS speed, nor 0.1% PSA), so a new
 * model starts from a typical constant of its own: the samples' 10% CPR and 1.5% ABS, 100% PSA, a 1% SMM.
 */
const PREPAY_START: Record<PrepaymentAssumption['model'], number> = {
  CPR: 0.1,
  SMM: 0.01,
  PSA: 100,
  ABS: 0.015,
};
const DEFAULT_START: Record<'CDR' | 'MDR' | 'SDA', number> = { CDR: 0.05, MDR: 0.005, SDA: 100 };

export function withPrepaymentModel(
  p: PrepaymentAssumption,
  model: PrepaymentAssumption['model'],
): PrepaymentAssumption {
  return model === p.model ? p : { model, curve: PREPAY_START[model] };
}

/**
 * Switching to CNL starts from a 6% lifetime loss over a six-month timing (the short pay-later book, DOMAIN.md);
 * a rate model starts from 5% CDR, 0.5% MDR or 100% SDA.
 */
export function withDefaultModel(d: DefaultAssumption, model: DefaultAssumption['model']): DefaultAssumption {
  if (model === d.model) return d;
  if (model === 'CNL')
    return { model: 'CNL', lifetimeNetLoss: 0.06, timing: [0.1, 0.2, 0.25, 0.2, 0.15, 0.1] };
  return { model, curve: DEFAULT_START[model] };
}

/** `values` as a vector curve, indexed as `previous` was when it was a vector (else by period). */
export function withVector(previous: Curve, values: number[]): Curve {
  const by = typeof previous === 'object' && 'vector' in previous ? previous.by : 'period';
  return { vector: values, by };
}

/** Which curve of a scenario or of one of its overrides the vector editor is open on. */
export interface CurveTarget {
  scenario: number;
  /** Index into the scenario's overrides; absent for the scenario's own curves. */
  override?: number;
  curve: 'prepayment' | 'default' | 'severity';
}

/**
 * Replaces the vector of the targeted curve (the loss timing under CNL). A target whose curve is not there
 * (an override that does not replace it) leaves the deal as it is.
 */
export function setVector(deal: Deal, target: CurveTarget, values: number[]): Deal {
  const apply = <T extends Partial<SegmentParts>>(x: T): T => {
    if (target.curve === 'prepayment') {
      return x.prepayment
        ? { ...x, prepayment: { ...x.prepayment, curve: withVector(x.prepayment.curve, values) } }
        : x;
    }
    if (target.curve === 'severity')
      return x.severity !== undefined ? { ...x, severity: withVector(x.severity, values) } : x;
    const d = x.default;
    if (!d) return x;
    if (d.model === 'CNL') return { ...x, default: { ...d, timing: values } };
    return { ...x, default: { model: d.model, curve: withVector(d.curve, values) } };
  };
  if (target.override === undefined) return editScenario(deal, target.scenario, apply);
  return updateOverride(deal, target.scenario, target.override, apply);
}

export interface VectorValues {
  values: number[];
  unit: Unit;
  by: string;
  /** The CNL loss timing rather than a rate curve. */
  timing: boolean;
}

/**
 * The values the editor opens with: the vector itself, or a constant or formula sampled at periods 1–12 as a
 * starting vector. Null when `parts` does not hold the curve (an override that does not replace it).
 */
export function vectorOf(parts: Partial<SegmentParts>, curve: CurveTarget['curve']): VectorValues | null {
  let c: Curve;
  let unit: Unit = 'rate';
  if (curve === 'default') {
    const d = parts.default;
    if (!d) return null;
    if (d.model === 'CNL') return { values: d.timing, unit: 'rate', by: 'period', timing: true };
    c = d.curve;
    unit = DEFAULT_UNIT[d.model];
  } else if (curve === 'prepayment') {
    if (!parts.prepayment) return null;
    c = parts.prepayment.curve;
    unit = PREPAY_UNIT[parts.prepayment.model];
  } else {
    if (parts.severity === undefined) return null;
    c = parts.severity;
  }
  if (typeof c === 'object' && 'vector' in c) return { values: c.vector, unit, by: c.by, timing: false };
  let v = 0;
  try {
    v = resolveCurve(c).at(1, 1);
  } catch {
    // A formula that does not compile starts the vector at zero; the formula field shows why.
  }
  return {
    values: Array.from({ length: 12 }, () => (Number.isFinite(v) ? v : 0)),
    unit,
    by: 'period',
    timing: false,
  };
}

/**
 * Parses pasted values: one per cell, separated by commas (ASCII or full-width), tabs, spaces or new lines; "%"
 * optional. A refusal is in the screen's language (`t`).
 */
export function parseVectorText(text: string, unit: Unit, t: TFunction): number[] | string {
  const parts = text.split(/[\s,;，；、]+/).filter((p) => p !== '');
  if (parts.length === 0) return t('assumptions:vector.pasteEmpty');
  if (parts.length > 1200) return t('assumptions:vector.pasteTooMany');
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p.replace(/[%％]/, ''));
    if (!Number.isFinite(n)) return t('assumptions:vector.notNumber', { text: p });
    out.push(unit === 'rate' ? Math.round((n / 100) * 1e10) / 1e10 : n);
  }
  return out;
}
