/**
 * Issue 18: the funding comparison's figures against hand-built cases, one block per finding of the audit.
 * Conventions used throughout (README, "Funding"): the balance of month t is drawn at the start of the month
 * and pays interest in arrears at its end; rates, costs and IRRs are nominal annual (monthly × 12); upfront
 * fees and issue costs are amortised over what they buy and only the part inside the horizon counts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { assetsUsed, pledgeable, type Allocation } from '../../../core/funding/allocation';
import { scenarioTerms } from '../../../core/funding/analyse';
import { bookFromArrays, projectBook } from '../../../core/funding/book';
import { defaultProjector } from '../../../core/funding/analyse';
import { evaluateAllocation } from '../../../core/funding/evaluate';
import type { LpSolver } from '../../../core/funding/lpModel';
import { optimiseMix } from '../../../core/funding/optimise';
import { Book, type FundingCase } from '../../../core/funding/schema';
import { simulateMix } from '../../../core/funding/simulate';
import { buildScenarioTerms } from '../../../core/funding/terms';
import { RepLine } from '../../../core/deal/schema';
import { loadHighsSolver } from '../../../core/node/funding/highs';
import { equity, fundingCase, scenario } from './fixtures';

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

function run(c: FundingCase, k = 0) {
  const sc = terms(c)[k]!;
  return evaluateAllocation(sc, simulateMix(c.mixes[0]!, sc));
}

/** A 100m bullet book that does not mature inside the horizons used here (no defaults, no prepayment). */
const book100m = {
  currentPool: {
    kind: 'repLines' as const,
    lines: [
      {
        id: 'a',
        product: 'bullet' as const,
        balance: 100_000_000,
        rate: 0.2,
        originalTerm: 36,
        remainingTerm: 36,
      },
    ],
  },
};

const line = (over: Record<string, unknown> = {}) => ({
  id: 'bank',
  type: 'bankLine' as const,
  commitment: 100_000_000,
  advanceRate: 0.85,
  index: 'FIX',
  margin: 0,
  commitmentFee: 0.005,
  upfrontFee: 0,
  tenorMonths: 12,
  ...over,
});

const bankAndEquity = (horizonMonths: number, over: Record<string, unknown> = {}) =>
  fundingCase({
    horizonMonths,
    book: book100m,
    indexCurves: { FIX: 0.06 },
    fundingSources: [line(over), equity()],
    mixes: [{ name: 'bank', kind: 'rules', order: ['bank', 'eq'] }],
  });

describe('1. IRR dated as the costs are', () => {
  it('85m drawn at 6% with 0.5% on 15m undrawn, 15m equity at 15%: IRRs equal the nominal costs', () => {
    // Drawn at the start of month 1 (time 0), interest in arrears: each month the line pays
    // 85m × 6% / 12 + 15m × 0.5% / 12 = 425,000 + 6,250 = 431,250, and 85m back at month 12. A loan that pays
    // a constant coupon in arrears has that coupon as its IRR: 431,250 / 85m a month = 6.0882% nominal
    // (5,175,000 / 85m). Equity: 15m paying 187,500 a month = 15%. Together: (5,175,000 + 2,250,000) / 100m
    // = 7.425%. (The old dating, which paid month 1's interest at the draw, gave 9.66%, 17.78% and 10.84%.)
    const e = run(bankAndEquity(12));
    expect(e.sources.find((s) => s.id === 'bank')!.irr).toBeCloseTo(5_175_000 / 85_000_000, 9);
    expect(e.sources.find((s) => s.id === 'eq')!.irr).toBeCloseTo(0.15, 9);
    expect(e.irr).toBeCloseTo(0.07425, 9);
    // The cost figures are on the same nominal basis.
    expect(e.sources.find((s) => s.id === 'bank')!.annualCost).toBeCloseTo(5_175_000 / 85_000_000, 12);
    expect(e.weightedAverageCost).toBeCloseTo(0.07425, 12);
  });

  it('over a one-month horizon the mix IRR is still its cost (the old dating showed 91.9%)', () => {
    const e = run(bankAndEquity(1));
    expect(e.irr).toBeCloseTo(0.07425, 9);
  });

  it('the cash yield is credited in the IRR as in the cost', () => {
    // 1m of receivables plus a 100k cash buffer, all equity at 15%; the 100k held as cash earns 3%.
    // Month: 1.1m × 15% / 12 − 100k × 3% / 12 = 13,750 − 250 = 13,500. Cost 12 × 13,500 / 1.1m = 14.727%;
    // the flows (+1.1m at 0, −13,500 a month, −1.1m at the end) have the same monthly rate.
    const c = fundingCase({
      cashYield: 0.03,
      book: { ...fundingCase({ fundingSources: [equity()] }).book, cashBuffer: { minimum: 100_000 } },
      fundingSources: [equity()],
      mixes: [{ name: 'eq', kind: 'rules', order: ['eq'] }],
    });
    const e = run(c);
    expect(e.weightedAverageCost).toBeCloseTo((12 * 13_500) / 1_100_000, 12);
    expect(e.irr).toBeCloseTo((12 * 13_500) / 1_100_000, 9);
  });
});

