/**
 * How a ReportTable column reads on screen: each cell's text in the report's format, and the width the column
 * needs for it. Pure, so the sizing can be checked without a browser; the grid passes in a real text measure.
 */
import type { ReportColumn, ReportTable } from '../../core/io/report/reportTable';
import { integer, money, pct, years } from '../format';

type Row = ReportTable['rows'][number];

/** Dates and text read left to right; every figure is right-aligned. */
export function isTextColumn(c: ReportColumn): boolean {
  return c.format === 'text' || c.format === 'date';
}

export function reportCellText(
  v: unknown,
  format: ReportColumn['format'],
  numberText: (n: number) => string = years,
): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  const n = Number(v);
  switch (format) {
    case 'percent':
      return pct(n);
    case 'money':
      return money(n);
    case 'integer':
      return integer(n);
    case 'number':
      return numberText(n);
    default:
      return String(v);
  }
}

/** Rows looked at when sizing a column; later rows of long monthly tables look like the first ones. */
const SAMPLE_ROWS = 200;
/** Cell padding both sides plus the header's resize handle. */
const PADDING_PX = 20;

/**
 * A column's natural width: its widest cell or its header's longest word (headers wrap at spaces), whichever
 * is wider. Columns then share the card in proportion to it, so long text gets the room and figures never clip.
 */
export function naturalWidth(
  c: ReportColumn,
  rows: readonly Row[],
  numberText: (n: number) => string,
  measure: (text: string, bold: boolean) => number,
): number {
  let px = Math.max(...c.header.split(/\s+/).map((w) => measure(w, true)));
  const n = Math.min(rows.length, SAMPLE_ROWS);
  for (let i = 0; i < n; i++)
    px = Math.max(px, measure(reportCellText(rows[i]![c.key], c.format, numberText), false));
  return Math.ceil(px + PADDING_PX);
}
