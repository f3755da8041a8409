/** Page model of the Pool screen's loan tape grid: sort by a header, type in a floating filter, read cells. */
import type { PageDocument } from '../support/pageDom';
import type { Page } from 'playwright-core';

// The page's document, for the functions this file runs in the browser.
declare const document: PageDocument;

export class LoanGridPage {
  constructor(readonly page: Page) {}

  private header(col: string) {
    return this.page.locator(`[data-testid=loan-grid] .ag-header-cell[role=columnheader][col-id="${col}"]`);
  }

  /** Clicks the header until the column sorts the wanted way (ascending, then descending). */
  async sort(col: string, dir: 'ascending' | 'descending'): Promise<void> {
    for (let i = 0; i < 3; i++) {
      if ((await this.header(col).getAttribute('aria-sort')) === dir) return;
      await this.header(col).locator('.ag-header-cell-label').click();
    }
    throw new Error(`${col} did not sort ${dir}`);
  }

  /** Types into a column's floating filter (its header name, as AG Grid labels the box). */
  async filter(headerName: string, text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: `${headerName} Filter Input` }).fill(text);
  }

  /** The loaded cell texts of a column for the first rows, waiting until they are all there. */
  async column(col: string, rows: number): Promise<string[]> {
    await this.page.waitForFunction(
      ([c, n]) => {
        for (let i = 0; i < n; i++) {
          const cell = document.querySelector(`[data-testid=loan-grid] [row-index="${i}"] [col-id="${c}"]`);
          if (!cell || (cell.textContent ?? '') === '') return false;
        }
        return true;
      },
      [col, rows] as const,
      { timeout: 60_000 },
    );
    const out: string[] = [];
    for (let i = 0; i < rows; i++) {
      out.push(
        await this.page.locator(`[data-testid=loan-grid] [row-index="${i}"] [col-id="${col}"]`).innerText(),
      );
    }
    return out;
  }

  count(): Promise<string> {
    return this.page.getByTestId('loan-grid-count').innerText();
  }
}