describe('2. fees spread over what they buy', () => {
  it('a 1% upfront fee on a 12-month tenor costs the line 7.2647% whatever the horizon', () => {
    // Interest and commitment fee 431,250 a month as in 1; the 1m upfront fee buys 12 months: 83,333.33 a
    // month, renewed fees likewise, and a renewal at the horizon buys nothing inside it. Annual cost
    // 12 × (431,250 + 83,333.33) / 85m = 6,175,000 / 85m = 7.2647% over 6, 12 and 24 months alike (the fee
    // charged in full at signing and each renewal gave 8.44%, 8.44% and 7.85%).
    for (const h of [6, 12, 24]) {
      const e = run(bankAndEquity(h, { upfrontFee: 0.01 }));
      const bank = e.sources.find((s) => s.id === 'bank')!;
      expect(bank.annualCost).toBeCloseTo(6_175_000 / 85_000_000, 12);
      expect(bank.irr).toBeCloseTo(6_175_000 / 85_000_000, 9);
    }
  });

  it('an issue’s costs are amortised over the notes’ life, in proportion to the notes outstanding', () => {
    // Pool 1m of 12-month bullets, no new business; one issue in month 1 of 100% of the pool, all sold at par,
    // 6,000 fixed cost + 0.6% of 1m = 12,000. Not revolving, the notes are repaid with the bullets at age 12:
    // outstanding at ages 0..11, 12 months of notes. Over a 3-month horizon 3/12 of 12,000 = 3,000 is charged,
    // 1,000 a month, on top of the 5% coupon 1m × 5% / 12 = 4,166.67.
    const c = fundingCase({
      book: {
        currentPool: {
          kind: 'repLines',
          lines: [
            {
              id: 'a',
              product: 'bullet',
              balance: 1_000_000,
              rate: 0.2,
              originalTerm: 12,
              remainingTerm: 12,
            },
          ],
        },
      },
      fundingSources: [
        {
          id: 'abs',
          type: 'securitization',
          classes: [{ id: 'A', poolShare: 1, coupon: { type: 'fixed', rate: 0.05 } }],
          riskRetention: { rule: 'none', share: 0 },
          fixedCost: 6_000,
          percentCost: 0.006,
          leadTimeMonths: 1,
          issueEveryMonths: 12,
        },
        equity(),
      ],
      mixes: [{ name: 'abs', kind: 'rules', order: ['abs', 'eq'], securitiseShare: 1 }],
    });
    const e = run(c);
    for (const m of e.months) expect(m.bySource.abs!.cost).toBeCloseTo(50_000 / 12 + 1_000, 6);
  });
});

