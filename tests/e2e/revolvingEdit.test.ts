/**
 * The revolving card on the web build: a purchase-profile line's rate and a concentration limit edited on
 * the Structure screen change the purchases and interest the Results screen shows, to the cent the engine
 * computes for the same edits made through the edit helpers.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { money } from '../../renderer/format';
import { setConcentrationLimit, setProfileField } from '../../renderer/project/revolvingEdit';
import { ResultsPage } from './pages/ResultsPage';
import { StructurePage } from './pages/StructurePage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { SHOTS_DIR } from './support/browser';
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

/** The deal the app opens on first launch; profile line 3 is new-level-12m (18%), limit 1 is ifee-12m at 35%. */
const deal = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
const pool = { kind: 'repLines' as const, lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [] };

/** A pool cash-flow cell as the Results grid shows it (scrolled into view: the grid virtualises columns). */
async function poolCell(period: number, col: 'purchases' | 'interest'): Promise<string> {
  await new ResultsPage(page).tab('pool');
  const grid = page.getByTestId('pool-grid');
  await grid.locator('.ag-row').first().waitFor();
  await grid
    .locator('.ag-body-horizontal-scroll-viewport')
    .evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const cell = grid.locator(`.ag-row[row-index="${period - 1}"] .ag-cell[col-id="${col}"]`);
  await cell.waitFor();
  return cell.innerText();
}

describe('revolving card', () => {
  it('edits a profile line’s rate and the ifee-12m limit; Results show the engine’s purchases and interest', async () => {
    await app.go('structure');
    await page.getByTestId('revolving-card').scrollIntoViewIfNeeded();

    // A share of 0% is refused in place and leaves the line at its 20%.
    await structure.setProfileField(3, 'share', '0');
    expect(await structure.fieldMessage('profile-3-share')).toMatch(/A share must be above 0%/);
    await page.getByTestId('profile-3-share').press('Escape');
    expect(await page.getByTestId('profile-3-share').inputValue()).toBe('20');

    await structure.setProfileField(3, 'rate', '24');
    await structure.setLimitShare(1, '20');
    expect(await structure.fieldMessage('profile-3-rate')).toBeNull();
    expect(await structure.fieldMessage('limit-1-maxShare')).toBeNull();
    expect(await page.getByTestId('limit-1-maxShare').inputValue()).toBe('20');
    expect(await structure.profileExclusion(3)).toBeNull();
    await page.getByTestId('revolving-card').screenshot({ path: `${SHOTS_DIR}/revolving-card.png` });

    await app.run();
    const edited = setConcentrationLimit(setProfileField(deal, 3, 'rate', 0.24), 1, { maxShare: 0.2 });
    const before = runDeal(deal, pool, { analytics: false });
    const after = runDeal(edited, pool, { analytics: false });
    // ifee-12m ends period 1 above 20% of the 800m pool, so the tighter limit binds at once and its share of
    // the purchase goes to the other lines; the amount bought (what restores the pool) is unchanged.
    expect(after.revolving?.purchases[0]?.limitedBy).toEqual(['segment:ifee-12m']);
    expect(before.revolving?.purchases[0]?.limitedBy).toEqual([]);
    // What restores the pool after period 1 (tests/unit/renderer/revolvingEdit.test.ts works it by hand):
    // 154,498,489.60 when no line defaulted in its last 3 months, plus, now that defaults run to maturity, the
    // month-1 defaults of the lines within 3 months of maturity net of their amortisation, MDR × 130m.
    const par = 154_498_489.6 + 130_000_000 * (1 - Math.pow(0.94, 1 / 12));
    expect(after.pool.periods[0]!.purchases).toBeCloseTo(par, 1);

    expect(await poolCell(1, 'purchases')).toBe(money(after.pool.periods[0]!.purchases));
    const interest2 = await poolCell(2, 'interest');
    expect(interest2).toBe(money(after.pool.periods[1]!.interest));
    expect(interest2).not.toBe(money(before.pool.periods[1]!.interest));
    const purchases3 = await poolCell(3, 'purchases');
    expect(purchases3).toBe(money(after.pool.periods[2]!.purchases));
    expect(purchases3).not.toBe(money(before.pool.periods[2]!.purchases));
    expect(app.errors).toEqual([]);
    await app.screenshot('revolving-results');
  });
});
