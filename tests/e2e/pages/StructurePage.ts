import type { Page } from 'playwright-core';

export class StructurePage {
  constructor(readonly page: Page) {}

  trancheIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="tranche-row-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('tranche-row-', '')));
  }

  balanceInput(id: string) {
    return this.page.getByTestId(`tranche-balance-${id}`);
  }

  async setBalance(id: string, text: string): Promise<void> {
    const input = this.balanceInput(id);
    await input.click();
    await input.fill(text);
    await input.press('Enter');
  }

  async setCoupon(id: string, percentText: string): Promise<void> {
    const input = this.page.getByTestId(`tranche-coupon-${id}`);
    await input.click();
    await input.fill(percentText);
    await input.press('Enter');
  }

  /** The in-place validation message under a field, if any. */
  async fieldMessage(testId: string): Promise<string | null> {
    const msg = this.page
      .getByTestId(testId)
      .locator('xpath=ancestor::span[contains(concat(" ", @class, " "), " field ")][1]')
      .locator('.field-message');
    return (await msg.count()) > 0 ? msg.innerText() : null;
  }
}
