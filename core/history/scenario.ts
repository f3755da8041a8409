/**
 * A vintage analysis as assumption curves the engine already runs (core/deal/schema.ts):
 * - default: the CNL model — lifetime net loss = the expected lifetime CNL rate (Σ projected ultimate net loss /
 *   Σ original balance over the vintages, i.e. the balance-weighted mean), timing = the timing curve's marginal
 *   shares by month on book (a new pool's period t is its loans' month on book t). A month whose share is negative
 *   (recoveries outran new losses) is set to 0 and the rest rescaled so the vector sums to 1, as the schema needs.
 * - severity = 1 − recoveries / gross defaults over the history, recovery lag 0 (the charge-off view: net loss
 *   is taken when the loan is charged off);
 * - prepayment: a CPR vector by loan age from the pooled SMM (Σ prepayments / Σ performing start balance per
 *   month on book), the last observed value holding after it.
 * - stressed: the lifetime rate + k × its standard error (Mack's total S.E. / Σ original balance), or the base
 *   with a loss multiple (the scenario's defaultMultiple).
 * - per segment (`--segment grade`): the scenario's own curves are fitted on the whole book (each vintage's
 *   segments summed), and each segment with history enough to fit gets an override with its own lifetime CNL,
 *   timing, CPR vector and severity, fitted the same way on its vintages alone (the same k × its own standard
 *   error when stressed). A pool line or loan of a segment the history lacks runs on the book's curves.
 * The scenario keeps where it came from (`provenance`: file, vintages, method, date, segment field).
 */
import type { Scenario, ScenarioInput } from '../deal/schema';
import type { VintageSums } from './accumulator';
import { annualise, poolSums, type VintageCurves } from './analysis';

/** What a fit on one set of vintages (the book, or one segment's) gives the scenario. */
export interface HistoryFit {
  method: 'chain-ladder' | 'timing';
  /** Expected lifetime net loss rate (share of original balance). */
  lifetimeNetLoss: number;
  /** Its standard error (share of original balance), when the method gives one. */
  standardError: number | null;
  /** Marginal timing shares by month on book 1 … H. */
  marginalTiming: readonly number[];
  curves: readonly VintageCurves[];
}

export interface SegmentFit extends HistoryFit {
  segment: string;
}

export interface ScenarioFromHistory {
  name: string;
  historyFile: string;
  method: 'chain-ladder' | 'timing';
  /** Expected lifetime net loss rate (share of original balance). */
  lifetimeNetLoss: number;
  /** Its standard error (share of original balance), when the method gives one. */
  standardError: number | null;
  /** Cumulative timing shares by month on book 1 … H. */
  marginalTiming: readonly number[];
  curves: readonly VintageCurves[];
  /** Lifetime + k × standard error. */
  stressK?: number;
  /** A loss multiple on the base. */
  multiple?: number;
  date: string;
  /** The field the history was segmented by, and each segment's own fit (overrides). */
  segmentField?: string;
  segments?: readonly SegmentFit[];
  /** History value → the pool segment its override was written for. */
  segmentMap?: Readonly<Record<string, string>>;
}

/**
 * A history's sums split for a segmented scenario: the book with each vintage's segments summed (what the
 * scenario's own curves are fitted on), and each segment's vintages, both in vintage order.
 */