describe('3. one pool of eligible collateral', () => {
  // 1m of receivables all month, 500k originated a month; a line at 100% advance and a forward flow.
  const H = 3;
  const c = fundingCase({
    horizonMonths: H,
    indexCurves: { FIX: 0.06 },
    fundingSources: [
      line({ commitment: 2_000_000, advanceRate: 1, commitmentFee: 0 }),
      { id: 'ff', type: 'forwardFlow', costRate: 0.09, maxShareOfOriginations: 1 },
      equity(),
    ],
    mixes: [{ name: 'shares', kind: 'shares', shares: { bank: 0.8, ff: 0.5 } }],
  });
  const sc = buildScenarioTerms(
    c,
    'base',
    null,
    bookFromArrays({ receivables: [1e6, 1e6, 1e6, 1e6], originations: [0, 5e5, 5e5, 5e5] }),
    { FIX: 0.06 },
    {},
  );

  it('a sale takes only receivables the line has not pledged', () => {
    // The line draws its 80% share, pledging 800k; the buyer wants 500k but only 200k is unpledged.
    const a = simulateMix(c.mixes[0]!, sc);
    expect(a.paths[0]!.balance[1]).toBeCloseTo(800_000, 6);
    expect(a.paths[1]!.balance[1]).toBeCloseTo(200_000, 6);
    const e = evaluateAllocation(sc, a);
    expect(e.maxOverPledged).toBeCloseTo(0, 6);
    expect(e.feasible).toBe(true);
  });

  it('an allocation that pledges and sells the same receivables is not feasible', () => {
    const a: Allocation = simulateMix(c.mixes[0]!, sc);
    a.paths[1]!.balance[2] = 500_000;
    const e = evaluateAllocation(sc, a);
    // 800k pledged + 500k sold of 1m: 300k too many.
    expect(e.months[1]!.overPledged).toBeCloseTo(300_000, 6);
    expect(e.feasible).toBe(false);
  });

  it('property: no simulated mix pledges, securitises or sells more than the eligible pool', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 100 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (adv, commit, bankShare, ffShare, sale, rules) => {
          const cs = fundingCase({
            horizonMonths: H,
            indexCurves: { FIX: 0.06 },
            fundingSources: [
              line({ commitment: commit * 100_000, advanceRate: adv / 100 }),
              { id: 'ff', type: 'forwardFlow', costRate: 0.09, maxShareOfOriginations: sale / 100 },
              equity(),
            ],
            mixes: [
              rules
                ? { name: 'r', kind: 'rules', order: ['ff', 'bank', 'eq'] }
                : { name: 's', kind: 'shares', shares: { bank: bankShare / 100, ff: ffShare / 100 } },
            ],
          });
          const s = buildScenarioTerms(
            cs,
            'base',
            null,
            bookFromArrays({ receivables: [1e6, 1e6, 1e6, 1e6], originations: [0, 6e5, 6e5, 6e5] }),
            { FIX: 0.06 },
            {},
          );
          const a = simulateMix(cs.mixes[0]!, s);
          const e = evaluateAllocation(s, a);
          for (let t = 1; t <= H; t++) {
            const used = s.sources.reduce((x, src, i) => x + assetsUsed(src, a.paths[i]!, t), 0);
            expect(used).toBeLessThanOrEqual(pledgeable(s, t) + 1e-6);
          }
          expect(e.maxOverPledged).toBeLessThanOrEqual(1e-6);
        },
      ),
      { numRuns: 60, seed: 18 },
    );
  });
});

