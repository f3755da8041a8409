/**
 * Pricing off a curve: value falls as the Z-spread rises (non-negative flows), and the Z-spread recovered from
 * the price a spread gives is that spread, for any curve shape, interpolation, compounding and settlement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURVE_INTERPOLATIONS, zeroCurve } from '../../core/analytics/curve';
import { discountMargin, valueAtMargin } from '../../core/analytics/discountMargin';
import { priceOffCurve, zSpreadFromPrice } from '../../core/analytics/zSpread';

const curveArb = fc
  .record({
    rates: fc.array(fc.double({ min: -0.005, max: 0.12, noNaN: true }), { minLength: 1, maxLength: 6 }),
    interpolation: fc.constantFrom(...CURVE_INTERPOLATIONS),
  })
  .map(({ rates, interpolation }) =>
    zeroCurve(
      '2025-01-01',
      rates.map((_, i) => 0.25 * 2 ** i),
      rates,
      { compounding: 'annual', interpolation },
    ),
  );
const flowsArb = fc.array(
  fc.record({
    t: fc.double({ min: 0.01, max: 12, noNaN: true }),
    amount: fc.double({ min: 0, max: 1e6, noNaN: true }),
  }),
  { minLength: 1, maxLength: 40 },
);
const compoundingArb = fc.constantFrom('continuous' as const, 'annual' as const, 'semiannual' as const);

describe('pricing off a curve (properties)', () => {
  it('price decreases as the spread increases', () => {
    fc.assert(
      fc.property(
        curveArb,
        flowsArb,
        compoundingArb,
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        (curve, flows, compounding, s, ds) => {
          const a = priceOffCurve(curve, flows, 1e6, s, { compounding }).dirty;
          const b = priceOffCurve(curve, flows, 1e6, s + ds, { compounding }).dirty;
          const total = flows.reduce((x, f) => x + f.amount, 0);
          if (total > 1) expect(b).toBeLessThan(a);
          else expect(b).toBeLessThanOrEqual(a);
        },
      ),
    );
  });

  it('Z-spread(price(s)) = s', () => {
    fc.assert(
      fc.property(
        curveArb,
        flowsArb,
        compoundingArb,
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (curve, flows, compounding, s, tSettle, accrued) => {
          const later = flows.filter((f) => f.t > tSettle);
          fc.pre(later.reduce((x, f) => x + f.amount * f.t, 0) > 100);
          const p = priceOffCurve(curve, flows, 1e6, s, { compounding, tSettle, accrued });
          const z = zSpreadFromPrice(curve, flows, 1e6, p.clean, { compounding, tSettle, accrued });
          expect(z).not.toBeNull();
          expect(Math.abs(z! - s)).toBeLessThan(1e-8);
        },
      ),
    );
  });

  it('discount margin inverts the value at a margin', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            tau: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
            amount: fc.double({ min: 1, max: 1e5, noNaN: true }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: -0.01, max: 0.1, noNaN: true }),
        (periods, fixing, dm) => {
          const v = valueAtMargin(periods, { kind: 'flat', fixing }, dm);
          const back = discountMargin(periods, { kind: 'flat', fixing }, v);
          expect(back).not.toBeNull();
          expect(Math.abs(back! - dm)).toBeLessThan(1e-8);
        },
      ),
    );
  });
});
