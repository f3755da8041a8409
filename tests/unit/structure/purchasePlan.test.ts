/**
 * A concentration limit is a share of the pool after the purchase, so the most a group with G in a pool of P may
 * take is x with G + x = s × (P + x), i.e. x = (s × P − G) / (1 − s). The planner must land on that figure, not
 * stop short of it or step over it.
 */
import { describe, expect, it } from 'vitest';
import type { RepLine } from '../../../core/deal/schema';
import { planPurchase } from '../../../core/structure/revolving';

const line = (id: string, segment: string, balance: number): RepLine => ({
  id,
  segment,
  product: 'level-pay',
  balance,
  rate: 0.2,
  monthlyFeeRate: 0,
  originalTerm: 12,
  remainingTerm: 12,
  paymentRate: 0,
  count: 1,
});

describe('planPurchase: a limit as a share of the pool after the purchase', () => {
  it('buys exactly up to a 70% cap that grows with the purchase (fast-check found a 0.0003 breach)', () => {
    // P = 100,000 with none of it prime, s = 0.6998347099241948: x = 69,983.47099 / 0.30016529 = 233,149.7788.
    const s = 0.6998347099241948;
    const plan = planPurchase(251_893.92, [line('P', 'prime', 1)], 100_000, () => 0, [
      { key: 'segment', value: 'prime', maxShare: s },
    ]);
    const x = plan.amounts[0]!;
    expect(x).toBeLessThanOrEqual(s * (100_000 + x) + 1e-9);
    expect(x).toBeCloseTo((s * 100_000) / (1 - s), 6);
    expect(plan.limitedBy).toEqual(['segment:prime']);
  });

  it('fills the rest from the lines outside the capped group, the cap still measured on the whole purchase', () => {
    // 100 to buy, weights 1:1 prime/near, pool 100 with prime 40, prime ≤ 50%: prime x with 40 + x = 0.5 × 200
    // gives x = 60 > the 50 its weight asks, so nothing binds and each line takes 50.
    const free = planPurchase(
      100,
      [line('P', 'prime', 1), line('N', 'near', 1)],
      100,
      (k) => (k === 'segment:prime' ? 40 : 0),
      [{ key: 'segment', value: 'prime', maxShare: 0.5 }],
    );
    expect(free.amounts[0]).toBeCloseTo(50, 9);
    expect(free.amounts[1]).toBeCloseTo(50, 9);
    // With prime already 80 of the 100: 80 + x = 0.5 × 200 gives x = 20, and near takes the other 80.
    const capped = planPurchase(
      100,
      [line('P', 'prime', 1), line('N', 'near', 1)],
      100,
      (k) => (k === 'segment:prime' ? 80 : 0),
      [{ key: 'segment', value: 'prime', maxShare: 0.5 }],
    );
    expect(capped.amounts[0]).toBeCloseTo(20, 9);
    expect(capped.amounts[1]).toBeCloseTo(80, 9);
  });
});
