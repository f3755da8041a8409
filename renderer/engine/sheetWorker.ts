/// <reference lib="webworker" />
/**
 * The spreadsheet worker: one workbook per worker, parsed by SheetJS and answered as plain rows, then the
 * worker is terminated. It is separate from the engine worker because SheetJS's registry release has
 * prototype-pollution and ReDoS advisories: whatever a hostile file does to this realm dies with it, and
 * no untrusted workbook is ever parsed in the engine's realm (which only uses SheetJS to write our own report). The parse is the CLI worker's (`sheetParse.mjs`).
 */
import * as XLSX from 'xlsx';
import { parseSheet } from '../../core/io/tape/sheetParse.mjs';

declare const self: DedicatedWorkerGlobalScope;

export interface SheetJob {
  bytes: Uint8Array;
  sheet: string | undefined;
  maxRows: number;
  maxCellChars: number;
}

self.onmessage = (event: MessageEvent<SheetJob>) => {
  const { bytes, sheet, maxRows, maxCellChars } = event.data;
  self.postMessage(parseSheet(XLSX, bytes, { sheet, maxRows, maxCellChars }));
};
