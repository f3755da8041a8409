/**
 * Vintage tables as published (Reg AB static-pool exhibits, Chinese shelf static-pool data): rows are vintages,
 * columns periods on book, values cumulative (amounts or % of original balance), blank where not yet observed.
 * Values stay in the table's own units: "2.31%" reads as 2.31 with the unit `percent`.
 */
import { parseNumber, type ParsedNumber } from '../io/tape/values';
import type { VintageCurves } from './analysis';
import type { Triangle } from './chainLadder';

export interface TableProblem {
  /** 1-based row of the table (the header is row 1). */
  row: number;
  column: string;
  reason: 'badNumber' | 'valueAfterBlank' | 'decreasing' | 'badPeriod';
  value: string;
}

export interface VintageTable extends Triangle {
  periods: number[];
  unit: 'percent' | 'amount';
  problems: TableProblem[];
}

const PERIOD = /(\d+)/;

/** Reads a table from split rows (CSV or sheet): the first non-empty row is the header. */
export function readVintageTable(rows: readonly (readonly string[])[]): VintageTable {
  const problems: TableProblem[] = [];
  const start = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = rows[start] ?? [];
  const periods: number[] = [];
  for (let j = 1; j < header.length; j++) {
    const h = header[j]!.trim();
    if (h === '') continue;
    const m = PERIOD.exec(h);
    if (!m) {
      problems.push({ row: start + 1, column: h, reason: 'badPeriod', value: h });
      break;
    }
    periods.push(Number(m[1]));
  }
  const origins: string[] = [];
  const values: number[][] = [];
  let percent = false;
  const pn: ParsedNumber = { value: 0, percent: false };
  for (let i = start + 1; i < rows.length; i++) {
    const r = rows[i]!;
    const label = (r[0] ?? '').trim();
    if (label === '' && r.every((c) => c.trim() === '')) continue;
    const row: number[] = [];
    let ended = false;
    for (let j = 0; j < periods.length; j++) {
      const raw = (r[j + 1] ?? '').trim();
      if (raw === '') {
        ended = true;
        continue;
      }
      if (ended) {
        problems.push({ row: i + 1, column: header[j + 1]!, reason: 'valueAfterBlank', value: raw });
        continue;
      }
      const v = parseNumber(raw, pn);
      if (Number.isNaN(v)) {
        problems.push({ row: i + 1, column: header[j + 1]!, reason: 'badNumber', value: raw });
        ended = true;
        continue;
      }
      if (pn.percent) percent = true;
      const own = pn.percent ? v * 100 : v;
      if (row.length > 0 && own < row[row.length - 1]! - 1e-9)
        problems.push({ row: i + 1, column: header[j + 1]!, reason: 'decreasing', value: raw });
      row.push(own);
    }
    origins.push(label);
    values.push(row);
  }
  return { origins, values, periods, unit: percent ? 'percent' : 'amount', problems };
}

export type HistoryMeasure = 'netLoss' | 'grossDefault' | 'prepayment';

/** A history's vintages as a cumulative triangle by month on book 1 … maxMob (amounts). */
export function historyTriangle(
  curves: readonly VintageCurves[],
  measure: HistoryMeasure = 'netLoss',
): Triangle {
  const pick = (c: VintageCurves): number[] =>
    measure === 'netLoss' ? c.cumNetLoss : measure === 'grossDefault' ? c.cumDefault : c.cumPrepayment;
  const n = Math.max(0, ...curves.map((c) => c.maxMob));
  return {
    origins: curves.map((c) => (c.segment === '' ? c.vintage : `${c.vintage} ${c.segment}`)),
    values: curves.map((c) => pick(c).slice(1, c.maxMob + 1)),
    periods: Array.from({ length: n }, (_, k) => k + 1),
  };
}
