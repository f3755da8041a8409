import { describe, expect, it } from 'vitest';
import {
  buildCurve,
  CurveFile,
  discountFactor,
  forwardRate,
  toContinuous,
  zeroCurve,
  zeroRate,
} from '../../../core/analytics/curve';
import { discountMargin, valueAtMargin, type FloaterPeriod } from '../../../core/analytics/discountMargin';
import { priceOffCurve, zSpreadFromPrice } from '../../../core/analytics/zSpread';

describe('discount curve (hand-worked)', () => {
  it('zero rates in any stated compounding become continuous: annual 5% is ln 1.05', () => {
    expect(toContinuous(0.05, 'annual')).toBeCloseTo(Math.log(1.05), 15);
    expect(toContinuous(0.05, 'semiannual')).toBeCloseTo(2 * Math.log(1.025), 15);
    const c = zeroCurve('2025-01-01', [1, 2], [0.05, 0.06], { compounding: 'annual' });
    expect(discountFactor(c, 1)).toBeCloseTo(1 / 1.05, 15);
    expect(discountFactor(c, 2)).toBeCloseTo(1 / 1.06 ** 2, 15);
  });

  it('log-linear on discount factors (default): the forward is flat between pillars', () => {
    const c = zeroCurve('2025-01-01', [1, 2], [0.05, 0.06], { compounding: 'continuous' });
    // ln DF(1.5) halfway between −0.05 and −0.12.
    expect(discountFactor(c, 1.5)).toBeCloseTo(Math.exp(-0.085), 15);
    // Before the first pillar the first zero rate; past the last the last forward (0.12 − 0.05 = 7%).
    expect(zeroRate(c, 0.5)).toBeCloseTo(0.05, 15);
    expect(discountFactor(c, 3)).toBeCloseTo(Math.exp(-0.12 - 0.07), 15);
  });

  it('linear on zero rates: the zero rate is interpolated, then held to the last forward', () => {
    const c = zeroCurve('2025-01-01', [1, 2], [0.05, 0.06], {
      compounding: 'continuous',
      interpolation: 'linearZero',
    });
    expect(zeroRate(c, 1.5)).toBeCloseTo(0.055, 15);
    // Instantaneous forward at t = 2: r + t r' = 0.06 + 2 × 0.01 = 8%.
    expect(discountFactor(c, 3)).toBeCloseTo(Math.exp(-(0.12 + 0.08)), 15);
  });

  it('par yields bootstrap so each pillar bond is worth par (annual coupons, ACT/365F, a 365-day year)', () => {
    const c = buildCurve(
      CurveFile.parse({
        name: 'par',
        asOf: '2025-01-01',
        quote: 'par',
        compounding: 'annual',
        pillars: [
          { tenor: '1Y', rate: 0.02 },
          { tenor: '2Y', rate: 0.03 },
        ],
      }),
    );
    // 1Y: one coupon at maturity, DF = 1 / 1.02. 2Y: 0.03 × DF(1) + 1.03 × DF(2) = 1.
    expect(discountFactor(c, 1)).toBeCloseTo(1 / 1.02, 14);
    expect(discountFactor(c, 2)).toBeCloseTo((1 - 0.03 / 1.02) / 1.03, 14);
  });

  it('semiannual par bootstrap prices every pillar to par, coupons between pillars on the interpolated curve', () => {
    const file = CurveFile.parse({
      name: 'ust',
      asOf: '2023-09-01',
      quote: 'par',
      compounding: 'semiannual',
      pillars: [
        { tenor: '6M', rate: 0.0547 },
        { tenor: '2Y', rate: 0.0487 },
        { tenor: '5Y', rate: 0.0429 },
      ],
    });
    const c = buildCurve(file);
    const t = (m: number) => (Date.UTC(2023, 8 + m, 1) - Date.UTC(2023, 8, 1)) / 86_400_000 / 365;
    for (const [months, rate] of [
      [24, 0.0487],
      [60, 0.0429],
    ] as const) {
      let pv = discountFactor(c, t(months));
      for (let m = months; m > 0; m -= 6) pv += (rate / 2) * discountFactor(c, t(m));
      expect(pv).toBeCloseTo(1, 12);
    }
  });

  it('a curve file names the field and reason for bad input', () => {
    const bad = CurveFile.safeParse({
      name: 'x',
      asOf: '2025-01-01',
      quote: 'par',
      compounding: 'continuous',
      pillars: [
        { tenor: '2Y', rate: 0.02 },
        { tenor: '1Y', rate: 0.02 },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('compounding');
    expect(paths).toContain('pillars.1.tenor');
  });
});

describe('clean and dirty price off the curve (hand-worked)', () => {
  // Flat 5% continuous curve; one flow of 105 in a year on a par of 100; 1.25 accrued at settlement.
  const c = zeroCurve('2025-01-01', [1], [0.05], { compounding: 'continuous' });
  const flows = [{ t: 1, amount: 105 }];

  it('dirty = PV, clean = dirty − accrued, at a continuous Z-spread of 50bp', () => {
    const p = priceOffCurve(c, flows, 100, 0.005, { compounding: 'continuous', accrued: 1.25 });
    expect(p.dirty).toBeCloseTo(105 * Math.exp(-0.055), 12);
    expect(p.clean).toBeCloseTo(105 * Math.exp(-0.055) - 1.25, 12);
  });

  it('a semiannual Z-spread is added to the semiannual zero rate', () => {
    const r2 = 2 * (Math.exp(0.05 / 2) - 1);
    const p = priceOffCurve(c, flows, 100, 0.01, { compounding: 'semiannual' });
    expect(p.dirty).toBeCloseTo(105 / (1 + (r2 + 0.01) / 2) ** 2, 12);
    expect(zSpreadFromPrice(c, flows, 100, p.clean, { compounding: 'semiannual' })).toBeCloseTo(0.01, 10);
  });

  it('settling after the curve date carries the value forward and drops flows already paid', () => {
    const p = priceOffCurve(c, [{ t: 0.25, amount: 5 }, ...flows], 100, 0, {
      compounding: 'continuous',
      tSettle: 0.5,
    });
    expect(p.dirty).toBeCloseTo(105 * Math.exp(-0.05 * 0.5), 12);
  });
});

describe('discount margin (street convention, hand-worked)', () => {
  // A floater paying index + 2% quarterly on 100 with the index flat at 3%: worth par at DM = 2% exactly,
  // since each period's discount growth 1 + 5% × 0.25 equals its coupon growth.
  const periods: FloaterPeriod[] = [
    { tau: 0.25, amount: 1.25 },
    { tau: 0.25, amount: 1.25 },
    { tau: 0.25, amount: 101.25 },
  ];

  it('a floater at its margin is worth par', () => {
    expect(valueAtMargin(periods, { kind: 'flat', fixing: 0.03 }, 0.02)).toBeCloseTo(100, 12);
    expect(discountMargin(periods, { kind: 'flat', fixing: 0.03 }, 100)).toBeCloseTo(0.02, 10);
  });

  it('below par the DM is above the quoted margin', () => {
    expect(discountMargin(periods, { kind: 'flat', fixing: 0.03 }, 99.5)!).toBeGreaterThan(0.02);
  });

  it('off the curve forwards: a floater paying forward + m is worth par at DM = m', () => {
    const c = zeroCurve('2025-01-01', [0.25, 1], [0.03, 0.04], { compounding: 'continuous' });
    const dates = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'];
    const ps: FloaterPeriod[] = [1, 2, 3].map((i) => {
      const tau = 0.25;
      const t0 = (Date.parse(dates[i - 1]!) - Date.parse(dates[0]!)) / 86_400_000 / 365;
      const t1 = (Date.parse(dates[i]!) - Date.parse(dates[0]!)) / 86_400_000 / 365;
      const coupon = (forwardRate(c, t0, t1, tau) + 0.015) * tau * 100;
      return { tau, amount: coupon + (i === 3 ? 100 : 0), start: dates[i - 1]!, end: dates[i]! };
    });
    expect(discountMargin(ps, { kind: 'forwards', curve: c }, 100)).toBeCloseTo(0.015, 10);
  });
});
