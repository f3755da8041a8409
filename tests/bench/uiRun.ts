/**
 * A deal run from the UI on a big imported pool (issue 17: a 1,000,000-loan deal shows results in under 3 s):
 * the tape is imported on the Pool screen first (not timed), then the toolbar's Run is clicked and the time to
 * the Results screen painted is measured, with the longest main-thread task, for a first run and a second.
 * Beside it, the reference: the same run (runDeal on the same tape's pool) in this Node process, which is the
 * engine's share of the UI figure; the rest is moving the pool and the result between the page and its worker
 * and painting.
 *
 * By hand only (it needs a web build and Chromium, so it is not part of `npm run bench` or CI):
 *
 *   npx vite build --config renderer/vite.web.config.ts --outDir /tmp/my-web --emptyOutDir
 *   UI_WEB_DIR=/tmp/my-web npx tsx tests/bench/uiRun.ts [rows=1000000]
 *
 * The tape is generated once with the seeded generator as /tmp/abs-ui-pool-<rows>.csv (as tests/bench/uiPool.ts
 * does) and reused. UI_PROFILE=1 also prints the page's heaviest main-thread functions during the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { writeCsvTape } from '../../samples/generator/generate';
import { importTapeText } from '../../core/io/tape/tapeStream';
import { runDeal } from '../../core/run';
import { Deal } from '../../core/deal/schema';
import { launchChromium } from '../e2e/support/browser';
import { serveDir } from '../e2e/support/server';

declare const window: unknown;

const profile = process.env.UI_PROFILE === '1';

interface Probe {
  tasks: [number, number][];
}

/** Long-task observer, installed before the app's scripts run. */
function installProbe(): void {
  const w = window as unknown as { __probe: Probe };
  w.__probe = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__probe.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

function topFunctions(nodes: ProfileNode[], samples: number[], deltas: number[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  samples.forEach((id, k) => {
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === '(idle)' || f.functionName === '(program)') return;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[k] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([k, ms]) => `      ${ms.toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
}

/** Clicks Run and waits for the Results screen's analytics to be on screen and painted. */
async function timedRun(
  page: Page,
  rows: number,
  label: string,
): Promise<{ ms: number; longestTaskMs: number }> {
  const t0 = await page.evaluate(() => performance.now());
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const wall = performance.now();
  await page.getByTestId('run').click();
  await page
    .getByTestId('analytics')
    .waitFor({ timeout: 20_000 })
    .catch(async (err: unknown) => {
      await page.screenshot({ path: `/tmp/ui-run-${rows}-failed.png` });
      const notice = await page
        .getByTestId('notice')
        .innerText({ timeout: 1000 })
        .catch(() => '');
      throw new Error(`no results (notice: ${notice}); screenshot /tmp/ui-run-${rows}-failed.png`, {
        cause: err,
      });
    });
  // Two frames: the results are painted, not only in the DOM.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const ms = Math.round(performance.now() - wall);
  if (cdp) {
    const { profile: p } = await cdp.send('Profiler.stop');
    console.log(topFunctions(p.nodes as ProfileNode[], p.samples ?? [], p.timeDeltas ?? []));
    await cdp.detach();
  }
  const longest = await page.evaluate((from) => {
    const p = (window as unknown as { __probe: Probe }).__probe;
    return Math.round(Math.max(0, ...p.tasks.filter(([s]) => s >= from).map(([, d]) => d)));
  }, t0);
  console.log(`${label.padEnd(28)} ${String(ms).padStart(6)} ms   longest main-thread task ${longest} ms`);
  return { ms, longestTaskMs: longest };
}

export interface UiRunFigures {
  /** Run → Results painted, the first run after the import and a second one (ms). */
  firstMs: number;
  secondMs: number;
  longestTaskMs: number;
  /** runDeal on the same pool in this Node process, best of 3 (ms). */
  referenceMs: number;
}

/** Imports a generated `rows`-loan tape in the web build at `webDir`, then times Run → Results twice. */
export async function measureUiRun(rows: number, webDir: string): Promise<UiRunFigures> {
  const tape = `/tmp/abs-ui-pool-${rows}.csv`;
  if (!existsSync(tape)) {
    console.log(`generating ${tape}`);
    writeCsvTape(tape, { rows, seed: 7 });
  }
  const server = await serveDir(webDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx names every function it compiles with an `__name` helper that the page does not have.
    await context.addInitScript({ content: 'self.__name = (f) => f;' });
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.getByTestId('doc-title').waitFor();
    await page.getByTestId('nav-pool').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-tape').click(),
    ]);
    await chooser.setFiles(tape);
    await page.getByTestId('mapping-step').waitFor({ timeout: 300_000 });
    await page.getByTestId('validate-import').click();
    await page.getByTestId('report-step').waitFor({ timeout: 600_000 });
    await page.getByTestId('accept-pool').click();
    await page.getByTestId('pool-count').waitFor({ timeout: 120_000 });
    // The Pool screen's own worker jobs (strats) finish before the run is timed.
    await page.waitForTimeout(2000);
    console.log(`${rows.toLocaleString('en-US')} loans imported (web build ${webDir})`);

    const first = await timedRun(page, rows, 'Run → Results painted (1st)');
    await page.getByTestId('nav-pool').click();
    const second = await timedRun(page, rows, 'Run → Results painted (2nd)');
    await page.screenshot({ path: `/tmp/ui-run-${rows}.png` });

    // The reference: the engine's run alone, in this process, on the same pool and the app's deal.
    const pool = importTapeText(readFileSync(tape, 'utf8'), tape).pool;
    // The deal the app opens with (renderer/project/samples.ts: FIRST_LAUNCH_SAMPLE).
    const appDeal = Deal.parse(
      JSON.parse(
        readFileSync(new URL('../../samples/deals/revolving-installment.deal.json', import.meta.url), 'utf8'),
      ),
    );
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      runDeal(appDeal, { kind: 'loans', pool }, { analytics: true });
      best = Math.min(best, performance.now() - t0);
    }
    console.log(`reference: runDeal in Node on the same pool ${Math.round(best)} ms`);
    return {
      firstMs: first.ms,
      secondMs: second.ms,
      longestTaskMs: Math.max(first.longestTaskMs, second.longestTaskMs),
      referenceMs: best,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// Run as a script (not imported by the bench's figure module).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  measureUiRun(rows, process.env.UI_WEB_DIR ?? 'out/web').catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
