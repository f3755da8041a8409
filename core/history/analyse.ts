/**
 * The vintage analysis as one pure call, shared by the CLI (`abs-workbench vintage`) and the app's engine
 * worker: a read history (accumulator) or a vintage table → a plain, structured-cloneable result (curves per
 * vintage and segment, the cumulative net-loss triangle, the chain ladder with Mack's standard error, the timing
 * curve, the lifetime loss range, the back-test, roll rates), its `--json` form, and the scenario it makes.
 * Reading files and parsing flags stay with the callers; nothing here touches the file system or the DOM.
 */
import type { Scenario, ScenarioInput } from '../deal/schema';
import type { HistoryAccumulator, HistoryReject, HistoryRejectReason, VintageSums } from './accumulator';
import { annualise, poolSums, rollRates, vintageCurves, type VintageCurves } from './analysis';
import { backtest, type BacktestResult } from './backtest';
import {
  chainLadder,
  type ChainLadderOptions,
  type ChainLadderResult,
  type FactorMethod,
  type Triangle,
} from './chainLadder';
import { BUCKETS } from './fields';
import {
  bookAndSegments,
  monthlyTiming,
  scenarioFromHistory,
  scenarioFromTable,
  severityOf,
  timingVector,
  type HistoryFit,
  type SegmentFit,
} from './scenario';
import { historyTriangle, type HistoryMeasure, type TableProblem, type VintageTable } from './table';
import { lifetimeRange, timingCurve, type TimingResult } from './timing';

export const VINTAGE_METHODS = ['chain-ladder', 'timing', 'both'] as const;
export type VintageMethod = (typeof VINTAGE_METHODS)[number];
export const FACTOR_METHODS: readonly FactorMethod[] = ['volume', 'simple', 'last-n'];

export interface VintageOptions {
  method: VintageMethod;
  factors: FactorMethod;
  /** Rows per column for `last-n` factors (default 5). */
  lastN?: number;
  tail?: number | 'loglinear';
  /** The timing curve's horizon in months on book; by default the longest a quarter of the vintages reach. */
  horizon?: number;
  /** Months cut off for the back-test; 0: none. */
  holdout: number;
}

export const DEFAULT_VINTAGE_OPTIONS: VintageOptions = { method: 'both', factors: 'volume', holdout: 6 };

type Lifetime = ReturnType<typeof lifetimeRange>;

export interface TriangleAnalysis {
  method: VintageMethod;
  triangle: Triangle;
  chainLadder: ChainLadderResult;
  timing: TimingResult;
  backtest: BacktestResult | null;
  /** Original balance per triangle row (histories only). */
  original: number[] | null;
  /** Lifetime loss rates by method: their balance-weighted mean and range (null for an amount table). */
  lifetime: { chainLadder: Lifetime; timing: Lifetime };
  lastN: number;
  /** The options it was run with, so a scenario fitted on part of it (one segment) is fitted alike. */
  options: VintageOptions;
}

export interface HistorySourceInfo {
  rowsRead: number;
  blankLines: number;
  accepted: number;
  rejected: number;
  byReason: Partial<Record<HistoryRejectReason, number>>;
  /** The rejects listed (the accumulator's cap); `rejected` counts them all. */
  rejects: HistoryReject[];
  loans: number;
  /** Status codes nobody knew, most rows first (each row carrying one is rejected as unknownStatus). */
  unknownCodes: { code: string; rows: number }[];
}

/**
 * A vintage's projected development past its latest month, for the dashed part of its curve: the chain
 * ladder's projected cumulative values (in the curve's units), and a band of ± one standard error. Mack gives
 * the S.E. of the ultimate only; along the way it is spread in proportion to the development still to come
 * ((P_k − latest) / (ultimate − latest)), so the band opens from zero at the latest month to ± S.E. at the end.
 */
