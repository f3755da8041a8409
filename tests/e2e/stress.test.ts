/**
 * The Stress screen on the web build: a 3 × 3 sensitivity grid runs in the engine worker and shows the same
 * WAL figures the engine computes here, and the scenario comparison lists every class under every scenario;
 * the break-evens are the engine's, with a note wherever one is not a plain number.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { solveBreakevens } from '../../core/scenario/breakeven';
import { dealEngine } from '../../core/scenario/dealEngine';
import { gridMatrix, runGridInline } from '../../core/scenario/grid';
import { runMonteCarloInline } from '../../core/scenario/monteCarlo';
import { runRatingStresses } from '../../core/scenario/ratingStress';
import * as XLSX from 'xlsx';
import { i18n, initI18n } from '../../renderer/i18n';
import { breakevenNote, breakevenValue } from '../../renderer/screens/stress/breakevenText';
import { ExportPage } from './pages/ExportPage';
import { ResultsPage } from './pages/ResultsPage';
import { StressPage } from './pages/StressPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let stress: StressPage;

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
  stress = new StressPage(page);
});

afterAll(() => session?.close());

/** The deal the app opens on first launch (its rep lines, no tape imported). */
const deal = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
const pool = deal.pool.kind === 'repLines' ? { kind: 'repLines' as const, lines: deal.pool.lines } : null;

