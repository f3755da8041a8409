import { describe, expect, it } from 'vitest';
import {
  bivariateNormalCdfDiagonal,
  vasicekCdf,
  vasicekLoss,
  vasicekQuantile,
  vasicekRhoForVolatility,
  vasicekVariance,
} from '../../../core/scenario/vasicek';
import { normalInv } from '../../../core/scenario/normal';
import { Xoshiro128 } from '../../../core/scenario/prng';

describe('Vasicek one-factor loss distribution', () => {
  it('99% quantile at PD 5%, ρ 10%, by hand', () => {
    // Φ⁻¹(0.05) = −1.6448536, Φ⁻¹(0.99) = 2.3263479, √0.1 = 0.3162278, √0.9 = 0.9486833:
    // (−1.6448536 + 0.3162278 × 2.3263479) / 0.9486833 = −0.9092012 / 0.9486833 = −0.9583820; Φ(−0.9583820) = 0.168936.
    expect(vasicekQuantile(0.05, 0.1, 0.99)).toBeCloseTo(0.168936, 6);
  });

  it('median is Φ(Φ⁻¹(PD)/√(1 − ρ)); 99.9% at SoFi-like 8.3% mean', () => {
    // PD 2%, ρ 15%: Φ(−2.0537489 / 0.9219544) = Φ(−2.2276065) = 0.0129535 (scipy 0.012953484965745448).
    expect(vasicekQuantile(0.02, 0.15, 0.5)).toBeCloseTo(0.012953484965745448, 12);
    expect(vasicekQuantile(0.083, 0.1, 0.999)).toBeCloseTo(0.33358994914415885, 12);
  });

  it('cdf and quantile are inverse', () => {
    for (const a of [0.01, 0.3, 0.9, 0.999]) {
      expect(vasicekCdf(0.05, 0.2, vasicekQuantile(0.05, 0.2, a))).toBeCloseTo(a, 10);
    }
  });

  it('variance matches the bivariate normal (scipy multivariate_normal.cdf)', () => {
    expect(vasicekVariance(0.05, 0.1)).toBeCloseTo(0.0012127891232037186, 12);
    expect(vasicekVariance(0.083, 0.1)).toBeCloseTo(0.0025640456986523504, 12);
    expect(vasicekVariance(0.2, 0.5)).toBeCloseTo(0.0471505666645701, 12);
    expect(bivariateNormalCdfDiagonal(normalInv(0.05), 0.1)).toBeCloseTo(0.003712789123203719, 12);
    expect(vasicekVariance(0.05, 0)).toBe(0);
  });

  it('ρ solved from a loss volatility reproduces that volatility', () => {
    const rho = vasicekRhoForVolatility(0.083, 0.04);
    expect(Math.sqrt(vasicekVariance(0.083, rho))).toBeCloseTo(0.04, 10);
    expect(() => vasicekRhoForVolatility(0.05, 0.3)).toThrow(/not reachable/);
  });

  it('sampled mean and standard deviation agree with PD and the variance formula', () => {
    const pd = 0.083;
    const rho = 0.12;
    const n = 100_000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const l = vasicekLoss(pd, rho, normalInv(new Xoshiro128(7, i).nextUniform()));
      s += l;
      ss += l * l;
    }
    const mean = s / n;
    const sd = Math.sqrt(ss / n - mean * mean);
    const model = Math.sqrt(vasicekVariance(pd, rho));
    expect(Math.abs(mean - pd)).toBeLessThan((4 * model) / Math.sqrt(n));
    expect(sd / model).toBeGreaterThan(0.97);
    expect(sd / model).toBeLessThan(1.03);
  });

  it('a good economy (high Z) means lower loss', () => {
    expect(vasicekLoss(0.05, 0.2, 2)).toBeLessThan(vasicekLoss(0.05, 0.2, 0));
    expect(vasicekLoss(0.05, 0.2, 0)).toBeLessThan(vasicekLoss(0.05, 0.2, -2));
  });
});
