import type { Locator, Page } from 'playwright-core';

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

  async tab(name: 'summary' | 'pool' | 'tranches' | 'reconciliation' | 'triggers'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  reconciled(): Promise<boolean> {
    return this.page.getByTestId('reconciled').isVisible();
  }
}
