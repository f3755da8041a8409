import { describe, expect, it } from 'vitest';
import { zeroCurve } from '../../../core/analytics/curve';
import { mortgageFromBondEquivalent } from '../../../core/analytics/yield';
import { Deal, type DealInput } from '../../../core/deal/schema';
import type { PoolInput } from '../../../core/projection/project';
import { dealEngine } from '../../../core/scenario/dealEngine';
import type { StressEngine } from '../../../core/scenario/engine';
import { latticeCrossings, solveParCoupon, solveSize, solveTargetYield } from '../../../core/scenario/solve';
import { fixtureInput } from './fixtures';

function build(input: DealInput): { deal: Deal; pool: PoolInput } {
  const deal = Deal.parse(input);
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines');
  return { deal, pool: { kind: 'repLines', lines: deal.pool.lines } };
}

/**
 * A deal whose arithmetic is done by hand: 1,000,000 of interest-free 12-month level-pay loans, no fees, every
 * class at a 0% coupon, sequential principal; the loss (CNL 12.34%, all in month 2, severity 1, no prepayment)
 * is the only thing between the pool and the notes. Principal collected = 1,000,000 × (1 − 0.1234 m) at loss
 * multiple m, paid to A, then B, then C.
 */
function zeroCouponDeal() {
  const input = structuredClone(fixtureInput);
  input.pool = {
    kind: 'repLines',
    lines: [
      { id: 'Z', product: 'level-pay', balance: 1_000_000, rate: 0, originalTerm: 12, remainingTerm: 12 },
    ],
  };
  input.scenarios = [
    {
      name: 'loss',
      prepayment: { model: 'CPR', curve: 0 },
      default: { model: 'CNL', lifetimeNetLoss: 0.1234, timing: [0, 1] },
      severity: 1,
      recoveryLagMonths: 0,
    },
  ];
  input.structure.fees = [];
  input.structure.waterfall = input.structure.waterfall.filter((s) => s.pay !== 'fee');
  for (const t of input.structure.tranches) t.coupon = { type: 'fixed', rate: 0 };
  return build(input);
}

describe('lattice crossings (the solvers’ search)', () => {
  it('lists every change of state and bisects each to the step', () => {
    // Met below 0.3, again on [0.5, 0.6): three crossings, not monotone.
    const met = (x: number) => x < 0.3 || (x >= 0.5 && x < 0.6);
    const crossings = latticeCrossings(0, 0.0001, 10_000, 0.0025, met);
    expect(crossings).toEqual([
      { from: 0.2999, to: 0.3, becomesMet: false },
      { from: 0.4999, to: 0.5, becomesMet: true },
      { from: 0.5999, to: 0.6, becomesMet: false },
    ]);
  });
});

describe('sizing: the largest class that stays whole, the difference moved to the next junior class', () => {
  const { deal, pool } = zeroCouponDeal();
  const answer = solveSize(deal, (d) => dealEngine(d, pool), {
    tranche: 'A',
    stress: deal.scenarios[0]!,
    step: 1000,
  });

  it('A is whole while it is at most the principal collected: 1,000,000 − 123,400 = 876,600 → 876,000', () => {
    expect(answer).toMatchObject({
      absorbedBy: 'B',
      combined: 900_000,
      largestSize: 876_000,
      metAtCurrent: true,
      monotone: true,
      crossings: [{ from: 876_000, to: 877_000, becomesMet: false }],
    });
  });

  it('a principal-loss limit: A may lose up to 1% of itself, A ≤ 876,600 / 0.99', () => {
    const a = solveSize(deal, (d) => dealEngine(d, pool), {
      tranche: 'A',
      stress: deal.scenarios[0]!,
      step: 1000,
      objective: { kind: 'maxLoss', share: 0.01 },
    });
    // 876,600 / 0.99 = 885,454.5…: 885,000 on the lattice.
    expect(a.largestSize).toBe(885_000);
  });

  it('the most junior class has nobody to take the difference', () => {
    expect(() =>
      solveSize(deal, (d) => dealEngine(d, pool), { tranche: 'C', stress: deal.scenarios[0]! }),
    ).toThrow(/most junior/);
  });
});

