/**
 * Reads a spreadsheet tape's sheet on the UI side of the sheet worker: size limit before anything is
 * posted, one worker per read (terminated after, whatever happened), a time limit that terminates it, and
 * the answer checked and copied by the same `checkSheetMessage` the CLI uses. Crashes and out-of-memory
 * become errors naming the file. The app's Cancel button stops the read through the engine client.
 */
import { DEFAULT_CSV_LIMITS, TapeFormatError, TapeLimitError } from '../../core/io/tape/csv';
import {
  checkSheetMessage,
  SPREADSHEET_LIMITS,
  spreadsheetKind,
  type SheetRows,
} from '../../core/io/tape/sheetMessage';
import { translator } from '../../core/i18n';
import { headerRowIndex } from '../../core/io/tape/tapeStream';
import { i18n } from '../i18n';
import { JobCancelled, type JobProgress } from './client';
import { engine } from './engineWorker';
import type { SheetJob } from './sheetWorker';
import type { SheetTape } from './tapeTypes';

/** The slice of a Worker the reader uses, so it runs (and is tested) without the DOM. */
export interface SheetPort {
  post(job: SheetJob): void;
  listen(onMessage: (message: unknown) => void, onCrash: (message: string) => void): void;
  terminate(): void;
}

export interface SheetReadOptions {
  /** Sheet to read; the first when absent. */
  sheet?: string;
  maxBytes?: number;
  maxRows?: number;
  maxCellChars?: number;
  timeoutMs?: number;
  /** Aborting terminates the worker; the read rejects with JobCancelled. */
  signal?: AbortSignal;
  spawn?: () => SheetPort;
}

function spawnSheetWorker(): SheetPort {
  const w = new Worker(new URL('./sheetWorker.ts', import.meta.url), { type: 'module', name: 'abs-sheet' });
  return {
    // Copied, not transferred: the wizard keeps the bytes to re-read another sheet.
    post: (job) => w.postMessage(job),
    listen: (onMessage, onCrash) => {
      w.onmessage = (e: MessageEvent<unknown>) => onMessage(e.data);
      w.onmessageerror = () => onCrash('its answer could not be received');
      w.onerror = (e) => {
        e.preventDefault();
        onCrash(e.message);
      };
    },
    terminate: () => w.terminate(),
  };
}

/** A workbook by its first bytes, or by its name (a misnamed file then fails with a clear message). */
export function isSpreadsheetTape(name: string, bytes: Uint8Array): boolean {
  return spreadsheetKind(bytes) !== null || /\.(xlsx|xlsm|xls)$/i.test(name);
}

const MB = 1024 * 1024;

export function readSheetRows(
  name: string,
  bytes: Uint8Array,
  opts: SheetReadOptions = {},
): Promise<SheetRows> {
  const maxBytes = opts.maxBytes ?? SPREADSHEET_LIMITS.maxBytes;
  if (bytes.byteLength > maxBytes) {
    return Promise.reject(
      new TapeLimitError(
        `${name}: ${(bytes.byteLength / MB).toFixed(1)} MB is more than the ${maxBytes / MB} MB limit for ` +
          'spreadsheets; save the sheet as CSV',
      ),
    );
  }
  const kind = spreadsheetKind(bytes);
  if (kind === null) {
    return Promise.reject(
      new TapeFormatError(
        `${name}: not an Excel workbook (no XLSX/ZIP or XLS signature); for CSV text use a .csv name`,
      ),
    );
  }
  if (opts.signal?.aborted) return Promise.reject(new JobCancelled());
  const timeoutMs = opts.timeoutMs ?? SPREADSHEET_LIMITS.timeoutMs;
  return new Promise<SheetRows>((resolve, reject) => {
    const worker = (opts.spawn ?? spawnSheetWorker)();
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      outcome();
    };
    const onAbort = (): void => finish(() => reject(new JobCancelled()));
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new TapeLimitError(
              `${name}: reading the spreadsheet took longer than ${timeoutMs / 1000} s and was stopped`,
            ),
          ),
        ),
      timeoutMs,
    );
    opts.signal?.addEventListener('abort', onAbort);
    worker.listen(
      (message) =>
        finish(() => {
          try {
            resolve(checkSheetMessage(message, name, kind));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }),
      (message) =>
        finish(() =>
          reject(
            new TapeFormatError(
              `${name}: the spreadsheet reader stopped without an answer (${message || 'it crashed or ran out of memory'})`,
            ),
          ),
        ),
    );
    worker.post({
      bytes,
      sheet: opts.sheet,
      maxRows: opts.maxRows ?? SPREADSHEET_LIMITS.maxRows,
      maxCellChars: opts.maxCellChars ?? DEFAULT_CSV_LIMITS.maxCellChars,
    });
  });
}

/** Reads a sheet as part of an app job: the job's Cancel button (engine().cancel()) stops it too. */
export async function readTapeSheet(
  name: string,
  bytes: Uint8Array,
  sheet: string | undefined,
  onProgress: (p: JobProgress) => void,
  spawn?: () => SheetPort,
): Promise<SheetRows> {
  const abort = new AbortController();
  const unsubscribe = engine().onCancel(() => abort.abort());
  // The app's language once the display settings have started i18n (always, in the app); English before.
  const t = i18n.isInitialized ? i18n.t.bind(i18n) : translator('en');
  onProgress({
    done: 0,
    total: 0,
    label:
      sheet !== undefined
        ? t('tape:progress.readingSheet', { file: name, sheet })
        : t('tape:progress.reading', { file: name }),
  });
  try {
    return await readSheetRows(name, bytes, {
      ...(sheet !== undefined ? { sheet } : {}),
      ...(spawn ? { spawn } : {}),
      signal: abort.signal,
    });
  } finally {
    unsubscribe();
  }
}

/** Extra rows past the header sent for the preview (it shows fewer; blank rows are skipped). */
const PREVIEW_ROWS = 60;

/**
 * The sheet as the engine worker takes it; with `preview`, only the header and the first rows, which is all
 * the mapping step shows (a million-row sheet is cloned to the worker once, for the import).
 */
export function sheetTape(name: string, fileBytes: number, s: SheetRows, preview = false): SheetTape {
  const end = preview ? Math.min(s.rows.length, headerRowIndex(s.rows) + 1 + PREVIEW_ROWS) : s.rows.length;
  return {
    name,
    format: s.format,
    bytes: fileBytes,
    sheet: s.sheet,
    sheets: s.sheets,
    rows: preview ? s.rows.slice(0, end) : s.rows,
    rowNumbers: preview ? s.rowNumbers.slice(0, end) : s.rowNumbers,
    date1904: s.date1904,
  };
}
