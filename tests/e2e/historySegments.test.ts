/**
 * The History screen's two ways into a scenario beyond the book-level one (issue #11), in English and Chinese:
 * a history segmented by grade — the per-segment figures grid, the mapping of grades to the deal pool's segments
 * and "Use as scenario" writing the book's curves with an override per mapped segment, with the same figures
 * `vintage --segment grade --into … --segment-map …` writes into the same sample deal — and a published vintage
 * table (cumulative net loss, %) written as a CNL scenario on another scenario's prepayment and severity, as
 * `vintage table.csv --into … --from …` writes it. Undo takes each away.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as vintage } from '../../core/node/cli/commands/vintage';
import { SHOTS_DIR } from './support/browser';
import { openApp, type AppSession } from './support/session';

const EN = 'samples/history/consumer-history.csv';
const ZH = 'samples/history/consumer-history-zh.csv';
/** The deal the app opens on first launch (renderer/project/samples.ts). */
const DEAL = 'samples/deals/revolving-installment.deal.json';
const dir = mkdtempSync(join(tmpdir(), 'abs-history-seg-e2e-'));

/** A static-pool exhibit as agencies publish it: quarterly columns, cumulative net loss in %. */
function tableFile(name: string, label: string, percent = true): string {
  const p = (x: string): string => (percent ? `${x}%` : x);
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      `${label},3,6,9,12`,
      `2022Q1,${p('0.40')},${p('1.30')},${p('2.10')},${p('2.60')}`,
      `2022Q2,${p('0.50')},${p('1.45')},${p('2.30')},${p('2.85')}`,
      `2022Q3,${p('0.45')},${p('1.40')},${p('2.20')},`,
      `2022Q4,${p('0.55')},${p('1.50')},,`,
      `2023Q1,${p('0.60')},,,`,
    ].join('\n') + '\n',
  );
  return path;
}

interface Written {
  name: string;
  default: { lifetimeNetLoss: number; timing: number[] };
  overrides?: { segment: string; default?: { lifetimeNetLoss: number } }[];
}

/** What the CLI writes into a copy of the app's sample deal. */
async function cliWrites(args: string[], scenario: string): Promise<Written> {
  const deal = join(dir, `deal-${Math.random().toString(36).slice(2)}.json`);
  copyFileSync(DEAL, deal);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await vintage([...args, '--into', deal, '--scenario', scenario]);
  } finally {
    vi.restoreAllMocks();
  }
  return (JSON.parse(readFileSync(deal, 'utf8')) as { scenarios: Written[] }).scenarios.find(
    (s) => s.name === scenario,
  )!;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

async function choose(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('history-open').click(),
  ]);
  await chooser.setFiles(file);
  await page.getByTestId('history-source').waitFor({ timeout: 60_000 });
  // The source card names the file analysed: the one just chosen, once its analysis is done.
  await page
    .getByTestId('history-source')
    .locator('[translate="no"]', { hasText: basename(file) })
    .waitFor({ timeout: 60_000 });
}

async function segmentBy(page: Page, field: string): Promise<void> {
  await page.getByTestId('history-segment').selectOption(field);
  await page.getByTestId('history-rerun').click();
  await page.getByTestId('history-segments').waitFor({ timeout: 60_000 });
  await page.getByTestId('history-segment-figures').locator('.ag-row').first().waitFor();
}

async function shot(page: Page, testId: string, name: string): Promise<void> {
  const el = page.getByTestId(testId);
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}

async function scenarioNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('scenario-table')
    .locator('thead input')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
}

