/**
 * A sheet as the report builds it: typed cells with number formats and style roles, column widths from content,
 * frozen header rows, an autofilter, and what printing and navigation need (print titles, page breaks, notes,
 * defined names, links). Kept as plain data, apart from the spreadsheet library, so the sheet builders stay
 * simple and testable; workbookWriter.ts turns it into the styled workbook.
 */
import { neutraliseText } from './cellText';
import { type CellRole, FORMAT_CODE, type NumberFormat } from './reportStyles';

export type ColumnFormat = NumberFormat | 'text';

export { FORMAT_CODE };

export interface SheetCell {
  /** null: an empty cell that only carries a style (a totals row's blank cells). */
  v: string | number | boolean | null;
  /** A live formula (without `=`); `v` is its cached value. */
  f?: string;
  /** Number format code. */
  z?: string;
  role: CellRole;
  /** Another sheet of the workbook this cell links to. */
  link?: string;
}

/** A picture placed on the sheet, anchored at a zero-based cell, `width` × `height` pixels. */
export interface SheetPicture {
  png: Uint8Array;
  title: string;
  row: number;
  col: number;
  width: number;
  height: number;
}

/** Rows of every sheet's title block (title, caption). */
export const TITLE_ROWS = 2;

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

/**
 * Headers and labels wrap (reportStyles.ts WRAPPED), so they need not set a column's width alone: a header asks
 * for about half its length (two lines), a label at most LABEL_WIDTH. Without this a tranche table's headers
 * ("Macaulay duration (years)") make every column twice as wide as its numbers, and a table fitted to one printed
 * page wide shrinks to an unreadable scale.
 */
const LABEL_WIDTH = 34;
function fittedWidth(width: number, role: CellRole): number {
  if (role === 'header') return Math.min(width + 2, Math.max(10, Math.ceil(width / 2) + 2));
  if (role === 'label') return Math.min(width + 2, LABEL_WIDTH);
  return width + 2;
}

/** Lines a wrapped text of `width` columns takes in a column `columnWidth` wide. */
export function wrappedLines(width: number, columnWidth: number): number {
  return Math.max(1, Math.ceil(width / Math.max(1, columnWidth - 1)));
}

/**
 * Lines a paragraph takes wrapped at `capacity` columns a line, as a spreadsheet wraps it: between words, or between
 * any two wide (CJK) characters, which Chinese text has no spaces between; a wide character counts two columns.
 * A word longer than a line is cut where the line ends.
 */