export interface CurveExtension {
  origin: string;
  /** Index of the latest observed column (the dashed part starts there). */
  latestPeriod: number;
  /** Projected cumulative value by column from latestPeriod on (null before it and where unprojectable). */
  projected: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
}

/** The extension of every row of a triangle, each divided by its scale (original balance, or 1). */
export function curveExtensions(cl: ChainLadderResult, scale: readonly number[] | null): CurveExtension[] {
  return cl.origins.map((o, i) => {
    const div = scale ? scale[i]! : 1;
    const n = o.projected.length;
    const last = o.projected[n - 1] ?? null;
    const toCome = last === null ? 0 : last * cl.tailFactor - o.latest;
    const projected: (number | null)[] = [];
    const low: (number | null)[] = [];
    const high: (number | null)[] = [];
    for (let k = 0; k < n; k++) {
      const p = o.projected[k] ?? null;
      if (k < o.latestPeriod || p === null || !(div > 0)) {
        projected.push(null);
        low.push(null);
        high.push(null);
        continue;
      }
      const se = o.standardError === null || toCome <= 0 ? 0 : (o.standardError * (p - o.latest)) / toCome;
      projected.push(p / div);
      low.push(Math.max(0, p - se) / div);
      high.push((p + se) / div);
    }
    return { origin: o.origin, latestPeriod: o.latestPeriod, projected, low, high };
  });
}

export interface HistoryAnalysis extends TriangleAnalysis {
  kind: 'history';
  unit: 'amount';
  source: HistorySourceInfo;
  curves: VintageCurves[];
  /**
   * Chain-ladder extensions of the cumulative curves as shares of original balance, by triangle column
   * (month on book k + 1); net loss is the analysis's own chain ladder, the others are fitted alike.
   */
  extensions: Record<HistoryMeasure, CurveExtension[]>;
  /** Bucket-to-bucket shares over the whole history, rows BUCKETS (a null row: no loan was in that bucket). */
  rollRates: (number[] | null)[];
  /** The monthly sums by vintage (and segment) the curves came from: per-segment fits are made from them. */
  sums: VintageSums[];
}

export interface TableAnalysis extends TriangleAnalysis {
  kind: 'table';
  /** The chain ladder's extension of each row, in the table's units. */
  extension: CurveExtension[];
  unit: VintageTable['unit'];
  periods: number[];
  problems: TableProblem[];
}

function clOptions(opts: VintageOptions): ChainLadderOptions {
  return {
    method: opts.factors,
    ...(opts.lastN !== undefined ? { lastN: opts.lastN } : {}),
    ...(opts.tail !== undefined ? { tail: opts.tail } : {}),
  };
}

/** Chain ladder, timing curve, lifetime range and back-test on one triangle. */
export function analyseTriangle(
  triangle: Triangle,
  opts: VintageOptions,
  original: number[] | null,
  /** What a lifetime rate is divided by when there are no original balances: 100 for a percent table. */
  scale: number | null,
): TriangleAnalysis {
  const clOpts = clOptions(opts);
  const cl = chainLadder(triangle, clOpts);
  const timing = timingCurve(triangle, opts.horizon !== undefined ? { horizon: opts.horizon } : {});
  // Lifetime loss rate per vintage: ultimate / original balance for a history, ultimate / 100 for a percent
  // table; an amount table has no original balances, so no rates.
  const rate = (u: number | null, i: number): number | null => {
    if (u === null) return null;
    if (original) return original[i]! > 0 ? u / original[i]! : null;
    return scale === null ? null : u / scale;
  };
  const w = original ?? undefined;
  return {
    method: opts.method,
    triangle,
    chainLadder: cl,
    timing,
    backtest: opts.holdout > 0 ? backtest(triangle, opts.holdout, clOpts) : null,
    original,
    lifetime: {
      chainLadder: lifetimeRange(
        cl.origins.map((o, i) => rate(o.ultimate, i)),
        w,
      ),
      timing: lifetimeRange(
        timing.origins.map((o, i) => rate(o.ultimate, i)),
        w,
      ),
    },
    lastN: opts.lastN ?? 5,
    options: opts,
  };
}

