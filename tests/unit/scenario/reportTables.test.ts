import { describe, expect, it } from 'vitest';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { compareScenarios, scenarioComparisonTables } from '../../../core/scenario/compare';
import { solveBreakevens } from '../../../core/scenario/breakeven';
import { runRatingStresses } from '../../../core/scenario/ratingStress';
import { runMonteCarloInline } from '../../../core/scenario/monteCarlo';
import {
  breakevenReportTable,
  monteCarloReportTables,
  ratingStressReportTable,
} from '../../../core/scenario/reportTable';
import { fixtureDeal } from './fixtures';
import { toyBase, toyEngine } from './toyEngine';

describe('scenario comparison', () => {
  const { deal, pool } = fixtureDeal();
  const engine = dealEngine(deal, pool);
  const runs = deal.scenarios.map((s) => ({ name: s.name, result: engine.run(s) }));
  const cmp = compareScenarios(runs);

  it('puts each class under each scenario, with balance series for charts', () => {
    expect(cmp.scenarios).toEqual(['base', 'cnl']);
    expect(cmp.tranches.map((r) => `${r.tranche}/${r.scenario}`)).toEqual([
      'A/base',
      'B/base',
      'C/base',
      'A/cnl',
      'B/cnl',
      'C/cnl',
    ]);
    expect(cmp.poolBalance[0]!.values[0]).toBe(1_000_000);
    expect(cmp.trancheBalance.A![1]!.values[0]).toBe(750_000);
    expect(cmp.trancheBalance.A![0]!.values.at(-1)).toBe(0);
    expect(cmp.pool[1]!.lossPct).toBeCloseTo(engine.poolLoss(deal.scenarios[1]!), 6);
  });

  it('report sheets group rows by class', () => {
    const [classes, poolSheet] = scenarioComparisonTables(cmp);
    expect(classes!.rows.map((r) => `${r.tranche}/${r.scenario}`).slice(0, 2)).toEqual(['A/base', 'A/cnl']);
    expect(poolSheet!.rows).toHaveLength(2);
    expect(poolSheet!.columns.some((c) => c.key === 'cashConserved')).toBe(false);
  });
});

describe('stress report sheets', () => {
  it('break-even, rating and Monte Carlo sheets carry the numbers', () => {
    const be = breakevenReportTable(solveBreakevens(toyEngine(), toyBase));
    expect(be.rows[0]).toMatchObject({ tranche: 'A', cdrBreakeven: 0.3857, multipleBreakeven: 7.71 });
    const rs = ratingStressReportTable(runRatingStresses(toyEngine(), toyBase, { timings: ['base'] }));
    expect(rs.rows[0]).toMatchObject({ rating: 'AAA', multiple: 5, pass_A: 'pass', pass_C: 'fail' });
    const mc = monteCarloReportTables(
      runMonteCarloInline(toyEngine(), toyBase, { paths: 200, seed: 1, correlation: 0.1 }),
    );
    expect(mc[0]!.rows.map((r) => r.name)).toEqual([
      'Pool: drawn lifetime loss of the original pool',
      'Pool: loss realised in the deal (incl. purchases, to the call)',
      'A',
      'B',
      'C',
    ]);
    expect(mc[1]!.rows.reduce((a, r) => a + (r.paths as number), 0)).toBe(200);
    for (const t of [be, rs, ...mc]) expect(t.sheetName.length).toBeLessThanOrEqual(31);
  });
});
