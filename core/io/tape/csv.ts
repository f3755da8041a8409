/**
 * A streaming CSV tokenizer fed with decoded text chunks (RFC 4180 plus what platforms actually write: any
 * single-character delimiter, CRLF/LF/CR line ends, quoted fields with embedded delimiters, quotes and
 * newlines). Rows are emitted with the 1-based physical line they start on, so a rejected row can be found
 * in the file with any editor. Limits on cell and row size stop a hostile file from growing memory without
 * bound (an unterminated quote would otherwise swallow the whole file).
 */

export class TapeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TapeLimitError';
  }
}

/** A malformed file (as opposed to a bad row, which is rejected and reported). */
export class TapeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TapeFormatError';
  }
}

export interface CsvLimits {
  /** Longest cell, in characters. */
  maxCellChars: number;
  /** Most cells in one row. */
  maxCells: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxCellChars: 100_000, maxCells: 2_000 };

export type RowSink = (cells: string[], line: number) => void;

/**
 * A reader that can take a quote-free line straight from the text, without it being split into cells:
 * `buf[start, end)` is the line (no line end), `line` its 1-based number. It returns false to have the line
 * split and sent to the RowSink as usual, so it only takes the lines it reads exactly as the split would.
 */
export type LineSink = (buf: string, start: number, end: number, line: number) => boolean;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private rest = '';
  private restLine = 1;
  private readonly delim: number;
  private readonly delimiter: string;
  /** Blank lines seen (not rows: reported so nothing is dropped unseen). */
  blankLines = 0;

  constructor(
    delimiter: string,
    private readonly limits: CsvLimits = DEFAULT_CSV_LIMITS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new TapeFormatError(`unusable delimiter ${JSON.stringify(delimiter)}`);
    }
    this.delim = delimiter.charCodeAt(0);
    this.delimiter = delimiter;
  }

  push(chunk: string, emit: RowSink, lines?: LineSink): void {
    if (this.rest.length === 0) {
      this.parse(chunk, false, emit, lines);
      return;
    }
    // Finish the pending row with the chunk's first line only, then parse the chunk in place: concatenating
    // the whole chunk to the leftover would copy every chunk once more.
    const lf = chunk.indexOf('\n');
    if (lf >= 0) {
      this.parse(this.rest + chunk.slice(0, lf + 1), false, emit, lines);
      if (this.rest.length === 0) {
        this.parse(chunk.slice(lf + 1), false, emit, lines);
        return;
      }
      // The pending row goes on past that line (a quoted newline): fall back to one text.
      this.parse(this.rest + chunk.slice(lf + 1), false, emit, lines);
      return;
    }
    this.parse(this.rest + chunk, false, emit, lines);
  }

  end(emit: RowSink, lines?: LineSink): void {
    this.parse(this.rest, true, emit, lines);
    this.rest = '';
  }

  private parse(buf: string, final: boolean, emit: RowSink, lines?: LineSink): void {
    const len = buf.length;
    const delim = this.delim;
    const { maxCellChars, maxCells } = this.limits;
    let i = 0;
    let line = this.restLine;
    let nextQuote = -1;
    let nextLf = -1;
    while (i < len) {
      const rowStart = i;
      const rowLine = line;
      const c0 = buf.charCodeAt(i);
      if (c0 === LF || c0 === CR) {
        // A blank line; a CR immediately followed by LF is one line end.
        if (c0 === CR && i + 1 >= len && !final) {
          this.rest = buf.slice(i);
          this.restLine = line;
          return;
        }
        i += c0 === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        this.blankLines++;
        continue;
      }
      // Fast path: a row with no quote before its LF is one line; the engine's split does the cutting.
      if (nextQuote < i) nextQuote = indexOrEnd(buf, '"', i);
      if (nextLf < i) nextLf = indexOrEnd(buf, '\n', i);
      if (nextLf < len && nextLf < nextQuote && nextLf - i <= maxCellChars) {
        const end = buf.charCodeAt(nextLf - 1) === CR ? nextLf - 1 : nextLf;
        if (lines !== undefined && lines(buf, i, end, rowLine)) {
          i = nextLf + 1;
          line++;
          continue;
        }
        const text = buf.slice(i, end);
        if (text.indexOf('\r') < 0) {
          const cells = text.split(this.delimiter);
          if (cells.length > maxCells)
            throw new TapeLimitError(`row ${rowLine}: more than ${maxCells} cells`);
          i = nextLf + 1;
          line++;
          emit(cells, rowLine);
          continue;
        }
      }
      const cells: string[] = [];
      let complete = false;
      for (;;) {
        let cell: string;
        if (buf.charCodeAt(i) === QUOTE) {
          const open = i;
          let j = i + 1;
          let from = j;
          let parts = '';
          let closed = false;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0 || q - open > maxCellChars) {
              if (q - open > maxCellChars || len - open > maxCellChars)
                throw this.tooLong(rowLine, cells.length);
              if (final) {
                throw new TapeFormatError(
                  `row ${rowLine}, column ${cells.length + 1}: a quoted field is never closed (unmatched '"')`,
                );
              }
              break;
            }
            if (q + 1 >= len && !final) break; // the next chunk may start with the escaping quote
            if (buf.charCodeAt(q + 1) === QUOTE) {
              parts += buf.slice(from, q + 1);
              j = q + 2;
              from = j;
              continue;
            }
            parts += buf.slice(from, q);
            closed = true;
            i = q + 1;
            break;
          }
          if (!closed) break;
          for (let k = open + 1; k < i; k++) {
            const ch = buf.charCodeAt(k);
            if (ch === LF || (ch === CR && buf.charCodeAt(k + 1) !== LF)) line++;
          }
          cell = parts;
          // Text after the closing quote up to the delimiter is kept, as spreadsheets do ("a"b → ab).
          const after = i;
          while (i < len) {
            const ch = buf.charCodeAt(i);
            if (ch === delim || ch === LF || ch === CR) break;
            i++;
          }
          if (i > after) cell += buf.slice(after, i);
          if (cell.length > maxCellChars) throw this.tooLong(rowLine, cells.length);
        } else {
          const start = i;
          while (i < len) {
            const ch = buf.charCodeAt(i);
            if (ch === delim || ch === LF || ch === CR) break;
            i++;
          }
          if (i - start > maxCellChars) throw this.tooLong(rowLine, cells.length);
          cell = buf.slice(start, i);
        }
        cells.push(cell);
        if (cells.length > maxCells) {
          throw new TapeLimitError(`row ${rowLine}: more than ${maxCells} cells`);
        }
        if (i >= len) {
          if (final) complete = true;
          break;
        }
        const ch = buf.charCodeAt(i);
        if (ch === delim) {
          i++;
          if (i >= len && !final) break;
          if (i >= len) {
            cells.push('');
            complete = true;
            break;
          }
          continue;
        }
        // Line end: CR LF, LF or a lone CR.
        if (ch === CR) {
          if (i + 1 >= len && !final) break;
          i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i++;
        }
        line++;
        complete = true;
        break;
      }
      if (!complete) {
        if (len - rowStart > maxCellChars * 2 + 1024 * 1024) throw this.tooLong(rowLine, cells.length);
        this.rest = buf.slice(rowStart);
        this.restLine = rowLine;
        return;
      }
      emit(cells, rowLine);
    }
    this.rest = '';
    this.restLine = line;
  }

  private tooLong(line: number, cellIndex: number): TapeLimitError {
    return new TapeLimitError(
      `row ${line}, column ${cellIndex + 1}: cell longer than ${this.limits.maxCellChars} characters`,
    );
  }
}