describe('4. headroom from one pool of collateral', () => {
  // 100m of receivables funded wholly by equity: all 100m is free collateral.
  const twoLines = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    fundingCase({
      horizonMonths: 3,
      book: book100m,
      indexCurves: { FIX: 0.06 },
      fundingSources: [
        line({ id: 'A', advanceRate: 0.8, ...a }),
        line({ id: 'B', advanceRate: 0.8, ...b }),
        equity(),
      ],
      mixes: [{ name: 'eq', kind: 'rules', order: ['eq'] }],
    });

  it('two committed 60m lines at 80% advance share 100m of collateral: 80m of headroom, not 120m', () => {
    // A: min(60m, 80% × 100m) = 60m, pledging 75m; B: min(60m, 80% × 25m) = 20m. Total 80m = 80% × 100m.
    const e = run(twoLines({ commitment: 60_000_000 }, { commitment: 60_000_000 }));
    for (const m of e.months) {
      expect(m.headroom).toBeCloseTo(80_000_000, 6);
      expect(m.liquidity).toBeCloseTo(80_000_000, 6);
    }
    expect(e.minHeadroom).toBeCloseTo(80_000_000, 6);
  });

  it('an uncommitted line is reported apart, from the collateral the committed one leaves', () => {
    // A (committed) 40m: min(40m, 80m) = 40m, pledging 50m. B (uncommitted) 80m: min(80m, 80% × 50m) = 40m.
    const e = run(twoLines({ commitment: 40_000_000 }, { commitment: 80_000_000, committed: false }));
    expect(e.minHeadroom).toBeCloseTo(40_000_000, 6);
    expect(e.minUncommittedHeadroom).toBeCloseTo(40_000_000, 6);
    expect(e.minLiquidity).toBeCloseTo(40_000_000, 6);
  });

  it('the optimiser cannot count the same collateral twice for a liquidity buffer', () => {
    // Two committed 60m lines at 80% (6%, no fees), equity at 15%; liquidity ≥ 50% of 100m of receivables.
    // Cash + headroom ≥ 150m − 100m funded … with D drawn, free collateral 100m − D / 0.8 backs 0.8 × that:
    // funding + headroom = D + E + 80m − D = E + 80m ≥ 150m, so E ≥ 70m, and D = 30m funds the rest.
    // Cost a month (30m × 6% + 70m × 15%) / 12 = 1,025,000; 3 months 3,075,000.
    const c = fundingCase({
      horizonMonths: 3,
      book: book100m,
      indexCurves: { FIX: 0.06 },
      fundingSources: [
        line({ id: 'A', advanceRate: 0.8, commitment: 60_000_000, commitmentFee: 0 }),
        line({ id: 'B', advanceRate: 0.8, commitment: 60_000_000, commitmentFee: 0 }),
        equity(),
      ],
      optimisation: { mipRelGap: 0, minLiquidityBuffer: 0.5 },
    });
    const r = optimiseMix(terms(c), c.optimisation!, solver);
    expect(r.status).toBe('optimal');
    const e = r.evaluations[0]!;
    expect(e.totalCost).toBeCloseTo(3_075_000, 0);
    for (const m of e.months) {
      expect(m.bySource.eq!.balance).toBeCloseTo(70_000_000, 0);
      expect(m.liquidity).toBeGreaterThanOrEqual(50_000_000 - 1);
    }
  });

  it('property: headroom never exceeds the free eligible collateral × advance rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 100 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 100 }),
        (adv, ca, cb, share) => {
          const c = fundingCase({
            horizonMonths: 2,
            book: book100m,
            indexCurves: { FIX: 0.06 },
            fundingSources: [
              line({ id: 'A', advanceRate: adv / 100, commitment: ca * 1_000_000 }),
              line({ id: 'B', advanceRate: adv / 100, commitment: cb * 1_000_000 }),
              equity(),
            ],
            mixes: [{ name: 's', kind: 'shares', shares: { A: share / 100, eq: 1 } }],
          });
          const sc = terms(c)[0]!;
          const a = simulateMix(c.mixes[0]!, sc);
          const e = evaluateAllocation(sc, a);
          for (const m of e.months) {
            const used = sc.sources.reduce((x, s, i) => x + assetsUsed(s, a.paths[i]!, m.month), 0);
            const free = Math.max(0, pledgeable(sc, m.month) - used);
            expect(m.headroom + m.uncommittedHeadroom).toBeLessThanOrEqual((adv / 100) * free + 1e-6);
          }
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });
});

describe('5. solver dust and the objective', () => {
  // One 1m bullet, equity at 15% and a securitization with a 50,000 fixed cost that the optimum never uses.
  const c = fundingCase({
    cashYield: 0.03,
    book: { ...fundingCase({ fundingSources: [equity()] }).book, cashBuffer: { minimum: 100_000 } },
    fundingSources: [
      {
        id: 'abs',
        type: 'securitization',
        classes: [{ id: 'A', poolShare: 1, coupon: { type: 'fixed', rate: 0.2 } }],
        riskRetention: { rule: 'none', share: 0 },
        fixedCost: 50_000,
        leadTimeMonths: 1,
        issueEveryMonths: 1,
      },
      equity(),
    ],
    optimisation: { mipRelGap: 0 },
  });

  it('a residual issue of a few millionths is read as no issue, and the objective is the evaluated cost', () => {
    // A solver that leaves dust on month 2's issue (its on/off decision off): nothing is issued, so no fixed
    // cost. Equity funds 1.1m at 15% less 3% on the 100k of cash: 13,500 a month, 40,500 over 3 months, and the
    // objective carries the cash yield the LP credits on receivables too (3% / 12 × 1m a month, added back).
    const dusty: LpSolver = {
      solve(problem, options) {
        const r = solver.solve(problem, options);
        const cols = { ...r.Columns };
        const I = Object.keys(cols).find((k) => k.startsWith('I_0_0_2'));
        if (I) cols[I] = { ...cols[I]!, Primal: 3e-9 };
        return { ...r, Columns: cols };
      },
    };
    const r = optimiseMix(terms(c), c.optimisation!, dusty);
    const e = r.evaluations[0]!;
    expect(e.totalCost).toBeCloseTo(40_500, 4);
    expect(r.objective!).toBeCloseTo(40_500, 4);
  });
});

