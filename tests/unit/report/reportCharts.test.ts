/**
 * The report's pictures as ECharts options (issue 14): each series is the run's own figures, in the report's
 * language and unit. The loss chart follows the trustee-report convention CNL triggers test: cumulative net loss =
 * (cumulative defaults − cumulative recoveries) / initial pool balance, beside cumulative gross defaults / initial
 * pool balance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  reportChartSpecs,
  type ReportChartSpec,
} from '../../../core/io/report/reportCharts';
import type { PoolPeriodRow, RunResult, TrancheCashflowRow } from '../../../core/result';
import { runDeal } from '../../../core/run';
import { fixtureRun } from './fixture';

function poolRow(period: number, date: string, dflt: number, recovery: number, cnl: number): PoolPeriodRow {
  return {
    period,
    date,
    beginBalance: 0,
    scheduledPrincipal: 0,
    prepayment: 0,
    default: dflt,
    loss: 0,
    recovery,
    interest: 0,
    fees: 0,
    purchases: 0,
    endBalance: 0,
    cumulativeNetLossPct: cnl,
    count: 0,
  };
}

function noteRow(period: number, date: string, balance: number): TrancheCashflowRow {
  return {
    period,
    date,
    beginBalance: 0,
    interestDue: 0,
    interest: 0,
    interestShortfall: 0,
    principal: 0,
    writedown: 0,
    balance,
    creditEnhancement: 0,
  };
}

/**
 * A hand-worked run: a 1,000,000 pool; defaults of 20,000, 10,000 and 0 with recoveries of 0, 6,000 and 4,000.
 * Cumulative gross default: 2%, 3%, 3%. Cumulative net loss: 20,000 / 1,000,000 = 2%, (30,000 − 6,000) /
 * 1,000,000 = 2.4%, (30,000 − 10,000) / 1,000,000 = 2%. Class A 800,000 pays down 300,000 a period; class B
 * 200,000 waits until A is repaid.
 */
function handRun(): RunResult {
  const base = fixtureRun();
  const dates = ['2024-02-15', '2024-03-15', '2024-04-15'];
  return {
    ...base,
    deal: { ...base.deal, closingDate: '2024-01-31' },
    pool: {
      initialBalance: 1_000_000,
      periods: [
        poolRow(1, dates[0]!, 20_000, 0, 0.02),
        poolRow(2, dates[1]!, 10_000, 6_000, 0.024),
        poolRow(3, dates[2]!, 0, 4_000, 0.02),
      ],
    },
    tranches: [
      {
        ...base.tranches[0]!,
        id: 'A',
        originalBalance: 800_000,
        cashflows: dates.map((d, i) => noteRow(i + 1, d, [500_000, 200_000, 0][i]!)),
      },
      {
        ...base.tranches[1]!,
        id: 'B',
        originalBalance: 200_000,
        cashflows: dates.map((d, i) => noteRow(i + 1, d, [200_000, 200_000, 100_000][i]!)),
      },
    ],
    excessSpread: [
      { period: 1, annualised: 0.06 },
      { period: 2, annualised: 0.045 },
      { period: 3, annualised: 0.03 },
    ],
  };
}

function chart(specs: ReportChartSpec[], id: ReportChartSpec['id']): ReportChartSpec {
  const found = specs.find((s) => s.id === id);
  if (!found) throw new Error(`no ${id} chart`);
  return found;
}

