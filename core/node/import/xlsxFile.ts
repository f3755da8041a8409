/**
 * Spreadsheet tapes (XLSX/XLS): parsed by SheetJS in a worker thread with a heap limit, a file-size limit
 * and a timeout that terminates the worker. What comes back is checked cell by cell and copied into fresh
 * string arrays before it touches the import, so no object the library built ever reaches our realm.
 * The parse is `core/io/tape/sheetParse.mjs`, the check `core/io/tape/sheetMessage.ts` (both shared with the UI).
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CSV_LIMITS, TapeFormatError, TapeLimitError } from '../../io/tape/csv';
import type { BuildResult } from '../../io/tape/poolBuilder';
import {
  checkSheetMessage,
  SPREADSHEET_LIMITS,
  spreadsheetKind,
  type SheetRows,
} from '../../io/tape/sheetMessage';
import { importTapeRows, type TapeImportOptions } from '../../io/tape/tapeStream';

// The checks are pure and shared with the UI's sheet reader; re-exported for the importer and its tests.
export { checkSheetMessage, spreadsheetKind, type SheetRows };

export interface SpreadsheetOptions extends TapeImportOptions {
  /** Sheet to read (default: the first). */
  sheet?: string;
  /** Largest file accepted (default 100 MB: a compressed sheet expands many times in memory). */
  maxBytes?: number;
  /** Worker time limit in ms (default 120 s). */
  timeoutMs?: number;
  /** Worker heap limit in MB (default 2048). */
  maxHeapMb?: number;
  /** Called when parsing starts and when the sheet's rows are in (the worker parses in one go). */
  onProgress?: (p: { bytesRead: number; totalBytes: number; rowsRead: number; elapsedMs: number }) => void;
}

export async function readSpreadsheetRows(path: string, opts: SpreadsheetOptions = {}): Promise<SheetRows> {
  const info = await stat(path);
  const maxBytes = opts.maxBytes ?? SPREADSHEET_LIMITS.maxBytes;
  if (info.size > maxBytes)
    throw new TapeLimitError(
      `${path}: ${info.size} bytes is more than the ${maxBytes}-byte limit for spreadsheets`,
    );
  const head = new Uint8Array(8);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  const kind = spreadsheetKind(head);
  if (kind === null) {
    throw new TapeFormatError(
      `${path}: not an Excel workbook (no XLSX/ZIP or XLS signature); for CSV text use a .csv name`,
    );
  }
  const maxRows = opts.maxRows ?? SPREADSHEET_LIMITS.maxRows;
  const timeoutMs = opts.timeoutMs ?? SPREADSHEET_LIMITS.timeoutMs;
  const maxCellChars = (opts.limits ?? DEFAULT_CSV_LIMITS).maxCellChars;
  const msg = await new Promise<unknown>((resolve, reject) => {
    const worker = new Worker(new URL('./xlsxWorker.mjs', import.meta.url), {
      workerData: { path, sheet: opts.sheet, maxRows, maxCellChars },
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: opts.maxHeapMb ?? 2048,
        maxYoungGenerationSizeMb: 64,
        stackSizeMb: 4,
      },
      stdout: true,
      stderr: true,
    });
    // Drained and dropped: the library's console chatter is not our output.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const done = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      done(() =>
        reject(
          new TapeLimitError(
            `${path}: spreadsheet parsing took longer than ${timeoutMs / 1000} s and was stopped`,
          ),
        ),
      );
      void worker.terminate();
    }, timeoutMs);
    worker.once('message', (m: unknown) => {
      done(() => resolve(m));
      void worker.terminate();
    });
    worker.once('error', (err: Error & { code?: string }) => {
      done(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new TapeLimitError(
                `${path}: the spreadsheet needs more than ${opts.maxHeapMb ?? 2048} MB to parse`,
              )
            : new TapeFormatError(`${path}: cannot read the spreadsheet: ${err.message}`),
        ),
      );
    });
    worker.once('exit', (code) => {
      done(() =>
        reject(
          new TapeFormatError(
            `${path}: the spreadsheet reader stopped (exit code ${code}) without an answer`,
          ),
        ),
      );
    });
  });
  return checkSheetMessage(msg, path, kind);
}

export async function importSpreadsheetFile(
  path: string,
  opts: SpreadsheetOptions = {},
): Promise<BuildResult> {
  const t0 = performance.now();
  const info = await stat(path);
  opts.onProgress?.({ bytesRead: 0, totalBytes: info.size, rowsRead: 0, elapsedMs: 0 });
  const sheet = await readSpreadsheetRows(path, opts);
  opts.onProgress?.({
    bytesRead: info.size,
    totalBytes: info.size,
    rowsRead: sheet.rows.length,
    elapsedMs: performance.now() - t0,
  });
  const result = importTapeRows(
    sheet.rows,
    {
      name: basename(path),
      format: sheet.format,
      bytes: info.size,
      sheet: sheet.sheet,
      sheets: sheet.sheets,
      ...(sheet.date1904 ? { date1904: true } : {}),
    },
    opts,
    sheet.rowNumbers,
  );
  result.report.elapsedMs = Math.round(performance.now() - t0);
  return result;
}