describe('6. a loss stress from its start month', () => {
  it('defaults follow the base curve before month 3 and twice the CDR from it', () => {
    // 1m bullet, 12% CDR, no prepayment: MDR = 1 − 0.88^(1/12) each month. A 2× loss stress from month 3
    // doubles the CDR to 24% from month 3 only: month 3 defaults = 1m × (1 − d)² × (1 − 0.76^(1/12)).
    const s = scenario({
      name: 'base',
      prepayment: { model: 'CPR', curve: 0 },
      default: { model: 'CDR', curve: 0.12 },
      severity: 1,
      recoveryLagMonths: 0,
    });
    const pool = [
      RepLine.parse({
        id: 'a',
        product: 'bullet',
        balance: 1e6,
        rate: 0.1,
        originalTerm: 24,
        remainingTerm: 24,
      }),
    ];
    const b = projectBook(
      Book.parse({ currentPool: { kind: 'repLines', lines: pool } }),
      pool,
      s,
      4,
      defaultProjector,
      {
        startMonth: 3,
        lossMultiple: 2,
        originationMultiple: 1,
      },
    );
    const d = 1 - Math.pow(0.88, 1 / 12);
    const d2 = 1 - Math.pow(0.76, 1 / 12);
    expect(b.defaults[1]).toBeCloseTo(1e6 * d, 4);
    expect(b.defaults[2]).toBeCloseTo(1e6 * (1 - d) * d, 4);
    expect(b.defaults[3]).toBeCloseTo(1e6 * (1 - d) ** 2 * d2, 4);
    expect(b.defaults[4]).toBeCloseTo(1e6 * (1 - d) ** 2 * (1 - d2) * d2, 4);
  });
});

describe('7. securitisation collateral and coupon from the deal run', () => {
  it('the trust keeps the retained class’s collateral and the dearer class weighs more as the senior pays down', () => {
    // Classes A 60% at 5% and B 20% at 8% sold, C 20% retained; one issue of the whole 1m pool in month 1, so
    // 800k of notes. The deal run (given here by hand, per unit at issue) pays sequentially: A's share of the
    // sold notes 0.75, 0.5, 0.25 and B's 0.25 at ages 0, 1, 2; the pool 1, 0.8, 0.6.
    // Month 2 (age 1): notes 600k = A 400k + B 200k; interest (400k × 5% + 200k × 8%) / 12 = 3,000 (the
    // original-weight coupon 5.75% on 600k gave 2,875); the trust holds 800k of receivables, so equity carries
    // 800k − 600k = 200k (notes ÷ sold share said 750k and 150k).
    // Month 3 (age 2): A 200k, B 200k: (10,000 + 16,000) / 12 = 2,166.67; 600k held.
    const c = fundingCase({
      fundingSources: [
        {
          id: 'abs',
          type: 'securitization',
          classes: [
            { id: 'A', poolShare: 0.6, coupon: { type: 'fixed', rate: 0.05 } },
            { id: 'B', poolShare: 0.2, coupon: { type: 'fixed', rate: 0.08 } },
            { id: 'C', poolShare: 0.2, coupon: { type: 'fixed', rate: 0 }, retained: true },
          ],
          riskRetention: { rule: 'none', share: 0 },
          leadTimeMonths: 1,
          issueEveryMonths: 12,
        },
        equity(),
      ],
      mixes: [{ name: 'abs', kind: 'rules', order: ['abs', 'eq'], securitiseShare: 1 }],
    });
    const f = (x: number[]) => Float64Array.from(x);
    const sc = buildScenarioTerms(
      c,
      'base',
      null,
      bookFromArrays({ receivables: [1e6, 1e6, 1e6, 1e6] }),
      {},
      {},
      {
        abs: {
          notes: f([1, 0.75, 0.5, 0.25]),
          collateral: f([1, 0.8, 0.6, 0.4]),
          classes: { A: f([0.75, 0.5, 0.25, 0]), B: f([0.25, 0.25, 0.25, 0.25]) },
        },
      },
    );
    const a = simulateMix(c.mixes[0]!, sc);
    const e = evaluateAllocation(sc, a);
    expect(e.months[1]!.bySource.abs!.balance).toBeCloseTo(600_000, 6);
    expect(e.months[1]!.bySource.abs!.cost).toBeCloseTo(3_000, 6);
    expect(e.months[2]!.bySource.abs!.cost).toBeCloseTo(26_000 / 12, 6);
    expect(assetsUsed(sc.sources[0]!, a.paths[0]!, 2)).toBeCloseTo(800_000, 6);
    expect(assetsUsed(sc.sources[0]!, a.paths[0]!, 3)).toBeCloseTo(600_000, 6);
    // Equity: 200k under the retained class and haircut, plus the 200k of receivables outside the trust.
    expect(e.months[1]!.bySource.eq!.balance).toBeCloseTo(400_000, 6);
    expect(e.months[1]!.equityShortfall).toBeCloseTo(0, 6);
  });
});

