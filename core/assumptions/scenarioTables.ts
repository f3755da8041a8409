/**
 * A scenario resolved into per-segment monthly tables, so the projection's hot loop reads arrays instead of
 * calling curves. For each segment and each loan seasoning s (months since origination at cut-off) one row
 * per table holds the monthly rate for periods 1..periods, at loan age s + period: the table is indexed by
 * period and, through the row, by loan age. Curves that read neither age nor an age-indexed model share one
 * row for every seasoning.
 */
import type { DefaultAssumption, PrepaymentAssumption, Scenario, Curve } from '../deal/schema';
import { absSmm, cdrToMdr, cprToSmm, psaCpr, sdaCdr } from '../rates';
import { resolveCurve, type CurveLookup } from './curve';

/** Index p (1..periods) is period p; index 0 is unused (the cut-off has no flows). */
export interface PeriodTables {
  /** Single monthly mortality: voluntary prepayment rate. */
  readonly smm: Float64Array;
  /** Monthly default rate (rate models; zero under CNL). */
  readonly mdr: Float64Array;
  /** CNL model: gross defaults in the period per unit of the balance at entry (zero under rate models). */
  readonly cnl: Float64Array;
  /** Loss severity of balance defaulting in the period. */
  readonly severity: Float64Array;
  /** CNL model: share of the timing curve spent by the end of period p (index 0 = 0); zeros under rate models. */
  readonly cnlTimingCum: Float64Array;
  /** CNL model: the whole curve's share (1 when it sums to 1), including periods past the horizon. */
  readonly cnlTimingTotal: number;
  /** CNL model: lifetime net loss per unit of cut-off balance, multiple applied (lifetimeNetLoss × multiple × total). */
  readonly cnlNetLoss: number;
}

export interface SegmentAssumptions {
  readonly segment: string;
  /** CNL budgets an amount per period; the other models give a rate of the performing balance. */
  readonly defaultModel: DefaultAssumption['model'];
  readonly recoveryLagMonths: number;
  /**
   * Months before maturity in which rate-model defaults stop: the recovery lag under `lagBeforeMaturity` (every
   * default liquidated by maturity, as SDA prescribes and the reference data shows for CDR); 0 under `maturity`
   * and under CNL, whose timing curve is a budget of losses that must be spent as given.
   */
  readonly noDefaultMonths: number;
  /** True when some table depends on loan age, i.e. seasoning changes the row. */
  readonly usesAge: boolean;
  /** Tables for loans `seasoning` months old at cut-off (cached per seasoning). */
  tables(seasoning: number): PeriodTables;
}

export type DefaultStop = Scenario['defaultStop'];

/**
 * The default-stop convention a run uses: the scenario's, except that servicer advancing needs
 * `lagBeforeMaturity` (an advanced loan defaulting in its last months would amortise to nothing before
 * liquidation, and its loss would vanish with it).
 */
export function effectiveDefaultStop(
  scenario: Pick<Scenario, 'defaultStop' | 'servicerAdvancing'>,
): DefaultStop {
  return scenario.servicerAdvancing ? 'lagBeforeMaturity' : scenario.defaultStop;
}

export interface ResolvedScenario {
  readonly name: string;
  readonly periods: number;
  readonly servicerAdvancing: boolean;
  readonly defaultStop: DefaultStop;
  segment(name: string): SegmentAssumptions;
}

interface AssumptionParts {
  prepayment: PrepaymentAssumption;
  default: DefaultAssumption;
  severity: Curve;
  recoveryLagMonths: number;
}

const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0);

function prepaymentRate(
  model: PrepaymentAssumption['model'],
  curve: CurveLookup,
  multiple: number,
): { rate: (period: number, age: number) => number; usesAge: boolean } {
  switch (model) {
    case 'CPR':
      return { rate: (p, a) => cprToSmm(curve.at(p, a) * multiple), usesAge: curve.usesAge };
    case 'SMM':
      return { rate: (p, a) => clamp01(curve.at(p, a) * multiple), usesAge: curve.usesAge };
    case 'PSA':
      return { rate: (p, a) => cprToSmm(psaCpr(curve.at(p, a) * multiple, a)), usesAge: true };
    case 'ABS':
      return { rate: (p, a) => absSmm(curve.at(p, a) * multiple, a), usesAge: true };
  }
}

/**
 * A prepayment assumption's SMM rows, shared by every scenario that carries the same assumption object at the
 * same multiple and horizon. The runs of a Monte Carlo or a default-multiple grid differ only in defaults, and
 * rebuilding these rows (a power per period and seasoning) was a tenth of each run. Rows are never written
 * after they are built (the projection copies them into its own tables).
 */
interface PrepaymentRows {
  readonly usesAge: boolean;
  row(seasoning: number): Float64Array;
}

const prepaymentCache = new WeakMap<PrepaymentAssumption, Map<string, PrepaymentRows>>();
/** Rows kept per (assumption, multiple, horizon) before the cache starts over: bounds a long grid's memory. */
const MAX_CACHED_ROWS = 4096;

function prepaymentRows(a: PrepaymentAssumption, multiple: number, periods: number): PrepaymentRows {
  let byRun = prepaymentCache.get(a);
  if (!byRun) prepaymentCache.set(a, (byRun = new Map()));
  const key = `${multiple}:${periods}`;
  let rows = byRun.get(key);
  if (rows) return rows;
  if (byRun.size >= 64) byRun.clear();
  const prepay = prepaymentRate(a.model, resolveCurve(a.curve), multiple);
  const built = new Map<number, Float64Array>();
  rows = {
    usesAge: prepay.usesAge,
    row(seasoning: number): Float64Array {
      const s = prepay.usesAge ? seasoning : 0;
      let smm = built.get(s);
      if (!smm) {
        if (built.size >= MAX_CACHED_ROWS) built.clear();
        smm = new Float64Array(periods + 1);
        for (let p = 1; p <= periods; p++) smm[p] = prepay.rate(p, s + p);
        built.set(s, smm);
      }
      return smm;
    },
  };
  byRun.set(key, rows);
  return rows;
}

