/**
 * A structurer's path through the web build: the sample deal opens on first launch, a tranche is edited
 * (with in-place validation and undo), the deal runs, WAL is read from the results, and the Excel tranche
 * report downloads as a valid workbook.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { ExportPage } from './pages/ExportPage';
import { ResultsPage } from './pages/ResultsPage';
import { StructurePage } from './pages/StructurePage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { launchChromium, SHOTS_DIR } from './support/browser';
import { serveDir, type StaticServer } from './support/server';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let app: WorkbenchPage;

beforeAll(async () => {
  await mkdir(SHOTS_DIR, { recursive: true });
  server = await serveDir('out/web');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  app = new WorkbenchPage(page);
  await app.open(server.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const SAMPLE = 'samples/deals/revolving-installment.deal.json';

/** What the engine itself computes for the sample with class A resized: the UI must show the same. */
function expectedWal(classABalance: number): Map<string, number | null> {
  const deal = Deal.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  const edited: Deal = {
    ...deal,
    structure: {
      ...deal.structure,
      tranches: deal.structure.tranches.map((t) => (t.id === 'A' ? { ...t, balance: classABalance } : t)),
    },
  };
  if (edited.pool.kind !== 'repLines') throw new Error('sample should use rep lines');
  const r = runDeal(
    edited,
    { kind: 'repLines', lines: edited.pool.lines },
    { scenario: edited.scenarios[0]!.name },
  );
  return new Map(r.tranches.map((t) => [t.id, t.wal]));
}

describe('workbench user path', () => {
  it('opens the sample deal on first launch with its tranche stack', async () => {
    expect(await app.docTitle()).toContain('Revolving consumer-installment ABS');
    await app.go('structure');
    expect(await new StructurePage(page).trancheIds()).toEqual(['A', 'B', 'S']);
    expect(await page.title()).toContain('ABS Workbench');
    await app.screenshot('structure');
  });

  it('edits a tranche with in-place validation, undo and redo', async () => {
    const structure = new StructurePage(page);
    await structure.setBalance('A', 'six hundred');
    expect(await structure.fieldMessage('tranche-balance-A')).toMatch(/Enter an amount/);
    await app.screenshot('structure-invalid');
    await structure.setBalance('A', '590,000,000');
    expect(await structure.fieldMessage('tranche-balance-A')).toBeNull();
    expect(await structure.balanceInput('A').inputValue()).toBe('590,000,000.00');
    expect(await page.title()).toMatch(/^• /);
    await page.getByTestId('undo').click();
    expect(await structure.balanceInput('A').inputValue()).toBe('600,000,000.00');
    await page.getByTestId('redo').click();
    expect(await structure.balanceInput('A').inputValue()).toBe('590,000,000.00');
  });

  it("runs the deal (Ctrl+Enter) and shows the engine's WAL for every class", async () => {
    await page.locator('body').click({ position: { x: 5, y: 860 } });
    await app.runWithShortcut();
    const results = new ResultsPage(page);
    const expected = expectedWal(590_000_000);
    for (const id of ['A', 'B', 'S']) {
      const wal = expected.get(id);
      expect(wal).toBeTypeOf('number');
      expect(await results.wal(id)).toBe(Number((wal as number).toFixed(2)));
    }
    expect(await results.reconciled()).toBe(true);
    await app.screenshot('results-summary');
    await results.tab('pool');
    await page.getByTestId('pool-grid').locator('.ag-row').first().waitFor();
    await app.screenshot('results-pool');
    await results.tab('tranches');
    await page.getByTestId('tranche-grid').locator('.ag-row').first().waitFor();
    await app.screenshot('results-tranches');
    await results.tab('reconciliation');
    await page.getByTestId('recon-grid').locator('.ag-row').first().waitFor();
    await app.screenshot('results-reconciliation');
    await results.tab('triggers');
    await app.screenshot('results-triggers');
  });

  it('exports the tranche report as a readable xlsx', async () => {
    await app.go('export');
    await app.screenshot('export');
    const file = await new ExportPage(page).exportXlsx();
    expect(file.name).toMatch(/tranche report\.xlsx$/);
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(wb.SheetNames).toContain('Summary');
    const summary = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Summary']!, { header: 1 });
    const text = JSON.stringify(summary);
    expect(text).toContain('590000000');
    expect(app.errors).toEqual([]);
  });
});
