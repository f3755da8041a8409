/**
 * The Assumptions and Funding screens in Chinese (issue 13): a curve value out of range is refused in place in
 * Chinese, the funding report's tables read with Chinese headers and ids in words, amounts follow the chosen
 * unit with the unit named, and a language change redraws what was on screen. Screenshots of every card.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FundingPage } from './pages/FundingPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { SHOTS_DIR } from './support/browser';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let funding: FundingPage;

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
  ({ page, app } = session);
  funding = new FundingPage(page);
});

afterAll(() => session?.close());

/** A card's own picture, whole, however tall it is. */
async function shoot(testId: string, name: string): Promise<void> {
  const card = page.getByTestId(testId);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}

/** The message a validating field shows under itself. */
function fieldMessage(testId: string) {
  return page
    .getByTestId(testId)
    .locator('xpath=ancestor::span[contains(concat(" ", @class, " "), " field ")][1]')
    .locator('.field-message');
}

describe('Assumptions in Chinese', () => {
  it('refuses an out-of-range curve value in Chinese: a constant and a formula', async () => {
    await app.go('assumptions');
    await page.getByTestId('scenario-table').waitFor();
    expect(await page.locator('h1').first().innerText()).toBe('假设');
    expect(await page.getByTestId('scenario-table').innerText()).toContain('早偿模型');

    // A constant CDR of 150% is not a rate.
    const cdr = page.getByTestId('default-0');
    await cdr.fill('150');
    await cdr.press('Enter');
    await fieldMessage('default-0').waitFor();
    expect(await fieldMessage('default-0').innerText()).toBe('比率应在 0% 至 100% 之间');
    await cdr.press('Escape');

    // A formula typed in percent that passes 100% at period 11 (10% × 11 = 110%), the period named.
    await page.getByTestId('prepay-1-kind').selectOption('formula');
    const formula = page.getByTestId('prepay-1-formula');
    await formula.fill('10 * period');
    await formula.press('Enter');
    await fieldMessage('prepay-1-formula').waitFor();
    expect(await fieldMessage('prepay-1-formula').innerText()).toBe(
      '第 11 期为 110%；比率应在 0% 至 100% 之间',
    );
    await formula.fill('5 + 1 * min(age, 12)');
    await formula.press('Enter');
    expect(await fieldMessage('prepay-1-formula').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS_DIR}/zh-assumptions.png`, fullPage: true });
    expect(app.errors).toEqual([]);
  });

  it('shows overrides, the vector editor and the curve preview in Chinese', async () => {
    await page.getByTestId('add-override').selectOption('ifee-12m');
    await page.getByTestId('override-0').waitFor();
    expect(await page.getByTestId('override-table').innerText()).toContain('沿用情景');
    await page.getByTestId('default-2-kind').selectOption('vector');
    await page.getByTestId('vector-editor').waitFor();
    expect(await page.getByTestId('vector-editor').innerText()).toContain('违约向量');
    expect(await page.getByTestId('preview-compare').innerText()).toContain('虚线');
    await page.getByTestId('curve-preview').locator('canvas').first().waitFor();
    await shoot('overrides-card', 'zh-assumptions-overrides');
    await shoot('vector-editor', 'zh-assumptions-vector');
    await page.getByTestId('curve-preview').scrollIntoViewIfNeeded();
    await app.screenshot('zh-assumptions-preview');
    expect(app.errors).toEqual([]);
  });
});

describe('Funding in Chinese', () => {
  it('reads the funding tables with Chinese headers and ids in words, amounts in the unit chosen', async () => {
    await app.go('funding');
    await page.getByTestId('funding-case').selectOption({ label: 'us-pay-later-tight.case.json' });
    await page.getByTestId('optimise-funding').click();
    await page.getByTestId('funding-optimum').waitFor({ timeout: 80_000 });
    expect(await page.getByTestId('funding-optimum-status').textContent()).toBe('无可行解');
    const binding = page.getByTestId('funding-binding').locator('.ag-row[row-id="liquidityBuffer"]');
    expect(await binding.locator('[col-id="family"]').innerText()).toBe('流动性缓冲');
    expect(await binding.locator('[col-id="alone"]').innerText()).toBe('是');
    expect(await binding.locator('[col-id="description"]').innerText()).toBe(
      '流动性缓冲不低于应收款的 15.0%',
    );

    const terms = funding.table('Funding terms');
    await terms.locator('.ag-row').first().waitFor({ timeout: 60_000 });
    const headers = await terms.locator('.ag-header-cell-text').allInnerTexts();
    expect(headers).toEqual([
      '资金来源',
      '类型',
      '承诺性',
      '年利率（首月）',
      '融资/出售比例',
      '期限（月）',
      '条款',
    ]);
    expect(await terms.locator('h2').innerText()).toBe('资金来源及其条款（基准情景）');
    // Source types and committed/uncommitted in words; lives still in months (warehouse A: 24-month tenor).
    expect((await funding.column('Funding terms', 'type'))[0]).toBe('银行授信');
    expect((await funding.column('Funding terms', 'committed'))[0]).toBe('承诺性');
    expect((await funding.column('Funding terms', 'life'))[0]).toBe('24.0');
    // The terms clause by clause in Chinese, amounts grouped (warehouse A commits 150m for 24 months).
    expect((await funding.column('Funding terms', 'terms'))[0]).toMatch(
      /^授信额度 150,000,000，.*期限 24 个月/,
    );
    // No header of any table is left in English, but for the case's source ids (user data, shown as named).
    const ids = /^(warehouse-a|warehouse-b|abs|forward-flow)(占比)?$/;
    // Market acronyms (ABS) are written as they are.
    for (const h of await funding.headers()) {
      if (!ids.test(h)) expect(h.replace(/\bABS\b/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }

    // In 万: the summary's costs are the units' divided by 10,000, and the card names the unit.
    const unitCosts = await funding.column('Funding summary', 'totalCost');
    await shoot('funding-table-Funding summary', 'zh-funding-summary-unit');
    await page.getByTestId('scale-picker').selectOption('wan');
    const summary = funding.table('Funding summary');
    // The case's own name is the user's words, marked so the walk over Chinese screens skips it.
    expect(await summary.locator('h2 [translate="no"]').textContent()).toBe(
      'US pay-later book with tight limits: which constraint binds',
    );
    expect(await summary.locator('h2').textContent()).toContain('各融资组合与情景下的成本与流动性（USD）');
    expect(await summary.getByTestId('amount-unit').innerText()).toContain('万');
    const wanCosts = await funding.column('Funding summary', 'totalCost');
    const num = (s: string): number => Number(s.replace(/,/g, ''));
    const first = unitCosts.findIndex((c) => c !== '–');
    expect(num(wanCosts[first]!)).toBeCloseTo(num(unitCosts[first]!) / 1e4, 2);

    await page.screenshot({ path: `${SHOTS_DIR}/zh-funding.png`, fullPage: true });
    await shoot('funding-optimum', 'zh-funding-optimum');
    await page.getByTestId('funding-frontier').scrollIntoViewIfNeeded();
    await app.screenshot('zh-funding-frontier');
    await shoot('funding-table-Funding summary', 'zh-funding-summary');
    await shoot('funding-table-Funding monthly', 'zh-funding-monthly');
    await page.getByTestId('edit-sources').click();
    await shoot('funding-sources-editor', 'zh-funding-sources');
    // An amount is edited in units to the cent whatever the display unit, and typed the Chinese way.
    // A margin over the index is a spread, in basis points (warehouse A: SOFR + 6.75%).
    expect(await page.getByLabel('warehouse-a 基准利率加点').inputValue()).toBe('675');
    const commitment = page.getByLabel('warehouse-a 授信额度');
    expect(await commitment.inputValue()).toBe('150,000,000.00');
    await commitment.fill('1.2亿');
    await commitment.press('Enter');
    expect(await commitment.inputValue()).toBe('120,000,000.00');
    expect(await page.getByTestId('funding-sources-editor').innerText()).toContain('授信额度（USD），已修改');
    expect(await page.getByTestId('edit-sources').innerText()).toBe('收起资金来源（已修改）');
    await commitment.fill('十万');
    await commitment.press('Enter');
    expect(await page.getByTestId('funding-sources-editor').innerText()).toContain('请输入金额');
    await page.getByRole('button', { name: '恢复案例原值' }).click();
    expect(await commitment.inputValue()).toBe('150,000,000.00');
    await page.getByTestId('scale-picker').selectOption('unit');
    expect(app.errors).toEqual([]);
  });

  it('redraws the tables in English when the language changes, and back', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByTestId('optimise-funding').getByText('Optimise').waitFor();
    const terms = funding.table('Funding terms');
    expect(await terms.locator('.ag-header-cell-text').allInnerTexts()).toContain('Life (months)');
    expect((await funding.column('Funding terms', 'type'))[0]).toBe('Bank line');
    expect(await page.getByTestId('funding-optimum-status').textContent()).toBe('infeasible');
    await page.screenshot({ path: `${SHOTS_DIR}/en-funding.png`, fullPage: true });
    await app.go('assumptions');
    await page.screenshot({ path: `${SHOTS_DIR}/en-assumptions.png`, fullPage: true });
    await page.getByTestId('language-picker').selectOption('zh-CN');
    expect(await page.getByTestId('scenario-table').innerText()).toContain('早偿模型');
    expect(app.errors).toEqual([]);
  });
});
