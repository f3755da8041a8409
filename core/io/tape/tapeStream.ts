/**
 * The import pipeline over decoded text, fed chunk by chunk: delimiter sniffing on the first chunk,
 * header row, mapping (given, or suggested from the headers), then every row through the PoolBuilder.
 * The Node reader feeds it from disk; the UI can feed it text it already holds. `importTapeRows` is the
 * same pipeline for rows that arrive already split (spreadsheets).
 */
import {
  CsvTokenizer,
  DEFAULT_CSV_LIMITS,
  TapeFormatError,
  TapeLimitError,
  parseCsvText,
  sniffDelimiter,
  type CsvLimits,
} from './csv';
import { suggestMapping, type MappingSuggestion, type TapeMapping } from './mapping';
import { PoolBuilder, type BuildResult } from './poolBuilder';
import type { ImportReport } from './report';

export interface TapeImportOptions {
  /** The mapping to use; when absent one is suggested from the headers (and reported as suggested). */
  mapping?: TapeMapping;
  cutoffDate?: string;
  /** Forces the delimiter instead of sniffing it. */
  delimiter?: string;
  limits?: CsvLimits;
  /** Most data rows accepted from one file; more is a limit error, never a silent cut. */
  maxRows?: number;
  maxListedRejects?: number;
}

const SNIFF_CHARS = 64 * 1024;

export class TapeStream {
  private tokenizer: CsvTokenizer | null = null;
  private pending = '';
  private builder: PoolBuilder | null = null;
  private headers: string[] | null = null;
  private headerLine = 1;
  private rows = 0;
  private readonly maxRows: number;
  private readonly sink = (cells: string[], line: number): void => this.onRow(cells, line);
  source: ImportReport['source'];

  constructor(
    source: ImportReport['source'],
    private readonly opts: TapeImportOptions = {},
  ) {
    this.source = { ...source };
    this.maxRows = opts.maxRows ?? 5_000_000;
  }

  /** Data rows read so far (for progress). */
  get rowsRead(): number {
    return this.rows;
  }

  push(chunk: string): void {
    if (this.tokenizer === null) {
      this.pending += chunk;
      if (this.pending.length < SNIFF_CHARS) return;
      this.start();
      const text = this.pending;
      this.pending = '';
      this.tokenizer!.push(text, this.sink);
      return;
    }
    this.tokenizer.push(chunk, this.sink);
  }

  end(extra?: { elapsedMs?: number }): BuildResult {
    if (this.tokenizer === null) {
      this.start();
      this.tokenizer!.push(this.pending, this.sink);
      this.pending = '';
    }
    this.tokenizer!.end(this.sink);
    if (this.builder === null) {
      throw new TapeFormatError(this.headers === null ? 'the file is empty (no header row)' : 'unreachable');
    }
    return this.builder.finish({ blankLines: this.tokenizer!.blankLines - (this.headerLine - 1), ...extra });
  }

  private start(): void {
    const sample = this.pending.slice(0, SNIFF_CHARS);
    let delimiter = this.opts.delimiter;
    if (delimiter === undefined) {
      const s = sniffDelimiter(sample);
      delimiter = s.delimiter;
      this.source.delimiterConfidence = s.confidence;
    }
    this.source.delimiter = delimiter;
    this.tokenizer = new CsvTokenizer(delimiter, this.opts.limits ?? DEFAULT_CSV_LIMITS);
  }

  private onRow(cells: string[], line: number): void {
    if (this.builder === null) {
      this.headers = cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      this.headerLine = line;
      this.builder = makeBuilder(this.headers, line, this.source, this.opts);
      return;
    }
    if (++this.rows > this.maxRows)
      throw new TapeLimitError(`more than ${this.maxRows} data rows (row ${line})`);
    this.builder.addRow(cells, line);
  }
}

function makeBuilder(
  headers: string[],
  headerLine: number,
  source: ImportReport['source'],
  opts: TapeImportOptions,
): PoolBuilder {
  let mapping = opts.mapping;
  let confidence: number | undefined;
  if (mapping === undefined) {
    const s = suggestMapping(headers);
    if (s.missingRequired.length > 0) {
      throw new TapeFormatError(
        `no column found for required field(s) ${s.missingRequired.join(', ')} in header row ${headerLine}; ` +
          `pass --mapping NAME|FILE (header is: ${headers.slice(0, 40).join(' | ')})`,
      );
    }
    mapping = s.mapping;
    if (s.preset === null) confidence = s.confidence;
  }
  return new PoolBuilder(headers, {
    mapping,
    source,
    headerLine,
    ...(confidence !== undefined ? { suggestedConfidence: confidence } : {}),
    ...(opts.cutoffDate !== undefined ? { cutoffDate: opts.cutoffDate } : {}),
    ...(opts.maxListedRejects !== undefined ? { maxListedRejects: opts.maxListedRejects } : {}),
  });
}

/** Imports a whole decoded text (small tapes, tests, the UI after it has read a file). */
export function importTapeText(text: string, name: string, opts: TapeImportOptions = {}): BuildResult {
  const s = new TapeStream({ name, format: 'csv' }, opts);
  s.push(text.replace(/^\uFEFF/, ''));
  return s.end();
}

