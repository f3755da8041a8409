/**
 * Revolving purchases: the purchase planner never breaks a concentration limit and never buys more than asked,
 * and a revolving waterfall over random collections still conserves cash to the cent and pays nothing to the
 * residual while a class is owed interest or an uncured write-down.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RepLine } from '../../core/deal/schema';
import { groupKey } from '../../core/structure/poolLedger';
import { planPurchase } from '../../core/structure/revolving';
import { runWaterfall } from '../../core/structure/waterfall';
import { collections, dates, flatScenario, structure } from '../unit/structure/fixtures';

const SEGMENTS = ['prime', 'near', 'sub'];
const PRODUCTS = ['level-pay', 'bullet'] as const;

const lineArb = fc.record({
  segment: fc.constantFrom(...SEGMENTS),
  product: fc.constantFrom(...PRODUCTS),
  weight: fc.integer({ min: 1, max: 1000 }),
});

const line = (l: { segment: string; product: string; weight: number }, i: number): RepLine => ({
  id: `P${i}`,
  segment: l.segment,
  product: l.product as RepLine['product'],
  balance: l.weight,
  rate: 0.2,
  monthlyFeeRate: 0,
  originalTerm: 12,
  remainingTerm: 12,
  paymentRate: 0,
  count: 1,
});

describe('planPurchase', () => {
  it('respects every concentration limit and the amount asked', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 1e5, max: 1e8, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(
          fc.record({
            key: fc.constantFrom('segment' as const, 'product' as const),
            which: fc.nat(2),
            maxShare: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 3 },
        ),
        (ls, par, poolEnd, split, lims) => {
          const lines = ls.map(line);
          const limits = lims.map((l) => ({
            key: l.key,
            value: l.key === 'segment' ? SEGMENTS[l.which] : PRODUCTS[l.which % 2],
            maxShare: l.maxShare,
          }));
          // The existing pool split across segments (products split the same way, halves).
          const total = split.reduce((a, b) => a + b, 0) || 1;
          const existing = new Map<string, number>();
          SEGMENTS.forEach((s, i) => existing.set(groupKey('segment', s), (poolEnd * split[i]) / total));
          PRODUCTS.forEach((p) => existing.set(groupKey('product', p), poolEnd / 2));
          const plan = planPurchase(par, lines, poolEnd, (k) => existing.get(k) ?? 0, limits);
          const bought = plan.amounts.reduce((a, b) => a + b, 0);
          expect(bought).toBeLessThanOrEqual(par * (1 + 1e-9) + 1e-6);
          plan.amounts.forEach((a) => expect(a).toBeGreaterThanOrEqual(0));
          for (const lim of limits) {
            const key = groupKey(lim.key, lim.value);
            let inGroup = 0;
            lines.forEach((l, i) => {
              if ((lim.key === 'segment' ? l.segment : l.product) === lim.value) inGroup += plan.amounts[i];
            });
            // A group already over its limit may buy nothing more; otherwise it stays within the limit.
            if (inGroup > 1e-6) {
              expect(existing.get(key)! + inGroup).toBeLessThanOrEqual(
                lim.maxShare * (poolEnd + bought) + 1e-4,
              );
            }
          }
          if (limits.length === 0) expect(bought).toBeCloseTo(par, 4);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('revolving waterfall', () => {
  it('conserves cash and keeps the pool at target while it can afford to', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sched: fc.double({ min: 0, max: 0.2, noNaN: true }),
            def: fc.double({ min: 0, max: 0.05, noNaN: true }),
          }),
          {
            minLength: 2,
            maxLength: 12,
          },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 90, max: 105, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (flows, endPeriod, price, nearCap) => {
          let bal = 1_000_000;
          const pool = collections(
            bal,
            flows.map((f) => {
              const sched = bal * f.sched;
              const defaults = bal * f.def;
              bal -= sched + defaults;
              return { scheduledPrincipal: sched, defaults, loss: defaults, interest: bal * 0.015 };
            }),
          );
          const unit = collections(
            1000,
            Array.from({ length: 12 }, () => ({ scheduledPrincipal: 1000 / 12, interest: 15 })),
          );
          const profile = [
            line({ segment: 'prime', product: 'level-pay', weight: 600 }, 0),
            line({ segment: 'near', product: 'level-pay', weight: 400 }, 1),
          ];
          const r = runWaterfall({
            structure: structure({
              tranches: [
                { id: 'A', seniority: 'senior', balance: 900_000, coupon: { type: 'fixed', rate: 0.05 } },
                {
                  id: 'B',
                  seniority: 'subordinated',
                  balance: 50_000,
                  coupon: { type: 'fixed', rate: 0.09 },
                },
              ],
              principalRule: { normal: { type: 'sequential' } },
              revolving: {
                endPeriod,
                purchasePrice: price,
                profile,
                concentrationLimits: [{ key: 'segment', value: 'near', maxShare: nearCap }],
              },
              waterfall: [
                { pay: 'interest', tranches: ['A'] },
                { pay: 'interest', tranches: ['B'] },
                { pay: 'purchase' },
                { pay: 'principal', tranches: ['A', 'B'] },
                { pay: 'residual' },
              ],
            }),
            scenario: flatScenario(),
            dates: dates(pool.periods),
            pool,
            composition: [{ segment: 'prime', product: 'level-pay', endBalance: pool.endBalance }],
            profile: [unit, unit],
          });
          expect(r.checks.failures).toEqual([]);
          for (const w of r.waterfall) {
            const purchase = w.steps.find((s) => s.label === 'purchase')!;
            expect(purchase.paid).toBeLessThanOrEqual(purchase.due);
            if (!w.revolving) expect(purchase.paid).toBe(0);
          }
          for (const p of r.poolPeriods) expect(p.endBalance).toBeLessThanOrEqual(1_000_000 + 1e-6);
          // Purchases do not let cash past the noteholders: nothing reaches the residual while a class has
          // unpaid interest or an uncured write-down.
          const uncured = r.tranches.map(() => 0);
          r.waterfall.forEach((w, k) => {
            r.tranches.forEach((tr, i) => (uncured[i] += tr.cashflows[k].writedown));
            const residual = w.steps.find((st) => st.label === 'residual')!;
            if (residual.paid === 0) return;
            r.tranches.forEach((tr, i) => {
              expect(tr.cashflows[k].interestShortfall).toBe(0);
              expect(Math.abs(uncured[i])).toBeLessThan(0.005);
            });
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
