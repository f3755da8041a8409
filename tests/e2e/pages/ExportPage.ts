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

  /** The sheet names the screen lists before writing. */
  sheets(): Promise<string> {
    return this.page.getByTestId('export-sheets').innerText();
  }

  /** The line saying which language and amount unit the report is written in. */
  format(): Promise<string> {
    return this.page.getByTestId('export-format').innerText();
  }
}
