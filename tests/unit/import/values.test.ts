import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  civilFromDays,
  dayToIso,
  daysFromCivil,
  isoToDay,
  monthsBetweenCeil,
  monthsBetweenFloor,
  readDate,
  resolveSlashOrder,
} from '../../../core/io/tape/dates';
import { noDataCode, parseNumber, parseTerm, type ParsedNumber } from '../../../core/io/tape/values';

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['-12', -12],
    ['.5', 0.5],
    ['1,234,567.89', 1234567.89],
    ['1 234.50', 1234.5],
    ["1'234.50", 1234.5],
    ['¥1,234', 1234],
    ['￥88', 88],
    ['$12.00', 12],
    ['€ 7.5', 7.5],
    ['£3', 3],
    ['RMB 1,000', 1000],
    ['CNY2000.5', 2000.5],
    ['1000元', 1000],
    ['(250.00)', -250],
    ['($1,250.00)', -1250],
    ['$-12', -12],
    ['  42  ', 42],
    ['1e3', 1000],
    ['+7', 7],
  ])('%s → %d', (s, v) => {
    expect(parseNumber(s)).toBeCloseTo(v, 10);
  });

  it.each(['', 'abc', '12abc', '0x10', '1.2.3', '1,23', '--5', '(-5)', '.', '-', 'Infinity', '1,2345'])(
    'rejects %j',
    (s) => {
      expect(parseNumber(s)).toBeNaN();
    },
  );

  it('flags percentages and divides them', () => {
    const out: ParsedNumber = { value: 0, percent: false };
    expect(parseNumber('10.65%', out)).toBeCloseTo(0.1065, 12);
    expect(out.percent).toBe(true);
    expect(parseNumber('10.65', out)).toBe(10.65);
    expect(out.percent).toBe(false);
  });

  it('reads back any finite number written by String()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        expect(parseNumber(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('parseTerm', () => {
  it.each([
    ['36', 36],
    [' 36 months', 36],
    ['60 months', 60],
    ['12m', 12],
    ['12期', 12],
    ['24个月', 24],
    ['2 years', 24],
    ['1年', 12],
  ])('%j → %d', (s, v) => expect(parseTerm(s)).toBe(v));
  it.each(['', 'x', '3.5', '-'])('rejects %j', (s) => expect(parseTerm(s)).toBeNaN());
});

describe('ESMA no-data codes', () => {
  it('reads ND1–ND5 and nothing else', () => {
    expect(noDataCode('ND1')).toBe('ND1');
    expect(noDataCode(' nd5 ')).toBe('ND5');
    expect(noDataCode('ND,3')).toBe('ND3');
    expect(noDataCode('ND6')).toBeNull();
    expect(noDataCode('NDA')).toBeNull();
    expect(noDataCode('1')).toBeNull();
  });
});

describe('dates', () => {
  it('civil ↔ day numbers round-trip, with known anchors', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(dayToIso(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 80000 }), (d) => {
        const { y, m, d: dd } = civilFromDays(d);
        expect(daysFromCivil(y, m, dd)).toBe(d);
      }),
    );
  });

  it('reads ISO, ISO with time, year-first slashes, Chinese, compact, Mon-YYYY and Excel serials', () => {
    const day = (s: string): number => {
      const r = readDate(s);
      if (r.kind !== 'day') throw new Error(`${s}: ${r.kind}`);
      return r.day;
    };
    const iso = (s: string): number => isoToDay(s);
    expect(day('2023-12-31')).toBe(iso('2023-12-31'));
    expect(day('2023-12-31T00:00:00')).toBe(iso('2023-12-31'));
    expect(day('2023-12-31 13:45')).toBe(iso('2023-12-31'));
    expect(day('2023/12/31')).toBe(iso('2023-12-31'));
    expect(day('2023年12月31日')).toBe(iso('2023-12-31'));
    expect(day('20231231')).toBe(iso('2023-12-31'));
    expect(day('Dec-2011')).toBe(iso('2011-12-01'));
    expect(day('sep-2020')).toBe(iso('2020-09-01'));
    expect(day('2011-12')).toBe(iso('2011-12-01'));
    // Excel: 45291 is 2023-12-31, 1 Jan 1900 is serial 1 (61 = 1900-03-01 after the phantom leap day).
    expect(day('45291')).toBe(iso('2023-12-31'));
    expect(day('61')).toBe(iso('1900-03-01'));
  });

  it('reports the format each cell was read in', () => {
    expect(readDate('2023/12/31')).toMatchObject({ format: 'YMD' });
    expect(readDate('2023年12月31日')).toMatchObject({ format: 'YMD' });
    expect(readDate('2023-12-31')).toMatchObject({ format: 'ISO' });
    expect(readDate('2023-12-31', 'YMD')).toMatchObject({ format: 'ISO' });
    expect(readDate('Dec-2011', 'ISO').kind).toBe('bad');
  });

  it('rejects impossible dates and two-digit years', () => {
    for (const s of [
      '2023-02-29',
      '2023-13-01',
      '31/02/2023',
      '01/02/23',
      'Foo-2020',
      'yesterday',
      '2023-1-5',
    ]) {
      expect(readDate(s).kind, s).toBe('bad');
    }
  });

  it('slash dates: one cell decides nothing, the column decides (day above 12), ambiguity is reported', () => {
    expect(readDate('03/04/2023')).toEqual({ kind: 'pair', y: 2023, a: 3, b: 4 });
    expect(readDate('25/04/2023')).toEqual({ kind: 'pair', y: 2023, a: 25, b: 4 });
    expect(readDate('03/04/2023', 'DMY')).toEqual({
      kind: 'day',
      day: isoToDay('2023-04-03'),
      format: 'DMY',
    });
    expect(readDate('03/04/2023', 'MDY')).toEqual({
      kind: 'day',
      day: isoToDay('2023-03-04'),
      format: 'MDY',
    });
    expect(readDate('25/04/2023', 'MDY').kind).toBe('bad');
    expect(resolveSlashOrder({ firstAbove12: 1, secondAbove12: 0, cells: 9 })).toEqual({ order: 'DMY' });
    expect(resolveSlashOrder({ firstAbove12: 0, secondAbove12: 2, cells: 9 })).toEqual({ order: 'MDY' });
    expect(resolveSlashOrder({ firstAbove12: 0, secondAbove12: 0, cells: 9 })).toEqual({
      order: null,
      why: 'ambiguous',
    });
    expect(resolveSlashOrder({ firstAbove12: 1, secondAbove12: 1, cells: 9 })).toEqual({
      order: null,
      why: 'conflicting',
    });
  });

  it('month counting for remaining term and seasoning', () => {
    const d = isoToDay;
    // Payments on the 15th after a 31 Jan cut-off up to 15 Jun: Feb..Jun = 5.
    expect(monthsBetweenCeil(d('2024-01-31'), d('2024-06-15'))).toBe(5);
    expect(monthsBetweenCeil(d('2024-01-10'), d('2024-06-15'))).toBe(6);
    expect(monthsBetweenFloor(d('2023-12-20'), d('2024-06-30'))).toBe(6);
    expect(monthsBetweenFloor(d('2023-12-20'), d('2024-06-10'))).toBe(5);
  });
});
