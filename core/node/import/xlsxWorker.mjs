// Parses a spreadsheet tape with SheetJS inside a worker thread. The registry release of `xlsx` (0.18.5)
// has prototype-pollution and ReDoS advisories, so it never runs in the app's own thread: whatever it
// does to its realm dies with this worker, and only plain arrays of strings and numbers go back.
// Plain JavaScript on purpose: it starts the same under tsx, vitest, the CLI and Electron's main process.
// The parse itself is `parseSheet`, shared with the UI's Web Worker (renderer/engine/sheetWorker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { parseSheet } from '../../io/tape/sheetParse.mjs';

const { path, sheet, maxRows, maxCellChars } = workerData;

let result;
try {
  result = parseSheet(XLSX, readFileSync(path), { sheet, maxRows, maxCellChars });
} catch (e) {
  result = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
parentPort.postMessage(result);