/** Index of a sheet's header row: the first with a non-blank cell (rows.length when there is none). */
export function headerRowIndex(rows: readonly (readonly string[])[]): number {
  let h = 0;
  while (h < rows.length && rows[h]!.every((c) => c.trim() === '')) h++;
  return h;
}

/** How often `importTapeRows` reports progress, in rows. */
const ROWS_PROGRESS_EVERY = 20_000;

/**
 * Imports rows already split into cells (a spreadsheet's sheet): the first non-empty row is the header;
 * `rowNumbers[i]` is the 1-based sheet row of `rows[i]` (defaults to i + 1). `progress` hears rows done
 * out of the sheet's rows now and then, and once at the end.
 */
export function importTapeRows(
  rows: readonly (readonly string[])[],
  source: ImportReport['source'],
  opts: TapeImportOptions = {},
  rowNumbers?: readonly number[],
  progress?: (done: number, total: number) => void,
): BuildResult {
  const h = headerRowIndex(rows);
  if (h >= rows.length) throw new TapeFormatError(`${source.name}: the sheet is empty (no header row)`);
  const headers = rows[h]!.map((c) => c.trim());
  const builder = makeBuilder(headers, rowNumbers?.[h] ?? h + 1, source, opts);
  const maxRows = opts.maxRows ?? 5_000_000;
  let blank = 0;
  for (let i = h + 1; i < rows.length; i++) {
    if (progress && i % ROWS_PROGRESS_EVERY === 0) progress(i, rows.length);
    const r = rows[i]!;
    const line = rowNumbers?.[i] ?? i + 1;
    if (r.every((c) => c.trim() === '')) {
      blank++;
      continue;
    }
    if (i - h - blank > maxRows) throw new TapeLimitError(`more than ${maxRows} data rows (row ${line})`);
    // Spreadsheets drop trailing empty cells: pad to the header.
    const cells =
      r.length < headers.length ? [...r, ...new Array<string>(headers.length - r.length).fill('')] : r;
    builder.addRow(cells, line);
  }
  progress?.(rows.length, rows.length);
  return builder.finish({ blankLines: blank });
}

/** The mapping step's view of a tape: header, first data rows and a mapping suggestion. */
export interface RowsPreview {
  headers: string[];
  /** The first data rows, as text cells. */
  rows: string[][];
  /** 1-based line (sheet row) of each preview row. */
  lines: number[];
  suggestion: MappingSuggestion;
}

export interface TapePreview extends RowsPreview {
  delimiter: string;
  delimiterConfidence: number;
}

/** One suggestion path for text and sheets, so both preview the mapping the import would suggest. */
function previewOf(
  header: readonly string[],
  rows: string[][],
  lines: number[],
  maxRows: number,
): RowsPreview {
  const headers = header.map((h) => h.trim());
  return {
    headers,
    rows: rows.slice(0, maxRows),
    lines: lines.slice(0, maxRows),
    suggestion: suggestMapping(headers),
  };
}

/**
 * The first rows of a decoded text with the sniffed delimiter and a mapping suggestion (the UI's mapping step).
 * `partial`: the text is only the head of a file, so a quoted cell it cuts is not a malformed tape.
 */
export function previewTape(text: string, maxRows = 50, delimiter?: string, partial = false): TapePreview {
  const head = text.replace(/^\uFEFF/, '').slice(0, 512 * 1024);
  const sniffed = delimiter === undefined ? sniffDelimiter(head) : { delimiter, confidence: 1 };
  // The slice may cut the last row; parse whole lines only.
  const cut = head.length < text.length ? head.slice(0, Math.max(head.lastIndexOf('\n'), 0)) : head;
  let parsed: { rows: string[][]; lines: number[] };
  try {
    parsed = parseCsvText(cut, sniffed.delimiter);
  } catch (e) {
    if (e instanceof TapeFormatError && (partial || head.length < text.length))
      parsed = { rows: [], lines: [] };
    else throw e;
  }
  return {
    delimiter: sniffed.delimiter,
    delimiterConfidence: sniffed.confidence,
    ...previewOf(parsed.rows[0] ?? [], parsed.rows.slice(1), parsed.lines.slice(1), maxRows),
  };
}

/**
 * The same preview for rows already split into cells (a sheet): the header is the first non-blank row, as
 * `importTapeRows` takes it, and blank rows are left out of the preview as the import skips them.
 */
export function previewTapeRows(
  rows: readonly (readonly string[])[],
  rowNumbers?: readonly number[],
  maxRows = 50,
): RowsPreview {
  const h = headerRowIndex(rows);
  const body: string[][] = [];
  const lines: number[] = [];
  for (let i = h + 1; i < rows.length && body.length < maxRows; i++) {
    const r = rows[i]!;
    if (r.every((c) => c.trim() === '')) continue;
    body.push([...r]);
    lines.push(rowNumbers?.[i] ?? i + 1);
  }
  return previewOf(rows[h] ?? [], body, lines, maxRows);
}
