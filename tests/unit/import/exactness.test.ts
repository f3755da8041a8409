/**
 * Issue 23: a tape is imported exactly or its rows are rejected with a reason, never silently altered.
 * Each case is a crafted tape small enough to check by hand.
 */
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { isoToDay, monthsBetweenCeil, monthsBetweenFloor, readDate } from '../../../core/io/tape/dates';
import { mappingFrom, type TapeMappingInput } from '../../../core/io/tape/mapping';
import { importTapeRows, importTapeText } from '../../../core/io/tape/tapeStream';
import { parseSheet } from '../../../core/io/tape/sheetParse.mjs';
import { checkSheetMessage } from '../../../core/io/tape/sheetMessage';
import { rejectsToCsv } from '../../../core/io/tape/report';
import { parseNumber } from '../../../core/io/tape/values';
import { detectEncoding, firstInvalidUtf8 } from '../../../core/io/tape/encoding';
import { inspectTape } from '../../../renderer/engine/tapeAdapter';
import { neutraliseText } from '../../../core/io/report/cellText';

const COLUMNS = {
  id: 'id',
  balance: 'balance',
  rate: 'rate',
  originalTerm: 'term',
  remainingTerm: 'remaining',
  originationDate: 'origination',
  maturityDate: 'maturity',
  status: 'status',
} as const;

function load(
  lines: readonly string[],
  cutoffDate = '2025-06-30',
  extra: Partial<TapeMappingInput> = {},
): ReturnType<typeof importTapeText> {
  const mapping = mappingFrom({ name: 'crafted', columns: COLUMNS, ...extra });
  return importTapeText(lines.join('\n'), 'crafted.csv', { mapping, cutoffDate });
}

const d = (iso: string): number => isoToDay(iso);

describe('item 2: remaining terms count month-end payment dates', () => {
  // Payment dates step back from maturity with the end-of-month rule (a month-end maturity pays on every
  // month-end). At a 2025-06-30 cut-off the June 30 payment is already made, so a loan maturing 07-31 has
  // one left (07-31), 08-31 two (07-31, 08-31), 12-31 six (07-31 … 12-31).
  it('maturity-based remaining term at a month-end cut-off', () => {
    expect(monthsBetweenCeil(d('2025-06-30'), d('2025-07-31'))).toBe(1);
    expect(monthsBetweenCeil(d('2025-06-30'), d('2025-08-31'))).toBe(2);
    expect(monthsBetweenCeil(d('2025-06-30'), d('2025-12-31'))).toBe(6);
    // Mid-month maturity: 2025-07-15 is the only date after the cut-off.
    expect(monthsBetweenCeil(d('2025-06-30'), d('2025-07-15'))).toBe(1);
  });

  // Originated 2025-01-31 with monthly payments on month-ends: the first falls on 2025-02-28, so by a
  // 2025-02-28 cut-off one is paid and a 12-month loan has 11 left.
  it('origination-based seasoning rolls Jan 31 to Feb 28', () => {
    expect(monthsBetweenFloor(d('2025-01-31'), d('2025-02-28'))).toBe(1);
    expect(monthsBetweenFloor(d('2025-01-31'), d('2025-02-27'))).toBe(0);
    const { pool } = load(
      ['id,balance,rate,term,remaining,origination,maturity,status', 'A,1000,0.1,12,,2025-01-31,,current'],
      '2025-02-28',
    );
    expect(Array.from(pool.remainingTerm)).toEqual([11]);
  });

  it('a one-month loan maturing the next month-end is accepted with one payment left', () => {
    const { pool, report } = load(
      [
        'id,balance,rate,term,remaining,origination,maturity,status',
        'A,1000,0.1,1,,2025-06-30,2025-07-31,current',
        'B,1000,0.1,12,,2025-01-31,2025-12-31,current',
      ],
      '2025-06-30',
    );
    expect(report.rejects).toEqual([]);
    expect(Array.from(pool.remainingTerm)).toEqual([1, 6]);
  });
});