export function bookAndSegments(sums: readonly VintageSums[]): {
  book: VintageSums[];
  segments: Map<string, VintageSums[]>;
} {
  const byVintage = new Map<string, VintageSums[]>();
  const segments = new Map<string, VintageSums[]>();
  for (const x of sums) {
    byVintage.set(x.vintage, [...(byVintage.get(x.vintage) ?? []), x]);
    segments.set(x.segment, [...(segments.get(x.segment) ?? []), x]);
  }
  const order = (a: VintageSums, b: VintageSums): number =>
    a.vintage < b.vintage ? -1 : a.vintage > b.vintage ? 1 : 0;
  const book = [...byVintage].map(([vintage, list]) => poolSums(list, vintage)).sort(order);
  for (const list of segments.values()) list.sort(order);
  return { book, segments: new Map([...segments].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** The lifetime net loss a fit gives, stressed by k standard errors and kept within [0, 1]. */
function stressedLifetime(fit: Pick<HistoryFit, 'lifetimeNetLoss' | 'standardError'>, k: number): number {
  return Math.min(1, Math.max(0, fit.lifetimeNetLoss + (fit.standardError ?? 0) * k));
}

/**
 * Timing shares by table column → shares by month on book 1 … last, the engine's monthly vector. Published
 * tables often step by quarter (3, 6, 9 …): a column's share is spread evenly over the months since the
 * previous column (the cumulative curve read as linear in between). Headers that are not increasing months
 * from 1 on are taken as consecutive months.
 */
export function monthlyTiming(marginal: readonly number[], periods: readonly number[]): number[] {
  const months = periods.slice(0, marginal.length);
  const usable =
    months.length === marginal.length && months.every((p, k) => p >= 1 && (k === 0 || p > months[k - 1]!));
  if (!usable) return marginal.slice();
  const out: number[] = [];
  marginal.forEach((share, k) => {
    const span = months[k]! - (k === 0 ? 0 : months[k - 1]!);
    for (let j = 0; j < span; j++) out.push(share / span);
  });
  return out;
}

export function timingVector(marginal: readonly number[]): number[] {
  const clipped = marginal.map((x) => (x > 0 ? x : 0));
  const sum = clipped.reduce((a, b) => a + b, 0);
  return sum > 0 ? clipped.map((x) => x / sum) : [1];
}

/** Pooled CPR by month on book 1 … max, from Σ prepayments / Σ performing start balance. */
export function pooledCpr(curves: readonly VintageCurves[]): number[] {
  const n = Math.max(0, ...curves.map((c) => c.maxMob));
  const out: number[] = [];
  let last = 0;
  for (let m = 1; m <= n; m++) {
    let prepaid = 0;
    let perf = 0;
    for (const c of curves) {
      const smm = c.smm[m];
      if (smm === null || smm === undefined) continue;
      const start = c.perfStart[m] ?? 0;
      prepaid += smm * start;
      perf += start;
    }
    if (perf > 0) last = annualise(prepaid / perf);
    out.push(last);
  }
  return out.length > 0 ? out : [0];
}

export function severityOf(curves: readonly VintageCurves[]): number {
  let d = 0;
  let r = 0;
  for (const c of curves) {
    d += c.cumDefault[c.maxMob] ?? 0;
    r += c.cumRecovery[c.maxMob] ?? 0;
  }
  return d > 0 ? Math.min(1, Math.max(0, 1 - r / d)) : 1;
}

export function scenarioFromHistory(a: ScenarioFromHistory): ScenarioInput {
  const base = a.lifetimeNetLoss;
  const k = a.stressK ?? 0;
  const lifetime = stressedLifetime(a, k);
  const vintages = [...new Set(a.curves.map((c) => c.vintage))];
  return {
    name: a.name,
    description:
      `From the performance history ${a.historyFile}: ${vintages.length} vintages (${vintages[0]} to ${vintages.at(-1)}), ` +
      `${a.method === 'chain-ladder' ? 'chain ladder' : 'timing curve'}` +
      (k !== 0
        ? `, lifetime net loss ${base.toFixed(6)} + ${k} × S.E. ${(a.standardError ?? 0).toFixed(6)}`
        : '') +
      (a.segmentField !== undefined && a.segments !== undefined && a.segments.length > 0
        ? `; overrides fitted per ${a.segmentField}: ${a.segments.map((g) => g.segment).join(', ')}`
        : ''),
    prepayment: { model: 'CPR', curve: { vector: pooledCpr(a.curves), by: 'age' } },
    default: { model: 'CNL', lifetimeNetLoss: lifetime, timing: timingVector(a.marginalTiming) },
    severity: severityOf(a.curves),
    recoveryLagMonths: 0,
    ...(a.multiple !== undefined ? { defaultMultiple: a.multiple } : {}),
    ...(a.segments !== undefined && a.segments.length > 0
      ? {
          overrides: a.segments.map((g) => ({
            segment: g.segment,
            prepayment: { model: 'CPR' as const, curve: { vector: pooledCpr(g.curves), by: 'age' as const } },
            default: {
              model: 'CNL' as const,
              lifetimeNetLoss: stressedLifetime(g, k),
              timing: timingVector(g.marginalTiming),
            },
            severity: severityOf(g.curves),
            recoveryLagMonths: 0,
          })),
        }
      : {}),
    provenance: {
      source: 'vintage-analysis',
      historyFile: a.historyFile,
      vintages,
      method: a.method,
      date: a.date,
      ...(a.segmentField !== undefined ? { segmentField: a.segmentField } : {}),
      ...(a.segmentMap !== undefined ? { segmentMap: { ...a.segmentMap } } : {}),
      ...(k !== 0 ? { stress: `lifetime net loss + ${k} x standard error` } : {}),
      ...(a.multiple !== undefined ? { stress: `loss multiple ${a.multiple}` } : {}),
    },
  };
}

export interface ScenarioFromTable {
  name: string;
  tableFile: string;
  vintages: readonly string[];
  method: 'chain-ladder' | 'timing';
  lifetimeNetLoss: number;
  standardError: number | null;
  /** Monthly shares summing to 1. */
  timing: readonly number[];
  stressK?: number;
  multiple?: number;
  date: string;
  base: Scenario;
}

/**
 * A vintage table's loss curve laid on another scenario: the CNL default replaces the base's, whose prepayment,
 * severity, recovery lag, prepayment multiple and index curves stay (a table of net loss says nothing of them).
 * The base's segment overrides keep everything but their own default, which would otherwise replace the table's
 * curve for their segments.
 */
export function scenarioFromTable(a: ScenarioFromTable): ScenarioInput {
  const k = a.stressK ?? 0;
  const lifetime = stressedLifetime(a, k);
  const { provenance: _p, description: _d, name: _n, ...kept } = a.base;
  const overrides = a.base.overrides
    .map(({ default: _x, ...rest }) => rest)
    .filter((o) => Object.keys(o).length > 1);
  return {
    ...kept,
    name: a.name,
    description:
      `From the vintage table ${a.tableFile}: ${a.vintages.length} vintages (${a.vintages[0]} to ${a.vintages.at(-1)}), ` +
      `${a.method === 'chain-ladder' ? 'chain ladder' : 'timing curve'}` +
      (k !== 0
        ? `, lifetime net loss ${a.lifetimeNetLoss.toFixed(6)} + ${k} × S.E. ${(a.standardError ?? 0).toFixed(6)}`
        : '') +
      `; prepayment and severity from scenario ${a.base.name}`,
    default: { model: 'CNL', lifetimeNetLoss: lifetime, timing: a.timing.slice() },
    defaultMultiple: a.multiple ?? 1,
    overrides,
    provenance: {
      source: 'vintage-analysis',
      historyFile: a.tableFile,
      vintages: a.vintages.slice(),
      method: a.method,
      date: a.date,
      table: true,
      ...(k !== 0 ? { stress: `lifetime net loss + ${k} x standard error` } : {}),
      ...(a.multiple !== undefined ? { stress: `loss multiple ${a.multiple}` } : {}),
    },
  };
}
