/**
 * Reads a performance history's rows (CSV text in chunks, or a sheet's rows) into a HistoryAccumulator: the
 * header finds the columns (English or Chinese names, ./fields.ts), each row is parsed into one reused object
 * and pushed, a bad cell rejects its row with the column and the reason. Reuses the tape importer's tokenizer
 * and number reader.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { CsvTokenizer, sniffDelimiter, type LineSink, type RowSink } from '../io/tape/csv';
import { codeKey, findColumn } from '../io/tape/mapping';
import { parseNumber, plainNumberAt, shiftDecimal, type ParsedNumber } from '../io/tape/values';
import { HistoryAccumulator, type HistoryRejectReason, type HistoryRow } from './accumulator';
import { type HistoryField } from './fields';
import {
  historyCodec,
  mappingGaps,
  resolveHistoryColumns,
  suggestHistoryMapping,
  type HistoryCodec,
  type HistoryMapping,
} from './mapping';
import { monthAt, readMonthAs, type MonthFormat } from './months';

/** A history the reader cannot read at all (no header it knows): a coded message, so each host words it. */
export class HistoryFormatError extends Error {
  constructor(readonly problem: CoreMessage) {
    super(problem.message);
    this.name = 'HistoryFormatError';
  }
}

export type HistoryColumns = Partial<Record<HistoryField, number>> & { segment?: number };

/**
 * Resolves the header under a mapping (by default the one suggested for it); throws when a required column (or
 * both status and days past due) stays unmapped, naming the fields and the headers the file has.
 */
export function historyColumns(
  header: readonly string[],
  segment?: string,
  mapping: HistoryMapping = suggestHistoryMapping(header).mapping,
): HistoryColumns {
  const cols: HistoryColumns = resolveHistoryColumns(mapping, header);
  const gaps = mappingGaps(cols);
  const headers = header.filter((h) => h.trim() !== '').join(', ');
  if (gaps.missingRequired.length > 0)
    throw new HistoryFormatError(
      coreMessage('history.noColumn', { fields: gaps.missingRequired.join(', '), headers }),
    );
  if (gaps.missingStatus) throw new HistoryFormatError(coreMessage('history.noStatus', { headers }));
  if (segment !== undefined) {
    const i = findColumn(header, segment);
    if (i < 0) throw new HistoryFormatError(coreMessage('history.noSegmentColumn', { segment }));
    cols.segment = i;
  }
  return cols;
}

const PERIOD_HEADER = /\d/;

/**
 * Whether a header row is a loan-level history rather than a vintage table. A mapping says it is one; otherwise a
 * header whose cells after the first are mostly period numbers (1, 2, M3 …) is a table, and a header where a
 * loan id and an as-of column are found is a history. Anything else is read as a history too, so a file with
 * unfamiliar headers is refused with the fields it lacks and the headers it has, not as a malformed table.
 */
export function looksLikeHistory(header: readonly string[], mapping?: HistoryMapping): boolean {
  if (mapping !== undefined) return true;
  const s = suggestHistoryMapping(header);
  if (s.mapping.columns.loanId !== undefined && s.mapping.columns.asOf !== undefined) return true;
  const rest = header.slice(1).filter((h) => h.trim() !== '');
  return !(rest.length >= 2 && rest.filter((h) => PERIOD_HEADER.test(h)).length * 2 >= rest.length);
}

/**
 * text[from, to) when trimming would not change it (no blank or non-ASCII character at either end, where trim's
 * Unicode spaces could be), else undefined.
 */
function bareText(text: string, from: number, to: number): string | undefined {
  if (from === to) return '';
  const a = text.charCodeAt(from);
  const z = text.charCodeAt(to - 1);
  if (a <= 32 || a >= 127 || z <= 32 || z >= 127) return undefined;
  return text.slice(from, to);
}

export class HistoryRowReader {
  private readonly row: HistoryRow = {
    loanId: '',
    asOf: 0,
    origination: 0,
    originalBalance: 0,
    currentBalance: 0,
    daysPastDue: NaN,
    status: undefined,
    chargeOff: 0,
    recovery: 0,
    originalTerm: NaN,
    segment: '',
  };

