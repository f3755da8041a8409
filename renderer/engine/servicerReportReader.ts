/**
 * Servicer report files picked in the app → reports, for the Surveillance screen to append to a deal
 * (core/surveillance/append.ts). A workbook is read by the sheet worker (sheetReader.ts: its own realm, size and
 * time limits), text decoded as a tape is (BOM, UTF-16, UTF-8, else GB18030); then the same pure reader as the
 * CLI (core/surveillance/reportFile.ts). Every file of the batch is read: a file that cannot be opened becomes a
 * problem named by the file, beside the others' problems, never an exception that loses them.
 */
import type { CoreMessage } from '../../core/i18n/messages';
import { spreadsheetKind } from '../../core/io/tape/sheetMessage';
import {
  readReportSources,
  reportFileKind,
  type ReadReportsResult,
  type ReportFileProblem,
  type ReportSource,
} from '../../core/surveillance/reportFile';
import { readSheetRows, type SheetPort } from './sheetReader';
import { decodeTape } from './tapeAdapter';

/** A month's report is a page of figures: anything larger is not one. */
export const MAX_REPORT_FILE_BYTES = 5 * 1024 * 1024;

export interface ReportFileIn {
  name: string;
  bytes: Uint8Array;
}

const failed = (file: string, e: unknown): ReportFileProblem => {
  // The sheet reader's and the decoder's errors are sentences naming the file already.
  const message: CoreMessage = { message: e instanceof Error ? e.message : String(e) };
  return { file, period: null, date: null, field: '', message };
};

async function sourceOf(f: ReportFileIn, spawn: (() => SheetPort) | undefined): Promise<ReportSource> {
  if (spreadsheetKind(f.bytes) !== null || reportFileKind(f.name) === 'sheet') {
    const s = await readSheetRows(f.name, f.bytes, {
      maxBytes: MAX_REPORT_FILE_BYTES,
      ...(spawn ? { spawn } : {}),
    });
    return { name: f.name, kind: 'sheet', rows: s.rows, rowNumbers: s.rowNumbers, date1904: s.date1904 };
  }
  if (f.bytes.byteLength > MAX_REPORT_FILE_BYTES)
    throw new Error(
      `${f.name} is larger than ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB: not a servicer report`,
    );
  const text = decodeTape(f.name, f.bytes).text;
  return { name: f.name, kind: reportFileKind(f.name) === 'json' ? 'json' : 'csv', text };
}

export async function readServicerReportFiles(
  files: readonly ReportFileIn[],
  opts: { spawn?: () => SheetPort } = {},
): Promise<ReadReportsResult> {
  const sources: ReportSource[] = [];
  const unreadable: ReportFileProblem[] = [];
  for (const f of files) {
    try {
      sources.push(await sourceOf(f, opts.spawn));
    } catch (e) {
      unreadable.push(failed(f.name, e));
    }
  }
  const read = readReportSources(sources);
  return { reports: read.reports, problems: [...unreadable, ...read.problems] };
}
