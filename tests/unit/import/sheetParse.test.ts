/**
 * The pure spreadsheet pieces both readers share: the sheet parse (run here in-process on hostile
 * workbooks; in the app it only ever runs inside a worker), the answer check, and the rows-based preview
 * the UI's mapping step shows, which must agree with the text preview and with what the import takes.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { TapeFormatError, TapeLimitError } from '../../../core/io/tape/csv';
import { suggestMapping } from '../../../core/io/tape/mapping';
import { parseSheet } from '../../../core/io/tape/sheetParse.mjs';
import { checkSheetMessage, spreadsheetKind } from '../../../core/io/tape/sheetMessage';
import { importTapeRows, previewTape, previewTapeRows } from '../../../core/io/tape/tapeStream';

const LIMITS = { sheet: undefined, maxRows: 1000, maxCellChars: 1000 };
const SAMPLE = new Uint8Array(readFileSync('samples/tapes/sample-tape.xlsx'));

function workbook(sheets: Record<string, XLSX.WorkSheet>, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

describe('parseSheet (shared by the CLI worker thread and the UI sheet worker)', () => {
  it('reads the sample tape: first sheet, header on row 1, numbers as numbers', () => {
    const m = parseSheet(XLSX, SAMPLE, LIMITS);
    if (!m.ok) throw new Error(m.message);
    expect(m.sheet).toBe('Tape');
    expect(m.sheets).toEqual(['Tape']);
    expect(m.firstRow).toBe(1);
    // samples/tapes/README.md: 500 data rows behind one header row.
    expect(m.rows).toHaveLength(501);
    expect(m.rows[0]![0]).toBe('loan_id');
    expect(m.rows[1]![0]).toBe('L00000001');
    expect(typeof m.rows[1]![4]).toBe('number');
  });

  it('formula cells come back as their cached value; formula-like text stays text; booleans as words', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['loan_id', 'current_balance', 'flag'],
      ['A1', 100, true],
      ['A2', 0, false],
    ]);
    ws['B3'] = { t: 'n', v: 250, f: 'B2*2.5' };
    ws['A3'] = { t: 's', v: '=HYPERLINK("http://x","y")' };
    const m = parseSheet(XLSX, workbook({ Loans: ws }), LIMITS);
    if (!m.ok) throw new Error(m.message);
    expect(m.rows[1]).toEqual(['A1', 100, 'TRUE']);
    expect(m.rows[2]).toEqual(['=HYPERLINK("http://x","y")', 250, 'FALSE']);
  });

  it('a chosen sheet, its first row number when it does not start at A1, and a missing sheet', () => {
    // A sheet whose used range starts at B5 (exports with a title block often do).
    const low: XLSX.WorkSheet = { B5: { t: 's', v: 'loan_id' }, B6: { t: 's', v: 'X' }, '!ref': 'B5:B6' };
    const bytes = workbook({ Cover: XLSX.utils.aoa_to_sheet([['cover']]), Loans: low });
    const m = parseSheet(XLSX, bytes, { ...LIMITS, sheet: 'Loans' });
    if (!m.ok) throw new Error(m.message);
    expect(m.sheets).toEqual(['Cover', 'Loans']);
    expect(m.firstRow).toBe(5);
    expect(m.rows).toEqual([['loan_id'], ['X']]);
    expect(parseSheet(XLSX, bytes, { ...LIMITS, sheet: 'Nope' })).toEqual({
      ok: false,
      message: "no sheet named 'Nope' (sheets: Cover, Loans)",
    });
  });

  it('a huge cell and too many rows are limit answers naming where, never a silent cut', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['loan_id', 'note'],
      ['A', 'ok'],
      ['B', 'x'.repeat(5000)],
    ]);
    expect(parseSheet(XLSX, workbook({ S: ws }), LIMITS)).toEqual({
      ok: false,
      limit: true,
      message: 'row 3, column 2: cell longer than 1000 characters',
    });
    expect(parseSheet(XLSX, SAMPLE, { ...LIMITS, maxRows: 10 })).toEqual({
      ok: false,
      limit: true,
      message: "sheet 'Tape' has more than 10 data rows",
    });
  });

  it('a broken zip or random bytes are an answer, never a throw', () => {
    const broken = parseSheet(XLSX, SAMPLE.subarray(0, SAMPLE.length >> 1), LIMITS);
    expect(broken.ok).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (junk) => {
        const head = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk]);
        const m = parseSheet(XLSX, head, LIMITS);
        return typeof m === 'object' && (m.ok === false ? typeof m.message === 'string' : true);
      }),
      { numRuns: 50 },
    );
  });

  it('a __proto__ header is an ordinary cell and leaves Object.prototype clean', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['__proto__', 'constructor', 'loan_id'],
      ['{"polluted":true}', 'x', 'A'],
    ]);
    const m = parseSheet(XLSX, workbook({ S: ws }), LIMITS);
    if (!m.ok) throw new Error(m.message);
    expect(m.rows[0]).toEqual(['__proto__', 'constructor', 'loan_id']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('legacy XLS (BIFF8) through the same parse', () => {
    const bytes = workbook(
      {
        Sheet1: XLSX.utils.aoa_to_sheet([
          ['Loan ID', 'Balance'],
          ['X1', 1500.5],
        ]),
      },
      'biff8',
    );
    expect(spreadsheetKind(bytes)).toBe('xls');
    const m = parseSheet(XLSX, bytes, LIMITS);
    if (!m.ok) throw new Error(m.message);
    expect(m.rows).toEqual([
      ['Loan ID', 'Balance'],
      ['X1', 1500.5],
    ]);
  });
});

describe('spreadsheetKind and checkSheetMessage', () => {
  it('tells workbooks by their first bytes only', () => {
    expect(spreadsheetKind(SAMPLE)).toBe('xlsx');
    expect(spreadsheetKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('xls');
    expect(spreadsheetKind(new TextEncoder().encode('loan_id,balance\n'))).toBeNull();
    expect(spreadsheetKind(new Uint8Array([0x50, 0x4b]))).toBeNull();
  });

  it('copies only strings and finite numbers, numbered from the sheet row of the first entry', () => {
    const getter = {
      get v() {
        throw new Error('touched');
      },
    };
    const r = checkSheetMessage(
      { ok: true, sheet: 'S', sheets: ['S', 7, null], firstRow: 4, rows: [['a', 1.5, getter, Infinity], []] },
      'f.xlsx',
      'xlsx',
    );
    expect(r).toEqual({
      sheet: 'S',
      // No date-system flag in the answer: the 1900 system, Excel's default.
      date1904: false,
      sheets: ['S'],
      rows: [['a', '1.5', '', ''], []],
      rowNumbers: [4, 5],
      format: 'xlsx',
    });
  });

  it('refuses malformed answers and turns failures into errors naming the file', () => {
    const ok = { ok: true, sheet: 'S', sheets: ['S'], rows: [] };
    expect(() => checkSheetMessage({ ...ok, firstRow: 1.5 }, 'f.xlsx', 'xlsx')).toThrow(/f\.xlsx: malformed/);
    expect(() => checkSheetMessage({ ...ok, firstRow: 1, rows: [1] }, 'f.xlsx', 'xlsx')).toThrow(
      /malformed row 1/,
    );
    expect(() => checkSheetMessage({ ok: false, message: 'bad zip' }, 'f.xlsx', 'xlsx')).toThrow(
      new TapeFormatError('f.xlsx: cannot read the spreadsheet: bad zip'),
    );
    expect(() => checkSheetMessage({ ok: false, limit: true, message: 'big' }, 'f.xlsx', 'xlsx')).toThrow(
      TapeLimitError,
    );
    expect(() => checkSheetMessage('ok', 'f.xlsx', 'xlsx')).toThrow(TapeFormatError);
  });
});

describe('previewTapeRows', () => {
  it('header is the first non-blank row, blank rows are skipped, lines are sheet rows', () => {
    const rows = [
      ['', ''],
      [' loan_id ', 'current_balance', 'annual_rate', 'original_term'],
      ['A', '100', '0.1', '12'],
      ['', ' '],
      ['B', '200', '0.2', '6'],
    ];
    const p = previewTapeRows(rows, [3, 4, 5, 6, 7], 10);
    expect(p.headers).toEqual(['loan_id', 'current_balance', 'annual_rate', 'original_term']);
    expect(p.rows).toEqual([rows[2], rows[4]]);
    expect(p.lines).toEqual([5, 7]);
    expect(p.suggestion).toEqual(suggestMapping(p.headers));
    expect(previewTapeRows(rows, undefined, 1).lines).toEqual([3]);
    expect(previewTapeRows([], undefined).headers).toEqual([]);
  });

  it('agrees with the text preview for the same table', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9_. ]{0,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 20 }),
        (table) => {
          const rows = [['loan_id', 'current_balance', 'annual_rate'], ...table].filter((r) =>
            r.some((c) => c.trim() !== ''),
          );
          const text = rows.map((r) => r.join(',')).join('\n');
          const t = previewTape(text, 5, ',');
          const s = previewTapeRows(rows, undefined, 5);
          expect(s.headers).toEqual(t.headers);
          expect(s.rows).toEqual(t.rows);
          expect(s.lines).toEqual(t.lines);
          expect(s.suggestion).toEqual(t.suggestion);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('importTapeRows progress', () => {
  it('reports rows done out of the sheet, ending at the total', () => {
    const rows = [
      ['loan_id', 'current_balance', 'annual_rate', 'original_term', 'remaining_term'],
      ...Array.from({ length: 45_000 }, (_, i) => [`L${i}`, '100', '0.1', '12', '6']),
    ];
    const seen: [number, number][] = [];
    const { report } = importTapeRows(rows, { name: 't.xlsx', format: 'xlsx' }, {}, undefined, (d, t) =>
      seen.push([d, t]),
    );
    expect(report.accepted).toBe(45_000);
    expect(seen).toEqual([
      [20_000, 45_001],
      [40_000, 45_001],
      [45_001, 45_001],
    ]);
  });
});
