import type { Locator, Page } from 'playwright-core';

export type ResultsTab = 'summary' | 'pool' | 'tranches' | 'reconciliation' | 'triggers';

export class ResultsPage {
  constructor(readonly page: Page) {}

  /**
   * One cell of the tranche analytics grid as displayed. Rows carry the class id; a pinned first column puts
   * each row in two containers, so the cell is found by its column inside the row of that id.
   */
  analyticsCell(trancheId: string, colId: string): Locator {
    return this.page.getByTestId('analytics').locator(`.ag-row[row-id="${trancheId}"] [col-id="${colId}"]`);
  }

  /** WAL in years as displayed in the analytics summary. */
  async wal(trancheId: string): Promise<number> {
    return Number(await this.analyticsCell(trancheId, 'wal').innerText());
  }

  /** Break-even CDR of a class as displayed (e.g. "81.24%", "≥ 50.00%"), once the break-evens are solved. */
  breakevenCdr(trancheId: string): Locator {
    return this.analyticsCell(trancheId, 'breakevenCdr');
  }

  async tab(name: ResultsTab): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  reconciled(): Promise<boolean> {
    return this.page.getByTestId('reconciled').isVisible();
  }

  /** The header texts of a grid (by its test id), in column order, pinned columns first. */
  async headers(gridTestId: string): Promise<string[]> {
    const grid = this.page.getByTestId(gridTestId);
    await grid.locator('.ag-header-cell').first().waitFor();
    return grid
      .locator('.ag-header-cell .ag-header-cell-text')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  /** A cell's displayed text, by row index and column id (the first render of a pinned row is enough). */
  async cell(gridTestId: string, rowIndex: number, colId: string): Promise<string> {
    const cell = this.page
      .getByTestId(gridTestId)
      .locator(`.ag-row[row-index="${rowIndex}"] [col-id="${colId}"]`)
      .first();
    await cell.waitFor();
    return (await cell.innerText()).trim();
  }

  /** The headline figures' labels as displayed. */
  kpiLabels(): Promise<string[]> {
    return this.page.locator('.kpi-label').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }
}
