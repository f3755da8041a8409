/**
 * A Chinese platform's tape through the wizard in Chinese (issue 13, "Tapes from Chinese platforms"): the GBK
 * sample with Chinese headers and codes is read as GB18030, mapped by the cn-platform layout, its two unknown
 * codes are listed with their row counts and mapped in the wizard, the pool is accepted and the deal run; the
 * figures shown equal the engine's on the same tape and mapping, computed here from core. Every wizard step is
 * screenshotted in Chinese. The session lives in beforeAll so later steps (the Chinese report) can follow on.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { MAPPING_PRESETS, TapeMapping, mappingFrom } from '../../core/io/tape/mapping';
import { importTapeText } from '../../core/io/tape/tapeStream';
import { poolSummary } from '../../core/pool/strat';
import { runDeal } from '../../core/run';
import { scaleTranchesToPool } from '../../renderer/project/dealEdit';
import { ExportPage } from './pages/ExportPage';
import { PoolPage } from './pages/PoolPage';
import { ResultsPage } from './pages/ResultsPage';
import { WorkbenchPage } from './pages/WorkbenchPage';
import { openApp, type AppSession } from './support/session';
import { untranslatedWords } from '../support/latin';

const TAPE = 'samples/tapes/sample-tape-cn-platform-gbk.csv';
const SAMPLE = 'samples/deals/revolving-installment.deal.json';
/** What the wizard step is told each unknown code means. */
const CHOICES = { status: { 展期: 'restructured' }, repaymentMethod: { 等本等息: 'level-pay' } } as const;

/** The tape as the engine reads it, before and after the codes are mapped. */
function expected() {
  const text = new TextDecoder('gbk').decode(readFileSync(TAPE));
  const name = 'sample-tape-cn-platform-gbk.csv';
  const before = importTapeText(text, name);
  const mapping = mappingFrom({ ...MAPPING_PRESETS['cn-platform']!, values: CHOICES });
  const after = importTapeText(text, name, { mapping });
  const deal = Deal.parse(JSON.parse(readFileSync(SAMPLE, 'utf8')));
  const scaled = scaleTranchesToPool(deal, poolSummary(after.pool).totalBalance);
  const result = runDeal(
    scaled,
    { kind: 'loans', pool: after.pool },
    { scenario: scaled.scenarios[0]!.name },
  );
  return { before: before.report, after: after.report, pool: after.pool, result };
}

let session: AppSession;
let page: Page;
let app: WorkbenchPage;
let pool: PoolPage;
const want = expected();

beforeAll(async () => {
  session = await openApp({ locale: 'zh-CN' });
  ({ page, app } = session);
  pool = new PoolPage(page);
});

afterAll(() => session?.close());

