import { describe, expect, it } from 'vitest';
import { backtest } from '../../../core/history/backtest';
import { chainLadder } from '../../../core/history/chainLadder';
import { lifetimeRange, timingCurve } from '../../../core/history/timing';
import { parseCsvText } from '../../../core/io/tape/csv';
import { readVintageTable } from '../../../core/history/table';

const SEASONED = [0.2, 0.4, 0.6, 0.9, 1.2, 1.5, 1.8, 2.0, 2.2, 2.31, 5, 7.01];

describe('timing curve (the agencies’ method)', () => {
  it('10 months into a 7.01 % lifetime curve with 2.31 % realised: 4.70 % to come (../shared/DOMAIN.md)', () => {
    const t = timingCurve(
      { origins: ['s1', 's2', 'new'], values: [SEASONED, SEASONED, SEASONED.slice(0, 10)] },
      { horizon: 12 },
    );
    expect(t.seasoned).toEqual(['s1', 's2']);
    expect(t.cumulative[9]).toBeCloseTo(2.31 / 7.01, 12);
    expect(t.origins[2]!.toCome).toBeCloseTo(4.7, 10);
    expect(t.origins[2]!.ultimate).toBeCloseTo(7.01, 10);
    // Marginal shares are the engine's CNL timing vector: they sum to 1.
    expect(t.marginal.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('expected lifetime loss with its range across vintages, balance-weighted', () => {
    expect(lifetimeRange([0.05, 0.07, null], [100, 300, 50])).toEqual({
      expected: 0.065,
      min: 0.05,
      max: 0.07,
      vintages: 2,
    });
  });
});

describe('vintage tables as published', () => {
  it('reads % cells in their own units, blanks as not observed, and lists a value after a blank', () => {
    const { rows } = parseCsvText(
      'Vintage,M1,M2,M3\n2023Q1,0.10%,0.50%,1.20%\n2023Q2,0.20%,0.60%,\n2023Q3,0.15%,,0.9%\n',
      ',',
    );
    const t = readVintageTable(rows);
    expect(t.unit).toBe('percent');
    expect(t.periods).toEqual([1, 2, 3]);
    expect(t.values[0]).toEqual([0.1, 0.5, 1.2]);
    expect(t.values[1]).toEqual([0.2, 0.6]);
    expect(t.values[2]).toEqual([0.15]);
    expect(t.problems).toEqual([{ row: 4, column: 'M3', reason: 'valueAfterBlank', value: '0.9%' }]);
  });
});

describe('back-test', () => {
  it('on a triangle that develops by exact factors, both methods project the held-out months exactly', () => {
    const f = [2, 1.5, 1.2, 1.1, 1.05];
    const row = (c0: number, n: number): number[] => {
      const r = [c0];
      for (let k = 1; k < n; k++) r.push(r[k - 1]! * f[k - 1]!);
      return r;
    };
    const tri = {
      origins: ['a', 'b', 'c', 'd', 'e', 'f'],
      values: [row(10, 6), row(20, 6), row(15, 5), row(30, 4), row(12, 3), row(8, 2)],
    };
    const b = backtest(tri, 1);
    for (const r of b.rows.filter((x) => x.fromPeriod >= 0 && x.chainLadder !== null)) {
      expect(r.chainLadderError!).toBeCloseTo(0, 9);
    }
    expect(b.meanAbsoluteError.chainLadder!).toBeCloseTo(0, 9);
    // The timing curve stops at its horizon (5 periods on the cut triangle): exact up to it, and nothing more
    // is expected past it, so the two oldest rows' sixth period is under-projected by the method's design.
    for (const r of b.rows.filter((x) => x.fromPeriod >= 0 && x.toPeriod < 5))
      expect(r.timingError!).toBeCloseTo(0, 9);
    expect(b.rows[0]!.timingError!).toBeLessThan(0);
    // The cut removed the last column from every row, so the oldest two rows were fitted to column 4 only.
    expect(b.rows[0]).toMatchObject({ fromPeriod: 4, toPeriod: 5 });
    expect(chainLadder(tri).total.standardError).toBeCloseTo(0, 6);
  });
});
