import type { Page } from 'playwright-core';

export class PoolPage {
  constructor(readonly page: Page) {}

  /** Import wizard step 1: picks the tape through the file chooser and waits for the mapping step. */
  async chooseTape(path: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId('import-tape').click(),
    ]);
    await chooser.setFiles(path);
    await this.page.getByTestId('mapping-step').waitFor({ timeout: 60_000 });
  }

  /** Picks a file that the first step should stop; returns the reason it shows. */
  async chooseRefusedFile(path: string): Promise<string> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByTestId('import-tape').click(),
    ]);
    await chooser.setFiles(path);
    const problem = this.page.getByTestId('tape-file-problem');
    await problem.waitFor({ timeout: 30_000 });
    return problem.innerText();
  }

  cutoffInput() {
    return this.page.getByTestId('tape-cutoff');
  }

  async setCutoff(isoDate: string): Promise<void> {
    await this.cutoffInput().fill(isoDate);
  }

  /** The validation report's cut-off warning, or null when the tape's date is the deal's. */
  async cutoffMismatch(): Promise<string | null> {
    const m = this.page.getByTestId('cutoff-mismatch');
    return (await m.count()) > 0 ? m.innerText() : null;
  }

  mappedColumn(field: string): Promise<string> {
    return this.page.getByTestId(`map-${field}`).inputValue();
  }

  async validate(): Promise<void> {
    await this.page.getByTestId('validate-import').click();
    await this.page.getByTestId('report-step').waitFor({ timeout: 60_000 });
  }

  async counts(): Promise<{ accepted: number; rejected: number }> {
    const n = async (id: string) => Number((await this.page.getByTestId(id).innerText()).replace(/,/g, ''));
    return { accepted: await n('accepted-count'), rejected: await n('rejected-count') };
  }

  /** Exports the rejected rows and returns the CSV text. */
  async exportRejects(): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-rejects').click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async accept(): Promise<void> {
    await this.page.getByTestId('accept-pool').click();
    await this.page.getByTestId('loan-grid').locator('.ag-row').first().waitFor({ timeout: 30_000 });
  }

  async poolCount(): Promise<number> {
    return Number((await this.page.getByTestId('pool-count').innerText()).replace(/,/g, ''));
  }

  /** The mapping step's sheet selector (shown for workbooks with several sheets): its options. */
  sheetOptions(): Promise<string[]> {
    return this.page.getByTestId('tape-sheet').locator('option').allInnerTexts();
  }

  /** Picks another sheet and waits until the mapping step shows it (the sheet is read again). */
  async chooseSheet(name: string): Promise<void> {
    await this.page.getByTestId('tape-sheet').selectOption(name);
    // The selector is controlled by the inspection shown, so the new name appears once the re-read is in.
    await this.page.getByTestId('mapping-step').getByText(`sheet “${name}” of`).waitFor({ timeout: 60_000 });
  }

  hasSheetSelector(): Promise<boolean> {
    return this.page
      .getByTestId('tape-sheet')
      .count()
      .then((n) => n > 0);
  }

  validateEnabled(): Promise<boolean> {
    return this.page.getByTestId('validate-import').isEnabled();
  }

  /**
   * A read-only grid's column (rep lines, rejects by reason, a strat table) as shown, rows in order; the total
   * row kept under them (a strat's) comes last.
   */
  async gridColumn(testId: string, col: string): Promise<string[]> {
    // A strat card builds its grid only once it is near the screen, as a user scrolling to it would see.
    const strat = /^(strat-.+)-table$/.exec(testId);
    if (strat) await this.page.getByTestId(strat[1]!).scrollIntoViewIfNeeded();
    const grid = this.page.getByTestId(testId);
    await grid.locator('.ag-row').first().waitFor({ timeout: 60_000 });
    const cells = await grid.locator(`.ag-row [col-id="${col}"]`).evaluateAll((els) =>
      els.map((c) => ({
        index: c.closest('[row-index]')?.getAttribute('row-index') ?? '',
        text: c.textContent ?? '',
      })),
    );
    // Body rows are numbered from 0; a row pinned under them is numbered 'b-0'.
    const body = cells.filter((c) => /^\d+$/.test(c.index)).sort((a, b) => Number(a.index) - Number(b.index));
    const total = cells.filter((c) => c.index.startsWith('b-'));
    return [...body, ...total].map((c) => c.text);
  }

  /** The Pool screen's line naming where the imported pool came from. */
  poolSource(): Promise<string> {
    return this.page.getByTestId('screen-pool').locator('.screen-head p').first().innerText();
  }
}