describe('stress screen', () => {
  it('runs a 3 × 3 CDR × CPR grid in the worker and shows the engine’s WAL of class A', async () => {
    expect(pool).not.toBeNull();
    await stress.open();
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
    // Faster prepayment shortens class A: the WAL falls down every column.
    for (let ix = 0; ix < 3; ix++) expect(expected[2]![ix]!).toBeLessThan(expected[0]![ix]!);
    expect(app.errors).toEqual([]);
    await app.screenshot('stress-grid');
  });

  it('compares the deal’s scenarios: every class under every scenario, with the engine’s WAL', async () => {
    await stress.tab('compare');
    await stress.runComparison();
    await page.getByTestId('compare-chart').locator('canvas').first().waitFor();
    const rows = await page.getByTestId('compare-table').locator('.ag-cell[col-id="scenario"]').count();
    expect(rows).toBe(deal.scenarios.length * deal.structure.tranches.length);
    const base = runDeal(deal, pool!, { scenario: deal.scenarios[0]!.name, analytics: true });
    const walA = base.tranches.find((t) => t.id === 'A')!.wal!;
    const first = await page
      .getByTestId('compare-table')
      .locator('.ag-row[row-index="0"] .ag-cell[col-id="wal"]')
      .innerText();
    expect(first).toBe(walA.toFixed(2));
    expect(app.errors).toEqual([]);
    await app.screenshot('stress-compare');
  });

  it('runs the rating stresses and shows the engine’s pass or fail for every class at every level', async () => {
    await stress.tab('rating');
    await stress.runRating();
    const expected = runRatingStresses(dealEngine(deal, pool!), deal.scenarios[0]!);
    expect(expected.levels.map((l) => l.rating)).toEqual(['AAA', 'AA', 'A', 'BBB', 'BB']);
    for (const level of expected.levels) {
      for (const [id, passes] of Object.entries(level.passes)) {
        const above = (expected.passesAboveFailure[id] ?? []).includes(level.rating);
        expect(await stress.ratingResult(level.rating, id)).toBe(
          passes ? (above ? 'pass, but a milder level fails' : 'pass') : 'fail',
        );
      }
    }
    // Issue 19 item 9: the highest level shown is one whose milder levels all pass, and a class passing a
    // harsher level above a failed milder one gets a note beside the result.
    for (const [id, rating] of Object.entries(expected.highestPassing)) {
      await expect.poll(() => page.getByTestId(`highest-${id}`).textContent()).toBe(rating ?? 'none');
      const flagged = (expected.passesAboveFailure[id] ?? []).length > 0;
      expect(await page.getByTestId(`rating-note-${id}`).count()).toBe(flagged ? 1 : 0);
    }
    expect(app.errors).toEqual([]);
    await app.screenshot('stress-rating');
  });

  it('runs Monte Carlo in the worker and shows the engine’s expected loss of every class', async () => {
    await stress.tab('monteCarlo');
    await page.getByTestId('mc-paths').fill('300');
    await page.getByTestId('mc-seed').fill('7');
    await page.getByTestId('mc-rho').fill('10');
    await stress.runMonteCarlo();
    const expected = runMonteCarloInline(dealEngine(deal, pool!), deal.scenarios[0]!, {
      paths: 300,
      seed: 7,
      correlation: 0.1,
      method: 'interpolated',
    });
    expect(expected.tranches.map((t) => t.id)).toEqual(['A', 'B', 'S']);
    for (const t of expected.tranches) {
      expect(await stress.mcCell(t.id, 'expectedLoss')).toBe(`${(t.expectedLoss * 100).toFixed(3)}%`);
    }
    // The subordinate class takes losses first: it cannot expect to lose less than the senior.
    expect(expected.tranches[2]!.expectedLoss).toBeGreaterThan(expected.tranches[0]!.expectedLoss);
    expect(app.errors).toEqual([]);
    await app.screenshot('stress-monte-carlo');
  });

  it('keeps every analysis’s inputs and results across screens and tabs, marked stale after an edit', async () => {
    // Issue 19 item 7: leaving the screen dropped the Monte Carlo result and reset its paths to 2,000; switching
    // tabs reset the grid form.
    const mcA = await stress.mcCell('A', 'expectedLoss');
    await app.go('structure');
    await stress.open();
    await page.getByTestId('mc-table').waitFor();
    expect(await page.getByTestId('mc-paths').inputValue()).toBe('300');
    expect(await page.getByTestId('mc-seed').inputValue()).toBe('7');
    expect(await stress.mcCell('A', 'expectedLoss')).toBe(mcA);
    await stress.tab('grid');
    expect(await page.getByTestId('grid-x-to').inputValue()).toBe('10');
    expect(await page.getByTestId('grid-y-to').inputValue()).toBe('20');
    expect((await stress.gridRows()).map((r) => r[0])).toEqual(['0%', '10%', '20%']);
    // A deal edit marks the result stale instead of dropping it; undoing the edit makes it current again.
    await page.getByTestId('scenario-picker').selectOption(deal.scenarios[1]!.name);
    await page.getByTestId('stress-stale').waitFor();
    expect((await stress.gridRows()).length).toBe(3);
    await page.getByTestId('undo').click();
    await page.getByTestId('stress-stale').waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });

  it('checks grid and Monte Carlo inputs as they are typed, in percent, with no console errors', async () => {
    // Issue 19 item 10: "'to' (0.1) is below 'from' (0.3)" came from the worker, with a RangeError logged.
    await stress.tab('grid');
    await page.getByTestId('grid-x-from').fill('30');
    expect(await page.getByTestId('grid-form-problem').innerText()).toBe(
      "CDR: 'to' (10%) is below 'from' (30%)",
    );
    expect(await page.getByTestId('run-grid').isDisabled()).toBe(true);
    await app.screenshot('stress-grid-form-problem');
    await page.getByTestId('grid-x-from').fill('0');
    expect(await page.getByTestId('grid-form-problem').count()).toBe(0);
    // Issue 19 item 11: class A loses nothing anywhere on this grid; the heatmap says so instead of going blank.
    await page.getByTestId('grid-metric').selectOption('loss');
    expect(await page.getByTestId('grid-uniform').innerText()).toMatch(/^Every cell is 0\.00%/);
    await app.screenshot('stress-grid-uniform');
    await page.getByTestId('grid-metric').selectOption('wal');
    await stress.tab('monteCarlo');
    await page.getByTestId('mc-paths').fill('0');
    expect(await page.getByTestId('mc-form-problem').innerText()).toBe(
      'Paths must be a whole number from 1 to 10,000,000',
    );
    expect(await page.getByTestId('run-mc').isDisabled()).toBe(true);
    await page.getByTestId('mc-paths').fill('300');
    expect(app.errors).toEqual([]);
  });

  it('puts the session’s stress results in the exported tranche report, as the user chooses', async () => {
    // The tests above ran a grid, a comparison, the rating stresses and Monte Carlo on the unedited deal.
    await app.run();
    await app.go('export');
    const listed = await page.getByTestId('export-analyses').locator('li').allInnerTexts();
    expect(listed).toHaveLength(4);
    await page.getByTestId('export-include-monteCarlo').uncheck();
    const file = await new ExportPage(page).exportXlsx();
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['Grid A wal', 'Grid B wal', 'Rating stresses']));
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['Scenarios - classes', 'Scenarios - pool']));
    expect(wb.SheetNames.filter((n) => n.startsWith('Monte Carlo'))).toEqual([]);
    // The rating sheet carries the engine's verdicts: the same as the screen showed.
    const expected = runRatingStresses(dealEngine(deal, pool!), deal.scenarios[0]!);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Rating stresses']!, {
      range: 2, // the title block's two rows above the table's header
    });
    expect(rows.map((r) => r['Level'])).toEqual(expected.levels.map((l) => l.rating));
    expect(rows.map((r) => r['Class A'])).toEqual(
      expected.levels.map((l) => (l.passes['A'] ? 'pass' : 'fail')),
    );
    expect(app.errors).toEqual([]);
    await app.screenshot('export-with-analyses');
  });

  it('names the run’s two loss figures the same on Results and Stress, with the same realised loss', async () => {
    // Issue 19 item 8: Results' "cumulative net loss" (defaults − recoveries) and Stress's "base pool loss"
    // (realised losses) looked like one figure with two values. The rating stresses ran on this deal's base case.
    await app.go('results');
    const label = (id: string) =>
      page
        .getByTestId(id)
        .locator('xpath=ancestor::div[contains(@class, "kpi")][1]')
        .locator('.kpi-label')
        .textContent();
    const value = (id: string) => page.getByTestId(id).textContent();
    expect(await label('realised-loss')).toBe('Realised loss');
    expect(await label('net-loss')).toBe('Cumulative net loss (defaults − recoveries)');
    const realised = (await value('realised-loss')) ?? '';
    await stress.open();
    await stress.tab('rating');
    expect(await label('rating-base-loss')).toBe('Realised loss, base case (base)');
    // The same measure of the same run: the percent after the amount on Results is the rating base case's.
    expect(realised.split(' · ')[1]).toBe(await value('rating-base-loss'));
    expect(app.errors).toEqual([]);
  });

  it('solves the break-evens in the worker: the engine’s figures, a note where one is not monotone', async () => {
    // The run above is of this very document, so the Results summary takes the same answers.
    await stress.open();
    await stress.tab('breakeven');
    await stress.runBreakevens();
    initI18n('en');
    const en = i18n.getFixedT('en');
    const expected = solveBreakevens(dealEngine(deal, pool!), deal.scenarios[0]!, {
      modes: ['cdr', 'lossMultiple'],
    });
    expect(await stress.header('breakeven-table', 'cdr')).toBe('Break-even CDR');
    const notes: string[] = [];
    for (const b of expected) {
      for (const [col, mode] of [
        ['cdr', 'cdr'],
        ['multiple', 'lossMultiple'],
      ] as const) {
        const a = b.answers.find((x) => x.mode === mode)!;
        expect(await stress.breakevenCell(b.trancheId, col)).toBe(breakevenValue(en, a));
        const note = breakevenNote(en, b.trancheId, a);
        if (note) notes.push(note);
      }
    }
    const cdrA = expected[0]!.answers.find((a) => a.mode === 'cdr')!;
    expect(cdrA.breakeven).toBeTypeOf('number');
    expect(await stress.breakevenCell('A', 'cdr')).toBe(`${((cdrA.breakeven as number) * 100).toFixed(2)}%`);
    expect(await page.locator('[data-testid^="breakeven-note-"]').allInnerTexts()).toEqual(notes);
    await app.screenshot('stress-breakeven');
    await app.go('results');
    expect(await new ResultsPage(page).breakevenCdr('A').innerText()).toMatch(
      new RegExp(`^(≥ )?${((cdrA.breakeven as number) * 100).toFixed(2)}%`),
    );
    expect(app.errors).toEqual([]);
  });
});
