/**
 * The Stress screen in Chinese (issue 13): a 3 × 3 grid and the break-evens run in the worker and read back with
 * Chinese headers, units and explanations and the engine's figures; a form problem speaks Chinese; every tab is
 * photographed in Chinese; switching to English re-renders the same results in English; the kept analyses are
 * listed on Export in the language of the moment and go into the Chinese report as Chinese sheets.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { solveBreakevens } from '../../core/scenario/breakeven';
import { dealEngine } from '../../core/scenario/dealEngine';
import { gridMatrix, runGridInline } from '../../core/scenario/grid';
import { i18n, initI18n } from '../../renderer/i18n';
import { breakevenNote, breakevenValue } from '../../renderer/screens/stress/breakevenText';
import { ExportPage } from './pages/ExportPage';
import { StressPage } from './pages/StressPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let stress: StressPage;

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
  ({ page, app } = session);
  stress = new StressPage(page);
});

afterAll(() => session?.close());

initI18n('en');
const zh = i18n.getFixedT('zh-CN');

/** The deal the app opens on first launch (its rep lines, no tape imported). */
const deal = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
const pool = deal.pool.kind === 'repLines' ? { kind: 'repLines' as const, lines: deal.pool.lines } : null;

/** Keys the page asked for and did not find (renderer/i18n records them for the walk over every screen). */
const missing = (): Promise<string[]> =>
  page.evaluate(() => (globalThis as { __i18nMissing?: string[] }).__i18nMissing ?? []);

