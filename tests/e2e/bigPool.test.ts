/**
 * A pool too large to autosave (60,000 loans, over the 20,000-loan autosave limit) on the web build: the
 * Pool screen and status bar say it is not autosaved, the loan grid sorts and filters in its worker (rows
 * checked against the same tape imported here), and a reload offers the autosave naming the tape to import
 * again.
 */
import { mkdtempSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTapeText } from '../../core/io/tape/tapeStream';
import type { ImportedPool } from '../../core/pool/poolFile';
import { money } from '../../renderer/format';
import { AUTOSAVE_MAX_LOANS } from '../../renderer/project/autosave';
import { writeCsvTape } from '../../samples/generator/generate';
import { LoanGridPage } from './pages/LoanGridPage';
import { PoolPage } from './pages/PoolPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

// The page's storage, read in the browser (this file compiles without the DOM library).
declare const localStorage: { getItem(key: string): string | null };

const ROWS = 60_000;
const tape = join(mkdtempSync(join(tmpdir(), 'abs-bigpool-')), 'big-tape-60k.csv');

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let grid: LoanGridPage;
let pool: ImportedPool;

beforeAll(async () => {
  writeCsvTape(tape, { rows: ROWS, seed: 5 });
  pool = importTapeText(readFileSync(tape, 'utf8'), 'big-tape-60k.csv').pool;
  session = await openApp();
  ({ page, app } = session);
  grid = new LoanGridPage(page);
});

afterAll(() => session?.close());

/** Loan indices by balance, largest first, ties in tape order: the order the grid must show. */
function byBalanceDesc(keep: (i: number) => boolean): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pool.size; i++) if (keep(i)) idx.push(i);
  return idx.sort((a, b) => pool.balance[b]! - pool.balance[a]! || a - b);
}

describe('a pool too large to autosave', () => {
  it('imports, and says it is not autosaved', async () => {
    expect(ROWS).toBeGreaterThan(AUTOSAVE_MAX_LOANS);
    await app.go('pool');
    const p = new PoolPage(page);
    await p.chooseTape(tape);
    await p.validate();
    expect((await p.counts()).accepted).toBe(pool.size);
    await p.accept();
    expect(await p.poolCount()).toBe(pool.size);
    const note = await page.getByTestId('autosave-note').innerText();
    expect(note).toContain(`this ${pool.size.toLocaleString('en-US')}-loan pool is too large to autosave`);
    expect(note).toContain('Ctrl+S');
    expect(await page.locator('.status-right').innerText()).toContain('not autosaved');
    await page.getByTestId('strat-region').waitFor({ timeout: 60_000 });
    await app.screenshot('bigpool-loaded');
  });

  it('sorts the loan grid by balance, largest first', async () => {
    await grid.sort('balance', 'descending');
    const want = byBalanceDesc(() => true).slice(0, 8);
    // Polled: until the worker's order arrives the grid may still show the unsorted block.
    await expect
      .poll(() => grid.column('balance', 8), { timeout: 30_000 })
      .toEqual(want.map((i) => money(pool.balance[i]!)));
    expect(await grid.column('id', 8)).toEqual(want.map((i) => pool.ids[i]));
  });

  it('filters by segment, keeping the sort, and counts the matches', async () => {
    const e = pool.segmentNames.indexOf('E');
    expect(e).toBeGreaterThanOrEqual(0);
    const want = byBalanceDesc((i) => pool.segment[i] === e);
    await grid.filter('Segment', 'E');
    await page
      .getByTestId('loan-grid-count')
      .filter({ hasText: `${want.length.toLocaleString('en-US')} of ${pool.size.toLocaleString('en-US')}` })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(() => grid.column('id', 5), { timeout: 30_000 })
      .toEqual(want.slice(0, 5).map((i) => pool.ids[i]));
    expect(await grid.column('segment', 5)).toEqual(['E', 'E', 'E', 'E', 'E']);
    await app.screenshot('bigpool-filtered');
    await grid.filter('Segment', '');
    await page.getByTestId('loan-grid-count').filter({ hasNotText: 'match' }).waitFor();
  });

  it('after a reload, recovery keeps the deal and names the tape to import again', async () => {
    await page.waitForFunction(
      () => localStorage.getItem('absWorkbench.autosave')?.includes('poolOmitted'),
      null,
      {
        timeout: 30_000,
      },
    );
    await page.reload();
    const banner = page.getByTestId('recovery');
    await banner.waitFor();
    const text = `The ${pool.size.toLocaleString('en-US')}-loan pool imported from big-tape-60k.csv was not autosaved: import big-tape-60k.csv again on the Pool screen.`;
    expect(await banner.innerText()).toContain(text);
    await banner.getByRole('button', { name: 'Restore' }).click();
    expect(await app.notice()).toContain(text);
    expect(app.errors).toEqual([]);
  });
});
