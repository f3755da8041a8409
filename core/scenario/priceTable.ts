/**
 * The prospectus "decrement and yield table" of one class: rows are prices (or Z-spreads over a curve), columns
 * scenarios (the deal's, or one per CPR of a set, defaults as the base scenario's); each cell prices the class's
 * cash flows under that column's run (../analytics/classPricing.ts): yield, Z-spread or price, modified duration
 * and spread to the curve at the WAL. WAL, principal window and principal loss belong to the column (the run),
 * not to the price. One deal run per column.
 */
import {
  priceClass,
  type ClassPricing,
  type ClassPricingOptions,
  type PriceQuote,
} from '../analytics/classPricing';
import type { DiscountCurve } from '../analytics/curve';
import type { Deal, Scenario } from '../deal/schema';
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import type { ReportTable } from '../io/report/reportTable';
import { applyAxis } from './axis';
import { findTranche, type StressEngine } from './engine';

export interface PriceTableColumn {
  scenario: string;
  wal: number | null;
  firstPrincipalDate: string | null;
  lastPrincipalDate: string | null;
  principalLoss: number;
  cells: ClassPricing[];
}

export interface PriceTable {
  trancheId: string;
  settlementDate: string;
  curveAsOf: string;
  rows: PriceQuote[];
  columns: PriceTableColumn[];
}

export interface PriceTableOptions extends ClassPricingOptions {
  tranche: string;
  columns: readonly Scenario[];
  rows: readonly PriceQuote[];
  curve: DiscountCurve;
}

/** Rows `from`, `from + step`, … up to `to` (inclusive to a thousandth of the step). */
export function priceRows(from: number, to: number, step: number): PriceQuote[] {
  if (!(step > 0) || !(to >= from)) throw new RangeError('price rows need from ≤ to and a positive step');
  const n = Math.floor((to - from) / step + 1e-3);
  if (n > 200) throw new RangeError('at most 200 price rows');
  return Array.from({ length: n + 1 }, (_, i) => ({
    kind: 'price',
    clean: Number((from + i * step).toFixed(10)),
  }));
}

export function spreadRows(spreads: readonly number[]): PriceQuote[] {
  return spreads.map((spread) => ({ kind: 'spread', spread }));
}

/** One column per CPR on the base scenario (its defaults, severity and lag kept), named "CPR x%". */
export function cprColumns(base: Scenario, cprs: readonly number[]): Scenario[] {
  return cprs.map((c) => ({ ...applyAxis(base, 'cpr', c), name: `CPR ${Number((c * 100).toFixed(4))}%` }));
}

export function priceYieldTable(engine: StressEngine, deal: Deal, opts: PriceTableOptions): PriceTable {
  if (opts.columns.length === 0) throw new RangeError('a price/yield table needs at least one scenario');
  if (opts.rows.length === 0) throw new RangeError('a price/yield table needs at least one price or spread');
  const columns = opts.columns.map((scenario): PriceTableColumn => {
    const tr = findTranche(engine.run(scenario, { analytics: false }), opts.tranche);
    const cells = opts.rows.map((q) => priceClass(deal, scenario, tr, opts.curve, q, opts));
    const first = cells[0]!;
    return {
      scenario: scenario.name,
      wal: first.wal,
      firstPrincipalDate: first.firstPrincipalDate,
      lastPrincipalDate: first.lastPrincipalDate,
      principalLoss: tr.principalLoss,
      cells,
    };
  });
  return {
    trancheId: opts.tranche,
    settlementDate: columns[0]!.cells[0]!.settlementDate,
    curveAsOf: opts.curve.asOf,
    rows: [...opts.rows],
    columns,
  };
}

const bp = (x: number | null): number | null => (x === null ? null : Number((x * 10_000).toFixed(2)));

/**
 * The table as a report sheet: one row per price (or spread), and per scenario its yield, Z-spread (or price),
 * modified duration, spread to the curve and WAL, so it goes into the Excel report with the other analyses.
 */
export function priceTableReportTable(
  table: PriceTable,
  curveName: string,
  t: TFunction = translator('en'),
): ReportTable {
  const byPrice = table.rows[0]?.kind !== 'spread';
  const columns: ReportTable['columns'] = [
    {
      key: 'quote',
      header: byPrice ? t('sheets:priceTable.price') : t('sheets:priceTable.spread'),
      format: 'number',
    },
  ];
  table.columns.forEach((c, j) => {
    const scenario = c.scenario;
    columns.push(
      { key: `y${j}`, header: t('sheets:priceTable.yield', { scenario }), format: 'percent' },
      byPrice
        ? { key: `z${j}`, header: t('sheets:priceTable.zSpread', { scenario }), format: 'number' }
        : { key: `p${j}`, header: t('sheets:priceTable.cleanPrice', { scenario }), format: 'number' },
      { key: `d${j}`, header: t('sheets:priceTable.modifiedDuration', { scenario }), format: 'number' },
      { key: `s${j}`, header: t('sheets:priceTable.spreadToCurve', { scenario }), format: 'number' },
      { key: `w${j}`, header: t('sheets:priceTable.wal', { scenario }), format: 'number' },
    );
  });
  const rows = table.rows.map((q, i) => {
    const row: ReportTable['rows'][number] = { quote: q.kind === 'price' ? q.clean : bp(q.spread) };
    table.columns.forEach((c, j) => {
      const cell = c.cells[i]!;
      row[`y${j}`] = cell.yield;
      if (byPrice) row[`z${j}`] = bp(cell.zSpread);
      else row[`p${j}`] = cell.cleanPrice;
      row[`d${j}`] = cell.modifiedDuration;
      row[`s${j}`] = bp(cell.spreadToCurveAtWal);
      row[`w${j}`] = c.wal;
    });
    return row;
  });
  return {
    sheetName: t('sheets:priceTable.sheet', { tranche: table.trancheId }),
    title: t('sheets:priceTable.title', {
      tranche: table.trancheId,
      curve: curveName,
      asOf: table.curveAsOf,
      settlement: table.settlementDate,
    }),
    columns,
    rows,
  };
}
