/**
 * The History screen in the web build (issue #11): the sample loan-level history is analysed in the engine
 * worker with the figures the CLI's `vintage --json` prints for the same file; curves, triangle and roll rates
 * show; Cancel stops the job; "Use as scenario" puts the fitted scenario, with its provenance, on the
 * Assumptions screen, the deal runs on it, and Undo takes it away. The Chinese-header sample reads the same in
 * the Chinese interface.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli as cliEn } from '../../core/i18n/locales/en/cli';
import { main as vintage } from '../../core/node/cli/commands/vintage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

const EN = 'samples/history/consumer-history.csv';
const ZH = 'samples/history/consumer-history-zh.csv';

interface CliJson {
  source: {
    accepted: number;
    rejected: number;
    rejects: { line: number; reason: keyof typeof cliEn.vintage.reasons }[];
  };
  curves: unknown[];
  total: { latest: number; ultimate: number; standardError: number };
}

async function cliJson(file: string): Promise<CliJson> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await vintage([file, '--json']);
  } finally {
    vi.restoreAllMocks();
  }
  return JSON.parse(out) as CliJson;
}

async function chooseHistory(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('history-open').click(),
  ]);
  await chooser.setFiles(file);
  // The source card names the file analysed: the one just chosen, once its analysis is done.
  await page
    .getByTestId('history-source')
    .locator('[translate="no"]', { hasText: basename(file) })
    .waitFor({ timeout: 60_000 });
}

/** Rows of a grid (a total row pinned under it not counted). */
async function gridRowCount(page: Page, testId: string): Promise<number> {
  const grid = page.getByTestId(testId);
  await grid.locator('.ag-row').first().waitFor({ timeout: 30_000 });
  const ids = await grid
    .locator('.ag-row[row-index]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('row-index') ?? ''));
  return new Set(ids.filter((i) => /^\d+$/.test(i))).size;
}

/** The scenario names on the Assumptions screen (edited in place, so read from their fields). */
async function scenarioNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('scenario-table')
    .locator('thead input')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
}

const digits = (s: string): number => Number(s.replace(/[^\d]/g, ''));