describe('stress at a target yield', () => {
  const { deal, pool } = zeroCouponDeal();
  // B (150,000 at price 99, no coupon) yields ≥ 0 while it receives ≥ 148,500: its loss
  // 123,400 m − 100,000 ≤ 1,500, so m ≤ 0.8225… → 0.82 on the 0.01 lattice.
  const opts = {
    tranche: 'B',
    scenario: deal.scenarios[0]!,
    target: 0,
    mode: 'lossMultiple' as const,
    price: 99,
    max: 3,
  };

  it('monotone deal: one crossing', () => {
    const a = solveTargetYield(deal, (d) => dealEngine(d, pool), opts);
    expect(a).toMatchObject({
      stress: 0.82,
      monotone: true,
      crossings: [{ from: 0.82, to: 0.83, becomesMet: false }],
    });
    expect(a.yieldAtStress!).toBeGreaterThanOrEqual(0);
  });

  it('not monotone: a stand-in for a trigger that realises less between 0.9× and 1.1× is reported, not hidden', () => {
    // Like the revolving deal whose loss trigger ends revolving sooner: between 0.90× and 1.10× the deal realises
    // only the loss of 0.5×, so B earns its target again there.
    const dipping = (d: Deal): StressEngine => {
      const real = dealEngine(d, pool);
      return {
        ...real,
        run: (s, o) =>
          real.run(
            s.defaultMultiple >= 0.9 - 1e-9 && s.defaultMultiple < 1.1 - 1e-9
              ? { ...s, defaultMultiple: 0.5 }
              : s,
            o,
          ),
      };
    };
    const a = solveTargetYield(deal, dipping, opts);
    expect(a.monotone).toBe(false);
    expect(a.stress).toBe(0.82);
    expect(a.crossings).toEqual([
      { from: 0.82, to: 0.83, becomesMet: false },
      { from: 0.89, to: 0.9, becomesMet: true },
      { from: 1.09, to: 1.1, becomesMet: false },
    ]);
  });
});

describe('par coupon', () => {
  // The fixture pool (18% APR) with no defaults: A is paid in full. Cut-off on the payment day, so every accrual
  // period is one 30/360 month and A's monthly growth 1 + c/12 must equal (1 + Y/2)^(1/6): c = 12((1 + Y/2)^(1/6) − 1).
  const input = structuredClone(fixtureInput);
  input.cutoffDate = '2025-01-15';
  input.scenarios = [
    {
      name: 'clean',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: 0 },
      severity: 0.9,
      recoveryLagMonths: 0,
    },
  ];
  const { deal, pool } = build(input);

  // Interest is rounded to cents each month, which can move the par point by about one 0.0001% step.
  it('yield target 5%: the mortgage equivalent of 5% bond-equivalent, to the step and the cent rounding', () => {
    const a = solveParCoupon(deal, (d) => dealEngine(d, pool), {
      tranche: 'A',
      scenario: deal.scenarios[0]!,
      target: { kind: 'yield', yield: 0.05 },
    });
    const exact = mortgageFromBondEquivalent(0.05);
    expect(a.varies).toBe('rate');
    expect(a.monotone).toBe(true);
    expect(Math.abs(a.coupon! - exact)).toBeLessThan(2e-6);
    expect(a.priceAtCoupon!).toBeGreaterThanOrEqual(100);
  });

  it('curve target: a flat curve on 30/360 plus a 120bp semiannual Z-spread prices par at the same coupon rule', () => {
    const r = 0.03;
    const curve = zeroCurve('2025-01-15', [1], [r], { compounding: 'semiannual', dayCount: '30/360' });
    const a = solveParCoupon(deal, (d) => dealEngine(d, pool), {
      tranche: 'A',
      scenario: deal.scenarios[0]!,
      target: { kind: 'curve', curve, spread: 0.012 },
    });
    const exact = mortgageFromBondEquivalent(r + 0.012);
    expect(Math.abs(a.coupon! - exact)).toBeLessThan(2e-6);
  });
});
