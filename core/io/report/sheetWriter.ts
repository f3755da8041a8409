/**
 * A thin writer over a SheetJS worksheet: typed cells with Excel number formats, column widths from content,
 * frozen header rows and an autofilter. Cells are set directly (not through `aoa_to_sheet`) because a 10-tranche,
 * 360-period report writes tens of thousands of them and the report budget is 3 s.
 */
import type { CellObject, WorkSheet } from 'xlsx';
import { neutraliseText } from './cellText';

export type ColumnFormat = 'money' | 'percent' | 'number' | 'date' | 'text' | 'integer';

export const FORMAT_CODE: Record<Exclude<ColumnFormat, 'text'>, string> = {
  money: '#,##0.00',
  percent: '0.00%',
  number: '#,##0.0000',
  date: 'yyyy-mm-dd',
  integer: '#,##0',
};

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 date system (whose day 0 is 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;

const columnNames: string[] = [];

export function columnName(c: number): string {
  let name = columnNames[c];
  if (name === undefined) {
    name = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    columnNames[c] = name;
  }
  return name;
}

/** A1 address of zero-based row `r`, column `c`. */
export function cellAddress(r: number, c: number): string {
  return columnName(c) + (r + 1);
}

/** Excel serial date for an ISO `YYYY-MM-DD`, or null when it is not one. */
export function excelDateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? ms / DAY_MS + UNIX_EPOCH_SERIAL : null;
}

/**
 * Columns a text takes: East Asian wide characters (CJK, kana, Hangul, full-width forms) take two, so a column
 * of Chinese headers opens wide enough to read rather than cut at half its text.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Display width estimate in characters, so columns open wide enough to show their numbers instead of ####. */
function numberWidth(v: number, format: ColumnFormat): number {
  switch (format) {
    case 'money': {
      const digits = Math.max(1, Math.floor(Math.log10(Math.abs(v) + 1)) + 1);
      return digits + Math.floor((digits - 1) / 3) + 4;
    }
    case 'percent':
      return 9;
    case 'date':
      return 10;
    case 'integer':
      return String(Math.round(v)).length + 1;
    default:
      return String(Math.round(v)).length + 7;
  }
}

/** How a writer shows money and the words it writes itself; the defaults are the report in English and in units. */
export interface SheetWriterOptions {
  /** Money cells hold `amount / factor` (an amount scale: 1e4 for 万). */
  factor?: number;
  moneyFormat?: string;
  /** Written for a number that is not finite. */
  na?: string;
  /** The label of a totals row. */
  total?: string;
}

export class SheetWriter {
  private readonly ws: WorkSheet = {};
  private readonly factor: number;
  private readonly moneyFormat: string;
  readonly na: string;
  readonly total: string;
  private lastRow = 0;
  private lastCol = 0;
  private readonly widths: number[] = [];
  /** Rows kept visible while scrolling (written after SheetJS, which cannot write panes: see freezePanes.ts). */
  freezeRows = 0;

  constructor(opts: SheetWriterOptions = {}) {
    this.factor = opts.factor ?? 1;
    this.moneyFormat = opts.moneyFormat ?? FORMAT_CODE.money;
    this.na = opts.na ?? 'n/a';
    this.total = opts.total ?? 'Total';
  }

  /** A value as its cell holds it: money divided by the scale (exactly itself in units), its format code. */
  private scaled(value: number, format: Exclude<ColumnFormat, 'text'>): { v: number; z: string } {
    if (format !== 'money') return { v: value, z: FORMAT_CODE[format] };
    return { v: this.factor === 1 ? value : value / this.factor, z: this.moneyFormat };
  }

  private put(r: number, c: number, cell: CellObject, width: number): void {
    this.ws[cellAddress(r, c)] = cell;
    if (r > this.lastRow) this.lastRow = r;
    if (c > this.lastCol) this.lastCol = c;
    if (width > (this.widths[c] ?? 0)) this.widths[c] = width;
  }

  /** Text from anywhere (users included), neutralised against formula injection. `fit: false` keeps titles from widening a column. */
  text(r: number, c: number, value: string, fit = true): void {
    const v = neutraliseText(value);
    this.put(r, c, { t: 's', v }, fit ? textWidth(v) + 2 : 0);
  }

  number(r: number, c: number, value: number, format: Exclude<ColumnFormat, 'text'>): void {
    if (!Number.isFinite(value)) {
      this.text(r, c, this.na);
      return;
    }
    const { v, z } = this.scaled(value, format);
    this.put(r, c, { t: 'n', v, z }, numberWidth(v, format));
  }

  /** An ISO date as a real Excel date; anything else is written as text so nothing is lost. */
  date(r: number, c: number, iso: string): void {
    const serial = excelDateSerial(iso);
    if (serial === null) this.text(r, c, iso);
    else this.put(r, c, { t: 'n', v: serial, z: FORMAT_CODE.date }, 12);
  }

  bool(r: number, c: number, value: boolean): void {
    this.put(r, c, { t: 'b', v: value }, 7);
  }

  /** A live formula with its cached value, so readers that do not recalculate still show the engine's number. */
  formula(r: number, c: number, f: string, cached: number, format: Exclude<ColumnFormat, 'text'>): void {
    const { v, z } = this.scaled(cached, format);
    this.put(r, c, { t: 'n', f, v, z }, numberWidth(v, format));
  }

  /** A value of a declared column format; null leaves the cell empty, a string in a number column stays text. */
  value(r: number, c: number, v: string | number | null | undefined, format: ColumnFormat): void {
    if (v === null || v === undefined) return;
    if (format === 'date' && typeof v === 'string') this.date(r, c, v);
    else if (typeof v === 'string') this.text(r, c, v);
    else if (format === 'text') this.text(r, c, String(v));
    else this.number(r, c, v, format);
  }

  autofilter(firstRow: number, lastRow: number, firstCol: number, lastCol: number): void {
    this.ws['!autofilter'] = { ref: `${cellAddress(firstRow, firstCol)}:${cellAddress(lastRow, lastCol)}` };
  }

  toSheet(): WorkSheet {
    this.ws['!ref'] = `A1:${cellAddress(this.lastRow, this.lastCol)}`;
    const cols = [];
    for (let c = 0; c <= this.lastCol; c++) {
      cols.push({ wch: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, this.widths[c] ?? 0)) });
    }
    this.ws['!cols'] = cols;
    return this.ws;
  }
}
