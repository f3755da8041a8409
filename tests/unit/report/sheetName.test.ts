import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { safeSheetName } from '../../../core/io/report';

const fold = (s: string): string => s.toUpperCase().toLowerCase();

/** What Excel accepts as a sheet name (and XML can carry). */
function expectValid(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(name.length).toBeLessThanOrEqual(31);
  expect(name).not.toMatch(/[[\]:*?/\\]/);
  expect(name.startsWith("'")).toBe(false);
  expect(name.endsWith("'")).toBe(false);
  expect(name.trim()).toBe(name);
  expect(fold(name)).not.toBe('history');
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    expect(code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && code !== 0xfffe && code !== 0xffff).toBe(true);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = name.charCodeAt(++i);
      expect(next >= 0xdc00 && next <= 0xdfff).toBe(true);
    } else {
      expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
    }
  }
}

const nameLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({
    unit: fc.constantFrom(
      '[',
      ']',
      ':',
      '*',
      '?',
      '/',
      '\\',
      "'",
      ' ',
      'a',
      'A',
      'ß',
      'S',
      '\u0000',
      '\ud83d',
      '\ude00',
      '😀',
      'History',
    ),
    maxLength: 40,
  }),
  fc.constantFrom(
    'History',
    'HISTORY',
    'Summary',
    'summary',
    "'quoted'",
    '',
    '   ',
    'a'.repeat(40),
    '😀'.repeat(20),
  ),
);

describe('safeSheetName', () => {
  it('cleans names Excel rejects', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Grid: CDR/CPR [base]?', taken)).toBe('Grid_ CDR_CPR _base__');
    expect(safeSheetName('history', taken)).toBe('history (2)');
    expect(safeSheetName('', taken)).toBe('Sheet');
    expect(safeSheetName("'Sheet'", taken)).toBe('Sheet (2)');
    expect(safeSheetName('Tranche A-1 very long name for a tranche', taken)).toBe(
      'Tranche A-1 very long name for',
    );
    expect(safeSheetName('TRANCHE A-1 VERY LONG NAME FOR A TRANCHE', taken)).toBe(
      'TRANCHE A-1 VERY LONG NAME (2)',
    );
    expect(taken.size).toBe(6);
  });

  it('maps any sequence of strings to valid names, unique ignoring case', () => {
    fc.assert(
      fc.property(fc.array(nameLike, { maxLength: 12 }), (names) => {
        const taken = new Set<string>();
        const got = names.map((n) => safeSheetName(n, taken));
        got.forEach(expectValid);
        expect(new Set(got.map(fold)).size).toBe(got.length);
        expect(taken).toEqual(new Set(got));
      }),
      { numRuns: 300 },
    );
  });

  it('gives names SheetJS writes and reads back unchanged', () => {
    fc.assert(
      fc.property(fc.array(nameLike, { minLength: 1, maxLength: 6 }), (names) => {
        const taken = new Set<string>();
        const wb = XLSX.utils.book_new();
        const got = names.map((n) => safeSheetName(n, taken));
        for (const n of got) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1]]), n);
        const back = XLSX.read(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }), { type: 'array' });
        expect(back.SheetNames).toEqual(got);
      }),
      { numRuns: 40 },
    );
  });
});