/** Index of `ch` at or after `from`, or the text's length when there is none. */
function indexOrEnd(text: string, ch: string, from: number): number {
  const k = text.indexOf(ch, from);
  return k < 0 ? text.length : k;
}

/** Tokenizes a whole decoded text (the UI's preview path and small tests). */
export function parseCsvText(
  text: string,
  delimiter: string,
  limits?: CsvLimits,
): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const t = new CsvTokenizer(delimiter, limits);
  const sink: RowSink = (cells, line) => {
    rows.push(cells);
    lines.push(line);
  };
  t.push(text, sink);
  t.end(sink);
  return { rows, lines };
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Guesses the delimiter from the first lines of a file: the candidate that splits the most lines into
 * the same number (> 1) of fields, quotes respected. Returns the candidates' scores so the report can say
 * how sure it was.
 */
export function sniffDelimiter(sample: string): { delimiter: string; confidence: number } {
  const lines = splitSampleLines(sample, 50);
  if (lines.length === 0) return { delimiter: ',', confidence: 0 };
  let best = ',';
  let bestScore = -1;
  let confidence = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d.charCodeAt(0)));
    const header = counts[0]!;
    if (header === 0) continue;
    const agreeing = counts.filter((c) => c === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
      confidence = agreeing / counts.length;
    }
  }
  return { delimiter: best, confidence };
}

function splitSampleLines(sample: string, max: number): string[] {
  const out: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < sample.length && out.length < max; i++) {
    const c = sample.charCodeAt(i);
    if (c === QUOTE) inQuote = !inQuote;
    else if (!inQuote && (c === LF || c === CR)) {
      if (i > start) out.push(sample.slice(start, i));
      start = i + 1;
    }
  }
  // The last line of a sample may be cut short; keep it only if it is the whole text.
  if (out.length === 0 && start < sample.length) out.push(sample.slice(start));
  return out.filter((l) => l.trim().length > 0);
}

function countOutsideQuotes(line: string, d: number): number {
  let n = 0;
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) inQuote = !inQuote;
    else if (c === d && !inQuote) n++;
  }
  return n;
}
