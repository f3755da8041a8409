import type { Page } from 'playwright-core';

export class ResultsPage {
  constructor(readonly page: Page) {}

  /** WAL in years as displayed in the analytics summary. */
  async wal(trancheId: string): Promise<number> {
    const text = await this.page.getByTestId(`wal-${trancheId}`).innerText();
    return Number(text);
  }

  async tab(name: 'summary' | 'pool' | 'tranches' | 'reconciliation' | 'triggers'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  reconciled(): Promise<boolean> {
    return this.page.getByTestId('reconciled').isVisible();
  }
}
