/** Page model of the Stress screen: grid, break-evens, rating stresses, Monte Carlo, scenario comparison. */
import type { Page } from 'playwright-core';

export type StressTab = 'grid' | 'breakeven' | 'rating' | 'monteCarlo' | 'compare';

export class StressPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-stress').click();
    await this.page.getByTestId('screen-stress').waitFor();
  }

  async tab(name: StressTab): Promise<void> {
    await this.page.getByTestId(`stress-tab-${name}`).click();
  }

  /** Sets one grid axis: values in the screen's units (percent for rates). */
  async setAxis(axis: 'x' | 'y', kind: string, from: string, to: string, step: string): Promise<void> {
    await this.page.getByTestId(`grid-${axis}-kind`).selectOption(kind);
    await this.page.getByTestId(`grid-${axis}-from`).fill(from);
    await this.page.getByTestId(`grid-${axis}-to`).fill(to);
    await this.page.getByTestId(`grid-${axis}-step`).fill(step);
  }

  async runGrid(): Promise<void> {
    await this.page.getByTestId('run-grid').click();
    await this.page.getByTestId('grid-table').locator('.ag-row').first().waitFor({ timeout: 60_000 });
  }

  /**
   * The grid table's body as text, row by row, first column the y value. A pinned column splits each row
   * into two elements with the same row-index, so cells are gathered by row-index and column index.
   */
  gridRows(): Promise<string[][]> {
    return this.page
      .getByTestId('grid-table')
      .locator('.ag-cell[col-id]')
      .evaluateAll((cells) => {
        const rows = new Map<number, { col: number; text: string }[]>();
        for (const c of cells) {
          const row = c.closest('[row-index]');
          if (!row) continue;
          const i = Number(row.getAttribute('row-index'));
          const list = rows.get(i) ?? [];
          list.push({ col: Number(c.getAttribute('aria-colindex')), text: (c.textContent ?? '').trim() });
          rows.set(i, list);
        }
        return [...rows.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([, list]) => list.sort((a, b) => a.col - b.col).map((x) => x.text));
      });
  }

  /** A header's text in one of the screen's tables, by its column id. */
  header(table: string, colId: string): Promise<string> {
    return this.page
      .getByTestId(table)
      .locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-text`)
      .innerText();
  }

  async runBreakevens(): Promise<void> {
    await this.page.getByTestId('run-breakeven').click();
    await this.page.getByTestId('breakeven-table').locator('.ag-row').first().waitFor({ timeout: 120_000 });
  }

  /** One class's break-even figure as displayed, e.g. breakevenCell('A', 'cdr') → "12.34%". */
  breakevenCell(trancheId: string, colId: string): Promise<string> {
    return this.page
      .getByTestId('breakeven-table')
      .locator(`.ag-row[row-id="${trancheId}"] [col-id="${colId}"]`)
      .innerText();
  }

  async runComparison(): Promise<void> {
    await this.page.getByTestId('run-compare').click();
    await this.page.getByTestId('compare-table').locator('.ag-row').first().waitFor({ timeout: 60_000 });
  }

  async runRating(): Promise<void> {
    await this.page.getByTestId('run-rating').click();
    await this.page.getByTestId('rating-table').locator('.ag-row').first().waitFor({ timeout: 120_000 });
  }

  /** "pass" or "fail" for one class at one rating level, as the rating table shows it. */
  ratingResult(level: string, trancheId: string): Promise<string> {
    return this.page
      .getByTestId('rating-table')
      .locator(`.ag-row[row-id="${level}"] [col-id="pass-${trancheId}"]`)
      .innerText();
  }

  async runMonteCarlo(): Promise<void> {
    await this.page.getByTestId('run-mc').click();
    await this.page.getByTestId('mc-table').locator('.ag-row').first().waitFor({ timeout: 120_000 });
  }

  /** One class's figure in the Monte Carlo table as displayed, e.g. mcCell('A', 'expectedLoss') → "0.029%". */
  mcCell(trancheId: string, colId: string): Promise<string> {
    return this.page
      .getByTestId('mc-table')
      .locator(`.ag-row[row-id="${trancheId}"] [col-id="${colId}"]`)
      .innerText();
  }
}
