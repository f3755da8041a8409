/**
 * The Stress screen's Pricing and Solver tabs (issue 15), in Chinese and then in English: the price/yield table of
 * class A off the bundled ChinaBond curve shows the engine's yields and Z-spreads, the Solver answers the stress
 * at which class A still yields a target, and both re-render in English. Screenshots in both languages.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCurve, CurveFile } from '../../core/analytics/curve';
import { Deal } from '../../core/deal/schema';
import { dealEngine } from '../../core/scenario/dealEngine';
import { priceRows, priceYieldTable } from '../../core/scenario/priceTable';
import { StressPage } from './pages/StressPage';
import type { WorkbenchPage } from './pages/WorkbenchPage';
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

/** The deal the app opens on first launch, and the curve the Pricing tab starts on. */
const deal = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
const pool = deal.pool.kind === 'repLines' ? { kind: 'repLines' as const, lines: deal.pool.lines } : null;
const curveFile = CurveFile.parse(
  JSON.parse(readFileSync('samples/curves/cny-government-2024-03-18.curve.json', 'utf8')),
);

const missing = (): Promise<string[]> =>
  page.evaluate(() => (globalThis as { __i18nMissing?: string[] }).__i18nMissing ?? []);

/** Cell texts of the pricing table's row `i`, by column id. */
async function cell(row: number, colId: string): Promise<string> {
  return (
    await page
      .getByTestId('pricing-table')
      .locator(`[row-index="${row}"] .ag-cell[col-id="${colId}"]`)
      .innerText()
  ).trim();
}

describe('pricing and solver tabs', () => {
  it('prices class A off the ChinaBond curve in Chinese: the engine’s yield and Z-spread at 99', async () => {
    await stress.open();
    await page.getByTestId('stress-tab-pricing').click();
    expect(await page.getByTestId('stress-tab-pricing').innerText()).toBe('曲线定价');
    expect(await page.getByTestId('stress-tab-solver').innerText()).toBe('求解器');
    await page.getByTestId('pricing-class').selectOption('A');
    await page.getByTestId('run-pricing').click();
    await page.getByTestId('pricing-table').locator('.ag-row').first().waitFor({ timeout: 60_000 });
    const table = priceYieldTable(dealEngine(deal, pool!), deal, {
      tranche: 'A',
      columns: deal.scenarios,
      rows: priceRows(99, 101, 0.25),
      curve: buildCurve(curveFile),
    });
    const first = table.columns[0]!.cells[0]!;
    expect(await cell(0, 'yield0')).toBe(`${(first.yield! * 100).toFixed(3)}%`);
    expect(await cell(0, 'z0')).toBe((first.zSpread! * 10_000).toFixed(1));
    expect(await page.getByTestId('pricing-table').locator('.ag-header-cell-text').first().innerText()).toBe(
      '净价',
    );
    expect(await missing()).toEqual([]);
    await app.screenshot('pricing-zh');
  });

  it('solves the stress at which class A still yields 2% in Chinese, and says whether it is monotone', async () => {
    await page.getByTestId('stress-tab-solver').click();
    await page.getByTestId('solver-goal').selectOption('targetYield');
    await page.getByTestId('solver-class').selectOption('A');
    await page.getByTestId('solver-target').fill('2');
    await page.getByTestId('solver-mode').selectOption('lossMultiple');
    await page.getByTestId('run-solver').click();
    await page.getByTestId('solver-answer').waitFor({ timeout: 120_000 });
    const sentence = await page.getByTestId('solver-sentence').innerText();
    expect(sentence).toMatch(/证券档次 A/);
    expect(await page.getByTestId('solver-monotone').innerText()).toMatch(/^结果(不)?单调/);
    expect(await missing()).toEqual([]);
    await app.screenshot('solver-zh');
  });

  it('re-renders both tabs in English', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    expect(await page.getByTestId('stress-tab-solver').innerText()).toBe('Solver');
    expect(await page.getByTestId('solver-monotone').innerText()).toMatch(/^(Not m|M)onotone/);
    await app.screenshot('solver-en');
    await page.getByTestId('stress-tab-pricing').click();
    expect(await page.getByTestId('pricing-table').locator('.ag-header-cell-text').first().innerText()).toBe(
      'Clean price',
    );
    await app.screenshot('pricing-en');
  });
});
