/**
 * A structurer's path through the web build: the sample deal opens on first launch, a tranche is edited
 * (with in-place validation and undo), the deal runs, WAL is read from the results, and the Excel tranche
 * report downloads as a valid workbook.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { FundingCase } from '../../core/funding/schema';
import { runDeal } from '../../core/run';
import { importTapeText } from '../../core/io/tape/tapeStream';
import { poolSummary } from '../../core/pool/strat';
import { scaleTranchesToPool } from '../../renderer/project/dealEdit';
import { solveBreakevens } from '../../core/scenario/breakeven';
import { dealEngine } from '../../core/scenario/dealEngine';
import { ExportPage } from './pages/ExportPage';
import { clippedHeaders } from './pages/GridLayout';
import { PoolPage } from './pages/PoolPage';
import { ResultsPage } from './pages/ResultsPage';
import { StructurePage } from './pages/StructurePage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
});

afterAll(() => session?.close());

const SAMPLE = 'samples/deals/revolving-installment.deal.json';
const TAPE = 'samples/tapes/sample-tape.csv';
const CLASS_A = 17_000_000;

/**
 * What the engine itself computes for the path the test takes (the sample deal on the imported tape, the
 * stack resized to the pool, class A set by hand): the UI must show the same figures.
 */
function expectedRun() {
  const deal = Deal.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  const { pool } = importTapeText(readFileSync(TAPE, 'utf8'), 'sample-tape.csv');
  const scaled = scaleTranchesToPool(deal, poolSummary(pool).totalBalance);
  const edited: Deal = {
    ...scaled,
    structure: {
      ...scaled.structure,
      tranches: scaled.structure.tranches.map((t) => (t.id === 'A' ? { ...t, balance: CLASS_A } : t)),
    },
  };
  const result = runDeal(edited, { kind: 'loans', pool }, { scenario: edited.scenarios[0]!.name });
  return { pool, edited, result };
}

