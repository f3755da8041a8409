/**
 * The Results screen in Chinese: the sample run in zh-CN shows Chinese KPI labels and grid headers (glossary
 * terms), amounts follow the unit chosen (a balance in 万元 is the engine's figure / 10,000), the reconciliation
 * stays to the cent in 元 whatever the unit, and the charts re-draw in the language chosen. Every tab is
 * photographed in Chinese and in English.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { ResultsPage, type ResultsTab } from './pages/ResultsPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let results: ResultsPage;

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
  ({ page, app } = session);
  results = new ResultsPage(page);
});

afterAll(() => session?.close());

/** The deal the app opens on first launch, run by the engine itself. */
const sample = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
function engineRun() {
  if (sample.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(sample, { kind: 'repLines', lines: sample.pool.lines });
}

/** Two decimals with thousands separators, as the zh-CN screen writes an amount. */
const zh2 = (v: number): string =>
  v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const TABS: ResultsTab[] = ['summary', 'pool', 'tranches', 'reconciliation', 'triggers'];

async function shootEveryTab(prefix: string): Promise<void> {
  for (const tab of TABS) {
    await results.tab(tab);
    await page.waitForTimeout(150);
    await app.screenshot(`${prefix}-${tab}`);
  }
  await results.tab('summary');
}

function missingKeys(): Promise<string[]> {
  return page.evaluate(() => (globalThis as { __i18nMissing?: string[] }).__i18nMissing ?? []);
}

describe('Results in Chinese', () => {
  it('runs the sample in zh-CN: Chinese KPI labels and grid headers from the glossary', async () => {
    expect(await page.getByTestId('language-picker').inputValue()).toBe('zh-CN');
    await app.go('results');
    expect(await page.getByTestId('screen-results').innerText()).toMatch(
      /运行结果[\s\S]*尚无运行结果。[\s\S]*运行交易（Ctrl\+Enter）/,
    );
    await app.screenshot('results-zh-empty');
    await app.run();
    expect(await results.reconciled()).toBe(true);
    expect(await page.getByTestId('reconciled').innerText()).toBe('各期资金来源与运用勾稽一致，精确到分');
    expect(await page.getByTestId('tab-reconciliation').innerText()).toBe('勾稽核对');
    expect(await results.kpiLabels()).toEqual([
      '初始资产池余额',
      '已实现损失',
      '累计净损失率（违约 − 回收）',
      '循环购买期结束',
      '清仓回购',
      '触发事件',
    ]);
    const analytics = await results.headers('analytics');
    for (const h of ['证券档次', '评级', '票面利率', '加权平均期限', '收益率', '修正久期', '本金偿付窗口'])
      expect(analytics).toContain(h);
    // The class ids are the user's: shown as typed, marked not to translate.
    expect(await results.analyticsCell('A', 'id').first().locator('[translate="no"]').innerText()).toBe('A');

    await results.tab('pool');
    const pool = await results.headers('pool-grid');
    expect(pool.slice(0, 5)).toEqual(['期数', '日期', '期初余额', '计划偿还本金', '提前还款']);
    expect(pool).toContain('已实现损失');
    await results.tab('tranches');
    const tranche = await results.headers('tranche-grid');
    expect(tranche).toEqual(
      expect.arrayContaining([
        '应付利息',
        '实付利息',
        '本金减记',
        '信用增级',
        '计息起始日',
        '计息截止日',
        '计息天数',
      ]),
    );
    await results.tab('reconciliation');
    const recon = await results.headers('recon-grid');
    expect(recon).toEqual(
      expect.arrayContaining(['收入回收款', '本金回收款', '资金来源合计', '资金运用合计', '差额']),
    );
    // The sample revolves in its first year: the state column says so in Chinese.
    expect(await results.cell('recon-grid', 0, 'state')).toBe('循环购买期');
    // The sample's CNL trigger breaches once: the event in Chinese, still red; the trigger's name as the user wrote it.
    await results.tab('triggers');
    expect(await results.headers('trigger-events')).toEqual([
      '触发条件',
      '事件',
      '期数',
      '日期',
      '实际值',
      '阈值',
    ]);
    expect(await results.cell('trigger-events', 0, 'event')).toBe('触发');
    const events = page.getByTestId('trigger-events');
    expect(
      await events.locator('.ag-row[row-index="0"] [col-id="event"]').first().getAttribute('class'),
    ).toMatch(/\bbad\b/);
    expect(await events.locator('.ag-row[row-index="0"] [col-id="trigger"] [translate="no"]').count()).toBe(
      1,
    );
    await results.tab('summary');
    expect(await missingKeys()).toEqual([]);
    await shootEveryTab('results-zh');
  });

  it('shows amounts in 万元 as the engine’s figures / 10,000; the reconciliation stays to the cent in 元', async () => {
    const r = engineRun();
    await page.getByTestId('scale-picker').selectOption('wan');
    expect(await page.getByTestId('kpi-unit').innerText()).toBe('金额单位：万元');
    expect(await page.getByTestId('analytics-unit').innerText()).toBe('金额单位：万元');
    expect(await page.getByTestId('initial-pool').innerText()).toBe(zh2(r.pool.initialBalance / 1e4));
    const a = r.tranches[0]!;
    expect(await results.cell('analytics', 0, 'originalBalance')).toBe(zh2(a.originalBalance / 1e4));

    await results.tab('pool');
    const p3 = r.pool.periods[2]!;
    expect(await results.cell('pool-grid', 2, 'beginBalance')).toBe(zh2(p3.beginBalance / 1e4));
    expect(await results.cell('pool-grid', 2, 'endBalance')).toBe(zh2(p3.endBalance / 1e4));
    expect(await page.getByTestId('pool-unit').innerText()).toBe('金额单位：万元');

    await results.tab('tranches');
    expect(await results.cell('tranche-grid', 0, 'beginBalance')).toBe(
      zh2(a.cashflows[0]!.beginBalance / 1e4),
    );

    await results.tab('reconciliation');
    expect(await page.getByTestId('recon-unit').innerText()).toMatch(/以元计，精确到分，不随显示单位变化/);
    const w = r.waterfall[0]!;
    expect(await results.cell('recon-grid', 0, 'sources')).toBe(zh2(w.sources.total));
    expect(await results.cell('recon-grid', 0, 'uses')).toBe(zh2(w.uses.total));
    expect(await results.cell('recon-grid', 0, 'difference')).toBe('0.00');
    const cents = async (col: string): Promise<number> =>
      Math.round(Number((await results.cell('recon-grid', 0, col)).replace(/,/g, '')) * 100);
    expect(
      (await cents('sources')) -
        (await cents('uses')) -
        (await cents('reserveChange')) -
        (await cents('collectionChange')),
    ).toBe(0);
    // The period's uses are to the cent too, closed by their total.
    const steps = page.getByTestId('period-steps');
    expect(await steps.innerText()).toContain('资金运用合计');
    expect(await steps.innerText()).toContain(zh2(w.uses.total));
    await shootEveryTab('results-zh-wan');
  });

  it('re-draws its charts and grids in English when the language changes', async () => {
    await results.tab('pool');
    const zhChart = await page.getByTestId('pool-chart').screenshot();
    await page.getByTestId('language-picker').selectOption('en');
    expect(await results.headers('pool-grid')).toEqual(
      expect.arrayContaining(['Period', 'Begin balance', 'Scheduled principal', 'Realised loss']),
    );
    await page.waitForTimeout(150);
    const enChart = await page.getByTestId('pool-chart').screenshot();
    expect(enChart.equals(zhChart)).toBe(false);
    await results.tab('summary');
    expect(await results.kpiLabels()).toContain('Cumulative net loss (defaults − recoveries)');
    expect(await page.getByTestId('kpi-unit').innerText()).toBe('Amounts in CNY ten-thousands');
    await shootEveryTab('results-en-wan');
    expect(await page.getByTestId('analytics-unit').innerText()).toBe('Amounts in CNY ten-thousands');
    await page.getByTestId('scale-picker').selectOption('unit');
    // Every caption follows the unit back, not only the figures.
    expect(await page.getByTestId('kpi-unit').innerText()).toBe('Amounts in CNY');
    expect(await page.getByTestId('analytics-unit').innerText()).toBe('Amounts in CNY');
    await shootEveryTab('results-en');
    expect(await missingKeys()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