  /** Where each cell of the line being read starts (cell k is [starts[k], starts[k + 1] − 1)). */
  private readonly starts: Int32Array;
  private readonly codec: HistoryCodec;
  /** Months in the reader's own formats on every line (the unsplit path reads them in place). */
  private readonly autoMonths: boolean;
  private readonly pn: ParsedNumber = { value: 0, percent: false };

  /** `mapping`: the one the columns were resolved under, for its units, month formats and codes. */
  constructor(
    private readonly cols: HistoryColumns,
    private readonly header: readonly string[],
    readonly acc: HistoryAccumulator,
    mapping?: HistoryMapping,
  ) {
    this.starts = new Int32Array(header.length + 1);
    this.codec = historyCodec(mapping, header, cols);
    this.autoMonths = this.codec.months.asOf === 'auto' && this.codec.months.originationDate === 'auto';
  }

  private fail(
    line: number,
    id: string,
    reason: HistoryRejectReason,
    col: number,
    cells: readonly string[],
  ): void {
    this.acc.reject(line, id, reason, `${this.header[col] ?? col}=${JSON.stringify(cells[col] ?? '')}`);
  }

  private month(
    cells: readonly string[],
    col: number,
    format: MonthFormat,
    line: number,
    id: string,
  ): number | undefined {
    const raw = cells[col] ?? '';
    if (raw.trim() === '') {
      this.fail(line, id, 'missingValue', col, cells);
      return undefined;
    }
    const m = readMonthAs(raw, format);
    if (Number.isNaN(m)) {
      this.fail(line, id, 'badMonth', col, cells);
      return undefined;
    }
    return m;
  }

  /** An amount in 元 (`exp`: the column's unit, unless the cell states its own); a blank optional one is 0. */
  private amount(
    cells: readonly string[],
    col: number | undefined,
    exp: number,
    required: boolean,
    line: number,
    id: string,
  ): number | undefined {
    const raw = col === undefined ? '' : (cells[col] ?? '');
    if (raw === '' || raw.trim() === '') {
      if (!required) return 0;
      this.fail(line, id, 'missingValue', col!, cells);
      return undefined;
    }
    const pn = this.pn;
    let v = parseNumber(raw, pn);
    if (exp !== 0 && (pn.unit ?? -1) < 0) v = shiftDecimal(v, exp);
    if (Number.isNaN(v)) {
      this.fail(line, id, 'badNumber', col!, cells);
      return undefined;
    }
    if (v < 0) {
      this.fail(line, id, 'negativeAmount', col!, cells);
      return undefined;
    }
    return v;
  }

  /**
   * The common row, read from the unsplit line: every cell plain (ids and segments without surrounding blanks,
   * months as YYYY-MM or YYYY-MM-DD, unsigned plain decimals, a known status code). Any other line returns false
   * and goes through `read` as split cells, which also gives every reject its reason; what this path accepts,
   * `read` would read to the same row (tests/property/historyLines.test.ts). A history has ten million lines:
   * not splitting them saves a dozen strings per line.
   */
  readLine(buf: string, start: number, end: number, delim: number, line: number): boolean {
    const st = this.starts;
    const n = this.header.length;
    let k = 0;
    st[0] = start;
    for (let i = start; i < end; i++) {
      const ch = buf.charCodeAt(i);
      if (ch === delim) {
        if (++k >= n) return false;
        st[k] = i + 1;
      } else if (ch === 13) return false;
    }
    if (k !== n - 1) return false;
    st[n] = end + 1;
    const c = this.cols;
    const r = this.row;
    const x = this.codec.unitExp;
    const id = bareText(buf, st[c.loanId!]!, st[c.loanId! + 1]! - 1);
    if (id === undefined || id === '') return false;
    const asOf = this.monthIn(buf, c.asOf!, this.codec.months.asOf);
    const orig = this.monthIn(buf, c.originationDate!, this.codec.months.originationDate);
    let ob = plainNumberAt(buf, st[c.originalBalance!]!, st[c.originalBalance! + 1]! - 1);
    let cb = plainNumberAt(buf, st[c.currentBalance!]!, st[c.currentBalance! + 1]! - 1);
    if (x.originalBalance !== 0) ob = shiftDecimal(ob, x.originalBalance);
    if (x.currentBalance !== 0) cb = shiftDecimal(cb, x.currentBalance);
    let co = this.optional(buf, c.chargeOffAmount, 0);
    let rec = this.optional(buf, c.recoveryAmount, 0);
    if (co !== undefined && x.chargeOffAmount !== 0) co = shiftDecimal(co, x.chargeOffAmount);
    if (rec !== undefined && x.recoveryAmount !== 0) rec = shiftDecimal(rec, x.recoveryAmount);
    const dpd = this.optional(buf, c.daysPastDue, NaN);
    const term = this.optional(buf, c.originalTerm, NaN);
    if (
      Number.isNaN(asOf) ||
      Number.isNaN(orig) ||
      Number.isNaN(ob) ||
      Number.isNaN(cb) ||
      co === undefined ||
      rec === undefined ||
      dpd === undefined ||
      term === undefined
    )
      return false;
    let status: HistoryRow['status'];
    if (c.status !== undefined) {
      const a = st[c.status]!;
      const b = st[c.status + 1]! - 1;
      if (a === b) {
        if (c.daysPastDue === undefined) return false;
      } else {
        status = this.codec.status(buf.slice(a, b));
        if (status === undefined) return false;
      }
    }
    let segment = '';
    if (c.segment !== undefined) {
      const s = bareText(buf, st[c.segment]!, st[c.segment + 1]! - 1);
      if (s === undefined) return false;
      segment = s;
    }
    r.loanId = id;
    r.asOf = asOf;
    r.origination = orig;
    r.originalBalance = ob;
    r.currentBalance = cb;
    r.chargeOff = co;
    r.recovery = rec;
    r.daysPastDue = dpd;
    r.originalTerm = term;
    r.status = status;
    r.segment = segment;
    this.acc.push(r, line);
    return true;
  }