/** A read history → curves per vintage (and segment), the net-loss triangle's analysis and roll rates. */
export function analyseHistory(
  acc: HistoryAccumulator,
  opts: VintageOptions,
  read: { rowsRead: number; blankLines: number },
): HistoryAnalysis {
  const sums = acc.result();
  const curves = sums.map(vintageCurves);
  const original = curves.map((c) => c.originalBalance);
  const a = analyseTriangle(historyTriangle(curves, 'netLoss'), opts, original, 1);
  const clOf = (m: HistoryMeasure): ChainLadderResult =>
    chainLadder(historyTriangle(curves, m), clOptions(opts));
  return {
    ...a,
    extensions: {
      netLoss: curveExtensions(a.chainLadder, original),
      grossDefault: curveExtensions(clOf('grossDefault'), original),
      prepayment: curveExtensions(clOf('prepayment'), original),
    },
    kind: 'history',
    unit: 'amount',
    source: {
      rowsRead: read.rowsRead,
      blankLines: read.blankLines,
      accepted: acc.rowsAccepted,
      rejected: acc.rowsRejected,
      byReason: { ...acc.rejectCounts },
      rejects: acc.rejects.slice(),
      loans: acc.loanCount,
      unknownCodes: [...acc.unknownStatusCodes]
        .map(([code, rows]) => ({ code, rows }))
        .sort((a, b) => b.rows - a.rows || (a.code < b.code ? -1 : 1)),
    },
    curves,
    rollRates: rollRates(poolSums(sums, 'all').transitions),
    sums,
  };
}

export function analyseTable(table: VintageTable, opts: VintageOptions): TableAnalysis {
  const a = analyseTriangle(table, opts, null, table.unit === 'percent' ? 100 : null);
  return {
    ...a,
    kind: 'table',
    extension: curveExtensions(a.chainLadder, null),
    unit: table.unit,
    periods: table.periods,
    problems: table.problems,
  };
}

/** The ultimate a method stands by, per vintage: the timing curve's when only timing is asked for. */
export function ultimateOf(a: TriangleAnalysis, i: number): number | null {
  return a.method === 'timing'
    ? (a.timing.origins[i]?.ultimate ?? null)
    : (a.chainLadder.origins[i]?.ultimate ?? null);
}

/** Totals of the extension table: the timing total counts an unprojectable vintage at its latest. */
export function totalsOf(a: TriangleAnalysis): {
  latest: number;
  chainLadder: { ultimate: number; standardError: number | null };
  timing: { ultimate: number; toCome: number };
} {
  const tm = a.timing.origins.reduce((s, o) => s + (o.ultimate ?? o.latest), 0);
  return {
    latest: a.chainLadder.total.latest,
    chainLadder: { ultimate: a.chainLadder.total.ultimate, standardError: a.chainLadder.total.standardError },
    timing: { ultimate: tm, toCome: tm - a.chainLadder.total.latest },
  };
}

const round = (x: number | null, d = 6): number | null =>
  x === null || !Number.isFinite(x) ? null : Number(x.toFixed(d));

function vintagesJson(a: TriangleAnalysis): unknown[] {
  return a.chainLadder.origins.map((o, i) => {
    const tm = a.timing.origins[i]!;
    const useTiming = a.method === 'timing';
    const orig = a.original?.[i];
    return {
      vintage: o.origin,
      monthsOnBook: a.triangle.periods?.[o.latestPeriod] ?? o.latestPeriod + 1,
      latest: round(o.latest),
      ultimate: round(useTiming ? tm.ultimate : o.ultimate),
      standardError: useTiming ? null : round(o.standardError),
      chainLadder: { ultimate: round(o.ultimate), standardError: round(o.standardError) },
      timing: { ultimate: round(tm.ultimate), toCome: round(tm.toCome) },
      ...(orig !== undefined
        ? {
            originalBalance: round(orig, 2),
            lifetimeLossRate: {
              chainLadder: o.ultimate === null || orig <= 0 ? null : round(o.ultimate / orig, 8),
              timing: tm.ultimate === null || orig <= 0 ? null : round(tm.ultimate / orig, 8),
            },
          }
        : {}),
    };
  });
}

