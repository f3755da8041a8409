/** Any mix, any stress: what the evaluation reports agrees with the allocation it read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioTerms } from '../../../core/funding/analyse';
import { equityRequired } from '../../../core/funding/allocation';
import { evaluateAllocation } from '../../../core/funding/evaluate';
import { simulateMix } from '../../../core/funding/simulate';
import { equity, fundingCase } from './fixtures';

const ids = ['bank', 'retail', 'abs', 'ff', 'eq'] as const;

const mixArb = fc.oneof(
  fc
    .record({
      bank: fc.integer({ min: 0, max: 10 }),
      retail: fc.integer({ min: 0, max: 10 }),
      abs: fc.integer({ min: 0, max: 10 }),
      ff: fc.integer({ min: 0, max: 10 }),
      eq: fc.integer({ min: 0, max: 10 }),
    })
    .map((w) => {
      const total = Object.values(w).reduce((a, b) => a + b, 0) || 1;
      const shares: Record<string, number> = {};
      for (const k of ids) shares[k] = w[k] / total;
      return { name: 'shares', kind: 'shares' as const, shares };
    }),
  fc.shuffledSubarray([...ids], { minLength: 1 }).chain((order) =>
    fc
      .record({ above: fc.integer({ min: 0, max: 10 }), share: fc.integer({ min: 1, max: 10 }) })
      .map((r) => ({
        name: 'rules',
        kind: 'rules' as const,
        order,
        securitiseAbove: r.above * 100_000,
        securitiseShare: r.share / 10,
      })),
  ),
);

describe('mix evaluation', () => {
  it('gap is need less the sources’ balances, feasible means no gap and no equity shortfall, costs add up', () => {
    fc.assert(
      fc.property(
        mixArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 80 }),
        fc.boolean(),
        (mix, haircuts, run, cut) => {
          const c = fundingCase({
            horizonMonths: 9,
            haircutsFromEquity: haircuts,
            indexCurves: { SOFR: [0.04, 0.045, 0.05] },
            scenario: {
              name: 'base',
              prepayment: { model: 'CPR', curve: 0.1 },
              default: { model: 'CDR', curve: 0.08 },
              severity: 0.9,
              recoveryLagMonths: 1,
            },
            book: {
              currentPool: {
                kind: 'repLines',
                lines: [
                  {
                    id: 'a',
                    product: 'level-pay',
                    balance: 1_000_000,
                    rate: 0.2,
                    originalTerm: 12,
                    remainingTerm: 9,
                  },
                ],
              },
              origination: [
                {
                  id: 'n',
                  line: {
                    id: 'n',
                    product: 'interest-free-fee',
                    balance: 0,
                    rate: 0,
                    monthlyFeeRate: 0.007,
                    originalTerm: 6,
                    remainingTerm: 6,
                  },
                  monthlyVolume: 200_000,
                },
              ],
              cashBuffer: { percentOfReceivables: 0.02 },
            },
            fundingSources: [
              {
                id: 'bank',
                type: 'bankLine',
                commitment: 700_000,
                advanceRate: 0.85,
                index: 'SOFR',
                margin: 0.0675,
                commitmentFee: 0.005,
                tenorMonths: 4,
              },
              {
                id: 'retail',
                type: 'retail',
                rate: 0.1238,
                termMonths: 3,
                channelFee: 0.01,
                monthlyRaiseCapacity: 100_000,
                rolloverRate: 0.8,
                initialBalance: 200_000,
              },
              {
                id: 'abs',
                type: 'securitization',
                classes: [
                  { id: 'A', poolShare: 0.8, coupon: { type: 'floating', index: 'SOFR', spread: 0.0205 } },
                  { id: 'E', poolShare: 0.2, coupon: { type: 'fixed', rate: 0 }, retained: true },
                ],
                leadTimeMonths: 2,
                issueEveryMonths: 3,
                minimumSize: 200_000,
                fixedCost: 5_000,
                revolvingMonths: 3,
              },
              { id: 'ff', type: 'forwardFlow', price: 99, costRate: 0.09, maxShareOfOriginations: 0.3 },
              equity({
                initialAmount: 300_000,
                maximumAmount: 600_000,
                maxRaisePerMonth: 100_000,
                minimumShare: 0.05,
              }),
            ],
            mixes: [mix],
            stresses: [
              {
                name: 's',
                startMonth: 3,
                lossMultiple: 2,
                bankLinesNotRenewed: cut,
                retailRun: { outflowPerMonth: run / 100 },
                securitizationClosedMonths: 3,
              },
            ],
          });
          for (const sc of scenarioTerms({
            fundingCase: c,
            poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
            scenario: c.scenario!,
            deals: {},
          })) {
            const alloc = simulateMix(c.mixes[0]!, sc);
            const e = evaluateAllocation(sc, alloc);
            let anyGap = false;
            for (const m of e.months) {
              const funded = alloc.paths.reduce((a, p) => a + (p.balance[m.month] ?? 0), 0);
              expect(m.funded).toBeCloseTo(funded, 6);
              expect(m.gap).toBeCloseTo(Math.max(0, sc.book.need[m.month]! - funded), 6);
              const eqBal = alloc.paths[4]!.balance[m.month]!;
              expect(m.equityShortfall).toBeCloseTo(
                Math.max(0, equityRequired(sc, alloc.paths, m.month) - eqBal),
                6,
              );
              for (const p of alloc.paths) expect(p.balance[m.month]!).toBeGreaterThanOrEqual(-1e-9);
              if (m.gap > 1e-6 * m.need || m.equityShortfall > 1e-6 * m.need) anyGap = true;
            }
            expect(e.feasible).toBe(!anyGap);
            if (e.feasible) expect(e.maxGap).toBeLessThanOrEqual(1e-6 * Math.max(...sc.book.need));
            const bySource = e.sources.reduce((a, s) => a + s.totalCost, 0);
            const cash = e.months.reduce((a, m) => a + (m.cash * sc.cashYield) / 12, 0);
            expect(e.totalCost).toBeCloseTo(bySource - cash, 4);
          }
        },
      ),
      { numRuns: 60, seed: 6006 },
    );
  });
});
