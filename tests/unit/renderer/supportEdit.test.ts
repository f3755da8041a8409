/**
 * Structure edits of the liquidity facility, hedges and coupon features: each leaves a deal that validates
 * and runs with cash conserved, and removing a feature leaves the deal exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import { runDeal } from '../../../core/run';
import {
  addHedge,
  addLiquidityFacility,
  cashflowKind,
  removeHedge,
  removeLiquidityFacility,
  setAvailableFundsCap,
  setCashflowKind,
  setCommitment,
  setHedge,
  setStepUpFrom,
  setStepUpRate,
  switchCommitment,
} from '../../../renderer/project/supportEdit';

/** Level-pay sample: A 374,250,000 at 5.61% … D; trustee and servicing fees; no index curves. */
const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));
const run = (d: Deal) => {
  expect(validateDeal(d)).toEqual([]);
  const r = runDeal(
    d,
    { kind: 'repLines', lines: d.pool.kind === 'repLines' ? d.pool.lines : [] },
    { analytics: false },
  );
  expect(r.checks.cashConserved).toBe(true);
  return r;
};

describe('liquidity facility edits', () => {
  it('adds the facility with its steps before principal, runs, and removes cleanly', () => {
    const base = sample();
    const d = setCommitment(addLiquidityFacility(base), 'amount', 5_000_000);
    const pays = d.structure.waterfall.map((w) => (w.pay === 'liquidity' ? `liquidity ${w.part}` : w.pay));
    expect(pays.slice(0, 2)).toEqual(['liquidity interest', 'liquidity commitmentFee']);
    expect(pays.indexOf('liquidity repay')).toBe(pays.indexOf('principal') - 1);
    expect(d.structure.liquidityFacility?.covers.interest).toEqual(['A']);
    const r = run(d);
    expect(r.waterfall[0].liquidity?.commitment).toBe(5_000_000);
    expect(removeLiquidityFacility(d)).toEqual(base);
  });

  it('switches the commitment between an amount and a share of the notes keeping its size', () => {
    const d = setCommitment(addLiquidityFacility(sample()), 'amount', 4_867_500);
    // Notes 486,750,000: 4,867,500 is 1%.
    expect(switchCommitment(d, false).structure.liquidityFacility?.commitment).toEqual({
      percentOfNotes: 0.01,
      reducing: false,
    });
  });
});

describe('hedge edits', () => {
  it('adds a swap paid first, with an index the scenarios must define, and removes it', () => {
    const base = sample();
    const d = addHedge(base, 'swap');
    expect(d.structure.waterfall[0]).toEqual({ pay: 'hedge', hedge: 'swap1' });
    expect(validateDeal(d).map((p) => p.code)).toContain('support.missingIndex');
    const withCurve: Deal = {
      ...setHedge(d, 'swap1', (h) => (h.type === 'swap' ? { ...h, fixedRate: 0.04 } : h)),
      scenarios: d.scenarios.map((s) => ({ ...s, indexCurves: { SOFR: 0.05 } })),
    };
    const r = run(withCurve);
    // Receives 5% against 4% on class A: a receipt every period while A is outstanding.
    expect(r.waterfall[0].sources.hedgeReceipts).toBeGreaterThan(0);
    expect(removeHedge(d, 'swap1')).toEqual(base);
  });
});

describe('coupon feature edits', () => {
  it('caps a class with a carryover step before the residual, and takes it away again', () => {
    const base = sample();
    const d = setAvailableFundsCap(base, 'B', true);
    const w = d.structure.waterfall;
    expect(w[w.length - 2]).toEqual({ pay: 'capCarryover', tranches: ['B'] });
    run(d);
    expect(setAvailableFundsCap(d, 'B', false)).toEqual(base);
  });

  it('steps a class up from the call date by 1% and lets the rate be set', () => {
    const d = setStepUpRate(setStepUpFrom(sample(), 'A', 'cleanUpCallDate', '2028-01-01'), 'A', 0.07);
    expect(d.structure.tranches[0].stepUp).toEqual({
      from: 'cleanUpCallDate',
      coupon: { type: 'fixed', rate: 0.07 },
    });
    run(d);
  });

  it('makes a class interest-only on the pool (no principal steps) and runs', () => {
    const d = setCashflowKind(addLiquidityFacility(sample()), 'D', 'interestOnly');
    const t = d.structure.tranches.find((x) => x.id === 'D');
    expect(t && cashflowKind(t)).toBe('interestOnly');
    expect(t?.balance).toBe(0);
    expect(d.structure.waterfall.some((w) => w.pay === 'principal' && w.tranches.includes('D'))).toBe(false);
  });
});
