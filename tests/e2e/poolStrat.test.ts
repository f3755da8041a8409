/**
 * The Pool screen's strat cards on a US tape (issue 19 item 14): the sample tape with its regions replaced by
 * 47 states, so the region chart would have 47 labels on a card 500px wide. The chart keeps the largest
 * states and adds the rest up as "Other"; the table under it keeps every state; no strat header is cut.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHART_BARS } from '../../renderer/screens/pool/poolTables';
import { clippedHeaders } from './pages/GridLayout';
import { PoolPage } from './pages/PoolPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

const STATES = (
  'AL AZ AR CA CO CT DE FL GA ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
  'RI SC SD TN TX UT VT VA WA WV WI'
).split(' ');

/** The sample tape, row n in state n mod 47. */
function usTape(): string {
  const [head, ...rows] = readFileSync('samples/tapes/sample-tape.csv', 'utf8').trimEnd().split(/\r?\n/);
  const region = head!.split(',').indexOf('region');
  const out = rows.map((line, n) => {
    const cells = line.split(',');
    if (cells.length > region) cells[region] = STATES[n % STATES.length]!;
    return cells.join(',');
  });
  const path = join(mkdtempSync(join(tmpdir(), 'abs-us-')), 'us-tape.csv');
  writeFileSync(path, [head, ...out].join('\n'));
  return path;
}

let session: AppSession;
let page: Page;
let app: WorkbenchPage;

beforeAll(async () => {
  session = await openApp();
  ({ page, app } = session);
});

afterAll(() => session?.close());

describe('strat cards on a tape with 47 states', () => {
  it('labels at most a dozen region bars, the rest as Other, and cuts no strat header', async () => {
    expect(STATES).toHaveLength(47);
    await app.go('pool');
    const pool = new PoolPage(page);
    await pool.chooseTape(usTape());
    await pool.validate();
    await pool.accept();
    // The table keeps every state (virtualised: its first rows are enough to know it is there).
    expect((await pool.gridColumn('strat-region-table', 'label')).length).toBeGreaterThan(MAX_CHART_BARS);
    const labels = JSON.parse(
      (await page.getByTestId('strat-region-chart').getAttribute('data-labels')) ?? '[]',
    ) as string[];
    // 11 largest states and "Other (36)": 47 labels on a 500px axis overlapped one another.
    expect(labels).toHaveLength(MAX_CHART_BARS);
    expect(labels.at(-1)).toBe('Other (36)');
    await page.getByTestId('strat-region').scrollIntoViewIfNeeded();
    await app.screenshot('pool-strat-region');
    for (const key of ['segment', 'product', 'region']) {
      await page.getByTestId(`strat-${key}`).scrollIntoViewIfNeeded();
      expect(await clippedHeaders(page.getByTestId(`strat-${key}-table`)), key).toEqual([]);
    }
    await page.getByTestId('strat-product').scrollIntoViewIfNeeded();
    await app.screenshot('pool-strat-product');
    expect(app.errors).toEqual([]);
  });
});
