/** Page model of the Funding screen's report tables (one card per table of the funding report). */
import type { Locator, Page } from 'playwright-core';

export class FundingPage {
  constructor(readonly page: Page) {}

  /** The card of one report table, by the report's sheet name ("Funding terms", "Funding summary"). */
  table(sheetName: string): Locator {
    return this.page.getByTestId(`funding-table-${sheetName}`);
  }

  /** A table's column as shown, rows in order (the first rows: the grid is virtualised past its height). */
  async column(sheetName: string, col: string): Promise<string[]> {
    const grid = this.table(sheetName);
    await grid.scrollIntoViewIfNeeded();
    await grid.locator('.ag-row').first().waitFor({ timeout: 60_000 });
    const cells = await grid.locator(`.ag-row [col-id="${col}"]`).evaluateAll((els) =>
      els.map((c) => ({
        index: Number(c.closest('[row-index]')?.getAttribute('row-index') ?? -1),
        text: c.textContent ?? '',
      })),
    );
    return cells.sort((a, b) => a.index - b.index).map((c) => c.text);
  }

  /** Every header of every report table on the screen. */
  headers(): Promise<string[]> {
    return this.page.locator('[data-testid^="funding-table-"] .ag-header-cell-text').allInnerTexts();
  }
}
