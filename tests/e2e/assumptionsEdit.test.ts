/**
 * Segment overrides on the web build: an override added and its CDR edited on the Assumptions screen changes
 * the pool defaults the Results screen shows, to the cent the engine computes for the same edit; undo and redo
 * take the edit back and forth.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { money } from '../../renderer/format';
import { addOverride, updateOverride } from '../../renderer/project/assumptionEdit';
import { AssumptionsPage } from './pages/AssumptionsPage';
import { ResultsPage } from './pages/ResultsPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let assumptions: AssumptionsPage;

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
  assumptions = new AssumptionsPage(page);
});

afterAll(() => session?.close());

/** The deal the app opens on first launch: base CDR 6%; segment ifee-12m holds 150m + 90m of the pool. */
const deal = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
const lines = deal.pool.kind === 'repLines' ? deal.pool.lines : [];
const pool = { kind: 'repLines' as const, lines };
const mdr = (cdr: number): number => 1 - Math.pow(1 - cdr, 1 / 12);

async function poolDefaults(period: number): Promise<string> {
  const results = new ResultsPage(page);
  await results.tab('pool');
  const cell = page
    .getByTestId('pool-grid')
    .locator(`.ag-row[row-index="${period - 1}"] .ag-cell[col-id="default"]`);
  await cell.waitFor();
  return cell.innerText();
}

describe('segment overrides', () => {
  it('adds an override for ifee-12m, edits its CDR to 30%, and the run’s pool defaults follow', async () => {
    await app.run();
    const before = await poolDefaults(1);
    const engineBefore = runDeal(deal, pool).pool.periods[0]!.default;
    expect(before).toBe(money(engineBefore));

    await assumptions.open();
    await assumptions.showScenario('base');
    const j = await assumptions.addOverride('ifee-12m');
    expect(await assumptions.overrideSegments()).toEqual(['ifee-12m']);
    await assumptions.setDefaultRate(j, '30');
    expect(await assumptions.comparedSegment()).toBe('ifee-12m');
    await page.getByTestId('curve-preview').locator('canvas').first().waitFor();
    await app.screenshot('assumptions-override');

    await app.run();
    const after = await poolDefaults(1);
    const edited = updateOverride(addOverride(deal, 0, 'ifee-12m'), 0, 0, (o) => ({
      ...o,
      default: { model: 'CDR', curve: 0.3 },
    }));
    const engineAfter = runDeal(edited, pool).pool.periods[0]!.default;
    expect(after).toBe(money(engineAfter));
    // Only ifee-12m's 240m moves from MDR(6%) to MDR(30%): 240,000,000 × (0.029288 − 0.005143) = 5,794,775.
    expect(engineAfter - engineBefore).toBeCloseTo(240e6 * (mdr(0.3) - mdr(0.06)), 0);
    expect(after).not.toBe(before);
    expect(app.errors).toEqual([]);
  });

  it('undo takes the CDR edit back to the scenario’s 6% and redo restores 30%', async () => {
    await assumptions.open();
    const input = assumptions.defaultInput(0);
    expect(await input.inputValue()).toBe('30');
    await page.getByTestId('undo').click();
    expect(await input.inputValue()).toBe('6');
    await page.getByTestId('redo').click();
    expect(await input.inputValue()).toBe('30');
    // Handing the default back to the scenario and undoing that returns the override's own curve.
    await assumptions.setPart(0, 'default', false);
    expect(await input.count()).toBe(0);
    await page.getByTestId('undo').click();
    expect(await input.inputValue()).toBe('30');
    expect(app.errors).toEqual([]);
  });
});

describe('default stop (issue 22)', () => {
  it('runs say which rule they used; choosing SIFMA’s stop removes the last-3-month lines’ defaults', async () => {
    await app.run();
    await new ResultsPage(page).tab('summary');
    const notes = page.getByTestId('projection-notes');
    expect(await notes.innerText()).toContain('Defaults run to maturity');
    const before = await poolDefaults(1);

    await assumptions.open();
    const stop = page.getByTestId('default-stop-0');
    expect(await stop.inputValue()).toBe('maturity');
    await stop.selectOption('lagBeforeMaturity');
    await app.screenshot('assumptions-default-stop');
    await app.run();
    await new ResultsPage(page).tab('summary');
    expect(await notes.innerText()).toContain('Defaults stop in the last recovery-lag months (SIFMA)');
    await app.screenshot('results-projection-notes');
    const after = await poolDefaults(1);
    // Under SIFMA's rule the lines within 3 months of maturity in month 1 (ifee-3m-new 80m, ifee-3m-seasoned
    // 60m, ifee-6m-seasoned 70m) do not default: month-1 defaults fall by 210,000,000 × MDR(6%) = 1,080,032.69.
    const parse = (s: string): number => Number(s.replace(/,/g, ''));
    expect(parse(before) - parse(after)).toBeCloseTo(210e6 * mdr(0.06), 1);
    expect(app.errors).toEqual([]);
  });
});

describe('an override for a segment the pool lacks (issue 22)', () => {
  it('is flagged on Assumptions with the segments the pool has', async () => {
    const stray = {
      ...deal,
      scenarios: deal.scenarios.map((s, k) =>
        k === 0 ? { ...s, overrides: [{ segment: 'gold', recoveryLagMonths: 1 }] } : s,
      ),
    };
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await chooser.setFiles({
      name: 'stray.deal.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(stray)),
    });
    await page.getByText('Opened stray.deal.json').waitFor();
    await assumptions.open();
    const flag = page.getByTestId('override-unknown-0-0');
    expect(await flag.innerText()).toBe(
      'not in the pool, so ignored (segments: ifee-3m, ifee-6m, ifee-12m, level-pay)',
    );
    await app.screenshot('assumptions-unknown-override');
    expect(app.errors).toEqual([]);
  });
});
