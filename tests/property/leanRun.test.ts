/**
 * The lean run of a stress path (`record: false`: no report rows) is the full run with its recording switched
 * off, not a second waterfall: under any stress, every figure a Monte Carlo path or node reads — the pool loss
 * realised in the deal, each class's principal loss and unpaid interest, the clean-up call — is the full run's to
 * the cent (to the last bit: the same cent sums in the same order), on every sample deal and on the bench's
 * five-class Monte Carlo deal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDeal } from '../../core/node/dealFile';
import type { Deal, Scenario } from '../../core/deal/schema';
import { defaultHorizon, projectPool, type PoolInput } from '../../core/projection/project';
import { runDealOnProjection, runOutcomeOnProjection } from '../../core/run';
import { dealEngine } from '../../core/scenario/dealEngine';
import { outcomeOf, runPoolLoss } from '../../core/scenario/engine';
import { fiveClassDeal } from '../bench/figures/montecarlo';

const SAMPLES = [
  'level-pay-consumer',
  'consumer-loan-cny',
  'static-paylater',
  // Revolving: its runs project purchases through runDeal, so its outcome is read off the full run.
  'revolving-installment',
];

async function deals(): Promise<{ name: string; deal: Deal; pool: PoolInput }[]> {
  const out = await Promise.all(
    SAMPLES.map(async (name) => {
      const d = await loadDeal(join('samples', 'deals', `${name}.deal.json`));
      return { name, deal: d.deal, pool: d.pool };
    }),
  );
  return [...out, { name: 'five-class Monte Carlo deal', ...fiveClassDeal() }];
}

const stressArb = fc.record({
  scenario: fc.nat(5),
  // Up to the multiples that wipe out every class of the samples (most Monte Carlo paths sit below 3).
  defaultMultiple: fc.double({ min: 0, max: 15, noNaN: true }),
  prepaymentMultiple: fc.double({ min: 0, max: 3, noNaN: true }),
});

describe('lean stress run (record: false)', async () => {
  const all = await deals();

  it.each(all.map((d) => [d.name, d] as const))(
    '%s: the outcome of every stress is the full run’s to the cent',
    (_name, { deal, pool }) => {
      const engine = dealEngine(deal, pool);
      fc.assert(
        fc.property(stressArb, (x) => {
          const base = deal.scenarios[x.scenario % deal.scenarios.length]!;
          const s: Scenario = {
            ...base,
            defaultMultiple: x.defaultMultiple,
            prepaymentMultiple: x.prepaymentMultiple,
          };
          expect(engine.outcome(s)).toEqual(outcomeOf(engine.run(s, { analytics: false })));
        }),
        { numRuns: 40 },
      );
    },
  );

  it('keeps no rows, and its pool loss is the rows’ sum of the full run (level-pay sample, severe stress)', () => {
    const { deal, pool } = all[0]!;
    const s: Scenario = { ...deal.scenarios[0]!, defaultMultiple: 6 };
    const projection = projectPool(pool, s, defaultHorizon(pool, s));
    const full = runDealOnProjection(deal, s, projection, { analytics: false });
    const lean = runOutcomeOnProjection(deal, s, projection);
    // A stress that bites: the juniors lose principal, so the comparison covers write-downs.
    expect(full.tranches.some((t) => t.principalLoss > 0)).toBe(true);
    expect(lean.poolLoss).toBe(runPoolLoss(full));
    expect(lean.tranches.map((t) => [t.principalLoss, t.interestShortfall])).toEqual(
      full.tranches.map((t) => [t.principalLoss, t.interestShortfall]),
    );
    expect(lean.cleanUpCallPeriod).toBe(full.cleanUpCallPeriod);
  });
});
