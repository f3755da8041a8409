/**
 * The receiving side of a spreadsheet worker, shared by the CLI (worker thread) and the UI (Web Worker):
 * recognise a workbook by its first bytes, and check the worker's answer cell by cell while copying it into
 * fresh string arrays, so no object the spreadsheet library built ever reaches our realm.
 */
import { TapeFormatError, TapeLimitError } from './csv';

export type SpreadsheetFormat = 'xlsx' | 'xls';

export interface SheetRows {
  sheet: string;
  sheets: string[];
  /** Cells as text (numbers written the way String(n) writes them). */
  rows: string[][];
  /** 1-based sheet row number of each entry of `rows`. */
  rowNumbers: number[];
  format: SpreadsheetFormat;
  /** The workbook's dates are serials in the 1904 date system. */
  date1904: boolean;
}

/** Limits both spreadsheet readers apply by default. */
export const SPREADSHEET_LIMITS = {
  /** A compressed sheet expands many times in memory. */
  maxBytes: 100 * 1024 * 1024,
  /** Excel's own row limit. */
  maxRows: 1_048_576,
  timeoutMs: 120_000,
} as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** 'xlsx' (ZIP container), 'xls' (OLE compound file) or null from the first bytes. */
export function spreadsheetKind(head: Uint8Array): SpreadsheetFormat | null {
  if (ZIP.every((b, i) => head[i] === b)) return 'xlsx';
  if (OLE.every((b, i) => head[i] === b)) return 'xls';
  return null;
}

/** Validates a spreadsheet worker's answer and copies it into fresh arrays of strings. */
export function checkSheetMessage(msg: unknown, path: string, format: SpreadsheetFormat): SheetRows {
  if (typeof msg !== 'object' || msg === null)
    throw new TapeFormatError(`${path}: malformed answer from the spreadsheet reader`);
  const m = msg as Record<string, unknown>;
  if (m.ok !== true) {
    const text = typeof m.message === 'string' ? m.message.slice(0, 500) : 'unknown error';
    if (m.limit === true) throw new TapeLimitError(`${path}: ${text}`);
    throw new TapeFormatError(`${path}: cannot read the spreadsheet: ${text}`);
  }
  if (
    !Array.isArray(m.rows) ||
    typeof m.sheet !== 'string' ||
    !Array.isArray(m.sheets) ||
    typeof m.firstRow !== 'number' ||
    !Number.isSafeInteger(m.firstRow)
  ) {
    throw new TapeFormatError(`${path}: malformed answer from the spreadsheet reader`);
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const src = m.rows as unknown[];
  for (let i = 0; i < src.length; i++) {
    const r = src[i];
    if (!Array.isArray(r))
      throw new TapeFormatError(`${path}: malformed row ${i + 1} from the spreadsheet reader`);
    const out = new Array<string>(r.length);
    for (let j = 0; j < r.length; j++) {
      const v: unknown = r[j];
      out[j] = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
    }
    rows.push(out);
    rowNumbers.push(m.firstRow + i);
  }
  return {
    sheet: m.sheet,
    sheets: (m.sheets as unknown[]).filter((s): s is string => typeof s === 'string'),
    rows,
    rowNumbers,
    format,
    date1904: m.date1904 === true,
  };
}