describe('History screen (English)', () => {
  let session: AppSession;
  let page: Page;
  let app: WorkbenchPage;
  beforeAll(async () => {
    session = await openApp();
    ({ page, app } = session);
  });
  afterAll(() => session?.close());

  it('imports the sample history: counts as the CLI, curves, triangle, roll rates', async () => {
    const cli = await cliJson(EN);
    await page.getByTestId('nav-history').click();
    await page.getByTestId('screen-history').waitFor();
    await chooseHistory(page, EN);
    expect(digits(await page.getByTestId('history-rejected').innerText())).toBe(cli.source.rejected);
    expect(digits(await page.getByTestId('history-vintages').innerText())).toBe(cli.curves.length);
    await page.getByTestId('history-curves').locator('canvas').waitFor();
    await app.screenshot('history-en-curves');

    await page.getByTestId('history-tab-development').click();
    await page.getByTestId('history-triangle').waitFor();
    expect(await gridRowCount(page, 'history-triangle')).toBe(cli.curves.length);
    // The total row: latest and Mack's S.E., shown as money in the app's unit (yuan, two decimals).
    const totalText = (
      await page.getByTestId('history-extension').locator('.ag-row-pinned').allInnerTexts()
    ).join(' ');
    const money = (x: number): string =>
      x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(totalText).toContain(money(cli.total.latest));
    expect(totalText).toContain(money(cli.total.standardError));
    await app.screenshot('history-en-development');

    await page.getByTestId('history-tab-rollRates').click();
    await page.getByTestId('history-rollrates').waitFor();
    expect(await gridRowCount(page, 'history-rollrates')).toBeGreaterThan(3);
    await app.screenshot('history-en-rollrates');

    await page.getByTestId('history-tab-backtest').click();
    await page.getByTestId('history-backtest-mae').waitFor();
    await app.screenshot('history-en-backtest');
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('lists rejected rows (row, reason, column and value) and downloads them, as the CLI rejects them', async () => {
    // The sample with a loan's early snapshot again at the end (out of order) and one dated before the loan.
    const lines = readFileSync(EN, 'utf8').trimEnd().split('\n');
    const dup = lines[5]!;
    const cells = lines[6]!.split(',');
    cells[1] = '2021-06';
    const path = join(mkdtempSync(join(tmpdir(), 'abs-history-e2e-')), 'bad-history.csv');
    writeFileSync(path, [...lines, dup, cells.join(',')].join('\n') + '\n');
    const cli = await cliJson(path);
    expect(cli.source.rejected).toBe(2);
    await chooseHistory(page, path);
    expect(digits(await page.getByTestId('history-rejected').innerText())).toBe(2);
    await page.getByTestId('history-rejects-grid').locator('.ag-row').first().waitFor();
    const shown = await page.getByTestId('history-rejects').innerText();
    for (const r of cli.source.rejects) expect(shown).toContain(cliEn.vintage.reasons[r.reason]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('history-rejects-csv').click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const csv = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const rows = csv.trim().split(/\r?\n/).slice(1);
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(cli.source.rejects.map((r) => r.line));
    await app.screenshot('history-en-rejects');
    // Back to the clean sample for the steps below.
    await chooseHistory(page, EN);
    expect(digits(await page.getByTestId('history-rejected').innerText())).toBe(0);
  }, 120_000);

  it('shows progress on a long analysis and Cancel stops it in the worker', async () => {
    // The sample forty times over (each copy its own loans): ~516,000 loan-months, seconds of work.
    const [header, ...rows] = readFileSync(EN, 'utf8').trimEnd().split('\n');
    const copies = Array.from({ length: 40 }, (_, k) => rows.map((r) => `C${k}${r}`).join('\n'));
    const big = join(mkdtempSync(join(tmpdir(), 'abs-history-e2e-')), 'big-history.csv');
    writeFileSync(big, `${header}\n${copies.join('\n')}\n`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('history-open').click(),
    ]);
    await chooser.setFiles(big);
    await page.getByTestId('job').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('job').innerText()).toMatch(/big-history\.csv/);
    await app.screenshot('history-en-progress');
    await page.getByTestId('cancel').click();
    await page.getByTestId('job').waitFor({ state: 'detached' });
    expect(await app.notice()).toMatch(/cancelled/);
    // The worker was started afresh: the sample analyses again to the end.
    await chooseHistory(page, EN);
    expect(digits(await page.getByTestId('history-vintages').innerText())).toBe(18);
  }, 120_000);

  it('Use as scenario → Assumptions shows it with provenance → run → Undo removes it', async () => {
    await page.getByTestId('history-scenario-name').fill('Vintage base');
    await page.getByTestId('history-use-scenario').click();
    expect(await app.notice()).toContain('Vintage base');
    expect(await page.getByTestId('scenario-picker').inputValue()).toBe('Vintage base');
    await app.go('assumptions');
    const note = page.getByTestId('scenario-provenance');
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toContain('Vintage base');
    expect(text).toContain('consumer-history.csv');
    expect(text).toContain('Chain ladder');
    expect(await scenarioNames(page)).toContain('Vintage base');
    await app.screenshot('history-en-assumptions');
    await app.run();
    expect(await app.notice()).toContain('reconciles');
    await page.getByTestId('undo').click();
    await app.go('assumptions');
    expect(await scenarioNames(page)).not.toContain('Vintage base');
    expect(await page.getByTestId('scenario-provenance').count()).toBe(0);
    expect(app.errors).toEqual([]);
  }, 120_000);
});

describe('History screen (Chinese headers, Chinese interface)', () => {
  let session: AppSession;
  beforeAll(async () => {
    session = await openApp({ locale: 'zh-CN' });
  });
  afterAll(() => session?.close());

  it('reads the Chinese-header sample with the CLI’s counts', async () => {
    const { page, app } = session;
    const cli = await cliJson(ZH);
    await page.getByTestId('nav-history').click();
    await chooseHistory(page, ZH);
    expect(digits(await page.getByTestId('history-rejected').innerText())).toBe(cli.source.rejected);
    expect(digits(await page.getByTestId('history-vintages').innerText())).toBe(cli.curves.length);
    expect(await page.getByTestId('history-source').innerText()).toContain('静态池');
    await app.screenshot('history-zh-curves');
    await page.getByTestId('history-tab-development').click();
    await page.getByTestId('history-triangle').waitFor();
    expect(await gridRowCount(page, 'history-triangle')).toBe(cli.curves.length);
    await app.screenshot('history-zh-development');
    await page.getByTestId('history-tab-rollRates').click();
    await page.getByTestId('history-rollrates').waitFor();
    await app.screenshot('history-zh-rollrates');
    await page.getByTestId('history-tab-backtest').click();
    await app.screenshot('history-zh-backtest');
    await page.getByTestId('history-use-scenario').click();
    await app.go('assumptions');
    await page.getByTestId('scenario-provenance').waitFor();
    expect(await page.getByTestId('scenario-provenance').innerText()).toContain('链梯法');
    await app.screenshot('history-zh-assumptions');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