describe('item 10: ISO dates are read whole or rejected', () => {
  it('rejects trailing junk and impossible times, accepts a real time of day', () => {
    expect(readDate('2023-01-15 garbage').kind).toBe('bad');
    expect(readDate('2023-01-15T25:99').kind).toBe('bad');
    expect(readDate('2023-01-15T').kind).toBe('bad');
    expect(readDate('2023-01-15x').kind).toBe('bad');
    expect(readDate('2023-01-15T23:59:59')).toEqual({ kind: 'day', day: d('2023-01-15'), format: 'ISO' });
    expect(readDate('2023-01-15 08:30')).toEqual({ kind: 'day', day: d('2023-01-15'), format: 'ISO' });
    expect(readDate('2023-01-15T08:30:00.000Z').kind).toBe('day');
  });

  it('a tape row with such a date is rejected as bad-date', () => {
    const { report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      'A,1000,0.1,12,6,2023-01-15 garbage,,current',
    ]);
    expect(report.byReason).toEqual({ 'bad-date': 1 });
  });
});

describe('item 5: zero balances are not performing loans', () => {
  it('four "Current" loans with no principal left are rejected as zero-balance', () => {
    const { pool, report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      'A,0,0.1,36,10,,,Current',
      'B,0.00,0.1,36,10,,,Current',
      'C,"0",0.1,36,10,,,Current',
      'D,$0,0.1,36,10,,,Current',
      'E,10.5,0.1,36,10,,,Current',
    ]);
    expect(report.byReason).toEqual({ 'zero-balance': 4 });
    expect(report.rejects.map((r) => [r.row, r.column])).toEqual([
      [2, 'balance'],
      [3, 'balance'],
      [4, 'balance'],
      [5, 'balance'],
    ]);
    expect(Array.from(pool.ids)).toEqual(['E']);
  });
});

describe('item 6: dates are checked against the cut-off', () => {
  it('origination after the cut-off, and a stated remaining term past maturity, are rejected', () => {
    const { pool, report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      'A,1000,0.1,12,12,2025-07-01,,current',
      'B,1000,0.1,12,3,2024-06-15,2025-06-15,current',
      'C,1000,0.1,12,3,2024-06-30,2025-06-30,current',
      'D,1000,0.1,12,3,2024-09-30,2025-09-30,current',
    ]);
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([
      [2, 'originated-after-cutoff'],
      [3, 'maturity-before-cutoff'],
      [4, 'maturity-before-cutoff'],
    ]);
    expect(Array.from(pool.ids)).toEqual(['D']);
  });
});

describe('item 11: trailing unnamed header columns may be left off a CSV row', () => {
  it('a row one cell short of a header ending in empty cells is read, like an XLSX row', () => {
    const { pool, report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status,,',
      'A,1000,0.1,12,6,,,current',
      'B,1000,0.1,12,6,,,current,',
      'C,1000,0.1,12,6,,,current,,',
      'D,1000,0.1,12,6,,',
    ]);
    expect(Array.from(pool.ids)).toEqual(['A', 'B', 'C']);
    // D stops before the last named column (status): that is a short row, not a padded one.
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([[5, 'wrong-cell-count']]);
  });
});

describe('item 12: duplicate identifiers and headers', () => {
  it('a valid row keeps its id when an earlier invalid row carried it, whichever check failed', () => {
    const { pool, report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      // Fails in the row pass (bad rate) …
      'X,1000,abc,12,6,,,current',
      // … or only in the column pass (matured by the cut-off).
      'Y,1000,0.1,12,,,2025-05-31,current',
      'X,1000,0.1,12,6,,,current',
      'Y,1000,0.1,12,6,,,current',
      'Y,1000,0.1,12,6,,,current',
    ]);
    expect(Array.from(pool.ids)).toEqual(['X', 'Y']);
    expect(report.rejects.map((r) => [r.row, r.reason, r.message])).toEqual([
      [2, 'bad-number', "interest rate 'abc' is not a number"],
      [3, 'matured', 'derived remaining term 0: matured by the cut-off'],
      [6, 'duplicate-id', "loan identifier 'Y' already on row 5"],
    ]);
  });

  it('headers that column matching treats as one are reported as duplicates', () => {
    // 'loan_status' and 'Loan-Status' both normalise to 'loan status', so a mapping naming either takes
    // the first: the second must be reported, not silently ignored.
    const { report } = load([
      'id,balance,rate,term,remaining,origination,maturity,loan_status,Loan-Status',
      'A,1000,0.1,12,6,,,current,',
    ]);
    expect(report.warnings.join('\n')).toMatch(/header 'Loan-Status' appears more than once/);
    const { report: r2 } = load([
      'id,balance,rate,term,remaining,origination,maturity,status, STATUS',
      'A,1000,0.1,12,6,,,current,',
    ]);
    expect(r2.warnings.join('\n')).toMatch(/header 'STATUS' appears more than once/);
  });
});

