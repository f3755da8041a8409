import { describe, expect, it } from 'vitest';
import {
  histogram,
  multipleForLoss,
  planMonteCarlo,
  quantileSorted,
  runMonteCarloInline,
} from '../../../core/scenario/monteCarlo';
import { normalPdf } from '../../../core/scenario/normal';
import { vasicekLoss } from '../../../core/scenario/vasicek';
import { toyBase, toyEngine } from './toyEngine';

/** E[f(L)] under the Vasicek law by quadrature over the factor Z (independent of the sampler). */
function expectation(pd: number, rho: number, f: (l: number) => number): number {
  let s = 0;
  const h = 0.001;
  for (let z = -9; z <= 9; z += h) s += f(vasicekLoss(pd, rho, z)) * normalPdf(z) * h;
  return s;
}

describe('Monte Carlo (stand-in engine)', () => {
  const spec = { paths: 4000, seed: 11, correlation: 0.1 };
  const result = runMonteCarloInline(toyEngine(), toyBase, spec);

  it('calibrates PD to the base case loss (toy: 0.7 × 5% CDR = 3.5%)', () => {
    expect(result.plan.pd).toBeCloseTo(0.035, 12);
    expect(result.plan.rho).toBe(0.1);
    expect(result.cappedPaths).toBe(0);
  });

  it('mean pool loss is within 4 standard errors of the calibration', () => {
    expect(Math.abs(result.pool.mean - 0.035)).toBeLessThan(4 * result.pool.standardError);
    expect(result.pool.stdDev / result.pool.modelStdDev).toBeGreaterThan(0.9);
    expect(result.pool.stdDev / result.pool.modelStdDev).toBeLessThan(1.1);
  });

  it('class expected losses agree with the Vasicek integral of the toy tranching', () => {
    // C absorbs pool loss between 2% and 12%; B between 12% and 27%.
    const elC = expectation(0.035, 0.1, (l) => Math.min(0.1, Math.max(0, l - 0.02)) / 0.1);
    const c = result.tranches.find((t) => t.id === 'C')!;
    expect(Math.abs(c.expectedLoss - elC)).toBeLessThan(4 * c.standardError);
    const pLossC = expectation(0.035, 0.1, (l) => (l > 0.02 + 5e-9 ? 1 : 0));
    expect(Math.abs(c.probabilityOfLoss - pLossC)).toBeLessThan(
      4 * Math.sqrt((pLossC * (1 - pLossC)) / 4000),
    );
    const a = result.tranches.find((t) => t.id === 'A')!;
    expect(a.expectedLoss).toBeLessThanOrEqual(c.expectedLoss);
    expect(result.tranches.map((t) => t.histogram.counts.reduce((x, y) => x + y, 0))).toEqual([
      4000, 4000, 4000,
    ]);
  });

  it('same seed gives identical results; another seed does not', () => {
    expect(runMonteCarloInline(toyEngine(), toyBase, spec)).toEqual(result);
    expect(runMonteCarloInline(toyEngine(), toyBase, { ...spec, seed: 12 }).pool.mean).not.toBe(
      result.pool.mean,
    );
  });

  it('calibrates ρ from a loss volatility instead', () => {
    const plan = planMonteCarlo(toyEngine(), toyBase, { paths: 10, seed: 1, lossVolatility: 0.02 });
    expect(plan.rho).toBeGreaterThan(0);
    expect(plan.rho).toBeLessThan(1);
    expect(() => planMonteCarlo(toyEngine(), toyBase, { paths: 10, seed: 1 })).toThrow(
      /correlation or a loss volatility/,
    );
    expect(() =>
      planMonteCarlo(toyEngine(), toyBase, { paths: 10, seed: 1, correlation: 0.1, lossVolatility: 0.02 }),
    ).toThrow(/not both/);
  });
});

describe('Monte Carlo helpers', () => {
  it('interpolates the multiple for a loss and flags losses beyond the table', () => {
    const table = { multiples: [0, 1, 2], losses: [0, 0.1, 0.15] };
    expect(multipleForLoss(table, 0.05)).toEqual({ multiple: 0.5, capped: false });
    expect(multipleForLoss(table, 0.125).multiple).toBeCloseTo(1.5, 12);
    expect(multipleForLoss(table, 0.2)).toEqual({ multiple: 2, capped: true });
  });

  it('type-7 quantiles and histogram counts', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(histogram([0, 0.1, 0.5, 0.99, 1], 2, 0, 1).counts).toEqual([2, 3]);
  });
});

describe('Monte Carlo on a real deal', () => {
  it('lifetime pool loss matches the calibration; the runs realise it; juniors lose first', async () => {
    const { fixtureDeal } = await import('./fixtures');
    const { dealEngine } = await import('../../../core/scenario/dealEngine');
    const { deal, pool } = fixtureDeal();
    const r = runMonteCarloInline(dealEngine(deal, pool), deal.scenarios[0]!, {
      paths: 400,
      seed: 3,
      lossVolatility: 0.02,
    });
    expect(r.pool.modelStdDev).toBeCloseTo(0.02, 8);
    expect(Math.abs(r.pool.mean - r.plan.meanLoss)).toBeLessThan(4 * r.pool.standardError);
    // No clean-up call in the fixture and the horizon covers every liquidation: the run realises the drawn loss
    // up to the table's interpolation (257 points) and cent rounding.
    expect(Math.abs(r.dealPool.mean - r.pool.mean)).toBeLessThan(1e-4);
    const [a, b, c] = r.tranches;
    expect(a!.expectedLoss).toBeLessThanOrEqual(b!.expectedLoss);
    expect(b!.expectedLoss).toBeLessThanOrEqual(c!.expectedLoss);
    expect(c!.probabilityOfLoss).toBeGreaterThan(0);
  });
});

describe('interpolated Monte Carlo', () => {
  it('agrees with one run per path on a real deal, far inside the sampling error', async () => {
    const { fixtureDeal } = await import('./fixtures');
    const { dealEngine } = await import('../../../core/scenario/dealEngine');
    const { deal, pool } = fixtureDeal();
    const engine = dealEngine(deal, pool);
    const spec = { paths: 400, seed: 8, correlation: 0.15, nodes: 64 };
    const exact = runMonteCarloInline(engine, deal.scenarios[0]!, spec);
    const interp = runMonteCarloInline(engine, deal.scenarios[0]!, { ...spec, method: 'interpolated' });
    expect(interp.pool).toEqual(exact.pool);
    exact.tranches.forEach((t, j) => {
      const u = interp.tranches[j]!;
      expect(Math.abs(u.expectedLoss - t.expectedLoss)).toBeLessThan(Math.max(1e-4, t.standardError / 10));
      // First-loss brackets make the probability of loss exact up to paths inside a 1e-7-wide bracket.
      expect(Math.abs(u.probabilityOfLoss - t.probabilityOfLoss)).toBeLessThanOrEqual(1 / 400);
    });
    expect(Math.abs(interp.dealPool.mean - exact.dealPool.mean)).toBeLessThan(1e-4);
    expect(exact.tranches[2]!.probabilityOfLoss).toBeGreaterThan(0);
  });
});
