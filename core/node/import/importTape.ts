/**
 * One entry for any tape on disk: XLSX/XLS (by signature, whatever the file is called) through the
 * spreadsheet worker, anything else as delimited text.
 */
import { open } from 'node:fs/promises';
import type { BuildResult } from '../../io/tape/poolBuilder';
import { importCsvFile, type FileImportOptions } from './csvFile';
import { importSpreadsheetFile, spreadsheetKind, type SpreadsheetOptions } from './xlsxFile';

export type TapeFileOptions = FileImportOptions &
  Omit<SpreadsheetOptions, 'maxBytes'> & {
    /** Size limit for spreadsheets (CSV uses `maxBytes`). */
    maxSpreadsheetBytes?: number;
  };

export async function importTapeFile(path: string, opts: TapeFileOptions = {}): Promise<BuildResult> {
  const head = new Uint8Array(8);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  if (spreadsheetKind(head) !== null || /\.(xlsx|xlsm|xls)$/i.test(path)) {
    const { maxBytes: _csvMax, maxSpreadsheetBytes, ...rest } = opts;
    return importSpreadsheetFile(path, {
      ...rest,
      ...(maxSpreadsheetBytes !== undefined ? { maxBytes: maxSpreadsheetBytes } : {}),
    });
  }
  return importCsvFile(path, opts);
}

export { importCsvFile, type FileImportOptions, type ImportProgress } from './csvFile';
export {
  importSpreadsheetFile,
  readSpreadsheetRows,
  type SpreadsheetOptions,
  type SheetRows,
} from './xlsxFile';
export { detectEncoding, type TapeEncoding } from './decode';
