/**
 * What a new analyst trips over when importing (issue 19 items 1–3): a file that is no tape stops at the first
 * step with a plain reason; a tape without remaining terms gets its cut-off date from a field prefilled with the
 * deal's; a tape whose cut-off differs from the deal's is flagged, with the deal's cut-off moved or the pool aged.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolPage } from './pages/PoolPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let pool: PoolPage;
const dir = mkdtempSync(join(tmpdir(), 'abs-tapes-'));

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
  pool = new PoolPage(page);
});

afterAll(() => session?.close());

/** The sample deal's cut-off (samples/deals/revolving-installment.deal.json). */
const DEAL_CUTOFF = '2025-09-30';

describe('the tape wizard’s first steps', () => {
  it('stops an empty file and random bytes named .csv before mapping, saying why', async () => {
    await app.go('pool');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await pool.chooseRefusedFile(empty)).toBe(
      'empty.csv is empty: there is no header row to map. Choose the tape file itself.',
    );
    const random = join(dir, 'random.csv');
    const bytes = Buffer.alloc(8192);
    let x = 99;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    writeFileSync(random, bytes);
    expect(await pool.chooseRefusedFile(random)).toMatch(/^random\.csv is not a text tape/);
    expect(await page.getByTestId('mapping-step').count()).toBe(0);
    await app.screenshot('tape-refused');
    expect(app.errors).toEqual([]);
  });

  it('asks a tape without remaining terms for its cut-off, flags a date unlike the deal’s, and ages the pool', async () => {
    // Ten-year loans from January 2019, no remaining-term or cut-off column (like a LendingClub file).
    const tape = join(dir, 'no-remaining-term.csv');
    writeFileSync(
      tape,
      'loan_id,current_balance,annual_rate,original_term,origination_date\n' +
        'L1,1000.00,0.10,120,2019-01-15\nL2,2000.00,0.12,120,2019-01-15\n',
    );
    await pool.chooseTape(tape);
    expect(await pool.cutoffInput().inputValue()).toBe(DEAL_CUTOFF);
    await pool.setCutoff('2019-03-31');
    await app.screenshot('tape-cutoff-field');
    await pool.validate();
    expect(await pool.counts()).toEqual({ accepted: 2, rejected: 0 });
    expect(await pool.cutoffMismatch()).toMatch(
      /^The tape is as of 2019-03-31 but the deal's cut-off is 2025-09-30/,
    );
    await app.screenshot('tape-cutoff-mismatch');
    // Aged to the deal: 2019-01-15 → 2025-09-30 is 80 whole months, so 120 − 80 = 40 months remain, and both
    // loans are still alive.
    await page.getByTestId('age-pool').click();
    await page.getByTestId('report-step').getByText(`cut-off ${DEAL_CUTOFF}`).first().waitFor();
    expect(await pool.cutoffMismatch()).toBeNull();
    expect(await pool.counts()).toEqual({ accepted: 2, rejected: 0 });

    // Or the deal moves to the tape's date instead.
    await page.getByRole('button', { name: 'Back to mapping' }).click();
    await pool.setCutoff('2019-03-31');
    await pool.validate();
    await page.getByTestId('move-cutoff').click();
    expect(await pool.cutoffMismatch()).toBeNull();
    await app.go('structure');
    expect(await page.getByTestId('screen-structure').innerText()).toContain('cut-off 2019-03-31');
    expect(app.errors).toEqual([]);
  });
});
