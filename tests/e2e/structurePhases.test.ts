/**
 * Issue 15 on the web build: the Structure screen's Phases card gives the revolving phase its own priority of
 * payments split into revenue and redemption lists, adds a deficiency cure that is refused in place until the
 * ledger is on, an event of default and a limit on the redemption principal step (undoable); the run in Results
 * is the engine's for the same edited deal, with its steps named by their list. In English and in Chinese.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import {
  addEventOfDefault,
  editPhaseList,
  newEvent,
  setDeficiencyLedger,
  setOwnWaterfall,
  setSplit,
  setStepLimit,
} from '../../renderer/project/phaseEdit';
import { ResultsPage } from './pages/ResultsPage';
import type { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

const sample = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

/** The deal the steps below build, made with the same pure edits. */
function edited(): Deal {
  let d = setSplit(setOwnWaterfall(sample, 'revolving', true), 'revolving', true);
  d = editPhaseList(d, 'revolving', 'revenue', (w) => [...w, { pay: 'pdlCure', tranches: ['A', 'B', 'S'] }]);
  d = setDeficiencyLedger(d, true);
  const event = newEvent(d, 'interestShortfall');
  if (!event) throw new Error('no senior class');
  d = addEventOfDefault(d, event);
  return Deal.parse(setStepLimit(d, 'revolving', 'redemption', 1, { shareOfDue: 0.5 }));
}

/** The row of the first payment date in the reconciliation grid (collection months before it only buy). */
function firstPaymentRow(): number {
  if (sample.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(edited(), { kind: 'repLines', lines: sample.pool.lines }).waterfall.findIndex(
    (p) => p.paymentDate !== false,
  );
}

async function openFirstPaymentDate(page: Page, row: number): Promise<void> {
  await page
    .getByTestId('recon-grid')
    .locator(`.ag-row[row-index="${row}"] [col-id="period"]`)
    .first()
    .click();
}

async function buildPhases(page: Page, app: WorkbenchPage, problem: string): Promise<void> {
  await app.go('structure');
  const card = page.getByTestId('phases-card');
  await card.scrollIntoViewIfNeeded();
  await page.getByTestId('phase-revolving').click();
  await page.getByTestId('phase-own').check();
  await page.getByTestId('phase-split').check();
  await page.getByTestId('phase-list-revolving-redemption').waitFor();
  await page.getByTestId('add-step-revolving-revenue').selectOption('pdlCure');
  // The run would refuse a cure without a ledger: said in place, under the lists.
  expect(await page.getByTestId('phase-problems').innerText()).toBe(problem);
  await page.getByTestId('pdl-on').check();
  await expect.poll(() => page.getByTestId('phase-problems').count()).toBe(0);
  await page.getByTestId('eod-add').selectOption('interestShortfall');
  await page.getByTestId('eod-0').waitFor();
  await page.getByTestId('limit-revolving-redemption-1').selectOption('shareOfDue');
}

describe('Phases card, in English', () => {
  let session: AppSession;
  afterAll(() => session?.close());

  it('edits phases, undoes a limit, and runs as the engine does', async () => {
    session = await openApp();
    const { page, app } = session;
    await buildPhases(page, app, 'a pdlCure step needs structure.principalDeficiencyLedger');
    const limit = page.getByTestId('limit-revolving-redemption-1');
    await page.getByTestId('undo').click();
    expect(await limit.inputValue()).toBe('none');
    await page.getByTestId('redo').click();
    expect(await limit.inputValue()).toBe('shareOfDue');
    expect(await page.getByTestId('limit-revolving-redemption-1-value').inputValue()).toBe('50');
    await page.getByTestId('phases-card').scrollIntoViewIfNeeded();
    await app.screenshot('structure-phases');

    const engine = runDeal(edited(), {
      kind: 'repLines',
      lines: sample.pool.kind === 'repLines' ? sample.pool.lines : [],
    });
    expect(engine.checks.cashConserved).toBe(true);
    await app.run();
    const results = new ResultsPage(page);
    expect(await results.reconciled()).toBe(true);
    const a = engine.tranches.find((x) => x.id === 'A');
    expect((await results.wal('A')).toFixed(2)).toBe(a?.wal?.toFixed(2));
    await results.tab('reconciliation');
    await openFirstPaymentDate(
      page,
      engine.waterfall.findIndex((p) => p.paymentDate !== false),
    );
    expect(await page.getByTestId('period-phase').innerText()).toContain('Phase: Revolving period');
    // The grid fills its rows after the period opens: wait for the last step before reading them all.
    await page
      .getByTestId('period-steps')
      .locator('.ag-row [col-id="label"]', { hasText: 'Redemption: principal A, B, S' })
      .waitFor();
    const labels = await page
      .getByTestId('period-steps')
      .locator('.ag-row [col-id="label"]')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
    expect(labels).toContain('Revenue: interest A');
    expect(labels).toContain('Redemption: principal A, B, S');
    await app.screenshot('results-phases');
    expect(app.errors).toEqual([]);
  });
});

describe('Phases card, in Chinese', () => {
  let session: AppSession;
  afterAll(() => session?.close());

  it('says the same in Chinese', async () => {
    session = await openApp({ locale: 'zh-CN' });
    const { page, app } = session;
    await buildPhases(page, app, 'pdlCure 步骤需要 structure.principalDeficiencyLedger');
    await page.getByTestId('phases-card').scrollIntoViewIfNeeded();
    await app.screenshot('structure-phases-zh');
    await app.run();
    const results = new ResultsPage(page);
    await results.tab('reconciliation');
    await openFirstPaymentDate(page, firstPaymentRow());
    expect(await page.getByTestId('period-phase').innerText()).toContain('阶段：循环购买期');
    await app.screenshot('results-phases-zh');
    expect(app.errors).toEqual([]);
  });
});
