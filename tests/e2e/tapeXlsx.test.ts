/**
 * Spreadsheet loan tapes through the Pool wizard in the web build: the workbook is parsed in the sheet
 * Web Worker under the app's CSP, and what the UI accepts and rejects must equal what the CLI's importer
 * (worker thread, same parse) reports for the same file, row numbers included. A workbook with several
 * sheets gets a sheet selector that re-reads the chosen sheet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSpreadsheetFile } from '../../core/node/import/xlsxFile';
import { PoolPage } from './pages/PoolPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
});

afterAll(() => session?.close());

const TAPE = 'samples/tapes/sample-tape.xlsx';

/** Sheet row numbers of the rejected rows in an exported rejects CSV (first column). */
function rejectRows(csv: string): number[] {
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => Number(l.split(',')[0]));
}

/**
 * The sample tape's rows moved down to start at row 4 of a sheet 'Loans', behind a 'Notes' sheet that is
 * not a tape: the wizard opens on the first sheet and the user picks the tape.
 */
function twoSheetWorkbook(): string {
  const sample = XLSX.readFile(TAPE, { dense: true });
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(sample.Sheets['Tape']!, { header: 1, raw: true });
  const loans = XLSX.utils.aoa_to_sheet([[]]);
  XLSX.utils.sheet_add_aoa(loans, aoa, { origin: 'A4' });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([['Pool tape of the June 2025 cut-off'], ['prepared by', 'treasury']]),
    'Notes',
  );
  XLSX.utils.book_append_sheet(wb, loans, 'Loans');
  const path = join(mkdtempSync(join(tmpdir(), 'abs-xlsx-e2e-')), 'two-sheets.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

describe('spreadsheet tapes in the Pool wizard', () => {
  it('imports the sample XLSX tape with the CLI importer’s counts and sheet row numbers', async () => {
    const cli = await importSpreadsheetFile(TAPE);
    expect(cli.report.rejected).toBeGreaterThan(0);
    await app.go('pool');
    const pool = new PoolPage(page);
    await pool.chooseTape(TAPE);
    expect(await pool.hasSheetSelector()).toBe(false);
    expect(await pool.mappedColumn('balance')).toBe('current_balance');
    expect(await pool.mappedColumn('id')).toBe('loan_id');
    await app.screenshot('pool-xlsx-mapping');
    await pool.validate();
    expect(await pool.counts()).toEqual({ accepted: cli.report.accepted, rejected: cli.report.rejected });
    expect(await page.getByTestId('report-step').innerText()).toContain('sheet “Tape”');
    const csv = await pool.exportRejects();
    expect(rejectRows(csv)).toEqual(cli.report.rejects.map((r) => r.row));
    await app.screenshot('pool-xlsx-report');
    await pool.accept();
    expect(await pool.poolCount()).toBe(cli.report.accepted);
    expect(await pool.poolSource()).toContain('sample-tape.xlsx, sheet “Tape”');
  });

  it('offers the sheets of a workbook, re-reads the chosen one and keeps its row numbers', async () => {
    const path = twoSheetWorkbook();
    const cli = await importSpreadsheetFile(path, { sheet: 'Loans' });
    const pool = new PoolPage(page);
    await pool.chooseTape(path);
    expect(await pool.sheetOptions()).toEqual(['Notes', 'Loans']);
    // The notes sheet is not a tape: required fields cannot be mapped, so import is refused in place.
    expect(await pool.validateEnabled()).toBe(false);
    await pool.chooseSheet('Loans');
    expect(await pool.mappedColumn('balance')).toBe('current_balance');
    expect(await pool.validateEnabled()).toBe(true);
    await app.screenshot('pool-xlsx-sheet-selector');
    await pool.validate();
    expect(await pool.counts()).toEqual({ accepted: cli.report.accepted, rejected: cli.report.rejected });
    const rows = rejectRows(await pool.exportRejects());
    expect(rows).toEqual(cli.report.rejects.map((r) => r.row));
    // Three rows lower than in the sample: the numbers are the sheet's, not positions in the data.
    const sample = await importSpreadsheetFile(TAPE);
    expect(rows).toEqual(sample.report.rejects.map((r) => r.row + 3));
  });
});
