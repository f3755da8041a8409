/**
 * The HiGHS optimiser against brute force, its own evaluation, and the constraints it claims to meet.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioTerms } from '../../../core/funding/analyse';
import { evaluateAllocation } from '../../../core/funding/evaluate';
import type { LpSolver } from '../../../core/funding/lpModel';
import { efficientFrontier, optimiseMix } from '../../../core/funding/optimise';
import type { FundingCase } from '../../../core/funding/schema';
import { simulateMix } from '../../../core/funding/simulate';
import { loadHighsSolver } from '../../../core/node/funding/highs';
import { equity, fundingCase } from './fixtures';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const terms = (c: FundingCase) =>
  scenarioTerms({
    fundingCase: c,
    poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
    scenario: c.scenario!,
    deals: {},
  });

interface Small {
  commitment: number;
  advance: number;
  margin: number;
  fee: number;
  retailRate: number;
  retailCap: number;
  coe: number;
  eqMax: number;
  minShare: number;
  haircuts: boolean;
}

const small = fc.record({
  commitment: fc.integer({ min: 0, max: 15 }).map((x) => x * 100_000),
  advance: fc.integer({ min: 50, max: 100 }).map((x) => x / 100),
  margin: fc.integer({ min: 0, max: 100 }).map((x) => x / 1000),
  fee: fc.integer({ min: 0, max: 10 }).map((x) => x / 1000),
  retailRate: fc.integer({ min: 30, max: 200 }).map((x) => x / 1000),
  retailCap: fc.integer({ min: 0, max: 10 }).map((x) => x * 100_000),
  coe: fc.integer({ min: 50, max: 250 }).map((x) => x / 1000),
  eqMax: fc.integer({ min: 2, max: 15 }).map((x) => x * 100_000),
  minShare: fc.integer({ min: 0, max: 20 }).map((x) => x / 100),
  haircuts: fc.boolean(),
});

function smallCase(p: Small, horizonMonths = 1, extra: Partial<Parameters<typeof fundingCase>[0]> = {}) {
  return fundingCase({
    horizonMonths,
    indexCurves: { SOFR: 0.04 },
    haircutsFromEquity: p.haircuts,
    fundingSources: [
      {
        id: 'bank',
        type: 'bankLine',
        commitment: p.commitment,
        advanceRate: p.advance,
        index: 'SOFR',
        margin: p.margin,
        commitmentFee: p.fee,
        tenorMonths: 12,
      },
      {
        id: 'retail',
        type: 'retail',
        rate: p.retailRate,
        termMonths: 1,
        rolloverRate: 1,
        monthlyRaiseCapacity: p.retailCap,
      },
      equity({ costOfEquity: p.coe, maximumAmount: p.eqMax, minimumShare: p.minShare }),
    ],
    optimisation: { mipRelGap: 0 },
    ...extra,
  });
}

describe('optimiser against brute force', () => {
  it('one month: the LP optimum matches the best of a 2% grid of share mixes', () => {
    fc.assert(
      fc.property(small, (p) => {
        const c = smallCase(p);
        const sc = terms(c);
        const base = sc[0]!;
        let best = Infinity;
        const step = 0.02;
        for (let i = 0; i <= 50; i++)
          for (let j = 0; i + j <= 50; j++) {
            const mix = {
              name: 'grid',
              kind: 'shares' as const,
              shares: { bank: i * step, retail: j * step, eq: Math.max(0, 1 - (i + j) * step) },
            };
            const e = evaluateAllocation(base, simulateMix(mix, base));
            if (e.feasible) best = Math.min(best, e.totalCost);
          }
        const r = optimiseMix(sc, c.optimisation!, solver, 0, false);
        if (best === Infinity) {
          // The grid may miss a thin feasible set, never the other way round.
          if (r.status === 'optimal') expect(r.evaluations[0]!.feasible).toBe(true);
          return;
        }
        expect(r.status).toBe('optimal');
        const opt = r.evaluations[0]!.totalCost;
        expect(opt).toBeLessThanOrEqual(best + 1e-6 * best);
        // A 2% step of a 1,000,000 need moves at most 20,000 × (2 / advance) between sources whose
        // monthly rates differ by under 30% / 12.
        const slack = ((0.02 * 1_000_000 * 2) / p.advance) * (0.3 / 12) * 2;
        expect(opt).toBeGreaterThanOrEqual(best - slack);
      }),
      { numRuns: 12, seed: 6 },
    );
  });

  it('a bank line at 8% and equity at 15%: draw the whole borrowing base, by hand', () => {
    const c = smallCase(
      {
        commitment: 1_500_000,
        advance: 0.8,
        margin: 0.04,
        fee: 0,
        retailRate: 0.2,
        retailCap: 0,
        coe: 0.15,
        eqMax: 1_000_000,
        minShare: 0,
        haircuts: true,
      },
      3,
    );
    const r = optimiseMix(terms(c), c.optimisation!, solver);
    expect(r.status).toBe('optimal');
    const e = r.evaluations[0]!;
    for (const m of e.months) {
      expect(m.bySource.bank!.balance).toBeCloseTo(800_000, 3);
      expect(m.bySource.eq!.balance).toBeCloseTo(200_000, 3);
    }
    expect(e.totalCost).toBeCloseTo(3 * ((800_000 * 0.08) / 12 + (200_000 * 0.15) / 12), 3);
    expect(r.objective!).toBeCloseTo(e.totalCost, 3);
  });
});

describe('optimiser with a minimum utilisation', () => {
  it('pays interest on the minimum and still draws the borrowing base, by hand', () => {
    const c = fundingCase({
      indexCurves: { SOFR: 0.04 },
      fundingSources: [
        {
          id: 'bank',
          type: 'bankLine',
          commitment: 1_500_000,
          advanceRate: 0.8,
          index: 'SOFR',
          margin: 0.04,
          tenorMonths: 12,
          minimumUtilisation: 900_000,
        },
        equity(),
      ],
      optimisation: { mipRelGap: 0 },
    });
    const r = optimiseMix(terms(c), c.optimisation!, solver);
    const e = r.evaluations[0]!;
    for (const m of e.months) expect(m.bySource.bank!.balance).toBeCloseTo(800_000, 3);
    // 900,000 × 8% / 12 = 6,000 interest; 200,000 × 15% / 12 = 2,500 equity; three months.
    expect(e.totalCost).toBeCloseTo(3 * (6_000 + 2_500), 3);
    expect(r.objective!).toBeCloseTo(e.totalCost, 3);
  });
});

describe('optimiser properties', () => {
  it('a feasible optimum leaves no gap in any month of any scenario, and its cost is its evaluation', () => {
    fc.assert(
      fc.property(
        small,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        (p, start, outflow, cut) => {
          const c = smallCase({ ...p, eqMax: p.eqMax + 500_000 }, 4, {
            stresses: [
              {
                name: 'stress',
                startMonth: start,
                lossMultiple: 1,
                bankLinesNotRenewed: cut,
                retailRun: { outflowPerMonth: outflow / 100 },
              },
            ],
            optimisation: { mipRelGap: 0, stressWeight: 0.01, minLiquidityBuffer: 0.02 },
          });
          const sc = terms(c);
          const r = optimiseMix(sc, c.optimisation!, solver, undefined, false);
          if (r.status !== 'optimal') return;
          for (const e of r.evaluations) {
            expect(e.feasible).toBe(true);
            for (const m of e.months) expect(m.gap).toBeLessThanOrEqual(1e-6 * m.need);
          }
          const base = r.evaluations[0]!;
          for (const m of base.months)
            expect(m.liquidity).toBeGreaterThanOrEqual(0.02 * m.receivables - 1e-3);
          const weighted = base.totalCost + 0.01 * r.evaluations[1]!.totalCost;
          expect(r.objective!).toBeCloseTo(weighted, 2);
          // Shared decisions before the stress is known.
          const bankBase = r.allocations[0]!.paths[0]!.balance;
          const bankStress = r.allocations[1]!.paths[0]!.balance;
          for (let t = 1; t < start; t++) expect(bankStress[t]).toBeCloseTo(bankBase[t]!, 3);
        },
      ),
      { numRuns: 10, seed: 66 },
    );
  });

  it('the frontier: a larger liquidity buffer never costs less', () => {
    const c = smallCase(
      {
        commitment: 1_200_000,
        advance: 0.9,
        margin: 0.03,
        fee: 0.005,
        retailRate: 0.12,
        retailCap: 300_000,
        coe: 0.15,
        eqMax: 1_500_000,
        minShare: 0.05,
        haircuts: true,
      },
      3,
      { cashYield: 0.02, optimisation: { mipRelGap: 0, frontier: { from: 0, to: 0.4, steps: 5 } } },
    );
    const points = efficientFrontier(terms(c), c.optimisation!, solver);
    expect(points.map((p) => p.feasible)).toEqual([true, true, true, true, true]);
    for (let i = 1; i < points.length; i++)
      expect(points[i]!.totalCost!).toBeGreaterThanOrEqual(points[i - 1]!.totalCost! - 1e-6);
    // Buffers above the undrawn line need cash funded at a cost: the last step is strictly dearer.
    expect(points[4]!.totalCost!).toBeGreaterThan(points[0]!.totalCost!);
  });
});

describe('infeasible problems name what binds', () => {
  it('a liquidity buffer the sources cannot carry', () => {
    // Need 1,000,000; the line (1,000,000 at 100% advance) plus at most 100,000 of equity: cash + headroom is
    // at most 100,000 above the receivables, so a 30% buffer cannot be met.
    const c = fundingCase({
      indexCurves: { SOFR: 0.04 },
      haircutsFromEquity: false,
      fundingSources: [
        {
          id: 'bank',
          type: 'bankLine',
          commitment: 1_000_000,
          advanceRate: 1,
          index: 'SOFR',
          margin: 0.02,
          tenorMonths: 12,
        },
        equity({ maximumAmount: 100_000 }),
      ],
      optimisation: { minLiquidityBuffer: 0.3, mipRelGap: 0 },
    });
    const r = optimiseMix(terms(c), c.optimisation!, solver);
    expect(r.status).toBe('infeasible');
    const inf = r.infeasibility!;
    expect(inf.binding[0]!.family).toBe('liquidityBuffer');
    // 200,000 short in each of the 3 months.
    expect(inf.binding[0]!.amount).toBeCloseTo(600_000, 0);
    expect(inf.binding[0]!.months).toEqual([1, 2, 3]);
    expect(inf.relaxingAloneRestores).toContain('liquidityBuffer');
    expect(inf.relaxingAloneRestores).toContain('capacity:eq');
    expect(inf.relaxingAloneRestores).not.toContain('capacity:bank');
  });

  it('a concentration limit under a bank-line stress', () => {
    const c = fundingCase({
      indexCurves: { SOFR: 0.04 },
      haircutsFromEquity: false,
      fundingSources: [
        {
          id: 'bank',
          type: 'bankLine',
          commitment: 2_000_000,
          advanceRate: 1,
          index: 'SOFR',
          margin: 0.02,
          tenorMonths: 2,
        },
        {
          id: 'retail',
          type: 'retail',
          rate: 0.12,
          termMonths: 3,
          monthlyRaiseCapacity: 400_000,
          rolloverRate: 1,
        },
        equity({ maximumAmount: 300_000 }),
      ],
      stresses: [{ name: 'line cut', startMonth: 2, bankLinesNotRenewed: true }],
      optimisation: { maxShare: { retail: 0.5 }, mipRelGap: 0 },
    });
    // Without the line from month 2, retail (≤ 50% of funding) and equity (≤ 300,000) fund at most 600,000.
    const r = optimiseMix(terms(c), c.optimisation!, solver);
    expect(r.status).toBe('infeasible');
    const fams = r.infeasibility!.binding.map((b) => b.family);
    expect(fams[0]).toBe('maxShare:retail');
    expect(r.infeasibility!.binding[0]!.scenarios).toEqual(['line cut']);
    expect(r.infeasibility!.relaxingAloneRestores).toEqual(
      expect.arrayContaining(['maxShare:retail', 'capacity:eq', 'fundingGap:line cut']),
    );
    expect(r.infeasibility!.relaxingAloneRestores).not.toContain('fundingGap:base');
  });
});