/** The analysis part of `--json`: factors, vintages[], total, timing curve, lifetime range, back-test. */
export function analysisJson(a: TriangleAnalysis): Record<string, unknown> {
  const totals = totalsOf(a);
  const total =
    a.method === 'timing'
      ? { latest: round(totals.latest), ultimate: round(totals.timing.ultimate), standardError: null }
      : {
          latest: round(totals.latest),
          ultimate: round(totals.chainLadder.ultimate),
          standardError: round(totals.chainLadder.standardError),
        };
  return {
    method: a.method,
    developmentFactors: a.chainLadder.developmentFactors.map((f) => round(f, 8)),
    factorMethod: a.chainLadder.method,
    tailFactor: round(a.chainLadder.tailFactor, 8),
    vintages: vintagesJson(a),
    total,
    timingCurve: {
      horizon: a.timing.horizon,
      seasoned: a.timing.seasoned,
      cumulative: a.timing.cumulative.map((x) => round(x, 8)),
    },
    lifetime: a.lifetime,
    backtest: a.backtest,
  };
}

export function curvesJson(c: VintageCurves): Record<string, unknown> {
  const r = (xs: readonly (number | null)[]): (number | null)[] => xs.map((x) => round(x, 8));
  return {
    vintage: c.vintage,
    segment: c.segment,
    loans: c.loans,
    originalBalance: round(c.originalBalance, 2),
    maxMonthsOnBook: c.maxMob,
    cumulativeGrossDefault: r(c.cumDefaultPct),
    cumulativeNetLoss: r(c.cumNetLossPct),
    cumulativePrepayment: r(c.cumPrepaymentPct),
    mdr: r(c.mdr),
    cdr: r(c.cdr),
    smm: r(c.smm),
    cpr: r(c.cpr),
    absSpeed: r(c.absSpeed),
    paymentRate: r(c.paymentRate),
    delinquency: c.delinquency,
  };
}

/** `--json` of a history (without the CLI's own `file` and `scenario` entries). */
export function historyJson(h: HistoryAnalysis): Record<string, unknown> {
  return {
    kind: 'history',
    source: {
      rowsRead: h.source.rowsRead,
      blankLines: h.source.blankLines,
      accepted: h.source.accepted,
      rejected: h.source.rejected,
      byReason: h.source.byReason,
      rejects: h.source.rejects.slice(0, 1000),
      loans: h.source.loans,
      unknownCodes: h.source.unknownCodes,
    },
    unit: 'amount',
    curves: h.curves.map(curvesJson),
    rollRates: {
      buckets: BUCKETS,
      matrix: h.rollRates.map((r) => (r === null ? null : r.map((x) => round(x, 8)))),
    },
    ...analysisJson(h),
  };
}

export interface HistoryScenarioOptions {
  name: string;
  historyFile: string;
  /** Lifetime + k × standard error. */
  stressK?: number;
  /** A loss multiple on the base. */
  multiple?: number;
  /** ISO date the scenario is made on. */
  date: string;
  /**
   * Per-segment overrides: the history's sums by vintage and segment, the segments the deal's pool has, and the
   * pool segment each history value stands for (values mapped to one are fitted together). The scenario's own
   * curves are then fitted on the whole book, each vintage's segments summed.
   */
  segments?: {
    field: string;
    sums: readonly VintageSums[];
    poolSegments: readonly string[];
    rename: ReadonlyMap<string, string>;
    opts: VintageOptions;
  };
}

