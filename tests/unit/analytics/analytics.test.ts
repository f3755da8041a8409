import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accruedInterest,
  analyzeTranche,
  bondEquivalentFromMortgage,
  durationAt,
  mortgageFromBondEquivalent,
  priceFromYield,
  yieldFromPrice,
  type TrancheFlow,
} from '../../../core/analytics';

/** A bullet bond paying coupon/frequency each period and par at maturity. */
function bullet(par: number, coupon: number, years: number, frequency: number): TrancheFlow[] {
  const n = Math.round(years * frequency);
  return Array.from({ length: n }, (_, i) => ({
    period: i + 1,
    t: (i + 1) / frequency,
    interest: (par * coupon) / frequency,
    principal: i === n - 1 ? par : 0,
  }));
}

/** A level-pay monthly loan (the annuity schedule), as a tranche would receive it. */
function levelPay(par: number, annualRate: number, months: number): TrancheFlow[] {
  const r = annualRate / 12;
  const payment = r === 0 ? par / months : (par * r) / (1 - Math.pow(1 + r, -months));
  let balance = par;
  const out: TrancheFlow[] = [];
  for (let k = 1; k <= months; k++) {
    const interest = balance * r;
    const principal = payment - interest;
    balance -= principal;
    out.push({ period: k, t: k / 12, interest, principal });
  }
  return out;
}

describe('yield and price', () => {
  it('a semiannual par bond yields its coupon', () => {
    const flows = bullet(1_000_000, 0.051, 5, 2);
    expect(priceFromYield(flows, 1_000_000, 0.051)).toBeCloseTo(100, 10);
    const y = yieldFromPrice(flows, 1_000_000, 100);
    expect(y).not.toBeNull();
    expect(y!.bey).toBeCloseTo(0.051, 10);
  });

  it('a monthly-pay par bond has mortgage yield = coupon and BEY = 2((1 + c/12)^6 − 1)', () => {
    const flows = bullet(100, 0.06, 3, 12);
    const y = yieldFromPrice(flows, 100, 100)!;
    expect(y.mortgage).toBeCloseTo(0.06, 10);
    // 2 × (1.005^6 − 1) = 2 × 0.030377509394 = 0.060755018788
    expect(y.bey).toBeCloseTo(0.060755018788, 10);
  });

  it('prices a zero-coupon bond by hand: 100 / 1.025^4 at 5% over 2 years', () => {
    const flows: TrancheFlow[] = [{ period: 24, t: 2, interest: 0, principal: 100 }];
    expect(priceFromYield(flows, 100, 0.05)).toBeCloseTo(90.595064, 6);
    expect(yieldFromPrice(flows, 100, 90.595064)!.bey).toBeCloseTo(0.05, 7);
  });

  it('a discount price gives a yield above the coupon, a premium one below', () => {
    const flows = bullet(100, 0.073, 2, 12);
    expect(yieldFromPrice(flows, 100, 98)!.bey).toBeGreaterThan(0.073);
    expect(yieldFromPrice(flows, 100, 102)!.bey).toBeLessThan(0.073);
  });

  it('returns null when the price cannot be reached', () => {
    expect(yieldFromPrice([], 100, 100)).toBeNull();
    const zeros: TrancheFlow[] = [{ period: 1, t: 1 / 12, interest: 0, principal: 0 }];
    expect(yieldFromPrice(zeros, 100, 100)).toBeNull();
    expect(yieldFromPrice(bullet(100, 0.05, 1, 12), 100, 0)).toBeNull();
    // A flow paid at settlement (t = 0) is worth its face at any yield: 150% of par is out of reach.
    const now: TrancheFlow[] = [{ period: 0, t: 0, interest: 0, principal: 100 }];
    expect(yieldFromPrice(now, 100, 150)).toBeNull();
  });

  it('round-trips price -> yield -> price on random schedules', () => {
    const flowSet = fc
      .array(
        fc.record({
          // Cents, as the waterfall pays them.
          interest: fc.integer({ min: 0, max: 1e8 }).map((c) => c / 100),
          principal: fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100),
        }),
        { minLength: 1, maxLength: 120 },
      )
      .map((rows) => rows.map((r, i) => ({ period: i + 1, t: (i + 1) / 12, ...r })))
      .filter((rows) => rows.some((r) => r.interest + r.principal > 1));
    fc.assert(
      fc.property(flowSet, fc.double({ min: -0.05, max: 0.4, noNaN: true }), (flows, y) => {
        const par = Math.max(
          1,
          flows.reduce((s, f) => s + f.principal, 0),
        );
        const price = priceFromYield(flows, par, y);
        const back = yieldFromPrice(flows, par, price);
        expect(back).not.toBeNull();
        expect(Math.abs(priceFromYield(flows, par, back!.bey) - price) / price).toBeLessThan(1e-9);
        expect(back!.bey).toBeCloseTo(y, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('converts BEY and mortgage yield both ways', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 1, noNaN: true }), (y) => {
        expect(bondEquivalentFromMortgage(mortgageFromBondEquivalent(y))).toBeCloseTo(y, 12);
        // Monthly compounding needs a lower quoted rate for the same effective growth when rates are positive.
        if (y > 1e-9) expect(mortgageFromBondEquivalent(y)).toBeLessThan(y);
      }),
    );
  });
});

