import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupBySegmentAndProduct, sumProjections } from '../../../core/projection/combine';
import { loanPoolArrays } from '../../../core/projection/loanArrays';
import { projectArrays } from '../../../core/projection/project';
import { PROJECTION_SERIES } from '../../../core/projection/types';
import { asLoanPool, line, scenario } from './fixtures';

describe('a pool split by segment and product (concentration limits)', () => {
  it('keeps groups in the order their first loan appears and loans in pool order', () => {
    // Segments A/B × products: the pool reads A-level, B-equal, A-level, A-fee, B-equal.
    const pool = asLoanPool([
      line({ id: 'a', segment: 'A', balance: 1 }),
      line({ id: 'b', segment: 'B', product: 'equal-principal', balance: 2 }),
      line({ id: 'c', segment: 'A', balance: 3 }),
      line({
        id: 'd',
        segment: 'A',
        product: 'interest-free-fee',
        rate: 0,
        monthlyFeeRate: 0.006,
        balance: 4,
      }),
      line({ id: 'e', segment: 'B', product: 'equal-principal', balance: 5 }),
    ]);
    const groups = groupBySegmentAndProduct(loanPoolArrays(pool));
    expect(groups.map((g) => [g.segment, g.product, [...g.arrays.balance]])).toEqual([
      [0, 0, [1, 3]],
      [1, 1, [2, 5]],
      [0, 2, [4]],
    ]);
    // Every column moves with its loan.
    expect([...groups[2]!.arrays.monthlyFeeRate]).toEqual([0.006]);
    expect(groups[2]!.arrays.segmentNames).toEqual(['A', 'B']);
  });

  it('refuses a segment index with no name', () => {
    const pool = asLoanPool([line({ segment: 'A' })], ['A']);
    const bad = { ...loanPoolArrays(pool), segment: Uint16Array.of(3) };
    expect(() => groupBySegmentAndProduct(bad)).toThrow(/loan 0: segment 3/);
  });

  it('the groups hold every loan once, and their projections add up to the pool’s', () => {
    const products = ['level-pay', 'equal-principal', 'interest-free-fee', 'bullet'] as const;
    const loan = fc.record({
      segment: fc.constantFrom('A', 'B', 'C'),
      product: fc.constantFrom(...products),
      balance: fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100),
      term: fc.integer({ min: 1, max: 24 }),
    });
    fc.assert(
      fc.property(fc.array(loan, { minLength: 1, maxLength: 40 }), (ls) => {
        const pool = asLoanPool(
          ls.map((l, i) =>
            line({
              id: `L${i}`,
              segment: l.segment,
              product: l.product,
              balance: l.balance,
              originalTerm: l.term,
              remainingTerm: l.term,
              ...(l.product === 'interest-free-fee' ? { rate: 0, monthlyFeeRate: 0.005 } : {}),
            }),
          ),
          ['A', 'B', 'C'],
        );
        const groups = groupBySegmentAndProduct(loanPoolArrays(pool));
        expect(groups.reduce((s, g) => s + g.arrays.size, 0)).toBe(pool.size);
        for (const g of groups) {
          const want = [...pool.balance].filter(
            (_, i) => pool.segment[i] === g.segment && pool.product[i] === g.product,
          );
          expect([...g.arrays.balance]).toEqual(want);
        }
        const s = scenario({ default: { model: 'CDR', curve: 0.1 }, severity: 0.5, recoveryLagMonths: 2 });
        const whole = projectArrays(loanPoolArrays(pool), s, 30);
        const parts = sumProjections(
          groups.map((g) => projectArrays(g.arrays, s, 30)),
          30,
        );
        for (const f of PROJECTION_SERIES)
          for (let t = 0; t <= 30; t++) expect(parts[f][t]).toBeCloseTo(whole[f][t]!, 6);
      }),
      { numRuns: 60 },
    );
  });
});