export function paragraphLines(text: string, capacity: number): number {
  const room = Math.max(1, capacity - 1);
  let lines = 1;
  let used = 0;
  let space = 0;
  const place = (width: number): void => {
    if (used > 0 && used + space + width > room) {
      lines++;
      used = 0;
    } else if (used > 0) used += space;
    space = 0;
    used += width;
    while (used > room) {
      lines++;
      used -= room;
    }
  };
  let word = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (word > 0) place(word);
      word = 0;
      if (ch === '\n') {
        lines++;
        used = 0;
        space = 0;
      } else space++;
      continue;
    }
    const w = textWidth(ch);
    if (w === 1) {
      word += 1;
      continue;
    }
    if (word > 0) place(word);
    word = 0;
    place(w);
  }
  if (word > 0) place(word);
  return lines;
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
  /** Cells by zero-based row, then column. */
  readonly rows: (SheetCell | undefined)[][] = [];
  private readonly factor: number;
  private readonly moneyFormat: string;
  readonly na: string;
  readonly total: string;
  private lastRow = 0;
  private lastCol = 0;
  private readonly widths: number[] = [];
  /** Rows kept visible while scrolling, and repeated at the top of every printed page. */
  freezeRows = 0;
  /** Rows repeated on each printed page when nothing is frozen (the title block). */
  printTitleRows = 0;
  filter: { firstRow: number; lastRow: number; firstCol: number; lastCol: number } | null = null;
  /** Printed upright at its natural size rather than landscape fitted to one page wide. */
  portrait = false;
  /** Rows after which a printed page ends. */
  readonly pageBreaks: number[] = [];
  /** How a figure is computed, shown as the cell's comment. */
  readonly notes: { r: number; c: number; text: string }[] = [];
  /** Workbook names of key figures. */
  readonly names: { r: number; c: number; name: string }[] = [];
  readonly pictures: SheetPicture[] = [];
  /** Cells whose text is merged with the cells to their right up to the last printed column, and wrapped there. */
  readonly spans: { r: number; c: number }[] = [];
  /** Columns whose width is set rather than fitted to content (zero-based column → characters). */
  readonly fixedWidths = new Map<number, number>();

  constructor(opts: SheetWriterOptions = {}) {
    this.factor = opts.factor ?? 1;
    this.moneyFormat = opts.moneyFormat ?? FORMAT_CODE.money;
    this.na = opts.na ?? 'n/a';
    this.total = opts.total ?? 'Total';
  }

  /** A value as its cell holds it: money divided by the scale (exactly itself in units), its format code. */
  private scaled(value: number, format: NumberFormat): { v: number; z: string } {
    if (format !== 'money') return { v: value, z: FORMAT_CODE[format] };
    return { v: this.factor === 1 ? value : value / this.factor, z: this.moneyFormat };
  }

  private put(r: number, c: number, cell: SheetCell, width: number): void {
    let row = this.rows[r];
    if (row === undefined) {
      row = [];
      this.rows[r] = row;
    }
    row[c] = cell;
    if (r > this.lastRow) this.lastRow = r;
    if (c > this.lastCol) this.lastCol = c;
    if (width > (this.widths[c] ?? 0)) this.widths[c] = width;
  }

  cell(r: number, c: number): SheetCell | undefined {
    return this.rows[r]?.[c];
  }

  /** Text from anywhere (users included), neutralised against formula injection. `fit: false` keeps titles from widening a column. */
  text(r: number, c: number, value: string, fit = true, role: CellRole = 'body'): void {
    const v = neutraliseText(value);
    this.put(r, c, { v, role }, fit ? fittedWidth(textWidth(v), role) : 0);
  }

  number(r: number, c: number, value: number, format: NumberFormat, role: CellRole = 'body'): void {
    if (!Number.isFinite(value)) {
      this.text(r, c, this.na, true, role);
      return;
    }
    const { v, z } = this.scaled(value, format);
    this.put(r, c, { v, z, role }, numberWidth(v, format));
  }

  /** An ISO date as a real Excel date; anything else is written as text so nothing is lost. */
  date(r: number, c: number, iso: string, role: CellRole = 'body'): void {
    const serial = excelDateSerial(iso);
    if (serial === null) this.text(r, c, iso, true, role);
    else this.put(r, c, { v: serial, z: FORMAT_CODE.date, role }, 12);
  }

  bool(r: number, c: number, value: boolean): void {
    this.put(r, c, { v: value, role: 'body' }, 7);
  }

  /** A live formula with its cached value, so readers that do not recalculate still show the engine's number. */
  formula(
    r: number,
    c: number,
    f: string,
    cached: number,
    format: NumberFormat,
    role: CellRole = 'body',
  ): void {
    const { v, z } = this.scaled(cached, format);
    this.put(r, c, { v, f, z, role }, numberWidth(v, format));
  }

  /** A value of a declared column format; null leaves the cell empty, a string in a number column stays text. */
  value(
    r: number,
    c: number,
    v: string | number | null | undefined,
    format: ColumnFormat,
    role: CellRole = 'body',
  ): void {
    if (v === null || v === undefined) return;
    if (format === 'date' && typeof v === 'string') this.date(r, c, v, role);
    else if (typeof v === 'string') this.text(r, c, v, true, role);
    else if (format === 'text') this.text(r, c, String(v), true, role);
    else this.number(r, c, v, format, role);
  }

  /** The sheet's title (row `r`), not widening its column. */
  title(r: number, text: string): void {
    this.text(r, 0, text, false, 'title');
  }

  /** A line under the title saying what the sheet is of (deal, scenario, run date, unit). */
  caption(r: number, text: string): void {
    this.text(r, 0, text, false, 'caption');
  }

  /**
   * The title block every sheet opens with: its title, then a caption of the deal, scenario, run date and unit.
   * Returns the first row below it. The block is repeated on every printed page unless rows below are frozen.
   */
  titleBlock(title: string, caption: string): number {
    this.title(0, title);
    this.caption(1, caption);
    this.printTitleRows = TITLE_ROWS;
    return TITLE_ROWS;
  }

  /** A section heading within a sheet. */
  section(r: number, text: string): void {
    this.text(r, 0, text, false, 'section');
  }

  /**
   * A long text (a deal's description) wrapped within the printed page: merged from column `c` to the sheet's last
   * printed column, which is only known once the sheet is built, its row as tall as its lines.
   */
  paragraph(r: number, c: number, text: string): void {
    this.text(r, c, text, false, 'paragraph');
    this.spans.push({ r, c });
  }

  /** A note below a table, in the note style, not widening its column. */
  note(r: number, text: string): void {
    this.text(r, 0, text, false, 'note');
  }

  /** Gives the cells of row `r`, columns `from`..`to`, the style `role`, styling the blank ones too. */
  styleRow(r: number, from: number, to: number, role: CellRole): void {
    for (let c = from; c <= to; c++) {
      const cell = this.cell(r, c);
      if (cell) cell.role = role;
      else this.put(r, c, { v: null, role }, 0);
    }
  }

  /** A link to another sheet of the workbook, showing `text`. */
  link(r: number, c: number, text: string, sheet: string): void {
    const v = neutraliseText(text);
    this.put(r, c, { v, role: 'link', link: sheet }, textWidth(v) + 2);
  }

  /** A comment on the cell saying how its figure is computed. */
  comment(r: number, c: number, text: string): void {
    this.notes.push({ r, c, text });
  }

  /** A workbook name for the cell (a key figure a reader's own formulas can refer to). */
  defineName(r: number, c: number, name: string): void {
    this.names.push({ r, c, name });
  }

  autofilter(firstRow: number, lastRow: number, firstCol: number, lastCol: number): void {
    this.filter = { firstRow, lastRow, firstCol, lastCol };
  }

  /** Zero-based last row and column written. */
  get extent(): { lastRow: number; lastCol: number } {
    return { lastRow: this.lastRow, lastCol: this.lastCol };
  }

  /** Column widths in characters, fitted to content within bounds (or as fixed). */
  columnWidths(): number[] {
    const cols: number[] = [];
    for (let c = 0; c <= this.lastCol; c++) {
      cols.push(this.fixedWidths.get(c) ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, this.widths[c] ?? 0)));
    }
    return cols;
  }
}
