/** Tables for the Excel report and the Funding screen carry the evaluation's numbers, sheet names Excel accepts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFunding, type FundingResult } from '../../../core/funding/analyse';
import { fundingReportTables, fundingScreenModel } from '../../../core/funding/report';
import { loadHighsSolver } from '../../../core/node/funding/highs';
import { equity, fundingCase } from './fixtures';

let result: FundingResult;
beforeAll(async () => {
  const c = fundingCase({
    indexCurves: { SOFR: 0.05 },
    fundingSources: [
      {
        id: 'bank',
        type: 'bankLine',
        commitment: 1_200_000,
        advanceRate: 0.9,
        index: 'SOFR',
        margin: 0.03,
        tenorMonths: 12,
      },
      { id: 'retail', type: 'retail', rate: 0.12, termMonths: 3, monthlyRaiseCapacity: 100_000 },
      equity(),
    ],
    mixes: [
      { name: 'bank first', kind: 'rules', order: ['bank', 'retail', 'eq'] },
      { name: 'halves', kind: 'shares', shares: { bank: 0.5, eq: 0.5 } },
    ],
    stresses: [{ name: 'cut', startMonth: 2, advanceRateCut: 0.1 }],
    optimisation: { minLiquidityBuffer: 0.05, frontier: { from: 0, to: 0.1, steps: 3 }, mipRelGap: 0 },
  });
  result = analyseFunding(
    {
      fundingCase: c,
      poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
      scenario: c.scenario!,
      deals: {},
    },
    { solver: await loadHighsSolver() },
  );
});

describe('funding report tables', () => {
  it('sheet names are unique and fit Excel’s 31 characters; every row has every column', () => {
    const tables = fundingReportTables(result);
    const names = tables.map((t) => t.sheetName);
    expect(names).toEqual([
      'Funding terms',
      'Funding summary',
      'Funding by source',
      'Funding monthly',
      'Funding book',
      'Funding frontier',
    ]);
    for (const t of tables) {
      expect(t.sheetName.length).toBeLessThanOrEqual(31);
      for (const r of t.rows) for (const c of t.columns) expect(c.key in r).toBe(true);
    }
  });

  it('the summary repeats the evaluations, optimum included, and the monthly table their months', () => {
    const [, summary, , monthly] = fundingReportTables(result);
    const evals = [...result.mixes, ...result.optimisation!.evaluations];
    expect(summary!.rows).toHaveLength(evals.length);
    evals.forEach((e, i) => {
      const row = summary!.rows[i]!;
      expect(row.mix).toBe(e.mix);
      expect(row.scenario).toBe(e.scenario);
      expect(row.totalCost).toBeCloseTo(e.totalCost, 2);
      expect(row.weightedAverageCost).toBe(e.weightedAverageCost);
    });
    expect(monthly!.rows).toHaveLength(evals.length * 3);
    expect(monthly!.rows[0]!.date).toBe('2026-02-28');
  });

  it('screen stacks add up to what is funded, month by month', () => {
    const model = fundingScreenModel(result);
    expect(model.stacks).toHaveLength(2 * 2 + 2);
    for (const s of model.stacks) {
      const e = [...result.mixes, ...result.optimisation!.evaluations].find(
        (x) => x.mix === s.mix && x.scenario === s.scenario,
      )!;
      s.months.forEach((_, k) => {
        const stacked = s.series.reduce((a, x) => a + x.values[k]!, 0);
        expect(stacked).toBeCloseTo(e.months[k]!.funded, 1);
      });
    }
    expect(model.frontier).toHaveLength(3);
    expect(model.optimum?.status).toBe('optimal');
    expect(model.binding).toBeNull();
  });
});