describe('workbench user path', () => {
  it('opens the sample deal on first launch with its tranche stack', async () => {
    expect(await app.docTitle()).toContain('Revolving consumer-installment ABS');
    await app.go('structure');
    expect(await new StructurePage(page).trancheIds()).toEqual(['A', 'B', 'S']);
    expect(await page.title()).toContain('ABS Workbench');
    await app.screenshot('structure');
  });

  it('imports the sample tape: suggested mapping, validation report, rejected rows, accept', async () => {
    await app.go('pool');
    const pool = new PoolPage(page);
    // The sample deal's eight rep lines (samples/deals), in the deal's order, with their balances.
    expect(await pool.gridColumn('rep-lines', 'id')).toEqual([
      'ifee-3m-new',
      'ifee-3m-seasoned',
      'ifee-6m-new',
      'ifee-6m-seasoned',
      'ifee-12m-new',
      'ifee-12m-seasoned',
      'level-12m',
      'level-24m',
    ]);
    expect((await pool.gridColumn('rep-lines', 'balance'))[0]).toBe('80,000,000.00');
    expect((await pool.gridColumn('rep-lines', 'share'))[0]).toBe('10.00%');
    await app.screenshot('pool-replines');
    await pool.chooseTape(TAPE);
    expect(await pool.mappedColumn('balance')).toBe('current_balance');
    expect(await pool.mappedColumn('id')).toBe('loan_id');
    // The preview grid shows the tape's first rows as read (read from the tape's first MB only).
    const ids = await pool.gridColumn('tape-preview', 'c0');
    expect(ids.slice(0, 2)).toEqual(['L00000001', 'L00000002']);
    expect(ids).toHaveLength(12);
    await app.screenshot('pool-mapping');
    await pool.validate();
    // The generator wrote 14 deliberately bad rows among 10,000 (samples/tapes/README.md).
    expect(await pool.counts()).toEqual({ accepted: 9986, rejected: 14 });
    // Issue 19 item 2: the tape is as of 2025-06-30 (its cutoff_date column), the deal's cut-off 2025-09-30.
    expect(await pool.cutoffMismatch()).toMatch(
      /^The tape is as of 2025-06-30 but the deal's cut-off is 2025-09-30/,
    );
    // Issue 19 item 14: one button exports the rejected rows (the grid's own CSV button was a second one).
    expect(await page.getByTestId('rejects-grid').locator('.grid-csv').count()).toBe(0);
    const byReason = await pool.gridColumn('reject-reasons', 'rows');
    expect(byReason.reduce((n, t) => n + Number(t.replace(/,/g, '')), 0)).toBe(14);
    await app.screenshot('pool-report');
    const csv = await pool.exportRejects();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,column,field,value,reason,message');
    expect(lines).toHaveLength(15);
    // Formula injection is neutralised in the exported CSV.
    expect(csv).not.toMatch(/,=HYPERLINK/);
    await pool.accept();
    expect(await pool.poolCount()).toBe(9986);
    // A strat's total row, under its buckets, counts every accepted loan.
    const loans = await pool.gridColumn('strat-product-table', 'count');
    expect(loans.at(-1)).toBe('9,986');
    expect(loans.slice(0, -1).reduce((n, t) => n + Number(t.replace(/,/g, '')), 0)).toBe(9986);
    // Issue 19 item 14: credit grades in order, whatever order the tape first used them in.
    const grades = (await pool.gridColumn('strat-segment-table', 'label')).slice(0, -1);
    expect(grades).toEqual([...grades].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    await app.screenshot('pool-loans');
  });

  it('edits a tranche with in-place validation, undo and redo', async () => {
    await app.go('structure');
    await page.getByTestId('structure-problems').waitFor();
    await app.screenshot('structure-problems');
    // A trigger threshold is validated like any other field (the sample's CNL step-up starts at 3%).
    const cnl = page.getByTestId('trigger-cnl-0');
    await expect.poll(() => cnl.inputValue()).toBe('3');
    // Issue 19 item 4: the 800m stack over the 23.4m tape does not run; Run and Results say why and how to fix it.
    await page.getByTestId('run').click();
    await expect
      .poll(() => app.notice())
      .toMatch(
        /^Not run: the notes total 800,000,000\.00 but the pool is 23,4\d\d,\d{3}\.\d\d \(34× the pool\): on Structure, resize the tranches/,
      );
    expect(await page.getByTestId('screen-structure').count()).toBe(1);
    await app.go('results');
    expect(await page.getByTestId('results-problems').innerText()).toMatch(/resize the tranches to the pool/);
    await app.screenshot('results-not-runnable');
    await app.go('structure');
    await page.getByTestId('scale-to-pool').click();
    await page.getByTestId('structure-problems').waitFor({ state: 'detached' });
    // The reserve and the fixed trustee fee were sized on the 800m pool and scale with the notes.
    expect(await app.notice()).toMatch(
      /Scaled with them: reserve opening balance 2,000,000\.00 → 5\d,\d{3}\.\d\d; fee Trustee/,
    );
    const structure = new StructurePage(page);
    const scaledA = await structure.balanceInput('A').inputValue();
    await structure.setBalance('A', 'seventeen million');
    expect(await structure.fieldMessage('tranche-balance-A')).toMatch(/Enter an amount/);
    await app.screenshot('structure-invalid');
    await structure.setBalance('A', '17,000,000');
    expect(await structure.fieldMessage('tranche-balance-A')).toBeNull();
    await expect.poll(() => structure.balanceInput('A').inputValue()).toBe('17,000,000.00');
    expect(await page.title()).toMatch(/^• /);
    await page.getByTestId('undo').click();
    await expect.poll(() => structure.balanceInput('A').inputValue()).toBe(scaledA);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => structure.balanceInput('A').inputValue()).toBe('17,000,000.00');
    // Issue 19 item 5: a refused edit is not silently dropped by Run: the run is refused and the field named.
    await structure.setBalance('A', '-5');
    expect(await structure.fieldMessage('tranche-balance-A')).toBe('A balance cannot be negative');
    await page.getByTestId('run').click();
    await expect
      .poll(() => app.notice())
      .toMatch(/^Not run: this edit was not applied: Class A balance \(A balance cannot be negative\)/);
    expect(await structure.balanceInput('A').inputValue()).toBe('-5');
    await app.screenshot('structure-run-refused');
    await structure.balanceInput('A').press('Escape');
    await expect.poll(() => structure.balanceInput('A').inputValue()).toBe('17,000,000.00');
  });

  it("runs the deal (Ctrl+Enter) and shows the engine's WAL for every class", async () => {
    await page.locator('body').click({ position: { x: 5, y: 860 } });
    await app.runWithShortcut();
    const results = new ResultsPage(page);
    const { result } = expectedRun();
    expect(result.tranches.map((t) => t.id)).toEqual(['A', 'B', 'S']);
    for (const t of result.tranches) {
      expect(t.wal).toBeTypeOf('number');
      expect(await results.wal(t.id)).toBe(Number((t.wal as number).toFixed(2)));
    }
    expect(await results.reconciled()).toBe(true);

    // Break-evens run in the worker with a progress bar and Cancel; a cancelled job leaves the UI usable.
    await page.getByTestId('solve-breakevens').click();
    await page.getByTestId('job').waitFor();
    await app.screenshot('job-progress');
    await page.getByTestId('cancel').click();
    expect(await app.notice()).toMatch(/cancelled/);
    await page.getByTestId('solve-breakevens').click();
    await results.breakevenCdr('A').waitFor({ timeout: 60_000 });
    const { edited, pool } = expectedRun();
    const be = solveBreakevens(dealEngine(edited, { kind: 'loans', pool }), edited.scenarios[0]!, {
      modes: ['cdr', 'lossMultiple'],
      tranches: ['A'],
    });
    const cdrA = be[0]!.answers.find((a) => a.mode === 'cdr')!;
    expect(cdrA.breakeven).toBeTypeOf('number');
    const shown = await results.breakevenCdr('A').innerText();
    expect(shown.replace('≥ ', '')).toBe(`${((cdrA.breakeven as number) * 100).toFixed(2)}%`);
    await app.screenshot('results-summary');
    await results.tab('pool');
    await page.getByTestId('pool-grid').locator('.ag-row').first().waitFor();
    await app.screenshot('results-pool');
    await results.tab('tranches');
    await page.getByTestId('tranche-grid').locator('.ag-row').first().waitFor();
    await app.screenshot('results-tranches');
    // Issue 19 item 14: a class's cash flows export under the class's name, not always tranche-grid.csv.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('tranche-grid').locator('.grid-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toBe('class A cash flows.csv');
    await results.tab('reconciliation');
    await page.getByTestId('recon-grid').locator('.ag-row').first().waitFor();
    // Issue 19 item 14: every column of the reconciliation reads in full; beside the period's card the grid cut
    // its last five columns off at the card's edge.
    await app.screenshot('results-reconciliation');
    expect(await clippedHeaders(page.getByTestId('recon-grid'))).toEqual([]);
    // The sample pays quarterly while it revolves (issue 12): month 1's collections wait in the collection account,
    // and the grid shows that change, so its sources = uses + Δ reserve + Δ collection account as read.
    const recon = async (col: string): Promise<string> =>
      page.getByTestId('recon-grid').locator(`.ag-row[row-index="0"] [col-id="${col}"]`).first().innerText();
    const cents = async (col: string): Promise<number> =>
      Math.round(Number((await recon(col)).replace(/,/g, '')) * 100);
    const waiting = await cents('collectionChange');
    expect(waiting).toBeGreaterThan(0);
    expect((await cents('sources')) - (await cents('uses')) - (await cents('reserveChange')) - waiting).toBe(
      0,
    );
    expect(await recon('state')).toBe('revolving');
    await results.tab('triggers');
    await app.screenshot('results-triggers');
  });

  it('exports the tranche report as a readable xlsx with the edited class', async () => {
    await app.go('export');
    await app.screenshot('export');
    const file = await new ExportPage(page).exportXlsx();
    expect(file.name).toMatch(/tranche report\.xlsx$/);
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(wb.SheetNames).toContain('Summary');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Summary']!, { header: 1 });
    const classA = rows.find((r) => r[0] === 'A');
    expect(classA).toBeDefined();
    expect(classA).toContain(CLASS_A);
    const { result } = expectedRun();
    expect(classA).toContain(result.tranches[0]!.wal);
    expect(app.errors).toEqual([]);
  });

  it('edits assumptions side by side: a formula is checked as it is typed, a vector in a grid', async () => {
    await app.go('assumptions');
    await page.getByTestId('scenario-table').waitFor();
    const type = page.getByLabel('stress prepayment curve type');
    await type.selectOption('formula');
    const formula = page.getByTestId('prepay-1-formula');
    await formula.fill('0.05 + 0.01 * min(age, ');
    await formula.press('Enter');
    const message = formula
      .locator('xpath=ancestor::span[contains(concat(" ", @class, " "), " field ")][1]')
      .locator('.field-message');
    await message.waitFor();
    expect(await message.innerText()).not.toBe('');
    // Issue 19 item 6: a rate formula is typed in percent like a constant, and what it produces is range-checked
    // (10% × period passes 100% at period 11) with the period named.
    await formula.fill('10 * period');
    await formula.press('Enter');
    await message.waitFor();
    expect(await message.innerText()).toBe('gives 110% at period 11; a rate must be between 0% and 100%');
    await formula.fill('5 + 1 * min(age, 12)');
    await formula.press('Enter');
    expect(await message.count()).toBe(0);
    await page.getByLabel('severe default curve type').selectOption('vector');
    await page.getByTestId('vector-editor').waitFor();
    await page.getByTestId('curve-preview').waitFor();
    await app.screenshot('assumptions');
  });

  it('saves the project as a download and restores unsaved work after a crash', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    expect(download.suggestedFilename()).toMatch(/\.absproj$/);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      format: string;
      deal: Deal;
      pool: { size: number } | null;
    };
    expect(saved.format).toBe('abs-workbench-project');
    expect(saved.deal.structure.tranches[0]!.balance).toBe(CLASS_A);
    expect(saved.pool?.size).toBe(9986);
    expect(await page.title()).not.toMatch(/^• /);

    // An edit after the save, then the tab dies before the next save: the autosave brings it back.
    await app.go('structure');
    await new StructurePage(page).setBalance('B', '3,000,000');
    await page.waitForTimeout(2000);
    await page.reload();
    await page.getByTestId('recovery').waitFor();
    await app.screenshot('recovery');
    await page.getByTestId('recovery').getByText('Restore').click();
    await app.go('structure');
    await expect.poll(() => page.getByTestId('tranche-balance-B').inputValue()).toBe('3,000,000.00');
    await expect.poll(() => page.getByTestId('tranche-balance-A').inputValue()).toBe('17,000,000.00');

    // Open (Ctrl+O) the saved project: the deal and the imported pool come back.
    const savedPath = await download.path();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await chooser.setFiles({
      name: 'saved.absproj',
      mimeType: 'application/json',
      buffer: await readFile(savedPath),
    });
    await page.getByText('Opened saved.absproj').waitFor();
    await expect.poll(() => page.getByTestId('tranche-balance-B').inputValue()).not.toBe('3,000,000.00');
    await expect.poll(() => page.title()).toBe('saved.absproj — ABS Workbench');
    await app.go('pool');
    expect(await new PoolPage(page).poolCount()).toBe(9986);
    expect(app.errors).toEqual([]);
  });

  it('analyses a bundled funding case and charts the funding stack', async () => {
    await app.go('funding');
    await page.getByTestId('analyse-funding').click();
    await page.getByTestId('funding-chart').waitFor({ timeout: 60_000 });
    // Every row of every table is in its grid (virtualised; the HTML tables stopped at 60): the case's sources,
    // then per mix and scenario (the base case and each stress) its summary, its sources, its months, and the
    // book per scenario and month.
    const c = FundingCase.parse(
      JSON.parse(readFileSync('samples/funding/revolving-consumer.case.json', 'utf8')),
    );
    const scenarios = 1 + c.stresses.length;
    const runs = c.mixes.length * scenarios;
    const grids = page.locator('section.card .grid-host [role="grid"]');
    await grids.first().locator('.ag-row').first().waitFor();
    const rows = await grids.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('aria-rowcount')) - 1),
    );
    expect(rows).toEqual([
      c.fundingSources.length,
      runs,
      runs * c.fundingSources.length,
      runs * c.horizonMonths,
      scenarios * c.horizonMonths,
    ]);
    await app.screenshot('funding');
    expect(app.errors).toEqual([]);
  });
});
