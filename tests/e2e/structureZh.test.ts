/**
 * The shell and the Structure screen in Chinese: switched to 中文 on the screen, a refused tranche edit explains
 * itself in Chinese, Undo names the edit in Chinese (and in English once switched back: the label is stored as
 * a key), the cards and a grid read in Chinese, amounts in 万元 on the capital-structure card while the field
 * still edits the amount itself. Screenshots of every card at 1280 px in both languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StructurePage } from './pages/StructurePage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let structure: StructurePage;

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
  structure = new StructurePage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
});

afterAll(() => session?.close());

/** Screenshots of the whole Structure screen, one per card-height slice. */
async function shootStructure(prefix: string): Promise<void> {
  const cards = page.locator('[data-testid="screen-structure"] section.card');
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    await cards.nth(i).scrollIntoViewIfNeeded();
    await cards
      .nth(i)
      .screenshot({ path: `${process.env.ABS_SHOTS_DIR ?? 'out/shots'}/${prefix}-card-${i}.png` });
  }
}

describe('Structure in Chinese', () => {
  it('switches to 中文 in place and the shell and cards follow', async () => {
    await app.go('structure');
    await app.screenshot('structure-en-1280');
    await shootStructure('structure-en');
    await page.getByTestId('language-picker').selectOption('zh-CN');
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('交易结构');
    expect(await page.getByTestId('nav-structure').innerText()).toContain('交易结构');
    expect(await page.getByTestId('run').innerText()).toBe('运行 ▸');
    const headers = await page.getByTestId('tranche-table').locator('thead th').allInnerTexts();
    expect(headers.slice(0, 5)).toEqual(['档次', '名称', '偿付顺位', '评级', '本金余额']);
    expect(await page.getByTestId('waterfall').innerText()).toContain('利息：');
    expect(await page.getByTestId('calendar-card').innerText()).toContain('兑付');
    await app.screenshot('structure-zh-1280');
    await shootStructure('structure-zh');
    // The top bar fits at 1280 px: Run ends inside the window and the deal's name keeps room to be read.
    const run = await page.getByTestId('run').boundingBox();
    expect(run!.x + run!.width).toBeLessThanOrEqual(1280);
    expect((await page.getByTestId('doc-title').boundingBox())!.width).toBeGreaterThan(200);
  });

  it('refuses a negative balance in Chinese, and Undo names the edit in the language it is shown in', async () => {
    const id = (await structure.trancheIds())[0]!;
    await structure.setBalance(id, '-5');
    expect(await structure.fieldMessage(`tranche-balance-${id}`)).toBe('本金余额不能为负');
    await structure.balanceInput(id).press('Escape');
    await structure.setBalance(id, '1.2亿');
    expect(await structure.balanceInput(id).inputValue()).toBe('120,000,000.00');
    // The notes are now below the pool: the chart's 超额抵押 segment is drawn in the canvas's CJK font.
    await page
      .getByTestId('capital-chart')
      .screenshot({ path: `${process.env.ABS_SHOTS_DIR ?? 'out/shots'}/structure-zh-capital-chart.png` });
    expect(await page.getByTestId('undo').getAttribute('title')).toBe(`撤销：${id} 本金余额（Ctrl+Z）`);
    await page.getByTestId('language-picker').selectOption('en');
    await expect
      .poll(() => page.getByTestId('undo').getAttribute('title'))
      .toBe(`Undo ${id} balance (Ctrl+Z)`);
    await page.getByTestId('language-picker').selectOption('zh-CN');
    await page.getByTestId('undo').click();
    expect(await page.getByTestId('redo').getAttribute('title')).toBe(`重做：${id} 本金余额（Ctrl+Shift+Z）`);
  });

  it('shows the card amounts in 万元 with the unit, while the field edits the amount itself', async () => {
    const id = (await structure.trancheIds())[0]!;
    const exact = await structure.balanceInput(id).inputValue();
    await page.getByTestId('scale-picker').selectOption('wan');
    await expect.poll(() => page.getByTestId('amount-unit').innerText()).toMatch(/万元|万/);
    expect(await structure.balanceInput(id).inputValue()).toBe(exact);
    await app.screenshot('structure-zh-wan');
    await page.getByTestId('scale-picker').selectOption('unit');
  });

  it('runs in Chinese: the status line and a grid read in Chinese', async () => {
    await app.run();
    expect(await app.notice()).toMatch(/^运行完成：共 \d+ 期，每期均勾稽一致/);
    expect(await page.locator('.grid-csv').first().getAttribute('title')).toBe('将此表导出为 CSV');
    await app.screenshot('results-zh-1280');
    expect(app.errors).toEqual([]);
  });
});
