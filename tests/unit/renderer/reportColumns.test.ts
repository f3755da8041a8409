import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableOf } from '../../../core/io/report/reportTable';
import {
  columnWidth,
  headerPieces,
  isTextColumn,
  naturalWidth,
  reportCellText,
} from '../../../renderer/components/reportColumns';

/** A stand-in for the canvas: 7px a character, 8px bold. */
const measure = (text: string, bold: boolean): number => text.length * (bold ? 8 : 7);
const twoDp = (n: number): string => n.toFixed(2);

describe('report cells on screen', () => {
  it('reads each format as the report does: separators, two decimals, percent, whole numbers, dashes', () => {
    expect(reportCellText(192_643_423.42, 'money')).toBe('192,643,423.42');
    expect(reportCellText(-0.004, 'money')).toBe('0.00');
    expect(reportCellText(0.0917, 'percent')).toBe('9.17%');
    expect(reportCellText(1234.6, 'integer')).toBe('1,235');
    expect(reportCellText(1.26594, 'number')).toBe('1.27');
    expect(
      reportCellText(0.29167, 'number', (n) => n.toLocaleString('en-US', { maximumFractionDigits: 4 })),
    ).toBe('0.2917');
    expect(reportCellText('2025-10-30', 'date')).toBe('2025-10-30');
    expect(reportCellText('yes', 'text')).toBe('yes');
    expect(reportCellText(null, 'money')).toBe('–');
    expect(reportCellText(undefined, 'percent')).toBe('–');
  });

  it('shows money a table builder rounded once, to the cent', () => {
    const t = tableOf(
      { sheetName: 'Costs', title: 'Costs' },
      [
        { key: 'mix', header: 'Mix', format: 'text', value: (x: { mix: string; cost: number }) => x.mix },
        { key: 'cost', header: 'Total cost', format: 'money', value: (x) => x.cost },
      ],
      [{ mix: 'warehouse then ABS', cost: 1_234_567.675 }],
    );
    expect(reportCellText(t.rows[0]!['cost'], t.columns[1]!.format)).toBe('1,234,567.68');
    expect(t.columns.map(isTextColumn)).toEqual([true, false]);
  });
});

describe('report column widths', () => {
  const col = { key: 'v', header: 'Runway from stress (months)', format: 'money' as const };

  it("is the header's longest word when the figures are narrower, since headers wrap at spaces", () => {
    // "(months)": 8 bold characters at 8px, plus 20px of padding.
    expect(naturalWidth(col, [{ v: 1 }, { v: null }], twoDp, measure)).toBe(84);
  });

  it('is the widest figure when that is wider than any header word', () => {
    // "192,643,423.42": 14 characters at 7px, plus 20px.
    expect(naturalWidth(col, [{ v: 1 }, { v: 192_643_423.42 }], twoDp, measure)).toBe(118);
  });

  it('sizes any column by its header words and its texts: a break-even column', () => {
    // "Break-even" is the longest word (10 bold characters, 80px); "≥ 50.00%" is 8 characters (56px).
    expect(columnWidth('Break-even CDR', ['81.24%', '≥ 50.00%'], measure)).toBe(100);
    // A floating coupon is wider than its header: 15 characters, 105px.
    expect(columnWidth('Coupon', ['fixed 5.10%', '1M SOFR + 0.85%'], measure)).toBe(125);
  });

  it('looks at the first 200 rows only', () => {
    const rows = Array.from({ length: 240 }, (_, i) => ({ v: i < 200 ? 1 : 9_999_999_999 }));
    expect(naturalWidth(col, rows, twoDp, measure)).toBe(84);
  });

  it('always fits every sampled cell and every header word, and no more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constant(null)), {
          maxLength: 50,
        }),
        fc.array(fc.stringMatching(/^[A-Za-z()]{1,12}$/), { minLength: 1, maxLength: 5 }),
        (values, words) => {
          const c = { key: 'v', header: words.join(' '), format: 'money' as const };
          const w = naturalWidth(
            c,
            values.map((v) => ({ v })),
            twoDp,
            measure,
          );
          const cells = values.map((v) => measure(reportCellText(v, 'money'), false));
          const heads = words.map((x) => measure(x, true));
          expect(w).toBe(Math.ceil(Math.max(...cells, ...heads) + 20));
        },
      ),
    );
  });
});

describe('Chinese headers', () => {
  it('wrap within Chinese, so a long Chinese header does not widen its column to its whole length', () => {
    expect(headerPieces('Mortgage yield')).toEqual(['Mortgage', 'yield']);
    expect(headerPieces('加权平均期限（年） WAL')).toEqual(['加权平均', '期限（年', '）', 'WAL']);
    const long = '按债券等价收益率计算的年化收益率';
    expect(columnWidth(long, ['1.00'], measure)).toBe(4 * 8 + 20);
  });
});
