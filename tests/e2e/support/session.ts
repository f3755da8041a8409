/** One browser on the served web build, opened on the app: what every end-to-end file starts from. */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { WorkbenchPage } from '../pages/WorkbenchPage';
import { launchChromium, SHOTS_DIR } from './browser';
import { serveDir } from './server';

export interface AppSession {
  page: Page;
  app: WorkbenchPage;
  close(): Promise<void>;
}

/**
 * `locale` is the browser's (navigator.language): the app's first run follows it, so a file that tests the
 * Chinese interface opens with 'zh-CN'; every other file pins English.
 */
export async function openApp(opts: { locale?: string } = {}): Promise<AppSession> {
  await mkdir(SHOTS_DIR, { recursive: true });
  // E2E_WEB_DIR lets one engineer test a private build while another rebuilds out/web.
  const server = await serveDir(process.env.E2E_WEB_DIR ?? 'out/web');
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: opts.locale ?? 'en-US',
  });
  const page = await context.newPage();
  // File choosers are intercepted from the start. A test's waitForEvent('filechooser') turns interception on
  // only as it starts waiting, and Playwright's server handles that and the key press or click beside it
  // concurrently: on a loaded machine the app's file input opened first, unseen, and the wait timed out.
  page.on('filechooser', () => {});
  const app = new WorkbenchPage(page);
  await app.open(server.url);
  return {
    page,
    app,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}