describe('WAL and principal window', () => {
  it('WAL of a 12-month 18% level-pay schedule, by hand', () => {
    // Principal in month k = P1 × 1.015^(k−1), P1 = 9,167.999 − 1,500 = 7,668.00 (cf. shared/reference
    // projection.json level_pay_no_stress); WAL = Σ (k/12) P_k / 100,000 = 0.556444 years.
    const a = analyzeTranche(levelPay(100_000, 0.18, 12), 100_000, 100);
    expect(a.wal).toBeCloseTo(0.556444, 6);
    expect(a.principalWindow).toEqual({ first: 1, last: 12 });
    // A level-pay loan at its own rate is a par asset: BEY = 2((1.015)^6 − 1), mortgage yield = 18%.
    expect(a.mortgageYield).toBeCloseTo(0.18, 9);
    expect(a.yield).toBeCloseTo(2 * (Math.pow(1.015, 6) - 1), 9);
  });

  it('WAL of equal principal over 3 months is 2 months', () => {
    const flows = levelPay(300, 0, 3);
    expect(analyzeTranche(flows, 300, 100).wal).toBeCloseTo(2 / 12, 12);
  });

  it('a class with no principal has no WAL or window; its yield still comes from interest', () => {
    const flows: TrancheFlow[] = [
      { period: 1, t: 0.5, interest: 5, principal: 0 },
      { period: 2, t: 1, interest: 5, principal: 0 },
    ];
    const a = analyzeTranche(flows, 100, 10);
    expect(a.wal).toBeNull();
    expect(a.principalWindow).toBeNull();
    expect(a.yield).not.toBeNull();
  });

  it('WAL lies within the principal window', () => {
    const arb = fc.array(
      fc.integer({ min: 0, max: 1e8 }).map((c) => c / 100),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (ps) => {
        const flows = ps.map((p, i) => ({ period: i + 1, t: (i + 1) / 12, interest: 0, principal: p }));
        const a = analyzeTranche(flows, 1, 100);
        if (a.principalWindow === null) return a.wal === null;
        return (
          a.wal! >= a.principalWindow.first / 12 - 1e-12 && a.wal! <= a.principalWindow.last / 12 + 1e-12
        );
      }),
    );
  });
});

describe('duration and convexity', () => {
  it("a zero-coupon bond's Macaulay duration is its maturity", () => {
    const flows: TrancheFlow[] = [{ period: 36, t: 3, interest: 0, principal: 100 }];
    const d = durationAt(flows, 0.06)!;
    expect(d.macaulay).toBeCloseTo(3, 12);
    expect(d.modified).toBeCloseTo(3 / 1.03, 12);
    // C = T (T + ½) / (1 + Y/2)² = 3 × 3.5 / 1.03².
    expect(d.convexity).toBeCloseTo(10.5 / (1.03 * 1.03), 12);
  });

  it('a 2-year semiannual 6% par bond: Macaulay 1.914306 years, by hand', () => {
    // PVs at 3% a half-year: 3/1.03, 3/1.03², 3/1.03³, 103/1.03⁴ sum to 100;
    // Σ t × PV = 0.5×2.912621 + 1×2.827788 + 1.5×2.745425 + 2×91.514166 = 191.430568.
    const a = analyzeTranche(bullet(100, 0.06, 2, 2), 100, 100);
    expect(a.yield).toBeCloseTo(0.06, 10);
    expect(a.macaulayDuration).toBeCloseTo(1.914306, 6);
    expect(a.modifiedDuration).toBeCloseTo(1.914306 / 1.03, 6);
  });

  it('modified duration and convexity match finite differences of the price', () => {
    const flows = levelPay(1_000_000, 0.12, 24);
    const y = 0.08;
    const h = 1e-4;
    const p0 = priceFromYield(flows, 1_000_000, y);
    const up = priceFromYield(flows, 1_000_000, y + h);
    const down = priceFromYield(flows, 1_000_000, y - h);
    const d = durationAt(flows, y)!;
    expect(d.modified).toBeCloseTo(-(up - down) / (2 * h) / p0, 6);
    expect(d.convexity).toBeCloseTo((up - 2 * p0 + down) / (h * h) / p0, 3);
  });
});

describe('accrued interest at settlement', () => {
  it('accrues 30/360 from the cut-off to settlement', () => {
    // 1,000,000 × 4.5% × 10/360 = 1,250.00
    expect(accruedInterest(1_000_000, 0.045, '30/360', '2025-06-30', '2025-07-10')).toBeCloseTo(1250, 9);
    expect(accruedInterest(1_000_000, 0.045, 'ACT/360', '2025-06-30', '2025-07-10')).toBeCloseTo(1250, 9);
    expect(accruedInterest(1_000_000, 0.045, '30/360', '2025-06-30', '2025-06-30')).toBe(0);
  });

  it('a par bond bought at par plus accrued yields its coupon', () => {
    // Semiannual 6% bond settling 1 month into its first period: flows at 5, 11, 17, 23 months from settlement.
    const flows: TrancheFlow[] = [5, 11, 17, 23].map((m, i) => ({
      period: (i + 1) * 6,
      t: m / 12,
      interest: 3,
      principal: i === 3 ? 100 : 0,
    }));
    // Dirty price at 6%: 100 × 1.03^(1/6); accrued 0.5. Clean = dirty − 0.5, just under par between coupons.
    const accrued = 100 * 0.06 * (1 / 12);
    const clean = priceFromYield(flows, 100, 0.06, accrued);
    expect(clean).toBeCloseTo(100 * Math.pow(1.03, 1 / 6) - 0.5, 9);
    const y = yieldFromPrice(flows, 100, clean, accrued)!;
    expect(y.bey).toBeCloseTo(0.06, 10);
    // Ignoring the accrued interest overstates the yield.
    expect(yieldFromPrice(flows, 100, clean)!.bey).toBeGreaterThan(0.06);
    expect(analyzeTranche(flows, 100, clean, accrued).yield).toBeCloseTo(0.06, 10);
  });
});