export interface HistoryScenario {
  scenario: ScenarioInput;
  /** The expected lifetime net loss rate the scenario stands on, before any stress. */
  base: number;
  /** The lifetime net loss rate written (base + k × S.E. when stressed). */
  cnl: number;
  /** Months of the timing vector. */
  months: number;
  method: 'chain-ladder' | 'timing';
  /** With `segments`: each override's lifetime net loss, and the segments left on the book's curves. */
  segments?: {
    written: { segment: string; cnl: number }[];
    withoutFit: string[];
    notInPool: string[];
    poolSegmentsOnBook: string[];
  };
}

/** The lifetime rate a fit stands on: the chain ladder's (with its total Mack S.E.) unless only timing is asked. */
function fitOf(a: TriangleAnalysis, curves: readonly VintageCurves[]): HistoryFit | null {
  const useTiming = a.method === 'timing' || a.lifetime.chainLadder === null;
  const lifetimeNetLoss = (useTiming ? a.lifetime.timing : a.lifetime.chainLadder)?.expected;
  if (lifetimeNetLoss === undefined) return null;
  const totalOriginal = curves.reduce((s, c) => s + c.originalBalance, 0);
  const standardError =
    !useTiming && a.chainLadder.total.standardError !== null && totalOriginal > 0
      ? a.chainLadder.total.standardError / totalOriginal
      : null;
  return {
    method: useTiming ? 'timing' : 'chain-ladder',
    lifetimeNetLoss,
    standardError,
    marginalTiming: a.timing.marginal,
    curves,
  };
}

/** A fit on a set of vintage sums (the book, or one segment's vintages). */
function fitOn(sums: readonly VintageSums[], opts: VintageOptions): HistoryFit | null {
  const cs = sums.map(vintageCurves);
  const original = cs.map((c) => c.originalBalance);
  return fitOf(analyseTriangle(historyTriangle(cs, 'netLoss'), opts, original, 1), cs);
}

/**
 * The scenario a history makes: the chain ladder's expected lifetime net loss (its total Mack S.E. for a
 * stress) unless only the timing curve is asked for or the chain ladder projects nothing. Null when neither
 * method gives a lifetime rate (nothing projectable).
 */
export function historyScenario(h: HistoryAnalysis, o: HistoryScenarioOptions): HistoryScenario | null {
  const seg = o.segments;
  const split = seg === undefined ? null : bookAndSegments(seg.sums);
  const book = split === null || seg === undefined ? fitOf(h, h.curves) : fitOn(split.book, seg.opts);
  if (book === null) return null;
  const written: SegmentFit[] = [];
  const withoutFit: string[] = [];
  const notInPool: string[] = [];
  // The map as applied (a value named as a pool segment maps to itself), kept in the provenance.
  const applied: Record<string, string> = {};
  if (split !== null && seg !== undefined) {
    const byTarget = new Map<string, VintageSums[]>();
    for (const [name, list] of split.segments) {
      if (name === '') continue;
      const target = seg.rename.get(name) ?? name;
      if (seg.poolSegments.includes(target)) {
        byTarget.set(target, [...(byTarget.get(target) ?? []), ...list]);
        applied[name] = target;
      } else notInPool.push(name);
    }
    for (const [target, list] of byTarget) {
      const f = fitOn(bookAndSegments(list).book, seg.opts);
      if (f === null) withoutFit.push(target);
      else written.push({ ...f, segment: target });
    }
  }
  const scenario = scenarioFromHistory({
    name: o.name,
    historyFile: o.historyFile,
    ...book,
    ...(o.stressK !== undefined ? { stressK: o.stressK } : {}),
    ...(o.multiple !== undefined ? { multiple: o.multiple } : {}),
    date: o.date,
    ...(seg !== undefined ? { segmentField: seg.field, segments: written, segmentMap: applied } : {}),
  });
  const d = scenario.default;
  return {
    scenario,
    base: book.lifetimeNetLoss,
    cnl: d.model === 'CNL' ? d.lifetimeNetLoss : book.lifetimeNetLoss,
    months: d.model === 'CNL' ? d.timing.length : 0,
    method: book.method,
    ...(seg !== undefined
      ? {
          segments: {
            written: (scenario.overrides ?? []).map((x) => ({
              segment: x.segment,
              cnl: x.default?.model === 'CNL' ? x.default.lifetimeNetLoss : 0,
            })),
            withoutFit,
            notInPool,
            poolSegmentsOnBook: seg.poolSegments.filter((p) => !written.some((g) => g.segment === p)),
          },
        }
      : {}),
  };
}

