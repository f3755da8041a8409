/**
 * The History screen's job inside the engine worker: a performance history (or a published vintage table) in,
 * the vintage analysis out (core/history/analyse.ts, the CLI's own orchestration). CSV arrives as bytes and is
 * decoded as a tape is (BOM, UTF-16, UTF-8, else GB18030; decodeTape); a spreadsheet arrives as the rows the
 * sheet worker read, so no workbook is parsed here. A history is pushed through the streaming reader in
 * slices, reporting how far it has got, so the status bar moves and Cancel has something to stop.
 */
import type { TapeEncoding } from '../../core/io/tape/encoding';
import { parseCsvText, sniffDelimiter, TapeFormatError, TapeLimitError } from '../../core/io/tape/csv';
import { headerRowIndex } from '../../core/io/tape/tapeStream';
import {
  analyseHistory,
  analyseTable,
  type HistoryAnalysis,
  type TableAnalysis,
  type VintageOptions,
} from '../../core/history/analyse';
import { coreMessage, type CoreMessage } from '../../core/i18n/messages';
import {
  HistoryFormatError,
  HistoryStream,
  historyColumns,
  looksLikeHistory,
  readHistoryRows,
} from '../../core/history/reader';
import { readVintageTable } from '../../core/history/table';
import type { HistoryMapping } from '../../core/history/mapping';
import { decodeTape } from './tapeAdapter';

export interface HistoryRequest {
  kind: 'history';
  name: string;
  /** A CSV file's bytes; absent for a spreadsheet. */
  bytes?: Uint8Array;
  /** A spreadsheet's sheet as the sheet worker read it, with each row's 1-based sheet row. */
  sheet?: { rows: string[][]; rowNumbers: number[]; sheet: string };
  options: VintageOptions;
  /** The column to segment vintages by (a header name); none when absent. */
  segment?: string;
  /** The encoding chosen instead of the detected one. */
  encoding?: TapeEncoding;
  /** The history's layout from the mapping step; absent: the one suggested for its header. */
  mapping?: HistoryMapping;
}

export interface HistoryJobResult {
  name: string;
  analysis: HistoryAnalysis | TableAnalysis;
  /** Columns of a history that are not among its known fields: what vintages can be segmented by. */
  segmentFields: string[];
  segment: string | null;
  /** CSV: the encoding read; '' for a spreadsheet. */
  encoding: string;
  encodingNote?: CoreMessage;
}

/** Rejects listed for the screen (and its CSV); the counts always cover them all. */
export const MAX_LISTED_REJECTS = 100_000;
/** Characters pushed to the reader between two progress reports. */
const SLICE_CHARS = 2 * 1024 * 1024;

export type HistoryProgress = (done: number, total: number, step: 'historyRead' | 'vintages') => void;

/**
 * Header cells a history's known fields do not claim: grade, product, channel, term, region …; the mapping's
 * segment columns first.
 */
function segmentFields(header: readonly string[], mapping?: HistoryMapping): string[] {
  const cols = historyColumns(header, undefined, mapping);
  const used = new Set(Object.values(cols));
  const free = header.map((h) => h.trim()).filter((h, i) => h !== '' && !used.has(i));
  const first = (mapping?.segments ?? []).filter((s) => free.includes(s));
  return [...first, ...free.filter((h) => !first.includes(h))];
}

/** The job; a file the reader refuses (no header it knows, a bad delimiter, too many cells) names the file. */
export function analyseHistoryFile(req: HistoryRequest, progress: HistoryProgress): HistoryJobResult {
  try {
    return analyse(req, progress);
  } catch (e) {
    if (e instanceof HistoryFormatError) {
      // Coded, so the page words it in the user's language (problemOf reads `problem` across the worker).
      const problem: CoreMessage = {
        ...coreMessage('history.inFile', { file: req.name, reason: e.problem.message }),
        nested: { reason: e.problem },
      };
      throw Object.assign(new Error(problem.message), { problem });
    }
    if (e instanceof TapeFormatError || e instanceof TapeLimitError)
      throw new Error(`${req.name}: ${e.message}`);
    throw e;
  }
}

function analyse(req: HistoryRequest, progress: HistoryProgress): HistoryJobResult {
  const segOpts = {
    ...(req.segment !== undefined ? { segment: req.segment } : {}),
    ...(req.mapping !== undefined ? { mapping: req.mapping } : {}),
  };
  if (req.sheet) {
    const { rows, rowNumbers } = req.sheet;
    const h = headerRowIndex(rows);
    if (h >= rows.length) throw new Error(`${req.name}: the sheet is empty (no header row)`);
    const header = rows[h]!;
    if (!looksLikeHistory(header, req.mapping)) {
      const table = readVintageTable(rows);
      if (!table.values.some((r) => r.length > 0))
        throw new Error(`${req.name}: no vintage row in the table`);
      progress(0, 0, 'vintages');
      return {
        name: req.name,
        analysis: analyseTable(table, req.options),
        segmentFields: [],
        segment: null,
        encoding: '',
      };
    }
    progress(0, rows.length, 'historyRead');
    const acc = readHistoryRows(
      rows.slice(h),
      { ...segOpts, maxListedRejects: MAX_LISTED_REJECTS },
      (rowNumbers[h] ?? h + 1) - 1,
    );
    if (acc.rowsAccepted === 0)
      throw new Error(`${req.name}: no row was accepted (${acc.rowsRejected} rejected)`);
    progress(0, 0, 'vintages');
    return {
      name: req.name,
      analysis: analyseHistory(acc, req.options, { rowsRead: rows.length - h - 1, blankLines: 0 }),
      segmentFields: segmentFields(header, req.mapping),
      segment: req.segment ?? null,
      encoding: '',
    };
  }
  if (!req.bytes) throw new Error(`${req.name}: no file content`);
  const decoded = decodeTape(req.name, req.bytes, req.bytes.byteLength, req.encoding);
  const text = decoded.text;
  const delimiter = sniffDelimiter(text.slice(0, 64 * 1024)).delimiter;
  const firstLineEnd = text.search(/\r?\n/);
  const header = parseCsvText(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd), delimiter).rows[0] ?? [];
  const base = { name: req.name, encoding: decoded.encoding, encodingNote: decoded.noteMessage };
  if (!looksLikeHistory(header, req.mapping)) {
    const table = readVintageTable(parseCsvText(text, delimiter).rows);
    if (!table.values.some((r) => r.length > 0)) throw new Error(`${req.name}: no vintage row in the table`);
    progress(0, 0, 'vintages');
    return { ...base, analysis: analyseTable(table, req.options), segmentFields: [], segment: null };
  }
  const stream = new HistoryStream({ ...segOpts, delimiter, maxListedRejects: MAX_LISTED_REJECTS });
  for (let at = 0; at < text.length; at += SLICE_CHARS) {
    progress(at, text.length, 'historyRead');
    stream.push(text.slice(at, at + SLICE_CHARS));
  }
  const acc = stream.end();
  if (acc.rowsAccepted === 0)
    throw new Error(`${req.name}: no row was accepted (${acc.rowsRejected} rejected)`);
  progress(0, 0, 'vintages');
  return {
    ...base,
    analysis: analyseHistory(acc, req.options, { rowsRead: stream.rowsRead, blankLines: stream.blankLines }),
    segmentFields: segmentFields(header, req.mapping),
    segment: req.segment ?? null,
  };
}
