import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  integer,
  money,
  moneyWhole,
  parseAmount,
  parsePercent,
  pct,
  years,
} from '../../../renderer/format';

describe('display formats', () => {
  it('money has thousands separators and two decimals', () => {
    expect(money(600_000_000)).toBe('600,000,000.00');
    expect(money(1234.5)).toBe('1,234.50');
    expect(money(-0.004)).toBe('0.00');
    expect(money(-1234.567)).toBe('-1,234.57');
    expect(money(null)).toBe('–');
    expect(money(Number.NaN)).toBe('–');
    expect(moneyWhole(44_613_936.02)).toBe('44,613,936');
  });

  it('percentages from decimal rates', () => {
    expect(pct(0.051)).toBe('5.10%');
    expect(pct(0.0577624336375)).toBe('5.78%');
    expect(pct(0.05154586730430681, 3)).toBe('5.155%');
    expect(pct(12.5)).toBe('1,250.00%');
    expect(pct(-0.00001)).toBe('0.00%');
    expect(pct(undefined)).toBe('–');
  });

  it('years and integers', () => {
    expect(years(1.2016437708847223)).toBe('1.20');
    expect(years(null)).toBe('–');
    expect(integer(491000)).toBe('491,000');
  });
});

describe('parsing what users type', () => {
  it('amounts with separators and multipliers', () => {
    expect(parseAmount('590,000,000')).toBe(590_000_000);
    expect(parseAmount(' 1.25m ')).toBe(1_250_000);
    expect(parseAmount('2bn')).toBe(2_000_000_000);
    expect(parseAmount('750k')).toBe(750_000);
    expect(parseAmount('10.005')).toBe(10.01);
    expect(parseAmount('six hundred')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('1,2,3x')).toBeNull();
    expect(parseAmount('1e308m')).toBeNull();
  });

  it('percentages to decimals', () => {
    expect(parsePercent('5.1')).toBe(0.051);
    expect(parsePercent('5.25%')).toBe(0.0525);
    expect(parsePercent('-0.5')).toBe(-0.005);
    expect(parsePercent('abc')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });

  it('a formatted amount parses back to the cent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        const v = cents / 100;
        expect(parseAmount(money(v))).toBe(v === 0 ? 0 : v);
      }),
    );
  });
});

describe('csvCell (table CSV export)', () => {
  it('keeps numbers raw and neutralises text a spreadsheet would run', () => {
    expect(csvCell(1234567.89)).toBe('1234567.89');
    expect(csvCell(null)).toBe('');
    expect(csvCell('L00000001')).toBe('L00000001');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