/** The history's segment values (the field it was read with), in order; none when it was not segmented. */
export function historySegmentValues(h: HistoryAnalysis): string[] {
  return [...new Set(h.sums.map((x) => x.segment))].filter((n) => n !== '').sort();
}

/**
 * The per-segment part of `historyScenario`'s options for a history read segmented by `field`: its own sums and
 * the options it was analysed with, so each override is fitted exactly as the analysis was (the CLI's
 * `--segment F --into … --segment-map …` and the History screen's mapping table both come through here).
 */
export function segmentScenarioOptions(
  h: HistoryAnalysis,
  field: string,
  poolSegments: readonly string[],
  rename: ReadonlyMap<string, string>,
): NonNullable<HistoryScenarioOptions['segments']> {
  return { field, sums: h.sums, poolSegments, rename, opts: h.options };
}

/** What one segment's own fit gives (the whole book's when `segment` is ''), as the screen's table shows it. */
export interface SegmentFigures {
  /** The history's value; '' for the whole book (each vintage's segments summed). */
  segment: string;
  vintages: number;
  loans: number;
  originalBalance: number;
  /** Null when no lifetime rate could be projected. */
  method: 'chain-ladder' | 'timing' | null;
  /** Expected lifetime net loss rate and its standard error (shares of original balance). */
  lifetimeNetLoss: number | null;
  standardError: number | null;
  /** The month on book by which the timing vector has taken half the lifetime loss, and the vector's length. */
  halfLossMonth: number | null;
  timingMonths: number | null;
  /** Σ prepayments / Σ performing start balance over months on book 1 …, annualised. */
  cpr: number | null;
  /** 1 − recoveries / gross defaults (the scenario's severity). */
  severity: number;
}

function figuresOf(segment: string, list: readonly VintageSums[], opts: VintageOptions): SegmentFigures {
  const book = bookAndSegments(list).book;
  const cs = book.map(vintageCurves);
  const fit = fitOn(book, opts);
  let prepaid = 0;
  let perf = 0;
  for (const c of cs)
    for (let m = 1; m <= c.maxMob; m++) {
      const smm = c.smm[m];
      if (smm === null || smm === undefined) continue;
      prepaid += smm * c.perfStart[m]!;
      perf += c.perfStart[m]!;
    }
  const timing = fit === null ? null : timingVector(fit.marginalTiming);
  let half: number | null = null;
  if (timing !== null)
    for (let k = 0, cum = 0; k < timing.length && half === null; k++) {
      cum += timing[k]!;
      if (cum >= 0.5 - 1e-12) half = k + 1;
    }
  return {
    segment,
    vintages: book.length,
    loans: cs.reduce((a, c) => a + c.loans, 0),
    originalBalance: cs.reduce((a, c) => a + c.originalBalance, 0),
    method: fit?.method ?? null,
    lifetimeNetLoss: fit?.lifetimeNetLoss ?? null,
    standardError: fit?.standardError ?? null,
    halfLossMonth: half,
    timingMonths: timing?.length ?? null,
    cpr: perf > 0 ? annualise(prepaid / perf) : null,
    severity: severityOf(cs),
  };
}