describe('stress screen in Chinese', () => {
  it('runs a 3 × 3 grid and shows the engine’s WAL under Chinese headers', async () => {
    await stress.open();
    expect(await page.getByTestId('stress-tab-grid').innerText()).toBe('敏感性分析');
    expect(await page.locator('[data-testid="screen-stress"] h1').innerText()).toBe('压力测试');
    await stress.setAxis('x', 'cdr', '0', '10', '5');
    await stress.setAxis('y', 'cpr', '0', '20', '10');
    await page.getByTestId('grid-tranche').selectOption('A');
    await page.getByTestId('grid-metric').selectOption('wal');
    await stress.runGrid();
    await page.getByTestId('grid-heatmap').locator('canvas').first().waitFor();

    const spec = {
      x: { kind: 'cdr' as const, from: 0, to: 0.1, step: 0.05 },
      y: { kind: 'cpr' as const, from: 0, to: 0.2, step: 0.1 },
      tranche: 'A',
      metric: 'wal' as const,
    };
    const expected = gridMatrix(runGridInline(dealEngine(deal, pool!), deal.scenarios[0]!, spec));
    const rows = await stress.gridRows();
    expect(rows.map((r) => r[0])).toEqual(['0%', '10%', '20%']);
    expect(rows.map((r) => r.slice(1))).toEqual(expected.map((row) => row.map((v) => v!.toFixed(2))));
    expect(await stress.header('grid-table', 'y')).toBe('年化早偿率(CPR) \\ 年化违约率(CDR)');
    expect(await page.locator('[data-testid="screen-stress"] h2').nth(1).innerText()).toBe(
      'A档 加权平均期限（年）',
    );
    expect(await page.getByText('每个格点现金流均已勾稽').count()).toBe(1);
    expect(app.errors).toEqual([]);
    await app.screenshot('stress-zh-grid');
  });

  it('checks the form in Chinese, in the units typed', async () => {
    await page.getByTestId('grid-x-from').fill('30');
    expect(await page.getByTestId('grid-form-problem').innerText()).toBe(
      '年化违约率(CDR)：终止值（10%）低于起始值（30%）',
    );
    await app.screenshot('stress-zh-grid-form-problem');
    await page.getByTestId('grid-x-from').fill('0');
    expect(await page.getByTestId('grid-form-problem').count()).toBe(0);
  });

  it('words the engine’s refusal of two axes on one assumption in Chinese', async () => {
    await stress.setAxis('y', 'absSpeed', '0', '2', '1');
    await stress.setAxis('y', 'cpr', '0', '20', '10');
    await stress.setAxis('x', 'absSpeed', '0', '2', '1');
    await page.getByTestId('run-grid').click();
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(
      'ABS 早偿速度与CPR两个维度都设定早偿模型；请选择两个不同的假设',
    );
    await app.screenshot('stress-zh-grid-axes-clash');
    await stress.setAxis('x', 'cdr', '0', '10', '5');
  });

  it('solves the break-evens: the engine’s figures, Chinese headers and explanations', async () => {
    await stress.tab('breakeven');
    expect(await page.getByTestId('stress-tab-breakeven').innerText()).toBe('临界值');
    await stress.runBreakevens();
    const expected = solveBreakevens(dealEngine(deal, pool!), deal.scenarios[0]!, {
      modes: ['cdr', 'lossMultiple'],
    });
    expect(await stress.header('breakeven-table', 'cdr')).toBe('临界违约率');
    expect(await stress.header('breakeven-table', 'multiple')).toBe('临界损失倍数');
    const notes: string[] = [];
    for (const b of expected) {
      const cdr = b.answers.find((a) => a.mode === 'cdr')!;
      const multiple = b.answers.find((a) => a.mode === 'lossMultiple')!;
      expect(await stress.breakevenCell(b.trancheId, 'cdr')).toBe(breakevenValue(zh, cdr));
      expect(await stress.breakevenCell(b.trancheId, 'multiple')).toBe(breakevenValue(zh, multiple));
      for (const a of [cdr, multiple]) {
        const note = breakevenNote(zh, b.trancheId, a);
        if (note) notes.push(note);
      }
    }
    // A figure the solver found is shown to its 0.01%.
    const cdrA = expected[0]!.answers.find((a) => a.mode === 'cdr')!;
    if (cdrA.breakeven !== null && !cdrA.wholeAtMax) {
      expect(await stress.breakevenCell('A', 'cdr')).toBe(`${(cdrA.breakeven * 100).toFixed(2)}%`);
    }
    // Each answer that is not a plain break-even (the subordinate class's, at least) is explained in Chinese.
    expect(notes.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="breakeven-note-"]').allInnerTexts()).toEqual(notes);
    for (const n of notes) expect(n).toMatch(/档/);
    expect(app.errors).toEqual([]);
    await app.screenshot('stress-zh-breakeven');
  });

  it('shows the other tabs in Chinese', async () => {
    await stress.tab('rating');
    await stress.runRating();
    expect(await stress.header('rating-table', 'multiple')).toBe('损失倍数');
    expect(await stress.ratingResult('BB', 'S')).toMatch(/^(通过|未通过|通过，但较温和级别未通过)$/);
    await app.screenshot('stress-zh-rating');
    await stress.tab('monteCarlo');
    await page.getByTestId('mc-paths').fill('300');
    await stress.runMonteCarlo();
    expect(await stress.header('mc-table', 'expectedLoss')).toBe('预期损失');
    await app.screenshot('stress-zh-monte-carlo');
    await stress.tab('compare');
    await stress.runComparison();
    await page.getByTestId('compare-chart').locator('canvas').first().waitFor();
    expect(await stress.header('compare-table', 'wal')).toBe('加权平均期限（年）');
    expect(await page.getByTestId('compare-unit').innerText()).toMatch(/^金额单位：/);
    await app.screenshot('stress-zh-compare');
    // Amounts follow the unit chosen: the pool's initial balance in 元, then in 万元, with the caption saying so.
    const initial = () =>
      page
        .getByTestId('compare-pool-table')
        .locator('.ag-row[row-index="0"] .ag-cell[col-id="initialBalance"]')
        .innerText();
    const yuan = Number((await initial()).replace(/,/g, ''));
    expect(yuan).toBeGreaterThan(0);
    await page.getByTestId('scale-picker').selectOption('wan');
    await expect
      .poll(initial)
      .toBe((yuan / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(await page.getByTestId('compare-unit').innerText()).toMatch(/万/);
    await app.screenshot('stress-zh-compare-wan');
    await page.getByTestId('scale-picker').selectOption('unit');
    expect(app.errors).toEqual([]);
    expect(await missing()).toEqual([]);
  });

  it('re-renders the results in English when the language changes', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    expect(await stress.header('compare-table', 'wal')).toBe('WAL (years)');
    await stress.tab('breakeven');
    expect(await stress.header('breakeven-table', 'cdr')).toBe('Break-even CDR');
    await stress.tab('grid');
    expect(await stress.header('grid-table', 'y')).toBe('CPR \\ CDR');
    await app.screenshot('stress-en-grid-after-switch');
    expect(app.errors).toEqual([]);
    expect(await missing()).toEqual([]);
  });

  it('lists the kept analyses in the language of the moment and writes them as Chinese sheets', async () => {
    // The grid, rating stresses, Monte Carlo and comparison above ran on this deal, in Chinese then shown in English.
    await app.run();
    await app.go('export');
    const listed = () => page.getByTestId('export-analyses').locator('li').allInnerTexts();
    const en = await listed();
    expect(en).toHaveLength(4);
    expect(en.join('\n')).toContain('Sensitivity grid: WAL (years), CPR × CDR — Grid A wal');
    expect(en.join('\n')).toContain('Rating stresses on scenario base — Rating stresses');
    await page.getByTestId('language-picker').selectOption('zh-CN');
    const zhListed = await listed();
    expect(zhListed.join('\n')).toContain('敏感性分析：加权平均期限（年），');
    expect(zhListed.join('\n')).toContain('情景 base 的评级压力测试 — 评级压力测试');
    await app.screenshot('export-zh-analyses');
    const file = await new ExportPage(page).exportXlsx();
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(wb.SheetNames).toEqual(
      expect.arrayContaining(['评级压力测试', '情景比较 - 各档', '情景比较 - 资产池', '蒙特卡洛模拟']),
    );
    expect(wb.SheetNames.some((n) => n.startsWith('敏感性 A档'))).toBe(true);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['评级压力测试']!, { range: 2 });
    expect(rows.map((r) => r['级别'])).toEqual(['AAA', 'AA', 'A', 'BBB', 'BB']);
    expect(app.errors).toEqual([]);
    expect(await missing()).toEqual([]);
  });
});
