import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export class ExportPage {
  constructor(readonly page: Page) {}

  /** Clicks Export and returns the downloaded file's name and bytes. */
  async exportXlsx(): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByTestId('export-xlsx').click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }
}