describe('item 9: one formula neutraliser for the rejects CSV, the report and loan ids', () => {
  // OWASP CSV-injection guidance: a cell starting with = + - @ (tab, CR), also after leading spaces or in
  // the full-width forms East Asian input converts to ASCII, is prefixed with an apostrophe.
  const dangerous = ['\uff1d1+1', ' =1+1', '\uff0b1', '-1+2', '@SUM(A1)', '=1'];

  it('the rejects CSV neutralises what the Excel report neutralises', () => {
    const lines = ['id,balance,rate,term,remaining,origination,maturity,status'];
    dangerous.forEach((v, i) => lines.push(`L${i},${v},0.1,12,6,,,current`));
    const { report } = load(lines);
    const csv = rejectsToCsv(report.rejects);
    for (const v of dangerous) {
      expect(neutraliseText(v)).toBe(`'${v}`);
      expect(csv).toContain(`'${v}`);
    }
  });

  it('ids the neutraliser would alter are rejected as unsafe', () => {
    const lines = ['id,balance,rate,term,remaining,origination,maturity,status'];
    for (const v of dangerous) lines.push(`${v},1000,0.1,12,6,,,current`);
    lines.push('SAFE-1,1000,0.1,12,6,,,current');
    const { pool, report } = load(lines);
    expect(report.byReason).toEqual({ 'unsafe-id': dangerous.length });
    expect(Array.from(pool.ids)).toEqual(['SAFE-1']);
  });
});

describe('item 1: the decimal separator is decided per column, never per cell', () => {
  const head = 'id;balance;rate;term;remaining;origination;maturity;status';

  it('a semicolon tape with decimal commas: 12.500 is twelve thousand five hundred, 0,055 is 5.5%', () => {
    // Continental convention: '.' groups thousands, ',' is the decimal mark. '1.234,56' can only be read
    // that way, so the balance column is decimal-comma and the earlier '12.500' is 12,500 (not 12.5);
    // '0,500' is one half (a thousands group never follows a leading 0). '0,055' can only be 0.055.
    const { pool, report } = load([
      head,
      'A;12.500;0,055;12;6;;;current',
      'B;1.234,56;0,065;12;6;;;current',
      'C;0,500;0,07;12;6;;;current',
      // Decimal point in a decimal-comma column: rejected, not read as 1,234.56 nor as 1.23456.
      'D;1,234.56;0,07;12;6;;;current',
    ]);
    expect(Array.from(pool.ids)).toEqual(['A', 'B', 'C']);
    expect(Array.from(pool.balance)).toEqual([12500, 1234.56, 0.5]);
    expect(Array.from(pool.rate)).toEqual([0.055, 0.065, 0.07]);
    expect(report.rejects.map((r) => [r.row, r.column, r.reason])).toEqual([[5, 'balance', 'mixed-decimal']]);
  });

  it('a column that shows nothing follows the tape; a tape that shows nothing is read with points and warned', () => {
    // Balances '12.500' and '3.000' read either way; the rate column's '0,055' shows the tape's locale.
    const comma = load([head, 'A;12.500;0,055;12;6;;;current', 'B;3.000;0,06;12;6;;;current']);
    expect(Array.from(comma.pool.balance)).toEqual([12500, 3000]);
    expect(comma.report.rules.join('\n')).toMatch(
      /balance \('balance'\): values such as '12\.500' read with decimal commas/,
    );
    // The US convention shown by '0.055': '1,234' is one thousand two hundred thirty-four.
    const point = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      'A,"1,234",0.055,12,6,,,current',
    ]);
    expect(Array.from(point.pool.balance)).toEqual([1234]);
    // Nothing decides: read with points, and the report says so.
    const none = load([head, 'A;12.500;5;12;6;;;current']);
    expect(Array.from(none.pool.balance)).toEqual([12.5]);
    expect(none.report.warnings.join('\n')).toMatch(/'12\.500' read either way/);
  });

  it('a thousands group never follows a leading zero', () => {
    expect(parseNumber('0,500')).toBeNaN();
    expect(parseNumber('0,500', undefined, ',')).toBe(0.5);
    expect(parseNumber('012,345')).toBeNaN();
    expect(parseNumber('1.234,56', undefined, ',')).toBe(1234.56);
    expect(parseNumber('1.234,56')).toBeNaN();
  });
});