describe('report charts from a hand-worked run', () => {
  const specs = reportChartSpecs(handRun(), { lang: 'en', amounts: 'thousand' });

  it('draws three pictures at the stated size, with no animation', () => {
    expect(specs.map((s) => s.id)).toEqual(['noteBalances', 'cumulativeLoss', 'excessSpread']);
    for (const s of specs) {
      expect([s.width, s.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      expect(s.option.animation).toBe(false);
    }
  });

  it('stacks each class from its original balance at closing, in the chosen unit', () => {
    const notes = chart(specs, 'noteBalances').option;
    expect(notes.xAxis.data).toEqual(['2024-01-31', '2024-02-15', '2024-03-15', '2024-04-15']);
    expect(notes.series.map((s) => [s.name, s.data, s.stack])).toEqual([
      ['Class A', [800, 500, 200, 0], 'notes'],
      ['Class B', [200, 200, 200, 100], 'notes'],
    ]);
    expect(notes.yAxis.name).toBe('Balance (CNY thousands)');
  });

  it('shows cumulative gross default and net loss as % of the initial pool, from 0 at closing', () => {
    const loss = chart(specs, 'cumulativeLoss').option;
    const [gross, net] = loss.series;
    expect(gross?.name).toBe('Cumulative gross default');
    expect(net?.name).toBe('Cumulative net loss');
    [0, 2, 3, 3].forEach((v, i) => expect(gross?.data[i]).toBeCloseTo(v, 12));
    [0, 2, 2.4, 2].forEach((v, i) => expect(net?.data[i]).toBeCloseTo(v, 12));
    expect(loss.yAxis.axisLabel.formatter).toBe('{value}%');
  });

  it('moves the plot down when a ten-class legend wraps onto a second row, so it never covers the axis name', () => {
    const run = handRun();
    const many = {
      ...run,
      tranches: Array.from({ length: 10 }, (_, i) => ({ ...run.tranches[0]!, id: `C${i + 1}` })),
    };
    const [notes, loss] = reportChartSpecs(many, { lang: 'en' });
    expect(notes!.option.grid.top).toBeGreaterThan(loss!.option.grid.top);
    expect(chart(specs, 'noteBalances').option.grid.top).toBe(loss!.option.grid.top);
  });

  it('shows the annualised excess spread per payment date, in %', () => {
    const spread = chart(specs, 'excessSpread').option;
    expect(spread.xAxis.data).toEqual(['2024-02-15', '2024-03-15', '2024-04-15']);
    [6, 4.5, 3].forEach((v, i) => expect(spread.series[0]?.data[i]).toBeCloseTo(v, 12));
  });
});

describe('report charts of a sample deal run by the engine', () => {
  const deal = Deal.parse(
    JSON.parse(
      readFileSync(
        new URL('../../../samples/deals/revolving-installment.deal.json', import.meta.url),
        'utf8',
      ),
    ),
  );
  if (deal.pool.kind !== 'repLines') throw new Error('the sample has rep lines');
  const result = runDeal(
    deal,
    { kind: 'repLines', lines: deal.pool.lines },
    { scenario: deal.scenarios[0]!.name },
  );
  const specs = reportChartSpecs(result, { lang: 'zh-CN', amounts: 'wan' });

  it("plots every class's balance after every period, in 万元", () => {
    const notes = chart(specs, 'noteBalances').option;
    expect(notes.series).toHaveLength(result.tranches.length);
    result.tranches.forEach((tr, i) => {
      expect(notes.series[i]?.data).toEqual([
        tr.originalBalance / 1e4,
        ...tr.cashflows.map((c) => c.balance / 1e4),
      ]);
    });
    expect(notes.xAxis.data.slice(1)).toEqual(result.tranches[0]!.cashflows.map((c) => c.date));
  });

  it('ends the loss lines at the run’s cumulative defaults and defaults − recoveries over the initial pool', () => {
    const rows = result.pool.periods.filter((p) => p.period > 0);
    const defaults = rows.reduce((s, p) => s + p.default, 0);
    const recoveries = rows.reduce((s, p) => s + p.recovery, 0);
    const [gross, net] = chart(specs, 'cumulativeLoss').option.series;
    expect(gross?.data).toHaveLength(rows.length + 1);
    expect(gross?.data.at(-1)).toBeCloseTo((defaults / result.pool.initialBalance) * 100, 9);
    expect(net?.data.at(-1)).toBeCloseTo(((defaults - recoveries) / result.pool.initialBalance) * 100, 9);
    // Cumulative: never falls while recoveries are smaller than new defaults, and gross is never below net.
    gross?.data.forEach((g, i) => expect(g).toBeGreaterThanOrEqual((net?.data[i] ?? 0) - 1e-9));
  });

  it('plots the run’s annualised excess spread', () => {
    const spread = chart(specs, 'excessSpread').option;
    expect(spread.series[0]?.data).toEqual(result.excessSpread.map((e) => e.annualised * 100));
  });

  it('words titles, legends and axes in Chinese as practitioners write them', () => {
    expect(specs.map((s) => s.title)).toEqual([
      '各档证券未偿本金余额',
      '累计违约率与累计净损失率',
      '超额利差（年化）',
    ]);
    const notes = chart(specs, 'noteBalances').option;
    expect(notes.series.map((s) => s.name)).toEqual(result.tranches.map((t) => `${t.id}档`));
    expect(notes.yAxis.name).toBe('余额（万元）');
    expect(notes.xAxis.name).toBe('兑付日');
    expect(notes.title.subtext).toBe(`${result.deal.name}，情景：${result.scenario.name}`);
    expect(chart(specs, 'cumulativeLoss').option.yAxis.name).toBe('占初始资产池余额（%）');
    // A font list with Chinese faces, so the rasteriser never draws empty boxes.
    expect(notes.textStyle.fontFamily).toMatch(/Noto Sans CJK SC.*WenQuanYi Micro Hei.*Microsoft YaHei/);
  });

  it('is deterministic: the same run gives the same option', () => {
    expect(reportChartSpecs(result, { lang: 'zh-CN', amounts: 'wan' })).toEqual(specs);
  });
});
