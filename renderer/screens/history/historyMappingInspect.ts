/**
 * What the History screen's mapping step shows before anything is analysed: a history's header, its first rows
 * and the mapping suggested for them (core/history/mapping.ts). Only the head of a CSV is decoded here; the whole
 * file is read in the engine worker once the mapping is settled. A vintage table has no mapping step.
 */
import { looksLikeHistory } from '../../../core/history/reader';
import {
  sampleStatusCodes,
  suggestHistoryMapping,
  type HistoryMapping,
  type HistoryMappingSuggestion,
  type StatusCodeCount,
} from '../../../core/history/mapping';
import { parseCsvText, sniffDelimiter } from '../../../core/io/tape/csv';
import { detectEncoding } from '../../../core/io/tape/encoding';
import type { HistoryFile } from './historyForm';

/** Bytes of a CSV decoded for the step: enough for a header and a couple of thousand rows. */
const HEAD_BYTES = 512 * 1024;
/** Rows whose status codes are counted (and shown as the preview's source). */
export const SAMPLE_ROWS = 2000;

export interface HistoryInspection {
  header: string[];
  /** The first data rows (up to SAMPLE_ROWS). */
  rows: string[][];
  suggestion: HistoryMappingSuggestion;
}

/** The header and first rows of a history, or null when the file is a vintage table or its head cannot be read. */
export function inspectHistory(f: HistoryFile): HistoryInspection | null {
  let rows: string[][];
  if (f.sheet) rows = f.sheet.rows;
  else if (f.bytes) {
    const head = f.bytes.subarray(0, HEAD_BYTES);
    // The encoding as the worker will detect it (core/io/tape/encoding.ts); the tape importer's decoder is not
    // loaded on the page for a header.
    const guess = detectEncoding(head);
    let text: string;
    try {
      text = new TextDecoder(guess.encoding).decode(head.subarray(guess.bom));
    } catch {
      // The worker reads the whole file and reports why it cannot.
      return null;
    }
    // A cut head ends inside a row: keep whole lines only.
    if (f.bytes.byteLength > HEAD_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    rows = parseCsvText(text, sniffDelimiter(text.slice(0, 64 * 1024)).delimiter).rows;
  } else return null;
  const h = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (h < 0) return null;
  const header = rows[h]!;
  if (!looksLikeHistory(header)) return null;
  return { header, rows: rows.slice(h + 1, h + 1 + SAMPLE_ROWS), suggestion: suggestHistoryMapping(header) };
}

/** Codes in the first rows under a mapping. */
export function inspectedCodes(i: HistoryInspection, mapping: HistoryMapping): StatusCodeCount[] {
  return sampleStatusCodes(i.header, i.rows, mapping);
}

/**
 * Whether the step must be shown before the analysis: a header that is not a preset's layout, or a status code
 * in the first rows that nothing knows. A file in one of our own layouts goes straight to the analysis (its
 * mapping can still be opened and edited).
 */
export function needsMappingStep(i: HistoryInspection): boolean {
  return (
    i.suggestion.preset === null || inspectedCodes(i, i.suggestion.mapping).some((c) => c.meaning === null)
  );
}
