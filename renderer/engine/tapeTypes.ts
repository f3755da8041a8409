/**
 * The import wizard's conversation with the worker: inspect a tape, then import it with a mapping. CSV tapes
 * travel as bytes; spreadsheets as the rows the sheet worker read (no workbook is parsed in the engine worker).
 */
import type { ImportedPool, PoolProvenance } from '../../core/pool/poolFile';
import type { ImportReport } from '../../core/io/tape/report';
import type { Lang } from '../../core/i18n/lang';
import type { MappingSuggestion, TapeMapping } from '../../core/io/tape/mapping';
import type { TapeEncoding } from '../../core/io/tape/encoding';
import type { CoreMessage } from '../../core/i18n/messages';

export interface TapeInspectRequest {
  kind: 'tapeInspect';
  name: string;
  /** The tape, or only its head (tapeHead.ts): the preview reads no more than its first rows. */
  bytes: Uint8Array;
  /** Size of the whole file when `bytes` is its head. */
  fileBytes?: number;
  /** The encoding chosen in the wizard instead of the detected one. */
  encoding?: TapeEncoding;
}

export interface TapeImportRequest {
  kind: 'tapeImport';
  name: string;
  bytes: Uint8Array;
  mapping: TapeMapping;
  /** The language of the progress labels (English when absent). */
  lang?: Lang;
  /** The encoding chosen in the wizard instead of the detected one. */
  encoding?: TapeEncoding;
}

/** A spreadsheet's sheet, already read and checked on the UI thread (see sheetReader.ts). */
export interface SheetTape {
  name: string;
  format: 'xlsx' | 'xls';
  /** Size of the workbook file. */
  bytes: number;
  sheet: string;
  sheets: string[];
  rows: string[][];
  /** 1-based sheet row of each entry of `rows`. */
  rowNumbers: number[];
  /** The workbook's date serials count from 1904-01-01. */
  date1904: boolean;
}

/** Only the first rows go: the preview needs no more. */
export interface SheetInspectRequest extends SheetTape {
  kind: 'sheetInspect';
}

export interface SheetImportRequest extends SheetTape {
  kind: 'sheetImport';
  mapping: TapeMapping;
  /** The language of the progress labels (English when absent). */
  lang?: Lang;
}

export interface TapeInspection {
  /** Text encoding of a CSV tape; '' for a spreadsheet. */
  encoding: string;
  /** Why that encoding: the detector's reason, or that it was chosen in the wizard. */
  encodingNote?: string;
  /** The same, coded, for the interface language. */
  encodingNoteMessage?: CoreMessage;
  /**
   * Set when only the tape's first bytes were read: the encoding is theirs. GB18030 there holds for the whole
   * file, but UTF-8 may not (GBK text further down); the import decides from every byte.
   */
  headBytes?: number;
  /** Delimiter of a CSV tape; '' for a spreadsheet. */
  delimiter: string;
  /** Set for a spreadsheet: the sheet shown and the workbook's sheets, for the sheet selector. */
  sheet?: { name: string; names: string[] };
  headers: string[];
  /** First data rows as text, for the mapping preview. */
  rows: string[][];
  suggestion: MappingSuggestion;
}

export interface TapeImportResult {
  pool: ImportedPool;
  provenance: PoolProvenance;
  report: ImportReport;
}