describe('item 13: a rate column has one scale', () => {
  it('in a percent-style column, 0.99 and 1 are not read as 99% and 100% but listed as misfits', () => {
    // Bare 12.5, 10 and 15 are above 1: the column is written in percent (12.5 → 0.125). 0.99 and 1 would be
    // 0.99% / 1% in that column but 99% / 100% as decimals; the tape cannot say which, so they are rejected.
    const { pool, report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      'A,1000,12.5,12,6,,,current',
      'B,1000,10,12,6,,,current',
      'C,1000,0.99,12,6,,,current',
      'D,1000,1,12,6,,,current',
      'E,1000,15,12,6,,,current',
      'F,1000,0,12,6,,,current',
      'G,1000,7.25%,12,6,,,current',
    ]);
    expect(Array.from(pool.ids)).toEqual(['A', 'B', 'E', 'F', 'G']);
    expect(Array.from(pool.rate)).toEqual([0.125, 0.1, 0.15, 0, 0.0725]);
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([
      [4, 'rate-scale-mismatch'],
      [5, 'rate-scale-mismatch'],
    ]);
    expect(report.warnings.join('\n')).toMatch(/2 rows that do not fit/);
  });

  it('in a decimal-style column, a bare 12 is a misfit, not 12%', () => {
    const { pool, report } = load([
      'id,balance,rate,term,remaining,origination,maturity,status',
      'A,1000,0.1,12,6,,,current',
      'B,1000,0.12,12,6,,,current',
      'C,1000,12,12,6,,,current',
    ]);
    expect(Array.from(pool.rate)).toEqual([0.1, 0.12]);
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([[4, 'rate-scale-mismatch']]);
  });

  it('a scale stated by the mapping is followed for every cell', () => {
    const { pool, report } = load(
      [
        'id,balance,rate,term,remaining,origination,maturity,status',
        'A,1000,0.99,12,6,,,current',
        'B,1000,12,12,6,,,current',
      ],
      '2025-06-30',
      { rateScale: { rate: 'percent' } },
    );
    expect(report.rejects).toEqual([]);
    expect(pool.rate[0]).toBeCloseTo(0.0099, 15);
    expect(pool.rate[1]).toBeCloseTo(0.12, 15);
  });
});

