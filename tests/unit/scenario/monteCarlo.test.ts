import { describe, expect, it } from 'vitest';
import {
  histogram,
  MONTE_CARLO_MAPPING_TOLERANCE,
  multipleForLoss,
  pathDraws,
  planMonteCarlo,
  severityAsLgd,
  quantileSorted,
  runMonteCarloInline,
} from '../../../core/scenario/monteCarlo';
import { normalPdf } from '../../../core/scenario/normal';
import { vasicekLoss } from '../../../core/scenario/vasicek';
import { loadDeal } from '../../../core/node/dealFile';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { sawtoothLoss, toyBase, toyEngine, toyLoss } from './toyEngine';

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

/** Whether a path's lifetime loss sits within the stated tolerance of its draw. */
function withinMappingTolerance(lifetime: number, drawn: number): boolean {
  const { absolute, relative } = MONTE_CARLO_MAPPING_TOLERANCE;
  return Math.abs(lifetime - drawn) <= Math.max(absolute, relative * drawn);
}

describe('Monte Carlo maps draws by the original pool lifetime loss (issue 21 item 3)', () => {
  it('toy revolving deal: each path lands on its draw although the realised loss saw-tooths', () => {
    // Realised loss (sawtoothLoss) is 10% wherever the lifetime loss 0.035 × k is in [14%, 18.2%); mapping by
    // it, the monotone guard flattened the table there and a 15% draw landed at any k in the jump. The
    // lifetime loss is linear in k, so linear interpolation is exact: k = draw / 0.035.
    const engine = toyEngine(undefined, sawtoothLoss);
    const plan = planMonteCarlo(engine, toyBase, { paths: 300, seed: 5, meanLoss: 0.15, correlation: 0.05 });
    expect(plan.guardedPoints).toBe(0);
    const draws = pathDraws(plan).filter((d) => !d.capped);
    expect(draws.filter((d) => d.targetLoss >= 0.14 && d.targetLoss < 0.182).length).toBeGreaterThan(50);
    for (const d of draws)
      expect(toyLoss({ ...toyBase, defaultMultiple: d.multiple })).toBeCloseTo(d.targetLoss, 9);
  });

  it('revolving sample: every path within tolerance of its draw; drawn and realised loss reported apart', async () => {
    const { deal, pool } = await loadDeal(
      new URL('../../../samples/deals/revolving-installment.deal.json', import.meta.url).pathname,
    );
    const engine = dealEngine(deal, pool);
    const base = deal.scenarios[0]!;
    const plan = planMonteCarlo(engine, base, { paths: 400, seed: 3, correlation: 0.1 });
    for (const d of pathDraws(plan)) {
      if (d.capped) continue;
      const lifetime = engine.lifetimeLoss({ ...base, defaultMultiple: d.multiple });
      expect(withinMappingTolerance(lifetime, d.targetLoss)).toBe(true);
    }
    const r = runMonteCarloInline(engine, base, { paths: 24, seed: 3, correlation: 0.1 });
    // The drawn distribution's sample mean estimates the calibrated mean; the realised one is its own figure.
    expect(r.pool.mean).not.toBe(r.dealPool.mean);
  });
});

describe('Monte Carlo LGD from the scenario severity', () => {
  it('a constant severity is the LGD: PD = mean loss / severity', () => {
    // Toy base: severity 90%, lifetime loss 3.5%, so the copula draws defaults with PD 3.5% / 0.9 = 3.888…%.
    const lgd = severityAsLgd(toyBase);
    expect(lgd).toBe(0.9);
    const plan = planMonteCarlo(toyEngine(), toyBase, {
      paths: 10,
      seed: 1,
      correlation: 0.1,
      lossGivenDefault: lgd,
    });
    expect(plan.pd).toBeCloseTo(0.035 / 0.9, 12);
    expect(() => severityAsLgd({ ...toyBase, severity: { vector: [0.5, 0.6], by: 'period' } })).toThrow(
      /severity is a curve/,
    );
  });
});

describe('interpolated method: nodes where classes change state, error stated (issue 21 item 4)', () => {
  // Toy revolving deal (sawtoothLoss): B's loss is linear in the multiple except for a dip where lifetime loss
  // 0.035k is in [14%, 18.2%): realised 10%, B whole. With 8 quantile nodes the old method drew straight lines
  // across both edges of the dip. Nodes are now bisected to 1e-6 of the range wherever a class changes state,
  // and B's loss is linear inside each state in the toy, so interpolation is exact up to the paths that fall
  // inside a 1e-6-wide bracket: the expected loss matches the exact method to 1e-6.
  const engine = toyEngine(undefined, sawtoothLoss);
  const spec = { paths: 400, seed: 9, meanLoss: 0.15, correlation: 0.05, nodes: 8 } as const;
  const exact = runMonteCarloInline(engine, toyBase, { ...spec, method: 'exact' });
  const interp = runMonteCarloInline(engine, toyBase, { ...spec, method: 'interpolated' });

  it('class expected losses agree with one run per path', () => {
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(interp.tranches[j]!.expectedLoss - exact.tranches[j]!.expectedLoss)).toBeLessThan(1e-6);
    }
  });

  it('reports its own error against exact runs', () => {
    const check = interp.interpolation!;
    expect(check.checkedPaths).toBe(32);
    expect(check.nodes).toBeGreaterThan(8);
    for (const e of check.maxAbsError) expect(e).toBeLessThan(1e-6);
    expect(exact.interpolation).toBeUndefined();
  });
});