  /** The month in cell `col` of the line: in place when written as exports write it, else in its stated format. */
  private monthIn(buf: string, col: number, format: MonthFormat): number {
    const a = this.starts[col]!;
    const b = this.starts[col + 1]! - 1;
    return this.autoMonths ? monthAt(buf, a, b) : readMonthAs(buf.slice(a, b), format);
  }

  /** An optional numeric cell of the line: `blank` when empty, its value when plain, undefined otherwise. */
  private optional(buf: string, col: number | undefined, blank: number): number | undefined {
    if (col === undefined) return blank;
    const a = this.starts[col]!;
    const b = this.starts[col + 1]! - 1;
    if (a === b) return blank;
    const v = plainNumberAt(buf, a, b);
    return Number.isNaN(v) ? undefined : v;
  }

  /** Parses and pushes one data row. */
  read(cells: readonly string[], line: number): void {
    const c = this.cols;
    const r = this.row;
    const id = (cells[c.loanId!] ?? '').trim();
    if (id === '') return this.fail(line, id, 'missingValue', c.loanId!, cells);
    r.loanId = id;
    // Unrolled, not a loop over [field, column] pairs: this runs once per loan-month, ten million times.
    const x = this.codec.unitExp;
    const asOf = this.month(cells, c.asOf!, this.codec.months.asOf, line, id);
    if (asOf === undefined) return;
    const orig = this.month(cells, c.originationDate!, this.codec.months.originationDate, line, id);
    if (orig === undefined) return;
    r.asOf = asOf;
    r.origination = orig;
    const ob = this.amount(cells, c.originalBalance!, x.originalBalance, true, line, id);
    if (ob === undefined) return;
    const cb = this.amount(cells, c.currentBalance!, x.currentBalance, true, line, id);
    if (cb === undefined) return;
    const co = this.amount(cells, c.chargeOffAmount, x.chargeOffAmount, false, line, id);
    if (co === undefined) return;
    const rec = this.amount(cells, c.recoveryAmount, x.recoveryAmount, false, line, id);
    if (rec === undefined) return;
    r.originalBalance = ob;
    r.currentBalance = cb;
    r.chargeOff = co;
    r.recovery = rec;
    r.daysPastDue = NaN;
    if (c.daysPastDue !== undefined) {
      const raw = cells[c.daysPastDue] ?? '';
      if (raw.trim() !== '') {
        let v = parseNumber(raw);
        // A bucket code the mapping translates ("M1"): looked up only when the cell is not a number.
        if (Number.isNaN(v) && this.codec.dpdCodes) v = this.codec.dpdCodes.get(codeKey(raw)) ?? NaN;
        if (Number.isNaN(v) || v < 0) return this.fail(line, id, 'badNumber', c.daysPastDue, cells);
        r.daysPastDue = v;
      }
    }
    r.originalTerm = NaN;
    if (c.originalTerm !== undefined) {
      const raw = cells[c.originalTerm] ?? '';
      if (raw.trim() !== '') {
        const v = parseNumber(raw);
        if (Number.isNaN(v) || v < 0) return this.fail(line, id, 'badNumber', c.originalTerm, cells);
        r.originalTerm = v;
      }
    }
    r.status = undefined;
    if (c.status !== undefined) {
      const raw = cells[c.status] ?? '';
      if (raw.trim() !== '') {
        const s = this.codec.status(raw);
        if (s === undefined) {
          this.acc.unknownStatus(raw.trim());
          return this.fail(line, id, 'unknownStatus', c.status, cells);
        }
        r.status = s;
      } else if (c.daysPastDue === undefined) return this.fail(line, id, 'missingValue', c.status, cells);
    }
    r.segment = c.segment === undefined ? '' : (cells[c.segment] ?? '').trim();
    this.acc.push(r, line);
  }
}

