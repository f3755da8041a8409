/**
 * Tapes on disk: encodings, streaming in small chunks, limits, and spreadsheets parsed in the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { detectEncoding, firstInvalidUtf8 } from '../../../core/node/import/decode';
import { importCsvFile, type ImportProgress } from '../../../core/node/import/csvFile';
import { importTapeFile } from '../../../core/node/import/importTape';
import { checkSheetMessage, readSpreadsheetRows } from '../../../core/node/import/xlsxFile';
import { TapeFormatError, TapeLimitError } from '../../../core/io/tape/csv';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import { writeCsvTape, writeXlsxTape } from '../../../samples/generator/generate';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'abs-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CN_TAPE = [
  '贷款编号,合同金额,剩余本金,年利率,期数,剩余期数,放款日期,到期日,产品类型,地区',
  'A1,12000,6000,12.5%,12,6,2024-01-15,2025-01-15,等额本息,广东',
  'A2,3600,3600,0,6,6,2024-06-20,2024-12-20,免息分期,江苏',
].join('\r\n');

function write(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe('encodings', () => {
  it.each([
    ['gbk', 'gb18030', /invalid UTF-8 at byte \d+, read as GB18030/],
    ['gb18030', 'gb18030', /GB18030/],
    ['utf16le-bom', 'utf-16le', /UTF-16LE byte-order mark/],
    ['utf16be-bom', 'utf-16be', /UTF-16BE byte-order mark/],
    ['utf8-bom', 'utf-8', /UTF-8 byte-order mark/],
    ['utf8', 'utf-8', /valid UTF-8/],
  ])('%s: Chinese headers and regions survive, encoding reported (%s)', async (kind, enc, note) => {
    let bytes: Buffer;
    if (kind === 'gbk') bytes = iconv.encode(CN_TAPE, 'gbk');
    else if (kind === 'gb18030') bytes = iconv.encode(CN_TAPE, 'gb18030');
    else if (kind === 'utf16le-bom') bytes = iconv.encode(CN_TAPE, 'utf-16le', { addBOM: true });
    else if (kind === 'utf16be-bom') bytes = iconv.encode(CN_TAPE, 'utf-16be', { addBOM: true });
    else if (kind === 'utf8-bom') bytes = iconv.encode(CN_TAPE, 'utf-8', { addBOM: true });
    else bytes = Buffer.from(CN_TAPE, 'utf8');
    // Small chunks so multi-byte characters are split across reads.
    const { pool, report } = await importCsvFile(write(`${kind}.csv`, bytes), { chunkBytes: 7 });
    expect(report.source.encoding).toBe(enc);
    expect(report.source.encodingNote).toMatch(note);
    expect(report.mapping.columns.id).toBe('贷款编号');
    expect(report.accepted).toBe(2);
    expect(pool.regionNames).toEqual(['广东', '江苏']);
    expect(Array.from(pool.balance)).toEqual([6000, 3600]);
  });

  it('UTF-16 without a BOM is recognised by its NUL bytes', () => {
    const ascii = 'loan_id,current_balance\n1,2\n';
    expect(detectEncoding(iconv.encode(ascii, 'utf-16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(ascii, 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('a file whose head is UTF-8 but whose tail is GBK is re-read as GB18030, and says so', async () => {
    const head = 'loan_id,current_balance,annual_rate,original_term,remaining_term,region\n';
    const body = Array.from({ length: 60_000 }, (_, i) => `L${i},100,0.1,12,6,north`).join('\n');
    const tail = iconv.encode('\nZ1,100,0.1,12,6,广东\n', 'gbk');
    const p = write('mixed.csv', Buffer.concat([Buffer.from(head + body), tail]));
    const { pool, report } = await importCsvFile(p, { chunkBytes: 64 * 1024 });
    expect(report.rowsRead).toBe(60_001);
    expect(report.source.encoding).toBe('gb18030');
    expect(report.source.encodingNote).toMatch(
      /head was valid UTF-8 but byte \d+ is not; re-read as GB18030/,
    );
    expect(pool.regionNames).toContain('广东');
  });

  it('a stated wrong encoding is a clear error, not garbage', async () => {
    const p = write('gbk-stated-utf8.csv', iconv.encode(CN_TAPE, 'gbk'));
    await expect(importCsvFile(p, { encoding: 'utf-8' })).rejects.toThrow(
      /gbk-stated-utf8\.csv: invalid utf-8 near byte \d+/,
    );
  });

  it('firstInvalidUtf8 finds overlongs and surrogates, tolerates a cut sequence at the end', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('中').subarray(0, 2))).toBe(-1);
  });
});

describe('CSV files', () => {
  it('streams the sample generator tape with progress, same result as whole-text import', async () => {
    const p = join(dir, 'gen.csv');
    const injected = writeCsvTape(p, { rows: 2000, seed: 7, badRows: 14 });
    const progress: ImportProgress[] = [];
    const { pool, report } = await importCsvFile(p, {
      chunkBytes: 16 * 1024,
      onProgress: (x) => progress.push(x),
    });
    expect(report.rowsRead).toBe(2000);
    expect(report.accepted + report.rejected).toBe(2000);
    expect(report.rejected).toBe(injected.length);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)!.bytesRead).toBe(progress.at(-1)!.totalBytes);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.rowsRead).toBeGreaterThanOrEqual(progress[i - 1]!.rowsRead);
    const whole = importTapeText(readFileSync(p, 'utf8'), 'gen.csv');
    expect(Array.from(pool.balance)).toEqual(Array.from(whole.pool.balance));
    expect(report.rejects).toEqual(whole.report.rejects);
  });

  it('limits: file size, rows and time are errors naming the file, never silent truncation', async () => {
    const p = join(dir, 'lim.csv');
    writeCsvTape(p, { rows: 500, seed: 1 });
    await expect(importCsvFile(p, { maxBytes: 1000 })).rejects.toThrow(TapeLimitError);
    await expect(importCsvFile(p, { maxBytes: 1000 })).rejects.toThrow(
      /lim\.csv: \d+ bytes is more than the 1000-byte limit/,
    );
    await expect(importCsvFile(p, { maxRows: 100 })).rejects.toThrow(/more than 100 data rows/);
    await expect(importCsvFile(p, { maxMillis: 0, chunkBytes: 1024 })).rejects.toThrow(
      /import stopped after/,
    );
  });

  it('a gigantic cell is a limit error with row and column', async () => {
    const p = write(
      'giant.csv',
      `loan_id,current_balance,annual_rate,original_term\nA,"${'x'.repeat(300_000)}",0.1,12\n`,
    );
    await expect(importCsvFile(p)).rejects.toThrow(/row 2, column 2: cell longer than 100000 characters/);
  });

  it('empty and header-only files', async () => {
    await expect(importCsvFile(write('empty.csv', ''))).rejects.toThrow(/empty/);
    const { report } = await importCsvFile(
      write('header.csv', 'loan_id,current_balance,annual_rate,original_term,remaining_term\n'),
    );
    expect(report.rowsRead).toBe(0);
  });
});

describe('spreadsheets (worker)', () => {
  it('reads the generator tape from XLSX with the same result as CSV', async () => {
    const x = join(dir, 'gen.xlsx');
    const c = join(dir, 'gen2.csv');
    writeXlsxTape(x, { rows: 300, seed: 11, badRows: 7 });
    writeCsvTape(c, { rows: 300, seed: 11, badRows: 7 });
    const seen: number[] = [];
    const a = await importTapeFile(x, { onProgress: (p) => seen.push(p.bytesRead / p.totalBytes) });
    expect(seen).toEqual([0, 1]);
    const b = await importTapeFile(c);
    expect(a.report.source).toMatchObject({ format: 'xlsx', sheet: 'Tape', sheets: ['Tape'] });
    expect(a.report.accepted).toBe(b.report.accepted);
    expect(a.report.rejects.map((r) => [r.row, r.reason])).toEqual(
      b.report.rejects.map((r) => [r.row, r.reason]),
    );
    expect(Array.from(a.pool.balance)).toEqual(Array.from(b.pool.balance));
    expect(Array.from(a.pool.rate)).toEqual(Array.from(b.pool.rate));
  });

  it('formula cells import as their value, never as a formula; dates as serials; a chosen sheet', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['loan_id', 'current_balance', 'annual_rate', 'original_term', 'remaining_term', 'origination_date'],
      ['A1', 100, 0.1, 12, 6, 45291],
      ['A2', 250, 0.12, 12, 6, 45292],
    ]);
    // B3 = B2 * 2.5 with a cached value of 250; text that looks like a formula stays text.
    ws['B3'] = { t: 'n', v: 250, f: 'B2*2.5' };
    ws['A3'] = { t: 's', v: '=HYPERLINK("http://x","y")' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['cover']]), 'Cover');
    XLSX.utils.book_append_sheet(wb, ws, 'Loans');
    const p = join(dir, 'formula.xlsx');
    XLSX.writeFile(wb, p);
    const rows = await readSpreadsheetRows(p, { sheet: 'Loans' });
    expect(rows.sheets).toEqual(['Cover', 'Loans']);
    expect(rows.rows[2]).toEqual(['=HYPERLINK("http://x","y")', '250', '0.12', '12', '6', '45292']);
    const { pool, report } = await importTapeFile(p, { sheet: 'Loans', mapping: undefined });
    expect(report.accepted).toBe(1);
    expect(report.rejects[0]).toMatchObject({ row: 3, reason: 'unsafe-id' });
    expect(Array.from(pool.ids)).toEqual(['A1']);
    expect(report.rules.join()).toMatch(/1 as EXCEL-SERIAL/);
    await expect(importTapeFile(p, { sheet: 'Nope' })).rejects.toThrow(
      /no sheet named 'Nope' \(sheets: Cover, Loans\)/,
    );
  });

  it('reads legacy XLS (BIFF8) workbooks too', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Loan ID', 'Balance', 'Interest Rate', 'Original Term', 'Remaining Term'],
        ['X1', 1500.5, '9.5%', 12, 4],
      ]),
      'Sheet1',
    );
    const p = join(dir, 'legacy.xls');
    XLSX.writeFile(wb, p, { bookType: 'biff8' });
    const { pool, report } = await importTapeFile(p);
    expect(report.source.format).toBe('xls');
    expect(report.accepted).toBe(1);
    expect(pool.balance[0]).toBe(1500.5);
    expect(pool.rate[0]).toBeCloseTo(0.095, 12);
  });

  it('broken zip, non-workbook and oversize files are clear errors', async () => {
    const good = join(dir, 'gen.xlsx');
    const bytes = readFileSync(good);
    const broken = write('broken.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(importTapeFile(broken)).rejects.toThrow(TapeFormatError);
    await expect(importTapeFile(broken)).rejects.toThrow(/broken\.xlsx: cannot read the spreadsheet/);
    const fake = write('fake.xlsx', 'loan_id,balance\n1,2\n');
    await expect(importTapeFile(fake)).rejects.toThrow(/not an Excel workbook/);
    await expect(importTapeFile(good, { maxSpreadsheetBytes: 100 })).rejects.toThrow(
      /more than the 100-byte limit/,
    );
  });

  it('a gigantic spreadsheet cell is a limit error naming row and column', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['loan_id', 'current_balance', 'annual_rate', 'original_term'],
        ['A', 1, 0.1, 12],
        ['B', 'x'.repeat(5000), 0.1, 12],
      ]),
      'S',
    );
    const p = join(dir, 'giant.xlsx');
    XLSX.writeFile(wb, p);
    await expect(importTapeFile(p, { limits: { maxCellChars: 1000, maxCells: 100 } })).rejects.toThrow(
      /giant\.xlsx: row 3, column 2: cell longer than 1000 characters/,
    );
  });

  it('row limit and a timeout that terminates the worker', async () => {
    const good = join(dir, 'gen.xlsx');
    await expect(importTapeFile(good, { maxRows: 10 })).rejects.toThrow(/more than 10 data rows/);
    await expect(importTapeFile(good, { timeoutMs: 1 })).rejects.toThrow(
      /took longer than 0.001 s and was stopped/,
    );
  });

  it('only plain strings and numbers cross back from the worker', () => {
    const evil = {
      ok: true,
      sheet: 'S',
      sheets: ['S', 1],
      firstRow: 1,
      rows: [['a', 1, { toString: () => 'x' }, null, NaN]],
    };
    const r = checkSheetMessage(evil, 'f.xlsx', 'xlsx');
    expect(r.rows).toEqual([['a', '1', '', '', '']]);
    expect(r.sheets).toEqual(['S']);
    expect(() => checkSheetMessage({ ok: true, rows: 'x' }, 'f.xlsx', 'xlsx')).toThrow(/malformed/);
    expect(() => checkSheetMessage({ ok: false, limit: true, message: 'big' }, 'f.xlsx', 'xlsx')).toThrow(
      TapeLimitError,
    );
    expect(() => checkSheetMessage(null, 'f.xlsx', 'xlsx')).toThrow(TapeFormatError);
  });

  it('a __proto__ header in a workbook leaves Object.prototype clean', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['__proto__', 'loan_id', 'current_balance', 'annual_rate', 'original_term', 'remaining_term'],
        ['{"polluted":true}', 'A', 1, 0.1, 12, 6],
      ]),
      'S',
    );
    const p = join(dir, 'proto.xlsx');
    XLSX.writeFile(wb, p);
    const { report } = await importTapeFile(p);
    expect(report.accepted).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
