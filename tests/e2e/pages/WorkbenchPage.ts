/** Page model of the workbench shell: navigation, run, status bar, screenshots. */
import type { Page } from 'playwright-core';
import { SHOTS_DIR } from '../support/browser';

export type Screen = 'pool' | 'assumptions' | 'structure' | 'results' | 'export' | 'funding';

export class WorkbenchPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('doc-title').waitFor();
  }

  async go(screen: Screen): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
    await this.page.getByTestId(`screen-${screen}`).waitFor();
  }

  docTitle(): Promise<string> {
    return this.page.getByTestId('doc-title').innerText();
  }

  /** Runs the deal with the keyboard shortcut and waits for the Results screen. */
  async runWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    await this.page.getByTestId('analytics').waitFor({ timeout: 60_000 });
  }

  async run(): Promise<void> {
    await this.page.getByTestId('run').click();
    await this.page.getByTestId('analytics').waitFor({ timeout: 60_000 });
  }

  notice(): Promise<string> {
    return this.page.getByTestId('notice').innerText();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
  }
}
