/**
 * The Surveillance screen in the web build (issue #16): the level-pay sample deal is opened, its servicer reports
 * imported (eight JSON reports and the ninth as a Chinese item/value CSV, a tenth as an XLSX workbook read in the
 * sheet worker), checked and appended to the deal as one undoable edit; the history grid, the actual-against-
 * projected charts and table and the trigger headroom show the figures `abs-workbench surveil --json` prints for
 * the same reports, the re-projection card what `surveil --reproject --json` prints; a batch holding a report that does not reconcile is refused whole, its problems named by
 * file, month and field; the assumptions are re-fitted into a new scenario and undone. In English and in Chinese.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as surveil } from '../../core/node/cli/commands/surveil';
import { openApp, type AppSession } from './support/session';

const DEAL = 'samples/deals/level-pay-consumer.deal.json';
const DIR = 'samples/surveillance/level-pay-consumer';
const SAMPLE_FILES = readdirSync(DIR)
  .sort()
  .map((f) => join(DIR, f));

interface CliJson {
  periods: { period: number; actual: { cumulativeNetLoss: number; poolEndBalance: number } }[];
  triggerHeadroom: { trigger: string; period: number; value: number | null; headroom: number | null }[];
  projectedBreaches: { scenario: string; trigger: string; period: number | null }[];
}

async function cliJson(dir: string): Promise<CliJson> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await surveil([DEAL, '--reports', dir, '--json']);
  } finally {
    vi.restoreAllMocks();
  }
  return JSON.parse(out) as CliJson;
}

interface ReprojectJson {
  scenario: string;
  state: { period: number; date: string };
  pool: { periods: { cumulativeNetLossPct: number }[] };
  tranches: { id: string }[];
}

async function cliReprojection(dir: string): Promise<ReprojectJson> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await surveil([DEAL, '--reports', dir, '--reproject', '--json']);
  } finally {
    vi.restoreAllMocks();
  }
  return JSON.parse(out) as ReprojectJson;
}

/** As the app formats a rate (renderer/format.ts pct): two decimals and a percent sign. */
const pct = (v: number): string =>
  `${Number((v * 100).toFixed(2)).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

/**
 * Month 10 written by hand so that it follows on from month 9 to the cent: pool 335,917,084.89 − principal
 * 15,000,000.00 − defaults 1,800,000.00 = 319,117,084.89; each class begin − principal paid = end.
 */
const MONTH_10: [string, string | number][] = [
  ['项目', '金额'],
  ['期数', 10],
  ['兑付日', '2026-01-15'],
  ['期初资产池余额', 335917084.89],
  ['本期本金回收款', 15000000],
  ['提前还款', 3000000],
  ['本期收入回收款', 4800000],
  ['新增违约', 1800000],
  ['违约回收', 150000],
  ['期末资产池余额', 319117084.89],
  ['逾期61-90天', 500000],
  ['逾期90天以上', 300000],
  ['税费及费用', 300000],
  ['A档期初余额', 238479777.13],
  ['A档利息兑付', 1100000],
  ['A档本金兑付', 12000000],
  ['A档期末余额', 226479777.13],
  ['B档期初余额', 19116615.39],
  ['B档利息兑付', 95000],
  ['B档本金兑付', 1000000],
  ['B档期末余额', 18116615.39],
  ['C档期初余额', 28674923.1],
  ['C档利息兑付', 150000],
  ['C档本金兑付', 1500000],
  ['C档期末余额', 27174923.1],
  ['D档期初余额', 23895769.26],
  ['D档利息兑付', 140000],
  ['D档本金兑付', 1300000],
  ['D档期末余额', 22595769.26],
];

async function month10Xlsx(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('受托机构报告');
  for (const row of MONTH_10) ws.addRow(row);
  const path = join(dir, 'report-10.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

/** Month 11 as JSON with its pool end balance 100.00 off: the roll-forward does not reconcile. */
function badMonth11(dir: string): string {
  const path = join(dir, 'report-11.json');
  writeFileSync(
    path,
    JSON.stringify({
      period: 11,
      paymentDate: '2026-02-15',
      pool: {
        beginBalance: 319117084.89,
        principalCollections: 14000000,
        interestCollections: 4500000,
        defaults: 1700000,
        endBalance: 303417184.89,
      },
      classes: [
        {
          id: 'A',
          beginBalance: 226479777.13,
          interestPaid: 1000000,
          principalPaid: 0,
          endBalance: 226479777.13,
        },
      ],
    }),
  );
  return path;
}

async function openDeal(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  // The toolbar's Open button rather than Ctrl+O: a shortcut pressed as the page settles can go unheard.
  const open = page.locator('.toolbar button', { hasText: lang === 'zh-CN' ? '打开' : 'Open' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open.click()]);
  await chooser.setFiles(DEAL);
  await page.getByTestId('doc-title').getByText('Level-pay', { exact: false }).first().waitFor();
}

async function importReports(page: Page, files: string[], seq: number): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('surveillance-import').click(),
  ]);
  await chooser.setFiles(files);
  await page
    .locator(`[data-testid="surveillance-last-import"][data-seq="${seq}"]`)
    .waitFor({ timeout: 60_000 });
}

/** Rows of a grid (pinned rows not counted). */
async function gridRowCount(page: Page, testId: string): Promise<number> {
  const grid = page.getByTestId(testId);
  await grid.locator('.ag-row').first().waitFor({ timeout: 30_000 });
  const ids = await grid
    .locator('.ag-row[row-index]:not(.ag-row-pinned)')
    .evaluateAll((els) => els.map((e) => e.getAttribute('row-index') ?? ''));
  return new Set(ids.filter((i) => /^\d+$/.test(i))).size;
}

for (const lang of ['en', 'zh-CN'] as const) {
  describe(`Surveillance screen (${lang})`, () => {
    let session: AppSession;
    let page: Page;
    let tmp: string;
    beforeAll(async () => {
      session = await openApp({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
      page = session.page;
      tmp = mkdtempSync(join(tmpdir(), 'abs-surveillance-e2e-'));
      await openDeal(page, lang);
    });
    afterAll(() => session?.close());

    it('imports the sample reports (JSON and the Chinese CSV): history, charts and headroom as the CLI', async () => {
      const { app } = session;
      const cli = await cliJson(DIR);
      await page.getByTestId('nav-surveillance').click();
      await page.getByTestId('screen-surveillance').waitFor();
      await app.screenshot(`surveillance-${lang}-empty`);
      await importReports(page, SAMPLE_FILES, 1);
      expect(await gridRowCount(page, 'surveillance-history-grid')).toBe(9);
      expect(await page.getByTestId('surveillance-refusals').count()).toBe(0);
      // The comparison is projected in the engine worker once the reports are in the deal.
      await page.getByTestId('surveillance-chart-pool').locator('canvas').waitFor({ timeout: 60_000 });
      await page.getByTestId('surveillance-chart-cnl').locator('canvas').waitFor();
      expect(await gridRowCount(page, 'surveillance-compare-grid')).toBe(cli.periods.length);
      const kpis = await page.getByTestId('surveillance-kpis').innerText();
      expect(kpis).toContain(pct(cli.periods[cli.periods.length - 1]!.actual.cumulativeNetLoss));
      // Headroom: one row per trigger and report, the values the CLI measures.
      expect(await gridRowCount(page, 'surveillance-headroom-grid')).toBe(cli.triggerHeadroom.length);
      const headroom = await page.getByTestId('surveillance-headroom-grid').innerText();
      for (const h of cli.triggerHeadroom.slice(0, 3)) expect(headroom).toContain(pct(h.headroom!));
      expect(await gridRowCount(page, 'surveillance-breaches-grid')).toBe(
        new Set(cli.projectedBreaches.map((b) => b.trigger)).size,
      );
      await app.screenshot(`surveillance-${lang}-compare`);
      await page.getByTestId('surveillance-chart-es').scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-charts`);
      await page.getByTestId('surveillance-compare-grid').scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-compare-table`);
      await page.getByTestId('surveillance-headroom').scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-headroom`);
      expect(app.errors).toEqual([]);
    }, 180_000);

    it('re-projects from the latest report beside the closing projection, as surveil --reproject', async () => {
      const { app } = session;
      const cli = await cliReprojection(DIR);
      const card = page.getByTestId('surveillance-reproject');
      await card.waitFor({ timeout: 60_000 });
      await page.getByTestId('surveillance-reproject-chart').locator('canvas').waitFor();
      expect(await gridRowCount(page, 'surveillance-reproject-grid')).toBe(cli.tranches.length);
      const cnl = cli.pool.periods[cli.pool.periods.length - 1]!.cumulativeNetLossPct;
      expect(await page.getByTestId('surveillance-reproject-cnl').innerText()).toBe(pct(cnl));
      const text = await card.innerText();
      expect(text).toContain(cli.state.date);
      expect(text).toContain(
        lang === 'zh-CN' ? `第 ${cli.state.period} 期` : `after period ${cli.state.period}`,
      );
      expect(await card.locator('h2').textContent()).toBe(
        lang === 'zh-CN' ? '依据最新报告重新预测' : 'Re-projection from the latest report',
      );
      expect(text).toContain(lang === 'zh-CN' ? '储备账户：按目标余额' : 'at its target');
      await card.scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-reproject`);
      await page.getByTestId('surveillance-reproject-grid').scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-reproject-grid`);
      expect(app.errors).toEqual([]);
    }, 180_000);

    it('refuses a batch with a month that does not reconcile, by file, month and field; appends the XLSX month alone', async () => {
      const { app } = session;
      const xlsx = await month10Xlsx(tmp);
      const bad = badMonth11(tmp);
      await importReports(page, [xlsx, bad], 2);
      // A batch goes in whole or not at all: month 10 waits with month 11.
      expect(await gridRowCount(page, 'surveillance-history-grid')).toBe(9);
      const refusals = page.getByTestId('surveillance-refusals');
      await refusals.locator('.ag-row').first().waitFor();
      const text = await refusals.innerText();
      expect(text).toContain('report-11.json');
      expect(text).toContain('pool.endBalance');
      expect(text).toContain(lang === 'zh-CN' ? '资产池余额不衔接' : 'the pool does not roll forward');
      expect(text).toContain('303417084.89');
      await refusals.scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-refusal`);
      await importReports(page, [xlsx], 3);
      expect(await gridRowCount(page, 'surveillance-history-grid')).toBe(10);
      expect(await page.getByTestId('surveillance-refusals').count()).toBe(0);
      // One edit per import: undo takes month 10 away, the nine months stay.
      await page.getByTestId('undo').click();
      expect(await gridRowCount(page, 'surveillance-history-grid')).toBe(9);
      expect(app.errors).toEqual([]);
    }, 180_000);

    it('re-fits the assumptions on the reports into a new scenario, undoably', async () => {
      const { app } = session;
      await page.getByTestId('surveillance-refit-name').fill('Refit Dec');
      await page.getByTestId('surveillance-refit-run').click();
      await page.getByTestId('notice').getByText('Refit Dec').waitFor({ timeout: 60_000 });
      const options = () =>
        page
          .getByTestId('scenario-picker')
          .locator('option')
          .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
      expect(await options()).toContain('Refit Dec');
      await page.getByTestId('surveillance-refit').scrollIntoViewIfNeeded();
      await app.screenshot(`surveillance-${lang}-refit`);
      await page.getByTestId('undo').click();
      expect(await options()).not.toContain('Refit Dec');
      expect(app.errors).toEqual([]);
    }, 180_000);
  });
}
