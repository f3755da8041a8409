/**
 * After an event of default the swap counterparty and the liquidity facility keep their seniority: the default
 * post-enforcement priority of payments pays the deal's hedge and facility steps right after the senior fees,
 * ahead of every note (as swap and liquidity agreements rank in consumer ABS), and a cap carryover stays last.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal, type WaterfallStep } from '../../../core/deal/schema';
import { runDeal } from '../../../core/run';
import { accelerationWaterfall } from '../../../core/structure/phase';
import {
  addHedge,
  addLiquidityFacility,
  setFlatIndex,
  setHedge,
  setLiquidity,
} from '../../../renderer/project/supportEdit';

function supportedDeal(): Deal {
  let deal = Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));
  deal = setLiquidity(addLiquidityFacility(deal), { commitmentFeeRate: 0.005 });
  deal = setHedge(addHedge(deal, 'swap'), 'swap1', (h) =>
    h.type === 'swap' ? { ...h, fixedRate: 0.02 } : h,
  );
  return setFlatIndex(deal, 'SOFR', 0.03);
}

describe('acceleration keeps hedges and the liquidity facility senior', () => {
  it('the default accelerated list: fees, hedge and facility steps as written, each level, carryover, residual', () => {
    const deal = supportedDeal();
    const steps = accelerationWaterfall(deal.structure).map((s: WaterfallStep) => s.pay);
    const fees = deal.structure.fees.length;
    expect(steps.slice(0, fees)).toEqual(Array(fees).fill('fee'));
    const support = deal.structure.waterfall.filter((s) => s.pay === 'hedge' || s.pay === 'liquidity');
    expect(support.length).toBeGreaterThan(1);
    expect(accelerationWaterfall(deal.structure).slice(fees, fees + support.length)).toEqual(support);
    expect(steps.indexOf('interest')).toBe(fees + support.length);
    expect(steps.at(-1)).toBe('residual');
  });

  it('an accelerated run pays the swap ahead of the notes and still reconciles', () => {
    const base = supportedDeal();
    const deal = Deal.parse({
      ...base,
      structure: { ...base.structure, phases: { eventsOfDefault: [{ type: 'trigger', trigger: 'cnl' }] } },
    });
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const r = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines }, { scenario: 'severe' });
    expect(r.checks.cashConserved).toBe(true);
    const accelerated = r.waterfall.filter((w) => w.phase === 'accelerated');
    expect(accelerated.length).toBeGreaterThan(0);
    for (const w of accelerated) {
      const labels = w.steps.map((s) => s.label);
      const hedge = labels.indexOf('hedge swap1');
      expect(hedge).toBeGreaterThanOrEqual(0);
      expect(hedge).toBeLessThan(labels.findIndex((l) => l.startsWith('interest')));
    }
  });
});
