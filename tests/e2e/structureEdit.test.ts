/**
 * The Structure screen's trigger schedule and waterfall step editors on the web build: a threshold step edited in
 * place (a bad start period refused with a message), a step's sources edited (emptying them refused), undo/redo,
 * and a run whose Results show the trigger firing where the engine says it does for the same edits.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { setThresholdStep } from '../../renderer/project/triggerEdit';
import { setStepSources } from '../../renderer/project/waterfallEdit';
import { ResultsPage } from './pages/ResultsPage';
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
});

afterAll(() => session?.close());

/** The deal the app opens on first launch; its waterfall step 8 (index 7) pays principal to A, B and S. */
const sample = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
const PRINCIPAL_STEP = 7;

/** The same edits as the test makes through the UI, applied with the same helpers, run by the engine here. */
function expectedRun(withSources = true) {
  let d = setThresholdStep(sample, 'cnl', 1, { fromPeriod: 5 });
  d = setThresholdStep(d, 'cnl', 1, { threshold: 0.015 });
  if (withSources) d = setStepSources(d, PRINCIPAL_STEP, ['principal']);
  if (d.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(d, { kind: 'repLines', lines: d.pool.lines });
}

/** A class's WAL as the analytics grid shows it (rows carry the class id). */
function walShown(trancheId: string): Promise<string> {
  return page.getByTestId('analytics').locator(`[row-id="${trancheId}"] [col-id="wal"]`).first().innerText();
}

const EVENT_COLS = ['trigger', 'event', 'period', 'value', 'threshold'];

/**
 * Rows of the Results trigger-events grid as [trigger, event, period, value, threshold]. A pinned column may be
 * rendered in a separate row element with the same row-index, so cells are gathered by row-index.
 */
async function triggerEvents(): Promise<string[][]> {
  const grid = page.getByTestId('trigger-events');
  await grid.locator('.ag-row').first().waitFor();
  const cells = await grid.locator('.ag-row .ag-cell[col-id]').evaluateAll((els) =>
    els.map((c) => ({
      row: Number(c.closest('[row-index]')?.getAttribute('row-index') ?? -1),
      col: c.getAttribute('col-id') ?? '',
      text: (c.textContent ?? '').trim(),
    })),
  );
  const rows = new Map<number, Map<string, string>>();
  for (const c of cells) rows.set(c.row, (rows.get(c.row) ?? new Map<string, string>()).set(c.col, c.text));
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => EVENT_COLS.map((col) => r.get(col) ?? ''));
}