for (const lang of ['en', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  describe(`History: segment overrides and vintage tables into a scenario (${lang})`, () => {
    let session: AppSession;
    beforeAll(async () => {
      session = await openApp(zh ? { locale: 'zh-CN' } : {});
    });
    afterAll(() => session?.close());

    it('segmented by grade: figures per grade, grades mapped to pool segments, overrides as the CLI writes them', async () => {
      const { page, app } = session;
      const field = zh ? '等级' : 'grade';
      await page.getByTestId('nav-history').click();
      await choose(page, zh ? ZH : EN);
      await segmentBy(page, field);
      // The book, then grades A and B.
      const labels = await page
        .getByTestId('history-segment-figures')
        .locator('.ag-cell[col-id="label"]')
        .allInnerTexts();
      expect(labels.map((s) => s.trim())).toEqual([zh ? '全部资产' : 'Whole book', 'A', 'B']);
      expect(await page.getByTestId('history-segments').innerText()).toContain(zh ? '金额单位' : 'CNY');

      // The figures export as CSV: a header and the three rows, raw numbers.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('history-segment-figures').locator('.grid-csv').click(),
      ]);
      const chunks: Buffer[] = [];
      for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
      const csvRows = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
      expect(csvRows).toHaveLength(4);
      expect(csvRows[2]).toMatch(/^"?A"?,/);

      await page.getByTestId('history-segment-map-A').selectOption('ifee-3m');
      await page.getByTestId('history-segment-map-B').selectOption('level-pay');
      const cli = await cliWrites(
        [zh ? ZH : EN, '--segment', field, '--segment-map', 'A=ifee-3m,B=level-pay', '--stress', '1'],
        'by-grade',
      );
      await page.getByTestId('history-stress').selectOption('k');
      await page.getByTestId('history-k').fill('1');
      // The mapping table shows each pool segment's override as the CLI writes it.
      const map = await page.getByTestId('history-segment-map').innerText();
      for (const o of cli.overrides!) expect(map).toContain(pct(o.default!.lifetimeNetLoss));
      const lists = await page.getByTestId('history-segment-lists').innerText();
      expect(lists).toContain('ifee-6m');
      expect(lists).toContain('ifee-12m');
      await shot(page, 'history-segments', `history-segments-${lang}`);

      await page.getByTestId('history-scenario-name').fill('by-grade');
      await page.getByTestId('history-use-scenario').click();
      const notice = await app.notice();
      expect(notice).toContain('by-grade');
      expect(notice).toContain(pct(cli.default.lifetimeNetLoss));
      await shot(page, 'history-use', `history-segments-use-${lang}`);

      await app.go('assumptions');
      const note = await page.getByTestId('scenario-provenance').innerText();
      expect(note).toContain(
        zh ? `${field}（A → ifee-3m、B → level-pay）` : `${field} (A → ifee-3m, B → level-pay)`,
      );
      expect(await scenarioNames(page)).toContain('by-grade');
      await app.screenshot(`history-segments-assumptions-${lang}`);
      await app.run();
      await page.getByTestId('undo').click();
      await app.go('assumptions');
      expect(await scenarioNames(page)).not.toContain('by-grade');
      expect(app.errors).toEqual([]);
    }, 180_000);

    it('a vintage table in %: CNL and timing onto another scenario, as the CLI writes it; a table in amounts is refused', async () => {
      const { page, app } = session;
      const file = tableFile(`static-pool-${lang}.csv`, zh ? '静态池' : 'Vintage');
      await page.getByTestId('nav-history').click();
      await choose(page, file);
      await page.getByTestId('history-table-use').waitFor();
      await page.getByTestId('history-table-basis').selectOption('timing');
      await page.getByTestId('history-table-from').selectOption('stress');
      await page.getByTestId('history-table-stress').selectOption('multiple');
      await page.getByTestId('history-table-multiple').fill('1.5');
      await page.getByTestId('history-table-scenario-name').fill('table-timing');
      const cli = await cliWrites(
        [file, '--method', 'timing', '--multiple', '1.5', '--from', 'stress'],
        'table-timing',
      );
      expect(await page.getByTestId('history-table-preview').innerText()).toContain(
        pct(cli.default.lifetimeNetLoss),
      );
      await shot(page, 'history-table-use', `history-table-use-${lang}`);
      await page.getByTestId('history-table-use-scenario').click();
      expect(await app.notice()).toContain('table-timing');
      await app.go('assumptions');
      const note = await page.getByTestId('scenario-provenance').innerText();
      expect(note).toContain(zh ? '静态池表' : 'vintage table');
      expect(await scenarioNames(page)).toContain('table-timing');
      await app.screenshot(`history-table-assumptions-${lang}`);
      await app.run();
      await page.getByTestId('undo').click();
      await app.go('assumptions');
      expect(await scenarioNames(page)).not.toContain('table-timing');

      await page.getByTestId('nav-history').click();
      await choose(page, tableFile(`amounts-${lang}.csv`, zh ? '静态池' : 'Vintage', false));
      const problem = await page.getByTestId('history-table-problem').innerText();
      expect(problem).toContain(zh ? '以金额表示' : 'in amounts');
      expect(await page.getByTestId('history-table-use-scenario').isDisabled()).toBe(true);
      await shot(page, 'history-table-use', `history-table-amounts-${lang}`);
      expect(app.errors).toEqual([]);
    }, 180_000);
  });
}