describe('item 3: workbooks in the 1904 date system', () => {
  // Excel's 1900 system: 2025-03-15 is serial 45731 (2025-01-01 is 45658, plus 31 + 28 + 14). The 1904
  // system counts from 1904-01-01, 1,462 days later, so the same date is 45731 − 1462 = 44269 — which the
  // 1900 system would read as 2021-03-14.
  function book(date1904: boolean): ReturnType<typeof checkSheetMessage> {
    const ws = XLSX.utils.aoa_to_sheet([
      ['id', 'balance', 'rate', 'term', 'remaining', 'origination', 'maturity', 'status'],
      ['A', 1000, 0.1, 12, '', 44269, '', 'current'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Tape');
    wb.Workbook = { WBProps: { date1904 } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const msg = parseSheet(XLSX, bytes, { sheet: undefined, maxRows: 100, maxCellChars: 1000 });
    return checkSheetMessage(msg, 'book.xlsx', 'xlsx');
  }

  it('reads serial 44269 as 2025-03-15 in a 1904 workbook and as 2021-03-14 in a 1900 one', () => {
    const mapping = mappingFrom({ name: 'crafted', columns: COLUMNS });
    for (const [date1904, iso, remaining] of [
      // Originated 2025-03-15, 12 months: paid 2025-04-15, 05-15, 06-15 by the 2025-06-30 cut-off → 9 left.
      [true, '2025-03-15', 9],
      // 2021-03-14 + 12 months matured in 2022 (51 payment dates by the cut-off, 12 − 51 = −39 left):
      // rejected as matured, not kept with a wrong date.
      [false, '2021-03-14', null],
    ] as const) {
      const sheet = book(date1904);
      expect(sheet.date1904).toBe(date1904);
      const { pool, report } = importTapeRows(
        sheet.rows,
        { name: 'book.xlsx', format: 'xlsx', ...(sheet.date1904 ? { date1904: true } : {}) },
        { mapping, cutoffDate: '2025-06-30' },
        sheet.rowNumbers,
      );
      if (remaining === null)
        expect(report.rejects.map((r) => [r.reason, r.value])).toEqual([['matured', '-39']]);
      else {
        expect(pool.originationDay[0]).toBe(d(iso));
        expect(Array.from(pool.remainingTerm)).toEqual([remaining]);
      }
    }
  });
});

describe('item 4: short GBK text that happens to be valid UTF-8', () => {
  const gbk = (text: string): number[] => {
    // GBK codes of the characters used (GB 2312 table): 太 CCAB, 原 D4AD, 违 CEA5, 约 D4BC.
    const table: Record<string, [number, number]> = {
      太: [0xcc, 0xab],
      原: [0xd4, 0xad],
      违: [0xce, 0xa5],
      约: [0xd4, 0xbc],
    };
    return [...text].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]);
  };

  it('太原 and 违约 in GBK are detected as GB18030, though their bytes are valid UTF-8', () => {
    const bytes = new Uint8Array(gbk('id,region,status\nL1,太原,违约\n'));
    expect(firstInvalidUtf8(bytes)).toBe(-1);
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
  });

  it('real UTF-8 text stays UTF-8: accents, Cyrillic, Greek words, Chinese', () => {
    for (const text of [
      'id,city\nL1,Zürich\nL2,São Paulo\n',
      'id,city\nL1,Москва\n',
      'id,city\nL1,Αθήνα\n',
      'id,city\nL1,太原\n',
    ])
      expect(detectEncoding(new TextEncoder().encode(text)).encoding).toBe('utf-8');
  });
});

describe('item 4: the wizard shows the detected encoding and can override it', () => {
  const bytes = new Uint8Array([
    ...new TextEncoder().encode('id,region\nL1,'),
    0xcc,
    0xab,
    0xd4,
    0xad, // 太原 in GBK
    0x0a,
  ]);

  it('inspects as detected, or as chosen, and says which', () => {
    const detected = inspectTape({ kind: 'tapeInspect', name: 't.csv', bytes });
    expect(detected.encoding).toBe('gb18030');
    expect(detected.rows[0]).toEqual(['L1', '太原']);
    const chosen = inspectTape({ kind: 'tapeInspect', name: 't.csv', bytes, encoding: 'utf-8' });
    expect(chosen.encoding).toBe('utf-8');
    expect(chosen.encodingNote).toBe('chosen in the import wizard (detected: gb18030)');
    expect(chosen.rows[0]![1]).toBe('\u032b\u052d');
  });
});

describe('item 1: the decimal separator stated by the mapping', () => {
  it("',' reads an undecidable 12.500 as twelve thousand five hundred and rejects 2.5", () => {
    const { pool, report } = load(
      [
        'id;balance;rate;term;remaining;origination;maturity;status',
        'A;12.500;5;12;6;;;current',
        // '2.5' is a number only with a decimal point: not how this tape writes numbers.
        'B;2.5;5;12;6;;;current',
      ],
      '2025-06-30',
      { decimalSeparator: ',' },
    );
    expect(Array.from(pool.balance)).toEqual([12500]);
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([[3, 'mixed-decimal']]);
    expect(report.rejects[0]!.message).toMatch(/as the mapping states/);
  });
});

describe('item 1: both conventions read back exactly (property)', () => {
  /** Groups of three from the right, as a locale writes them. */
  const grouped = (int: string, sep: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  it('an amount written 1,234,567.89 or 1.234.567,89 reads as the same number under its own separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (centsValue) => {
        const int = String(Math.floor(centsValue / 100));
        const frac = String(centsValue % 100).padStart(2, '0');
        const want = Number(`${int}.${frac}`);
        expect(parseNumber(`${grouped(int, ',')}.${frac}`, undefined, '.')).toBe(want);
        expect(parseNumber(`${grouped(int, '.')},${frac}`, undefined, ',')).toBe(want);
        // Written with two decimals, a cell is never a number under the other separator (no silent misread).
        expect(parseNumber(`${grouped(int, ',')}.${frac}`, undefined, ',')).toBeNaN();
        expect(parseNumber(`${grouped(int, '.')},${frac}`, undefined, '.')).toBeNaN();
      }),
    );
  });
});