describe('8. retail shrinks only as its notes mature', () => {
  // 800k of 4-month retail notes at 12% (a quarter matures each month), nothing new raised; equity at 5%.
  const retail = {
    id: 'retail',
    type: 'retail' as const,
    rate: 0.12,
    termMonths: 4,
    monthlyRaiseCapacity: 0,
    initialBalance: 800_000,
  };
  it('the optimum keeps 600k, 450k, 337.5k of retail although equity is cheaper', () => {
    const c = fundingCase({
      fundingSources: [retail, equity({ costOfEquity: 0.05, releasable: true })],
      optimisation: { mipRelGap: 0 },
    });
    const r = optimiseMix(terms(c), c.optimisation!, solver);
    const e = r.evaluations[0]!;
    [600_000, 450_000, 337_500].forEach((b, i) => {
      expect(e.months[i]!.bySource.retail!.balance).toBeCloseTo(b, 2);
      expect(e.months[i]!.bySource.eq!.balance).toBeCloseTo(1_000_000 - b, 2);
    });
  });

  it('a rules mix filling equity first still carries the unmatured notes', () => {
    const c = fundingCase({
      fundingSources: [retail, equity({ releasable: true })],
      mixes: [{ name: 'eq first', kind: 'rules', order: ['eq', 'retail'] }],
    });
    const e = run(c);
    [600_000, 450_000, 337_500].forEach((b, i) =>
      expect(e.months[i]!.bySource.retail!.balance).toBeCloseTo(b, 6),
    );
  });
});

describe('9. definitions', () => {
  it('a rules mix does not raise retail while equity it cannot release sits idle', () => {
    // 1m of equity on hand, not releasable; retail (first in the order) could raise 200k a month. Equity funds
    // the whole 1m book, so retail raises nothing (it used to raise 200k, 400k, 600k and hold it as cash).
    const c = fundingCase({
      fundingSources: [
        { id: 'retail', type: 'retail', rate: 0.12, termMonths: 12, monthlyRaiseCapacity: 200_000 },
        equity({ initialAmount: 1_000_000 }),
      ],
      mixes: [{ name: 'retail first', kind: 'rules', order: ['retail', 'eq'] }],
    });
    const e = run(c);
    for (const m of e.months) {
      expect(m.bySource.retail!.balance).toBeCloseTo(0, 6);
      expect(m.bySource.eq!.balance).toBeCloseTo(1_000_000, 6);
    }
  });

  it('runway counts only gaps from the stress start, and the base case has none', () => {
    // Equity capped at 900k funds 1m of receivables: a 100k gap every month from month 1, in the base case
    // and in a stress from month 3 alike. The base case has no stress, so no runway (it used to say 0); the
    // stress's first gap at or after month 3 is month 3 itself: runway 0, the month-1 and 2 gaps not counted.
    const c = fundingCase({
      horizonMonths: 4,
      fundingSources: [equity({ maximumAmount: 900_000 })],
      mixes: [{ name: 'eq', kind: 'rules', order: ['eq'] }],
      stresses: [{ name: 'later', startMonth: 3, lossMultiple: 1 }],
    });
    const base = run(c, 0);
    const stressed = run(c, 1);
    expect(base.firstGapMonth).toBe(1);
    expect(base.runwayMonths).toBeNull();
    expect(stressed.firstGapMonth).toBe(1);
    expect(stressed.runwayMonths).toBe(0);
  });

  it('maturity mismatch on a ladder: a 12-month line has 12, 11, … 1 months left, 6.5 on average', () => {
    // 85m drawn all year on a line renewed every 12 months: remaining life at the start of month t is
    // 13 − t months, averaging 6.5 months = 0.5417 years (the tenor, 1 year, was used before).
    const e = run(bankAndEquity(12));
    expect(e.fundingWalYears).toBeCloseTo(6.5 / 12, 9);
  });
});
