/**
 * Sensitivity grids: two axes (./axis.ts) over a base scenario, one deal run per cell. The work is split into
 * pure pieces so any host can spread it: `gridJobs(spec)` lists the cells, `runGridCell(engine, base, spec, cell)`
 * runs one (in a worker_threads worker, a browser Web Worker or in-line), and `assembleGrid` puts the cells back
 * in order. Every cell keeps all metrics for all classes, so the UI can switch metric or class without rerunning.
 */
import type { TFunction } from 'i18next';
import type { Scenario } from '../deal/schema';
import { translator } from '../i18n';
import type { RunResult } from '../result';
import { applyAxes, axisIsRate, checkAxesCombine, axisValues, type Axis } from './axis';
import { runPoolLoss, type StressEngine } from './engine';
import type { ReportTable } from './reportTable';

export const GRID_METRICS = ['wal', 'yield', 'loss', 'duration', 'lastPeriod', 'interestShortfall'] as const;
export type GridMetric = (typeof GRID_METRICS)[number];

export interface GridSpec {
  /** Columns. */
  x: Axis;
  /** Rows. */
  y: Axis;
  /** The metric a table or heat map shows (cells carry all of them). */
  metric: GridMetric;
  /** The class a table or heat map shows. */
  tranche: string;
  /** Base scenario name (default: the deal's first). */
  scenario?: string;
}

export interface GridCell {
  /** Position in `gridJobs` order (row-major: y outer, x inner). */
  index: number;
  ix: number;
  iy: number;
  x: number;
  y: number;
}

export interface TrancheCellMetrics {
  /** Years; null when the class pays no principal. */
  wal: number | null;
  /** Bond-equivalent yield at the class's price; null when not computed or no solution. */
  yield: number | null;
  modifiedDuration: number | null;
  /** Principal loss / original balance. */
  lossPct: number;
  principalLoss: number;
  /** Unpaid interest at the end (money). */
  interestShortfall: number;
  /** Last period paying principal; null when none. */
  lastPeriod: number | null;
}

export interface GridCellResult extends GridCell {
  poolLossPct: number;
  cashConserved: boolean;
  tranches: Record<string, TrancheCellMetrics>;
}

export interface GridResult {
  spec: GridSpec;
  scenarioName: string;
  xValues: number[];
  yValues: number[];
  trancheIds: string[];
  /** In `gridJobs` order. */
  cells: GridCellResult[];
}

/** Yield and duration need the analytics pass; the other metrics come from the cash flows. */
export function metricNeedsAnalytics(metric: GridMetric): boolean {
  return metric === 'yield' || metric === 'duration' || metric === 'wal';
}

export function gridJobs(spec: Pick<GridSpec, 'x' | 'y'>): GridCell[] {
  checkAxesCombine(spec.x.kind, spec.y.kind);
  const xs = axisValues(spec.x);
  const ys = axisValues(spec.y);
  const cells: GridCell[] = [];
  ys.forEach((y, iy) => xs.forEach((x, ix) => cells.push({ index: cells.length, ix, iy, x, y })));
  return cells;
}

/** The cell's scenario; swapping the two axes gives the same scenario (see `applyAxes`). */
export function cellScenario(base: Scenario, spec: Pick<GridSpec, 'x' | 'y'>, cell: GridCell): Scenario {
  checkAxesCombine(spec.x.kind, spec.y.kind);
  const s = applyAxes(base, [
    { kind: spec.y.kind, value: cell.y },
    { kind: spec.x.kind, value: cell.x },
  ]);
  return { ...s, name: `${base.name} [${spec.y.kind}=${cell.y}, ${spec.x.kind}=${cell.x}]` };
}

/**
 * What the grid's axes mean for this scenario where that is not obvious, in plain words for the screen and the
 * report: a multiple beside a CDR axis scales that CDR, and on a CNL scenario the severity axis keeps the net
 * loss budget and changes gross defaults and recoveries.
 */
export function gridAxisNotes(spec: Pick<GridSpec, 'x' | 'y'>, base: Scenario): string[] {
  const kinds = [spec.x.kind, spec.y.kind];
  const notes: string[] = [];
  if (kinds.includes('lossMultiple') && kinds.includes('cdr'))
    notes.push('The loss multiple scales each column’s or row’s CDR (2× on 10% CDR runs 20% CDR).');
  if (kinds.includes('prepaymentMultiple') && (kinds.includes('cpr') || kinds.includes('absSpeed')))
    notes.push('The prepayment multiple scales each CPR / ABS speed of the other axis.');
  if (kinds.includes('severity') && base.default.model === 'CNL' && !kinds.includes('cdr'))
    notes.push(
      'This scenario sets a cumulative net loss, so the severity axis keeps the net loss and changes gross defaults and recoveries (defaults = CNL × timing / severity).',
    );
  return notes;
}

function lastPrincipalPeriod(t: RunResult['tranches'][number]): number | null {
  if (t.principalWindow) return t.principalWindow.last;
  for (let i = t.cashflows.length - 1; i >= 0; i--) {
    const row = t.cashflows[i]!;
    if (row.principal > 0) return row.period;
  }
  return null;
}

export function trancheMetrics(result: RunResult): Record<string, TrancheCellMetrics> {
  const out: Record<string, TrancheCellMetrics> = {};
  for (const t of result.tranches) {
    out[t.id] = {
      wal: t.wal,
      yield: t.yield,
      modifiedDuration: t.modifiedDuration,
      lossPct: t.originalBalance > 0 ? t.principalLoss / t.originalBalance : 0,
      principalLoss: t.principalLoss,
      interestShortfall: t.interestShortfall,
      lastPeriod: lastPrincipalPeriod(t),
    };
  }
  return out;
}

