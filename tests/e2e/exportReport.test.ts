/**
 * The Export screen in Chinese and English: it says which language and unit the report will be written in, lists
 * the workbook's sheet names in that language, and the downloaded report follows the app's language and amount
 * picker (issue 13).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { ExportPage } from './pages/ExportPage';
import type { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';

let session: AppSession;
let page: Page;
let app: WorkbenchPage;

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
  ({ page, app } = session);
});

afterAll(() => session?.close());

const SAMPLE = 'samples/deals/revolving-installment.deal.json';

/** The sample deal's class A balance as the engine runs it (the app opens on the sample). */
function classABalance(): number {
  const deal = Deal.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  if (deal.pool.kind !== 'repLines') throw new Error('sample has rep lines');
  const result = runDeal(
    deal,
    { kind: 'repLines', lines: deal.pool.lines },
    { scenario: deal.scenarios[0]!.name },
  );
  return result.tranches[0]!.originalBalance;
}

/** The row of the Summary's tranche table for class `id`, read as the workbook holds it. */
function summaryRow(wb: XLSX.WorkBook, sheet: string, id: string): unknown[] | undefined {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet]!, { header: 1 });
  return rows.find((r) => r[0] === id);
}

function unitLine(wb: XLSX.WorkBook, sheet: string, label: string): unknown {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet]!, { header: 1 });
  return rows.find((r) => r[0] === label)?.[1];
}

describe('Export in Chinese and English', () => {
  it('writes the Chinese report in 万元 when the app is in Chinese and 万元', async () => {
    await app.run();
    await page.getByTestId('scale-picker').selectOption('wan');
    await app.go('export');
    const exportPage = new ExportPage(page);
    expect(await exportPage.sheets()).toContain('目录 · 概要 · 投资者摘要 · 假设 · 资产池现金流 · A档现金流');
    expect(await exportPage.format()).toContain('报告语言：中文；金额单位：万元');
    await app.screenshot('export-zh');
    const file = await exportPage.exportXlsx();
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(file.name).toMatch(/ - base - 证券档次报告\.xlsx$/);
    expect(wb.SheetNames.slice(0, 5)).toEqual(['目录', '概要', '投资者摘要', '假设', '资产池现金流']);
    expect(String(unitLine(wb, '概要', '金额单位'))).toMatch(/^万元/);
    expect(summaryRow(wb, '概要', 'A')).toContain(classABalance() / 1e4);
    expect(app.errors).toEqual([]);
  });

  it('writes the English report in units when the app is switched to English and units', async () => {
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByTestId('scale-picker').selectOption('unit');
    const exportPage = new ExportPage(page);
    expect(await exportPage.sheets()).toContain(
      'Contents · Summary · Investor summary · Assumptions · Pool cash flows · Tranche A',
    );
    expect(await exportPage.format()).toContain('Written in English, amounts in CNY');
    await app.screenshot('export-en');
    const file = await exportPage.exportXlsx();
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(file.name).toMatch(/^Revolving consumer-installment ABS .* - base - tranche report\.xlsx$/);
    expect(wb.SheetNames.slice(0, 5)).toEqual([
      'Contents',
      'Summary',
      'Investor summary',
      'Assumptions',
      'Pool cash flows',
    ]);
    expect(unitLine(wb, 'Summary', 'Amounts in')).toBe('CNY');
    expect(summaryRow(wb, 'Summary', 'A')).toContain(classABalance());
    expect(app.errors).toEqual([]);
  });
});
