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

  /** Types into a revolving-card field (profile line `index`'s `field`, e.g. rate) and commits with Enter. */
  async setProfileField(index: number, field: string, text: string): Promise<void> {
    await this.fillAndEnter(`profile-${index}-${field}`, text);
  }

  /** Sets concentration limit `index`'s maximum share of the pool (percent text). */
  async setLimitShare(index: number, percentText: string): Promise<void> {
    await this.fillAndEnter(`limit-${index}-maxShare`, percentText);
  }

  /** The revolving card's eligibility note on profile line `index` (null when the line is eligible). */
  async profileExclusion(index: number): Promise<string | null> {
    const note = this.page.getByTestId(`profile-${index}-excluded`);
    return (await note.count()) > 0 ? note.innerText() : null;
  }

  private async fillAndEnter(testId: string, text: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.click();
    await input.fill(text);
    await input.press('Enter');
  }

  /** Opens a trigger's detail row (id, name, window, threshold steps). */
  async openTrigger(id: string): Promise<void> {
    await this.page.getByTestId(`edit-trigger-${id}`).click();
    await this.page.getByTestId(`trigger-detail-${id}`).waitFor();
  }

  /** Types into a threshold step's start period or threshold (percent text) and presses Enter. */
  async setThresholdStep(id: string, k: number, field: 'from' | 'threshold', text: string): Promise<void> {
    await this.fillAndEnter(`trigger-${id}-step-${k}-${field}`, text);
  }

  async openStep(index: number): Promise<void> {
    await this.page.getByTestId(`edit-step-${index}`).click();
    await this.page.getByTestId(`step-${index}-editor`).waitFor();
  }

  /** Ticks or unticks one collections account a waterfall step draws from. */
  async toggleSource(index: number, source: 'interest' | 'principal' | 'reserve'): Promise<void> {
    await this.page.getByTestId(`step-${index}-source-${source}`).click();
  }

  /** The "from …" summary beside a waterfall step (empty when it draws by default). */
  stepFrom(index: number): Promise<string> {
    return this.page.getByTestId(`step-${index}-from`).innerText();
  }

  /** The in-place message of a step editor's sources or classes, if any. */
  async stepMessage(index: number): Promise<string | null> {
    const msg = this.page.getByTestId(`step-${index}-editor`).locator('.field-message');
    return (await msg.count()) > 0 ? msg.first().innerText() : null;
  }
}