export function runGridCell(
  engine: StressEngine,
  base: Scenario,
  spec: Pick<GridSpec, 'x' | 'y' | 'metric'>,
  cell: GridCell,
): GridCellResult {
  const result = engine.run(cellScenario(base, spec, cell), { analytics: metricNeedsAnalytics(spec.metric) });
  return {
    ...cell,
    poolLossPct: runPoolLoss(result),
    cashConserved: result.checks.cashConserved,
    tranches: trancheMetrics(result),
  };
}

/** Puts cells (in any order, e.g. as workers finish) back into `gridJobs` order. */
export function assembleGrid(
  spec: GridSpec,
  scenarioName: string,
  trancheIds: string[],
  cells: readonly GridCellResult[],
): GridResult {
  const xValues = axisValues(spec.x);
  const yValues = axisValues(spec.y);
  const n = xValues.length * yValues.length;
  const ordered: GridCellResult[] = new Array<GridCellResult>(n);
  for (const c of cells) ordered[c.index] = c;
  for (let i = 0; i < n; i++) if (!ordered[i]) throw new Error(`grid cell ${i} is missing`);
  return { spec, scenarioName, xValues, yValues, trancheIds, cells: ordered };
}

/** Runs a grid in-line (tests, small grids, a browser Web Worker); Node hosts spread cells over workers. */
export function runGridInline(
  engine: StressEngine,
  base: Scenario,
  spec: GridSpec,
  onProgress?: (done: number, total: number) => void,
): GridResult {
  const jobs = gridJobs(spec);
  const cells = jobs.map((cell, i) => {
    const r = runGridCell(engine, base, spec, cell);
    onProgress?.(i + 1, jobs.length);
    return r;
  });
  const ids = cells[0] ? Object.keys(cells[0].tranches) : [];
  return assembleGrid(spec, base.name, ids, cells);
}

export function cellMetric(cell: GridCellResult, tranche: string, metric: GridMetric): number | null {
  const t = cell.tranches[tranche];
  if (!t) throw new RangeError(`no tranche '${tranche}' in the grid`);
  switch (metric) {
    case 'wal':
      return t.wal;
    case 'yield':
      return t.yield;
    case 'loss':
      return t.lossPct;
    case 'duration':
      return t.modifiedDuration;
    case 'lastPeriod':
      return t.lastPeriod;
    case 'interestShortfall':
      return t.interestShortfall;
  }
}

/** The metric as a matrix: rows follow the y axis, columns the x axis (a heat map's data). */
export function gridMatrix(
  grid: GridResult,
  tranche = grid.spec.tranche,
  metric = grid.spec.metric,
): (number | null)[][] {
  const nx = grid.xValues.length;
  return grid.yValues.map((_, iy) =>
    grid.xValues.map((__, ix) => cellMetric(grid.cells[iy * nx + ix]!, tranche, metric)),
  );
}

function metricFormat(metric: GridMetric): ReportTable['columns'][number]['format'] {
  switch (metric) {
    case 'yield':
    case 'loss':
      return 'percent';
    case 'lastPeriod':
      return 'integer';
    case 'interestShortfall':
      return 'money';
    default:
      return 'number';
  }
}

/** An axis value as a short header: percent for rates, plain for multiples and months. */
export function formatAxisValue(kind: Axis['kind'], v: number): string {
  if (axisIsRate(kind)) return `${Number((v * 100).toFixed(4))}%`;
  if (kind === 'lagMonths') return `${Math.round(v)}m`;
  return `${Number(v.toFixed(4))}x`;
}

/** An axis value as a short header in the sheet's language: percent for rates, plain for multiples and months. */
function axisValueText(t: TFunction, kind: Axis['kind'], v: number): string {
  if (axisIsRate(kind)) return t('sheets:grid.percent', { v: Number((v * 100).toFixed(4)) });
  if (kind === 'lagMonths') return t('sheets:grid.months', { v: Math.round(v) });
  return t('sheets:grid.times', { v: Number(v.toFixed(4)) });
}

/** The grid as an Excel sheet for the report: one row per y value, one column per x value. */
export function gridReportTable(
  grid: GridResult,
  t: TFunction = translator('en'),
  tranche = grid.spec.tranche,
  metric = grid.spec.metric,
): ReportTable {
  const { x, y } = grid.spec;
  const matrix = gridMatrix(grid, tranche, metric);
  const xName = t(`sheets:grid.axis.${x.kind}`);
  const yName = t(`sheets:grid.axis.${y.kind}`);
  const columns: ReportTable['columns'] = [
    { key: 'y', header: t('sheets:grid.corner', { y: yName, x: xName }), format: 'text' },
    ...grid.xValues.map((v, i) => ({
      key: `x${i}`,
      header: axisValueText(t, x.kind, v),
      format: metricFormat(metric),
    })),
  ];
  const rows = matrix.map((row, iy) => {
    const r: Record<string, string | number | null> = { y: axisValueText(t, y.kind, grid.yValues[iy]!) };
    row.forEach((v, ix) => (r[`x${ix}`] = v));
    return r;
  });
  return {
    sheetName: t('sheets:grid.sheet', { tranche, metric: t(`sheets:grid.metricShort.${metric}`) }).slice(
      0,
      31,
    ),
    title: t('sheets:grid.title', {
      metric: t(`sheets:grid.metric.${metric}`),
      tranche,
      y: yName,
      x: xName,
      scenario: grid.scenarioName,
    }),
    columns,
    rows,
  };
}
