/**
 * Properties of the history analysis: cumulative default, prepayment and recovery curves never fall (net loss
 * may, when recoveries come in after the charge-off); every observed roll-rate row sums to 1; a fully seasoned
 * triangle develops to itself under both the chain ladder and the timing curve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poolSums, rollRates, vintageCurves } from '../../core/history/analysis';
import { chainLadder } from '../../core/history/chainLadder';
import { readHistoryText } from '../../core/history/reader';
import { timingCurve } from '../../core/history/timing';
import { historyCsv } from '../../samples/generator/historyGenerator';

const nonDecreasing = (a: readonly number[]): boolean => a.every((x, i) => i === 0 || x >= a[i - 1]! - 1e-9);

describe('history properties', () => {
  it('cumulative curves never fall; roll-rate rows sum to 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 2, max: 14 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (seed, vintages, loansPerVintage, maxMob, prepay) => {
          const text = historyCsv({
            seed,
            vintages,
            loansPerVintage,
            maxMob,
            term: 6,
            truth: { prepay, roll: { A: [0.1, 0.5, 0.5, 0.5] }, recoveryRate: 0.3, recoveryLag: 2 },
          });
          const acc = readHistoryText(text);
          expect(acc.rowsRejected).toBe(0);
          const sums = acc.result();
          for (const c of sums.map(vintageCurves)) {
            expect(nonDecreasing(c.cumDefault)).toBe(true);
            expect(nonDecreasing(c.cumPrepayment)).toBe(true);
            expect(nonDecreasing(c.cumRecovery)).toBe(true);
          }
          for (const row of rollRates(poolSums(sums, 'all').transitions)) {
            if (row !== null) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a fully seasoned triangle develops to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 2, max: 10 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 100, maxLength: 100 }),
        (rows, cols, incs) => {
          const values = Array.from({ length: rows }, (_, i) => {
            let c = 0;
            return Array.from({ length: cols }, (_, k) => (c += incs[(i * cols + k) % incs.length]!));
          });
          const tri = { origins: values.map((_, i) => String(i)), values };
          const cl = chainLadder(tri);
          cl.origins.forEach((o, i) => {
            expect(o.ultimate).toBe(values[i]![cols - 1]);
            expect(o.standardError).toBe(0);
          });
          expect(cl.total.standardError).toBe(0);
          const t = timingCurve(tri, { horizon: cols });
          t.origins.forEach((o, i) => expect(o.ultimate).toBe(values[i]![cols - 1]));
        },
      ),
      { numRuns: 50 },
    );
  });
});
