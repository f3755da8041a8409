/**
 * The report's pictures from the app (issue 14): the page draws the note-balance run-off, the cumulative loss and
 * the excess spread with ECharts' canvas and hands the engine worker three PNGs with the report request, titled in
 * the app's language. The pictures are saved next to the screenshots, to be looked at.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportPage } from './pages/ExportPage';
import type { WorkbenchPage } from './pages/WorkbenchPage';
import { SHOTS_DIR } from './support/browser';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;

interface SeenChart {
  id: string;
  title: string;
  widthPx: number;
  heightPx: number;
  /** The PNG's bytes, base64, copied before the worker takes them (they are transferred). */
  base64: string;
}

/** Records the pictures of every report request the page posts to the engine worker. */
function recordReportRequests(): void {
  const seen: unknown[] = [];
  (globalThis as unknown as { reportCharts: unknown[] }).reportCharts = seen;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const request = (message as { request?: { kind?: string; charts?: unknown[] } }).request;
    if (request?.kind === 'report') {
      seen.push(
        (request.charts ?? []).map((c) => {
          const chart = c as {
            id: string;
            title: string;
            widthPx: number;
            heightPx: number;
            png: Uint8Array;
          };
          let text = '';
          for (const b of chart.png) text += String.fromCharCode(b);
          return {
            id: chart.id,
            title: chart.title,
            widthPx: chart.widthPx,
            heightPx: chart.heightPx,
            base64: btoa(text),
          };
        }),
      );
    }
    return (post as (this: Worker, ...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof Worker.prototype.postMessage;
}

async function lastRequest(): Promise<SeenChart[]> {
  const all = await page.evaluate(() => (globalThis as unknown as { reportCharts: unknown[] }).reportCharts);
  return (all.at(-1) ?? []) as SeenChart[];
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function checkAndSave(charts: SeenChart[], lang: string): Promise<void> {
  for (const c of charts) {
    const png = Buffer.from(c.base64, 'base64');
    expect(pngSize(png)).toEqual({ width: c.widthPx, height: c.heightPx });
    // Drawn at twice the chart's 800 × 400 logical size, so it prints sharp.
    expect([c.widthPx, c.heightPx]).toEqual([1600, 800]);
    await writeFile(`${SHOTS_DIR}/report-chart-${lang}-${c.id}.png`, png);
  }
}

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
  ({ page, app } = session);
  await page.addInitScript(recordReportRequests);
  await page.reload();
  await page.getByTestId('doc-title').waitFor();
});

afterAll(() => session?.close());

describe('Pictures in the exported report', () => {
  it('hands the report three PNGs titled in Chinese when the app is in Chinese', async () => {
    await app.run();
    await app.go('export');
    const file = await new ExportPage(page).exportXlsx();
    expect(file.bytes.byteLength).toBeGreaterThan(0);
    const charts = await lastRequest();
    expect(charts.map((c) => [c.id, c.title])).toEqual([
      ['noteBalances', '各档证券未偿本金余额'],
      ['cumulativeLoss', '累计违约率与累计净损失率'],
      ['excessSpread', '超额利差（年化）'],
    ]);
    await checkAndSave(charts, 'zh');
    expect(app.errors).toEqual([]);
  });

  it('titles them in English when the app is switched to English', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    await new ExportPage(page).exportXlsx();
    const charts = await lastRequest();
    expect(charts.map((c) => c.title)).toEqual([
      'Note balances by class',
      'Cumulative gross default and net loss',
      'Excess spread (annualised)',
    ]);
    await checkAndSave(charts, 'en');
    expect(app.errors).toEqual([]);
  });
});
