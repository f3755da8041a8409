/**
 * The display settings as a user meets them: a Chinese system opens the app in Chinese, the choice of
 * language and amount unit is remembered across a reload, and amounts follow the unit chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './support/session';

let session: AppSession;

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
});

afterAll(() => session?.close());

describe('language and amount unit', () => {
  it('follows a Chinese system on first run, and remembers a change across a reload', async () => {
    const { page, app } = session;
    expect(await page.getByTestId('language-picker').inputValue()).toBe('zh-CN');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await app.screenshot('language-zh-first-run');
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByTestId('scale-picker').selectOption('wan');
    await page.reload();
    await page.getByTestId('doc-title').waitFor();
    expect(await page.getByTestId('language-picker').inputValue()).toBe('en');
    expect(await page.getByTestId('scale-picker').inputValue()).toBe('wan');
    await page.getByTestId('language-picker').selectOption('zh-CN');
    await page.getByTestId('scale-picker').selectOption('unit');
    expect(app.errors).toEqual([]);
  });

  it('says the last notice again in the language switched to', async () => {
    const { page, app } = session;
    await page.getByTestId('language-picker').selectOption('zh-CN');
    await app.run();
    expect(await app.notice()).toMatch(/^运行完成：共 \d+ 期，每期均勾稽一致/);
    await page.getByTestId('language-picker').selectOption('en');
    expect(await app.notice()).toMatch(/^Run complete: \d+ periods, every period reconciles/);
    await page.getByTestId('language-picker').selectOption('zh-CN');
    expect(app.errors).toEqual([]);
  });
});