describe('a Chinese platform tape, in Chinese', () => {
  it('reads the GBK tape with its Chinese headers: encoding, layout, columns', async () => {
    await app.go('pool');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await app.screenshot('cn-tape-0-pool');
    await pool.chooseTape(TAPE);
    expect(await page.getByTestId('tape-encoding').inputValue()).toBe('gb18030');
    expect(await pool.mappedColumn('id')).toBe('借据号');
    expect(await pool.mappedColumn('balance')).toBe('贷款余额（万元）');
    expect(await pool.mappedColumn('rate')).toBe('日利率（‰）');
    expect(await pool.mappedColumn('repaymentMethod')).toBe('还款方式');
    expect(await pool.mappedColumn('classification')).toBe('五级分类');
    expect(await pool.mappedColumn('dailyRateBasis')).toBe('日利率计算基础');
    const step = page.getByTestId('mapping-step');
    expect(await step.innerText()).toMatch(/映射字段/);
    expect(await step.innerText()).toMatch(/符合“cn-platform”格式/);
    await app.screenshot('cn-tape-1-mapping');
  });

  it('lists each unknown code with its rows, and the rows they hold back', async () => {
    await pool.validate();
    expect(await pool.counts()).toEqual({ accepted: want.before.accepted, rejected: want.before.rejected });
    const card = page.getByTestId('unknown-codes');
    await card.waitFor();
    const shown = await card
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.querySelector('[data-testid="unknown-value"]')?.textContent ?? '',
          Number(r.querySelector('[data-testid="unknown-rows"]')?.textContent ?? ''),
        ]),
      );
    expect(shown).toEqual(want.before.unknownValues.map((u) => [u.value, u.rows]));
    expect(shown).toEqual([
      ['展期', 3],
      ['等本等息', 4],
    ]);
    expect(await card.innerText()).toMatch(/无法识别的代码/);
    expect(await page.getByTestId('apply-codes').isEnabled()).toBe(false);
    await app.screenshot('cn-tape-2-report-unknown-codes');
  });

  it('words the engine’s notes on the tape in Chinese: how values were read, no English sentence', async () => {
    const step = page.getByTestId('report-step');
    await step.locator('details summary').click();
    const rules = step.locator('details li');
    expect(await rules.count()).toBe(want.before.rules.length);
    await step.locator('details').scrollIntoViewIfNeeded();
    await app.screenshot('cn-tape-2b-report-rules');
    const texts = await step.evaluate(`(() => {
      const out = [];
      const walker = document.createTreeWalker(document.querySelector('[data-testid="report-step"]'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement; const text = (n.textContent || '').trim();
        if (!el || !text || el.closest('[translate="no"], .ag-cell, option')) continue;
        out.push(text);
      }
      return out;
    })()`);
    const rulesText = (await rules.allInnerTexts()).join('\n');
    expect(rulesText).toContain('未偿本金余额（“贷款余额（万元）”）：金额单位为万元（按表头），折算为元');
    expect(rulesText).toContain('日利率，折为年利率');
    expect(rulesText).toContain('剔除出资产池的贷款状态：违约、核销、结清、回购');
    // A tape's own headers are quoted (“贷款余额（万元）”); a mapping file's keys (dateFormats.cutoffDate,
    // dailyRateBasis) and date patterns (YMD) are what a user writes, so they stay as written.
    const english = (texts as string[]).flatMap((x) =>
      untranslatedWords(
        x
          .replace(/“[^”]*”/g, '')
          .replace(/[A-Za-z][\w.-]*/g, (w) => (/[.-]|[a-z][A-Z]|^[A-Z]+$/.test(w) ? '' : w)),
      ),
    );
    expect(english).toEqual([]);
  });

  it('maps them in the wizard, saves the mapping with its value map, and imports their rows', async () => {
    await page.getByTestId('code-status-展期').selectOption(CHOICES.status.展期);
    await page.getByTestId('code-repaymentMethod-等本等息').selectOption(CHOICES.repaymentMethod.等本等息);
    await app.screenshot('cn-tape-3-codes-chosen');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-mapping').click(),
    ]);
    expect(download.suggestedFilename()).toBe('sample-tape-cn-platform-gbk.mapping.json');
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const saved = TapeMapping.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    expect(saved.values.status).toEqual(CHOICES.status);
    expect(saved.values.repaymentMethod).toEqual(CHOICES.repaymentMethod);

    await page.getByTestId('apply-codes').click();
    await expect
      .poll(() => pool.counts())
      .toEqual({ accepted: want.after.accepted, rejected: want.after.rejected });
    expect(await page.getByTestId('unknown-codes').count()).toBe(0);
    expect(want.after.rejected).toBe(6);
    await app.screenshot('cn-tape-4-report-mapped');
    await pool.accept();
    expect(await pool.poolCount()).toBe(want.pool.size);
    // Products by their Chinese names, the interest-free instalments among them.
    const products = await pool.gridColumn('strat-product-table', 'label');
    expect(products).toContain('免息分期');
    expect(products.at(-1)).toBe('合计');
    await page.getByTestId('loan-grid').scrollIntoViewIfNeeded();
    await app.screenshot('cn-tape-5-pool-loans');
    await page.getByTestId('strat-product').scrollIntoViewIfNeeded();
    await app.screenshot('cn-tape-5b-pool-strats');
  });

  it("runs the deal on it and shows the engine's WAL for every class", async () => {
    await app.go('structure');
    await page.getByTestId('scale-to-pool').first().click();
    await page.getByTestId('run').click();
    const results = new ResultsPage(page);
    await results.analyticsCell(want.result.tranches[0]!.id, 'wal').waitFor({ timeout: 60_000 });
    for (const t of want.result.tranches) {
      expect(t.wal).toBeTypeOf('number');
      expect(await results.wal(t.id)).toBe(Number((t.wal as number).toFixed(2)));
    }
    expect(await results.reconciled()).toBe(true);
    await app.screenshot('cn-tape-6-results');
    expect(app.errors).toEqual([]);
  });

  it("exports the Chinese report in 万元 and reads it back: Chinese sheets, the engine's balances / 10,000", async () => {
    await page.getByTestId('scale-picker').selectOption('wan');
    await app.go('export');
    const exportPage = new ExportPage(page);
    expect(await exportPage.format()).toContain('报告语言：中文；金额单位：万元');
    const file = await exportPage.exportXlsx();
    const wb = XLSX.read(file.bytes, { type: 'buffer' });
    expect(wb.SheetNames.slice(0, 5)).toEqual(['目录', '概要', '投资者摘要', '假设', '资产池现金流']);
    const ids = want.result.tranches.map((t) => t.id);
    expect(wb.SheetNames).toEqual(expect.arrayContaining(ids.map((id) => `${id}档现金流`)));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['概要']!, { header: 1 });
    for (const t of want.result.tranches) {
      // The Summary holds each class's original balance divided by the unit, unrounded.
      const row = rows.find((r) => r[0] === t.id);
      expect(row, t.id).toContain(t.originalBalance / 1e4);
    }
    await page.getByTestId('scale-picker').selectOption('unit');
    await app.screenshot('cn-tape-7-export');
    expect(app.errors).toEqual([]);
  });
});
