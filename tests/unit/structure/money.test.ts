import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProRata, centsFromFloat, Money, toCents, toNumber } from '../../../core/money';

const m = (x: string | number): Money => new Money(x);
const strs = (xs: Money[]): string[] => xs.map((x) => x.toFixed(2));

describe('toCents rounds half-even', () => {
  it.each([
    ['0.125', '0.12'],
    ['0.135', '0.14'],
    ['0.375', '0.38'],
    ['2666.665', '2666.66'],
    ['-0.125', '-0.12'],
    ['1663.335', '1663.34'],
  ])('%s → %s', (x, want) => {
    expect(toCents(x).toFixed(2)).toBe(want);
  });

  it('reads a float by its shortest decimal string, so 0.125 stays a tie', () => {
    expect(centsFromFloat(0.125).toFixed(2)).toBe('0.12');
    expect(centsFromFloat(1e6 / 3).toFixed(2)).toBe('333333.33');
    expect(() => centsFromFloat(Number.NaN)).toThrow();
    expect(toNumber(m('10.005'))).toBe(10);
  });
});

describe('allocateProRata (largest remainder)', () => {
  it('gives the leftover cents to the largest remainders', () => {
    expect(strs(allocateProRata(m('100'), [m(1), m(1), m(1)]))).toEqual(['33.34', '33.33', '33.33']);
    // 1000.01 over 2:1 → 666.6733 / 333.3367: the cent goes to B (remainder .67 beats .33).
    expect(strs(allocateProRata(m('1000.01'), [m(200000), m(100000)]))).toEqual(['666.67', '333.34']);
    expect(strs(allocateProRata(m('10.01'), [m('0.5'), m('0.3'), m('0.2')]))).toEqual([
      '5.01',
      '3.00',
      '2.00',
    ]);
  });

  it('breaks ties towards the earlier weight and splits zero weights equally', () => {
    expect(strs(allocateProRata(m('0.05'), [m(1), m(1)]))).toEqual(['0.03', '0.02']);
    expect(strs(allocateProRata(m('0.03'), [m(0), m(0)]))).toEqual(['0.02', '0.01']);
    expect(allocateProRata(m(5), [])).toEqual([]);
    expect(() => allocateProRata(m(-1), [m(1)])).toThrow();
  });

  it('never creates or loses a cent, and each share is within a cent of exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        (totalCents, ws) => {
          const total = m(totalCents).div(100);
          const weights = ws.map((w) => m(w).div(100));
          const shares = allocateProRata(total, weights);
          const sum = shares.reduce((a, b) => a.plus(b), m(0));
          expect(sum.eq(total)).toBe(true);
          const wsum = weights.reduce((a, b) => a.plus(b), m(0));
          shares.forEach((s, i) => {
            expect(s.isNeg()).toBe(false);
            expect(s.times(100).isInteger()).toBe(true);
            const exact = wsum.isZero() ? total.div(ws.length) : total.times(weights[i]).div(wsum);
            expect(s.minus(exact).abs().lt('0.01')).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
