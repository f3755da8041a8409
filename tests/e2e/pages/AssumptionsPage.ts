/** Page model of the Assumptions screen's segment overrides. */
import type { Page } from 'playwright-core';

export type OverridePart = 'prepayment' | 'default' | 'severity' | 'recoveryLagMonths';

export class AssumptionsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-assumptions').click();
    await this.page.getByTestId('overrides-card').waitFor();
  }

  /** Shows the overrides of the scenario called `name`. */
  async showScenario(name: string): Promise<void> {
    await this.page.getByTestId('override-scenario').selectOption({ label: name });
  }

  /** Adds an override for `segment` to the shown scenario; returns its column index. */
  async addOverride(segment: string): Promise<number> {
    const before = await this.overrideSegments();
    await this.page.getByTestId('add-override').selectOption(segment);
    await this.page.getByTestId(`override-${before.length}`).waitFor();
    return before.length;
  }

  async overrideSegments(): Promise<string[]> {
    const selects = await this.page.locator('[data-testid^="override-segment-"]').all();
    return Promise.all(selects.map((s) => s.inputValue()));
  }

  async setPart(index: number, part: OverridePart, on: boolean): Promise<void> {
    await this.page.getByTestId(`override-${index}-${part}-on`).setChecked(on);
  }

  defaultInput(index: number) {
    return this.page.getByTestId(`override-${index}-default`);
  }

  /** Types a constant default rate (percent text, e.g. "30") into an override and commits it with Enter. */
  async setDefaultRate(index: number, percentText: string): Promise<void> {
    const input = this.defaultInput(index);
    await input.click();
    await input.fill(percentText);
    await input.press('Enter');
  }

  /** The segment the curve preview draws beside the scenario, or null for the scenario alone. */
  async comparedSegment(): Promise<string | null> {
    const v = await this.page.getByTestId('preview-segment').inputValue();
    return v === '' ? null : v;
  }
}