/** The whole book's figures, then each segment value's fitted on its own vintages (as its override would be). */
export function segmentFigures(h: HistoryAnalysis): SegmentFigures[] {
  const split = bookAndSegments(h.sums);
  return [
    figuresOf('', split.book, h.options),
    ...[...split.segments].filter(([n]) => n !== '').map(([n, list]) => figuresOf(n, list, h.options)),
  ];
}

export type TableScenarioProblem = 'amountTable' | 'nothing' | 'noStandardError';

export interface TableScenarioOptions {
  name: string;
  tableFile: string;
  /** Lifetime net loss from the chain ladder's ultimates or from the timing curve's. */
  basis: 'chain-ladder' | 'timing';
  /** Lifetime + k × standard error (the chain ladder's only). */
  stressK?: number;
  multiple?: number;
  date: string;
  /** The scenario whose prepayment, severity and other settings the new one keeps: a table has only losses. */
  base: Scenario;
}

/**
 * A published vintage table (cumulative net loss, % of original balance) as a scenario: the CNL model with the
 * expected lifetime rate by the chosen method (the mean over the table's vintages: a table carries no balances
 * to weight by) and the timing curve's shares by month on book, on top of another scenario's prepayment and
 * severity. The chain ladder's standard error of the mean rate is Mack's total S.E. / (100 × vintages), the
 * total's S.E. already counting the vintages' shared factors. A table in amounts has no original balance to
 * divide by, so it makes no scenario.
 */
export function tableScenario(
  a: TableAnalysis,
  o: TableScenarioOptions,
): HistoryScenario | { problem: TableScenarioProblem } {
  if (a.unit !== 'percent') return { problem: 'amountTable' };
  const life = o.basis === 'timing' ? a.lifetime.timing : a.lifetime.chainLadder;
  if (life === null) return { problem: 'nothing' };
  const se =
    o.basis === 'chain-ladder' && a.chainLadder.total.standardError !== null
      ? a.chainLadder.total.standardError / 100 / life.vintages
      : null;
  if (o.stressK !== undefined && se === null) return { problem: 'noStandardError' };
  const scenario = scenarioFromTable({
    name: o.name,
    tableFile: o.tableFile,
    vintages: a.triangle.origins,
    method: o.basis,
    lifetimeNetLoss: life.expected,
    standardError: se,
    timing: timingVector(monthlyTiming(a.timing.marginal, a.periods)),
    ...(o.stressK !== undefined ? { stressK: o.stressK } : {}),
    ...(o.multiple !== undefined ? { multiple: o.multiple } : {}),
    date: o.date,
    base: o.base,
  });
  const d = scenario.default;
  return {
    scenario,
    base: life.expected,
    cnl: d.model === 'CNL' ? d.lifetimeNetLoss : life.expected,
    months: d.model === 'CNL' ? d.timing.length : 0,
    method: o.basis,
  };
}

/**
 * The scenario a table's curve is laid on: the one asked for, else the one it replaces (same name), else the
 * deal's first (its base case). Undefined only when the one asked for does not exist.
 */
export function tableScenarioBase(
  scenarios: readonly Scenario[],
  name: string,
  from?: string,
): Scenario | undefined {
  if (from !== undefined) return scenarios.find((s) => s.name === from);
  return scenarios.find((s) => s.name === name) ?? scenarios[0];
}

/** The rejected rows as CSV (a leading =+-@ is quoted so a spreadsheet does not run it as a formula). */
export function historyRejectsCsv(
  rejects: readonly HistoryReject[],
  header: readonly string[] = ['line', 'loan_id', 'reason', 'detail'],
  reasonText: (r: HistoryRejectReason) => string = (r) => r,
): string {
  const q = (s: string): string => {
    const v = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return (
    [
      header.map(q).join(','),
      ...rejects.map((r) => [String(r.line), q(r.loanId), q(reasonText(r.reason)), q(r.detail)].join(',')),
    ].join('\n') + '\n'
  );
}