function defaultRate(
  d: Exclude<DefaultAssumption, { model: 'CNL' }>,
  multiple: number,
): { rate: (period: number, age: number) => number; usesAge: boolean } {
  const curve = resolveCurve(d.curve);
  switch (d.model) {
    case 'CDR':
      return { rate: (p, a) => cdrToMdr(curve.at(p, a) * multiple), usesAge: curve.usesAge };
    case 'MDR':
      return { rate: (p, a) => clamp01(curve.at(p, a) * multiple), usesAge: curve.usesAge };
    case 'SDA':
      // The last-months cut-off depends on each loan's remaining term, so the kernel applies it.
      return {
        rate: (p, a) => cdrToMdr(sdaCdr(curve.at(p, a) * multiple, a, Infinity, 0)),
        usesAge: true,
      };
  }
}

function resolveSegment(
  segment: string,
  parts: AssumptionParts,
  scenario: Scenario,
  periods: number,
): SegmentAssumptions {
  const prepay = prepaymentRows(parts.prepayment, scenario.prepaymentMultiple, periods);
  const severity = resolveCurve(parts.severity);
  const d = parts.default;
  const rateModel = d.model === 'CNL' ? null : defaultRate(d, scenario.defaultMultiple);
  const usesAge = prepay.usesAge || severity.usesAge || (rateModel?.usesAge ?? false);
  const lag = parts.recoveryLagMonths;
  const cnlTimingTotal = d.model === 'CNL' ? d.timing.reduce((a, b) => a + b, 0) : 0;
  const cnlNetLoss = d.model === 'CNL' ? d.lifetimeNetLoss * scenario.defaultMultiple * cnlTimingTotal : 0;
  const cache = new Map<number, PeriodTables>();

  const build = (seasoning: number): PeriodTables => {
    const n = periods + 1;
    const smm = prepay.row(seasoning);
    const mdr = new Float64Array(n);
    const cnl = new Float64Array(n);
    const sev = new Float64Array(n);
    const cnlTimingCum = new Float64Array(n);
    for (let p = 1; p <= periods; p++) {
      const age = seasoning + p;
      sev[p] = clamp01(severity.at(p, age));
      if (rateModel) mdr[p] = rateModel.rate(p, age);
    }
    if (d.model === 'CNL') {
      const lifetime = d.lifetimeNetLoss * scenario.defaultMultiple;
      for (let p = 1; p <= periods && p <= d.timing.length; p++) {
        // Net loss = gross defaults × severity, so gross = net / severity. With severity 0 no amount of
        // defaults produces the stated loss (the division is infinite); reading the curve as gross defaults
        // (severity taken as 1) keeps the timing meaningful instead of defaulting the whole pool at once.
        const s = sev[p] as number;
        cnl[p] = (lifetime * (d.timing[p - 1] as number)) / (s > 0 ? s : 1);
      }
      for (let p = 1; p <= periods; p++) {
        cnlTimingCum[p] = (cnlTimingCum[p - 1] as number) + (d.timing[p - 1] ?? 0);
      }
    }
    return { smm, mdr, cnl, severity: sev, cnlTimingCum, cnlTimingTotal, cnlNetLoss };
  };

  return {
    segment,
    defaultModel: d.model,
    recoveryLagMonths: lag,
    noDefaultMonths: d.model === 'CNL' || effectiveDefaultStop(scenario) === 'maturity' ? 0 : lag,
    usesAge,
    tables(seasoning: number): PeriodTables {
      const key = usesAge ? Math.max(0, Math.floor(seasoning)) : 0;
      let t = cache.get(key);
      if (!t) {
        t = build(key);
        cache.set(key, t);
      }
      return t;
    },
  };
}

/**
 * A segment's recovery lag: the scenario's, or that of the last override for the segment that sets one. Apart
 * from resolveScenario since the horizon needs only this, and a stress asks for the horizon on every run.
 */
export function recoveryLagMonths(scenario: Scenario, segment: string): number {
  let lag = scenario.recoveryLagMonths;
  for (const o of scenario.overrides) {
    if (o.segment === segment && o.recoveryLagMonths !== undefined) lag = o.recoveryLagMonths;
  }
  return lag;
}

/** Resolves `scenario` for a projection over `periods` months; segments resolve lazily, once each. */
export function resolveScenario(scenario: Scenario, periods: number): ResolvedScenario {
  const base: AssumptionParts = {
    prepayment: scenario.prepayment,
    default: scenario.default,
    severity: scenario.severity,
    recoveryLagMonths: scenario.recoveryLagMonths,
  };
  const segments = new Map<string, SegmentAssumptions>();
  return {
    name: scenario.name,
    periods,
    servicerAdvancing: scenario.servicerAdvancing,
    defaultStop: effectiveDefaultStop(scenario),
    segment(name: string): SegmentAssumptions {
      let s = segments.get(name);
      if (!s) {
        const parts: AssumptionParts = { ...base };
        // Overrides apply in file order, so a later override for the same segment wins field by field.
        for (const o of scenario.overrides) {
          if (o.segment !== name) continue;
          if (o.prepayment) parts.prepayment = o.prepayment;
          if (o.default) parts.default = o.default;
          if (o.severity !== undefined) parts.severity = o.severity;
        }
        parts.recoveryLagMonths = recoveryLagMonths(scenario, name);
        s = resolveSegment(name, parts, scenario, periods);
        segments.set(name, s);
      }
      return s;
    },
  };
}