describe('structure editing: trigger threshold steps and waterfall sources', () => {
  it('moves the CNL step-up to period 5 at 1.5%, refusing a start before the step above it', async () => {
    await app.go('structure');
    await structure.openTrigger('cnl');
    // The sample's CNL schedule: 3% from period 1, 5% from 7, 7% from 13.
    await structure.setThresholdStep('cnl', 1, 'from', '1');
    expect(await structure.fieldMessage('trigger-cnl-step-1-from')).toBe('After period 1');
    await structure.setThresholdStep('cnl', 1, 'from', '13');
    expect(await structure.fieldMessage('trigger-cnl-step-1-from')).toBe('Before period 13');
    await structure.setThresholdStep('cnl', 1, 'from', '5');
    expect(await structure.fieldMessage('trigger-cnl-step-1-from')).toBeNull();
    await structure.setThresholdStep('cnl', 1, 'threshold', '150');
    expect(await structure.fieldMessage('trigger-cnl-step-1-threshold')).toBe('From 0% to 100%');
    await structure.setThresholdStep('cnl', 1, 'threshold', '1.5');
    expect(await structure.fieldMessage('trigger-cnl-step-1-threshold')).toBeNull();
    // The summary row shows the new step.
    await expect.poll(() => page.getByTestId('trigger-cnl-1').inputValue()).toBe('1.5');
    await expect.poll(() => page.getByTestId('trigger-row-cnl').innerText()).toMatch(/from 5:/);
    await page.getByTestId('trigger-detail-cnl').scrollIntoViewIfNeeded();
    await app.screenshot('structure-trigger-steps');
  });

  it('makes the principal step draw from principal collections only; emptying the sources is refused', async () => {
    await structure.openStep(PRINCIPAL_STEP);
    expect(await structure.stepFrom(PRINCIPAL_STEP)).toBe('');
    await structure.toggleSource(PRINCIPAL_STEP, 'interest');
    await expect.poll(() => structure.stepFrom(PRINCIPAL_STEP)).toBe('from principal');
    await structure.toggleSource(PRINCIPAL_STEP, 'principal');
    expect(await structure.stepMessage(PRINCIPAL_STEP)).toBe('A step needs at least one source');
    expect(await structure.stepFrom(PRINCIPAL_STEP)).toBe('from principal');
    await expect
      .poll(() => page.getByTestId(`step-${PRINCIPAL_STEP}-source-principal`).isChecked())
      .toBe(true);
    await page.getByTestId('waterfall').scrollIntoViewIfNeeded();
    await app.screenshot('structure-step-sources');

    // Undo and redo cover the step edit like any other.
    await page.getByTestId('undo').click();
    await expect.poll(() => structure.stepFrom(PRINCIPAL_STEP)).toBe('');
    await page.getByTestId('redo').click();
    await expect.poll(() => structure.stepFrom(PRINCIPAL_STEP)).toBe('from principal');
  });

  it('runs: the CNL trigger fires in period 5 and WALs match the engine on the same edits', async () => {
    const expected = expectedRun();
    // Hand check: revolving keeps the pool at 800,000,000 and defaults run to maturity, so each month defaults
    // MDR × 800m with MDR = 1 − 0.94^(1/12) = 0.5143%, and a default is liquidated 3 months later at 10% (severity
    // 90%). Cumulative net loss through period 4 is (4 − 0.1) × MDR = 2.006% < 3%, the threshold until period 5;
    // through period 5 it is (5 − 2 × 0.1) × MDR = 2.4686% > 1.5%, so the breach is period 5.
    const mdr = 1 - Math.pow(0.94, 1 / 12);
    expect(expected.triggerEvents).toHaveLength(1);
    expect(expected.triggerEvents[0]).toMatchObject({
      id: 'cnl',
      period: 5,
      kind: 'breached',
      threshold: 0.015,
    });
    expect(expected.triggerEvents[0]?.value).toBeCloseTo(4.8 * mdr, 9);
    // Paying principal from principal collections only, class A loses the excess interest that turbo-paid it, so
    // it amortises more slowly: the sources edit shows in its WAL.
    expect(expected.tranches[0]!.wal!).toBeGreaterThan(expectedRun(false).tranches[0]!.wal!);

    await app.run();
    const results = new ResultsPage(page);
    for (const t of expected.tranches) {
      expect(await walShown(t.id)).toBe((t.wal as number).toFixed(2));
    }
    expect(await results.reconciled()).toBe(true);
    await results.tab('triggers');
    // Issue 19 item 12: the trigger's name and percent, as the Structure screen edits it (0.024686 → 2.47%).
    expect(await triggerEvents()).toEqual([['Cumulative net loss', 'breached', '5', '2.47%', '1.50%']]);
    await app.screenshot('results-trigger-events');
    expect(app.errors).toEqual([]);
  });

  it('re-expresses the servicing fee as a fixed amount charging the same in period 1; undo restores it', async () => {
    await app.go('structure');
    const value = page.getByTestId('fee-value-servicing');
    expect(await value.inputValue()).toBe('1');
    await page.getByTestId('fee-basis-servicing').selectOption('fixed');
    // 1% a year of the 800,000,000 pool, for one month: 666,666.67.
    await expect.poll(() => value.inputValue()).toBe('666,666.67');
    await page.getByTestId('fee-basis-servicing').selectOption('percentOfTranche:A');
    // The same charge on class A's 600,000,000: 1.333…% a year, shown to three decimals.
    await expect.poll(() => value.inputValue()).toBe('1.333');
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await expect.poll(() => value.inputValue()).toBe('1');
    expect(await page.getByTestId('fee-basis-servicing').inputValue()).toBe('percentOfPool');
    expect(app.errors).toEqual([]);
  });
});