export interface HistoryReadOptions {
  segment?: string;
  /** The layout; by default the one suggested for the header (suggestHistoryMapping). */
  mapping?: HistoryMapping;
  delimiter?: string;
  maxListedRejects?: number;
}

/**
 * CSV text in chunks → accumulator. The first non-blank row is the header; the delimiter is sniffed from the
 * first chunk unless given.
 */
export class HistoryStream {
  readonly acc: HistoryAccumulator;
  private tokenizer: CsvTokenizer | undefined;
  private reader: HistoryRowReader | undefined;
  private readonly sink: RowSink;
  private readonly lines: LineSink;
  private delim = 0;
  rowsRead = 0;

  constructor(private readonly opts: HistoryReadOptions = {}) {
    this.acc = new HistoryAccumulator(opts.maxListedRejects);
    this.sink = (cells, line) => {
      if (this.reader === undefined) {
        this.reader = historyRowReader(cells, this.opts, this.acc);
        return;
      }
      this.rowsRead++;
      this.reader.read(cells, line);
    };
    this.lines = (buf, start, end, line) => {
      if (this.reader === undefined || !this.reader.readLine(buf, start, end, this.delim, line)) return false;
      this.rowsRead++;
      return true;
    };
  }

  push(text: string): void {
    if (this.tokenizer === undefined) {
      const d = this.opts.delimiter ?? sniffDelimiter(text.slice(0, 64 * 1024)).delimiter;
      this.tokenizer = new CsvTokenizer(d);
      this.delim = d.charCodeAt(0);
    }
    this.tokenizer.push(text, this.sink, this.lines);
  }

  /** Blank lines skipped (reported, so nothing leaves unseen). */
  get blankLines(): number {
    return this.tokenizer?.blankLines ?? 0;
  }

  end(): HistoryAccumulator {
    this.tokenizer?.end(this.sink, this.lines);
    if (this.reader === undefined) throw new HistoryFormatError(coreMessage('history.noHeader'));
    return this.acc;
  }
}

/** The reader for a header under the options' mapping (or the header's suggested one). */
function historyRowReader(
  header: readonly string[],
  opts: HistoryReadOptions,
  acc: HistoryAccumulator,
): HistoryRowReader {
  const mapping = opts.mapping ?? suggestHistoryMapping(header).mapping;
  return new HistoryRowReader(historyColumns(header, opts.segment, mapping), header, acc, mapping);
}

/** A whole history from rows already split (a sheet, or a test): the first row is the header. */
export function readHistoryRows(
  rows: readonly (readonly string[])[],
  opts: HistoryReadOptions = {},
  firstLine = 1,
): HistoryAccumulator {
  const acc = new HistoryAccumulator(opts.maxListedRejects);
  if (rows.length === 0) throw new HistoryFormatError(coreMessage('history.noHeader'));
  const reader = historyRowReader(rows[0]!, opts, acc);
  for (let i = 1; i < rows.length; i++) reader.read(rows[i]!, firstLine + i);
  return acc;
}

export function readHistoryText(text: string, opts: HistoryReadOptions = {}): HistoryAccumulator {
  const s = new HistoryStream(opts);
  s.push(text);
  return s.end();
}
