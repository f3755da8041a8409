/**
 * The Structure screen's Calendar card on the web build: a first payment date refused in place with the reason,
 * the amortising payment frequency set to quarterly (undoable), and a run whose class A cash-flow dates and WAL
 * in Results are the engine's for the same edited deal.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { setPaymentFrequency } from '../../renderer/project/calendarEdit';
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

/** The deal the app opens on first launch: closing 2025-10-20, first payment 2025-12-26, revolving 12 months. */
const sample = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

function engineRun(d: Deal) {
  if (d.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(d, { kind: 'repLines', lines: d.pool.lines });
}

/** Class A's grid rows 0..rowCount-1 as [date, interest paid as shown], scrolling the virtualised grid to render them all. */
async function classARows(rowCount: number): Promise<string[][]> {
  const grid = page.getByTestId('tranche-grid');
  await grid.locator('.ag-row').first().waitFor();
  const rows = new Map<number, Map<string, string>>();
  // ag-grid renders only rows near the viewport: wheel down until every row has been seen.
  for (let step = 0; rows.size < rowCount && step < 20; step++) {
    if (step > 0) {
      await grid.locator('.ag-row').first().hover();
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(100);
    }
    const cells = await grid.locator('.ag-row .ag-cell[col-id]').evaluateAll((els) =>
      els.map((c) => ({
        row: Number(c.closest('[row-index]')?.getAttribute('row-index') ?? -1),
        col: c.getAttribute('col-id') ?? '',
        text: (c.textContent ?? '').trim(),
      })),
    );
    for (const c of cells) {
      if (c.row < 0 || c.row >= rowCount) continue;
      rows.set(c.row, (rows.get(c.row) ?? new Map<string, string>()).set(c.col, c.text));
    }
  }
  return [...Array(rowCount).keys()].map((i) => [
    rows.get(i)?.get('date') ?? '',
    rows.get(i)?.get('interest') ?? '',
  ]);
}

describe('calendar card', () => {
  it('refuses a first payment date before closing, in place, and keeps the deal unchanged', async () => {
    await app.go('structure');
    await page.getByTestId('calendar-card').scrollIntoViewIfNeeded();
    const first = page.getByTestId('calendar-firstPaymentDate');
    expect(await first.inputValue()).toBe('2025-12-26');
    await first.click();
    await first.fill('2025-10-15');
    await first.press('Enter');
    expect(await structure.fieldMessage('calendar-firstPaymentDate')).toBe(
      '2025-10-15 is not after the closing date 2025-10-20',
    );
    await first.fill('2025-02-30');
    await first.press('Enter');
    expect(await structure.fieldMessage('calendar-firstPaymentDate')).toBe(
      '2025-02-30 is not a calendar date',
    );
    await first.fill('2025-12-26');
    await first.press('Enter');
    expect(await structure.fieldMessage('calendar-firstPaymentDate')).toBeNull();
  });

  it('pays quarterly once amortising; undo and redo cover the edit', async () => {
    const freq = page.getByTestId('calendar-frequency-amortising');
    expect(await freq.inputValue()).toBe('monthly');
    await freq.selectOption('quarterly');
    await expect.poll(() => freq.inputValue()).toBe('quarterly');
    await page.getByTestId('undo').click();
    await expect.poll(() => freq.inputValue()).toBe('monthly');
    await page.getByTestId('redo').click();
    await expect.poll(() => freq.inputValue()).toBe('quarterly');
    await page.getByTestId('calendar-card').scrollIntoViewIfNeeded();
    await app.screenshot('structure-calendar');
  });

  it("runs: class A's cash-flow dates and WAL equal the engine's on the same edited deal", async () => {
    const expected = engineRun(setPaymentFrequency(sample, 'amortising', 'quarterly'));
    const a = expected.tranches[0]!;
    // Hand check of the convention (a payment date is one period of the frequency in force after the previous):
    // first payment in collection month 3 (2025-12-26), quarterly while revolving → months 6, 9, 12 (the last
    // revolving month), then quarterly amortising → 15, 18 instead of monthly 13, 14, 15… The run ends in month
    // 18 with every class repaid. Month 15's 2026-12-26 is a Saturday, rolled to Monday 28 (CN-SSE, following).
    const paidPeriods = a.cashflows.filter((c) => (c.accrualDays ?? 0) > 0).map((c) => c.period);
    expect(paidPeriods).toEqual([3, 6, 9, 12, 15, 18]);
    expect(a.cashflows.find((c) => c.period === 15)?.date).toBe('2026-12-28');
    // Fewer, later principal payments lengthen class A's life against the monthly sample.
    expect(a.wal!).toBeGreaterThan(engineRun(sample).tranches[0]!.wal!);

    await app.run();
    const results = new ResultsPage(page);
    expect(await results.reconciled()).toBe(true);
    expect((await results.wal('A')).toFixed(2)).toBe(a.wal!.toFixed(2));
    await results.tab('tranches');
    await page.getByTestId('tranche-tab-A').click();
    const shown = await classARows(a.cashflows.length);
    expect(shown.map(([date]) => date)).toEqual(a.cashflows.map((c) => c.date));
    // Interest is paid on payment dates only: the rows showing some are the engine's payment dates.
    const paidShown = shown
      .map(([, interest], i) => (Number((interest ?? '').replace(/[^0-9.]/g, '')) > 0 ? i + 1 : 0))
      .filter((p) => p > 0);
    expect(paidShown).toEqual(a.cashflows.filter((c) => c.interest > 0).map((c) => c.period));
    // Class A is repaid in month 15, so the month-18 payment date pays it nothing.
    expect(paidShown).toEqual([3, 6, 9, 12, 15]);
    await app.screenshot('results-calendar-classA');
    expect(app.errors).toEqual([]);
  });
});
