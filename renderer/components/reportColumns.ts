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
 * A header's wrap pieces: a run of Chinese (CJK and full-width punctuation) at most four characters long — a
 * two-character word and its neighbour stay on one line — or a run of anything else.
 */
const PIECE = /[\u3000-\u9fff\uff00-\uffef]{1,4}|[^\u3000-\u9fff\uff00-\uffef]+/g;

/**
 * The pieces a header may wrap between: its words at spaces and, since Chinese has no spaces and the browser
 * breaks it between any two characters, each run of Chinese in chunks. Measured whole, a Chinese header
 * (加权平均期限（年）) would widen its column to the full header instead of wrapping.
 */
export function headerPieces(header: string): string[] {
  return header.split(/\s+/).flatMap((w) => w.match(PIECE) ?? []);
}

/**
 * The width a column needs: its header's longest piece (headers wrap at spaces and within Chinese, bold) or
 * its widest text, whichever is wider, plus padding.
 */
export function columnWidth(
  header: string,
  texts: readonly string[],
  measure: (text: string, bold: boolean) => number,
): number {
  let px = Math.max(0, ...headerPieces(header).map((w) => measure(w, true)));
  for (const t of texts) px = Math.max(px, measure(t, false));
  return Math.ceil(px + PADDING_PX);
}

/**
 * A report column's natural width, from its first rows. Columns then share the card in proportion to it, so
 * long text gets the room and figures never clip.
 */
export function naturalWidth(
  c: ReportColumn,
  rows: readonly Row[],
  numberText: (n: number) => string,
  measure: (text: string, bold: boolean) => number,
): number {
  const texts = rows.slice(0, SAMPLE_ROWS).map((r) => reportCellText(r[c.key], c.format, numberText));
  return columnWidth(c.header, texts, measure);
}
