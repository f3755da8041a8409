/**
 * The investor-grade report (issue 14) read back with ExcelJS, as a reader's spreadsheet program sees it: named
 * styles, print setup, navigation (contents links, frozen panes, defined names, comments), the Summary's
 * pictures and the investor summary; then printed to PDF with LibreOffice to count its pages and see that the
 * Summary's first page holds its whole width.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { translator } from '../../../core/i18n';
import { buildTrancheReport, type ReportChart } from '../../../core/io/report';
import { closingEnhancement } from '../../../core/io/report/investorSheet';
import { LEGEND } from '../../../core/io/report/reportStyles';
import { trancheReportSheetNames } from '../../../core/io/report/sheetName';
import { runDeal } from '../../../core/run';
import { DEAL_INPUT, fixtureRun, PERIODS } from './fixture';
import { INSTALL_HINT, popplerAvailable, type Printed, printToPdf, sofficeVersion } from './libreoffice';
import { solidPng } from './png';
import { packageText } from './readBack';

const deal = Deal.parse(DEAL_INPUT);
const result = fixtureRun(deal);
const breakevens = [
  { trancheId: 'A', cdr: 0.35, lossMultiple: 6.2 },
  { trancheId: 'B', cdr: null, lossMultiple: null },
];
const chart = (id: ReportChart['id'], w: number, h: number, rgb: [number, number, number]): ReportChart => ({
  id,
  title: id,
  png: solidPng(w, h, rgb),
  widthPx: w,
  heightPx: h,
});
const charts = [
  chart('noteBalances', 800, 450, [31, 56, 100]),
  chart('cumulativeLoss', 600, 400, [200, 40, 40]),
  chart('excessSpread', 400, 300, [40, 160, 60]),
];
const bytes = await buildTrancheReport({ deal, result, charts, extras: { breakevens } });
const zhBytes = await buildTrancheReport({ deal, result, charts, extras: { breakevens }, lang: 'zh-CN' });

async function load(b: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
  return wb;
}

let wb: ExcelJS.Workbook;
let zh: ExcelJS.Workbook;
beforeAll(async () => {
  wb = await load(bytes);
  zh = await load(zhBytes);
});

const ws = (name: string, book = wb): ExcelJS.Worksheet => {
  const s = book.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
/** Row (1-based) of the first cell of column A reading `text`. */
function rowOf(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === text) return r;
  throw new Error(`'${text}' not in column A of ${sheet.name}`);
}
const MONEY = '#,##0.00;[Red](#,##0.00)';

describe('the styled report read back with ExcelJS', () => {
  it('opens on a Contents sheet that links to every other sheet', () => {
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(trancheReportSheetNames(result));
    expect(names[0]).toBe('Contents');
    const contents = ws('Contents');
    const links: string[] = [];
    contents.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === 'object' && v.formula?.startsWith('HYPERLINK(')) {
          expect(v.formula).toBe(`HYPERLINK("#'${String(v.result)}'!A1","${String(v.result)}")`);
          links.push(String(v.result));
        }
      }),
    );
    expect(links).toEqual(names.slice(1));
  });

  it('gives every sheet the title block: title, then deal, scenario, run date and unit', () => {
    // The fixture ran at 2026-11-25T09:00:00.000Z: the caption states it to the minute, in UTC.
    for (const sheet of wb.worksheets) {
      expect(sheet.getCell('A1').font?.bold, sheet.name).toBe(true);
      expect(sheet.getCell('A1').font?.size, sheet.name).toBe(14);
      const caption = String(sheet.getCell('A2').value);
      for (const part of [deal.name, result.scenario.name, 'run 25 Nov 2026 09:00 UTC', 'CNY'])
        expect(caption, sheet.name).toContain(part);
    }
  });

  it('styles headers, totals, money, negatives, formulas and inputs with the shared named styles', () => {
    const pool = ws('Pool cash flows');
    const header = pool.getCell('A3');
    expect(header.value).toBe('Period');
    expect(header.font?.bold).toBe(true);
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LEGEND.headerFill);
    // Money: thousands separators, two decimals, negatives red in parentheses; rates red with a minus.
    expect(pool.getCell('C4').numFmt).toBe(MONEY);
    expect(pool.getCell('M4').numFmt).toBe('0.00%;[Red]-0.00%');
    expect(pool.getCell('B4').numFmt).toBe('yyyy-mm-dd');
    const total = pool.getCell(4 + PERIODS, 9);
    expect(total.value).toEqual({ formula: 'SUM(I4:I7)', result: 31_400.99 });
    expect(total.font?.bold).toBe(true);
    expect(total.border?.top?.style).toBe('thin');
    expect(total.border?.bottom?.style).toBe('double');
    // A live formula in the body (the waterfall's reconciliation) is shaded; an engine value is not.
    const wf = ws('Waterfall');
    const diffCol = (wf.getRow(3).values as unknown[]).indexOf('Sources − uses − change in reserve');
    expect((wf.getCell(4, diffCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LEGEND.formulaFill);
    expect((wf.getCell(4, 3).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    // Inputs as entered are blue.
    const assumptions = ws('Assumptions');
    expect(assumptions.getCell(rowOf(assumptions, 'Scenario'), 2).font?.color?.argb).toBe(LEGEND.input);
  });

  it('prints landscape, one page wide, with repeated titles, header and footer, and a print area', () => {
    for (const sheet of wb.worksheets) {
      if (sheet.name === 'Investor summary') continue;
      const p = sheet.pageSetup;
      expect(p.orientation, sheet.name).toBe('landscape');
      expect(p.fitToPage, sheet.name).toBe(true);
      expect(p.fitToWidth, sheet.name).toBe(1);
      expect(p.fitToHeight, sheet.name).toBe(0);
      expect(p.printArea, sheet.name).toMatch(/^A1:[A-Z]+\d+$/);
      const frozen = sheet.views[0]?.state === 'frozen' ? (sheet.views[0] as { ySplit: number }).ySplit : 2;
      expect(p.printTitlesRow, sheet.name).toBe(`1:${frozen}`);
      expect(sheet.headerFooter.oddHeader).toContain(deal.name);
      expect(sheet.headerFooter.oddHeader).toContain(`Scenario ${result.scenario.name}`);
      expect(sheet.headerFooter.oddHeader).toContain('Run 25 Nov 2026 09:00 UTC');
      expect(sheet.headerFooter.oddHeader).not.toContain(result.runAt);
      expect(sheet.headerFooter.oddFooter).toContain(sheet.name);
      expect(sheet.headerFooter.oddFooter).toContain('Page &P of &N');
    }
    // Title block, header, periods, totals, a blank row and the footing note.
    expect(ws('Pool cash flows').pageSetup.printArea).toBe(`A1:O${6 + PERIODS}`);
    expect(ws('Pool cash flows').pageSetup.printTitlesRow).toBe('1:3');
    expect(ws('概要', zh).headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
  });

  it('freezes the header rows of the period sheets and names the key figures', () => {
    expect(ws('Tranche A').views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const summary = ws('Summary');
    const at = (name: string): ExcelJS.Cell => {
      const [range] = wb.definedNames.getRanges(name).ranges;
      const m = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+)$/.exec(range ?? '');
      if (!m) throw new Error(`name ${name}: ${String(range)}`);
      return ws(m[1] as string).getCell(`${m[2]}${m[3]}`);
    };
    const a = result.tranches[0];
    expect(at('Class_A_WAL').value).toBe(a?.wal);
    expect(at('Class_A_Yield').value).toBe(a?.yield);
    expect(at('Class_A_Loss').value).toBe(a?.principalLoss);
    expect(at('Class_B_Loss').value).toBe(result.tranches[1]?.principalLoss);
    // Class B never pays principal: no WAL, so no name that a formula would read as a number.
    expect(wb.definedNames.getRanges('Class_B_WAL').ranges).toEqual([]);
    expect(at('Pool_CNL_Pct').value).toBe(result.pool.periods.at(-1)?.cumulativeNetLossPct);
    expect(at('Pool_CNL').worksheet.name).toBe(summary.name);
  });

  it('says in comments how the summary figures are computed, in the report’s language', () => {
    const en = translator('en');
    const cn = translator('zh-CN');
    const header = (book: ExcelJS.Workbook, name: string, text: string): ExcelJS.Cell => {
      const s = ws(name, book);
      for (let r = 1; r <= s.rowCount; r++)
        for (let c = 1; c <= s.columnCount; c++) if (s.getCell(r, c).value === text) return s.getCell(r, c);
      throw new Error(`${text} not found`);
    };
    expect(header(wb, 'Summary', 'WAL (years)').note).toBe(en('report:styled.notes.wal'));
    expect(header(zh, '概要', '加权平均期限（年）').note).toBe(cn('report:styled.notes.wal'));
    expect(header(wb, 'Summary', 'Cumulative net loss, % of initial pool').note).toBe(
      en('report:styled.notes.cumulativeNetLossPct'),
    );
  });

  it('places the charts on the Summary below its tables, scaled keeping their aspect, inside the print area', () => {
    const summary = ws('Summary');
    const images = summary.getImages();
    expect(images).toHaveLength(3);
    const lastTableRow = rowOf(summary, 'Periods that did not reconcile');
    const [, areaEnd] = (summary.pageSetup.printArea ?? '').split(':');
    const areaRows = Number(/\d+$/.exec(areaEnd ?? '')?.[0]);
    images.forEach((img, i) => {
      const want = charts[i] as ReportChart;
      const media = wb.getImage(Number(img.imageId));
      expect(media.extension).toBe('png');
      expect(new Uint8Array(media.buffer as ArrayBuffer)).toEqual(want.png);
      const ext = (img.range as unknown as { ext: { width: number; height: number } }).ext;
      expect(ext.width).toBeLessThanOrEqual(520);
      expect(Math.abs(ext.height - (want.heightPx * ext.width) / want.widthPx)).toBeLessThanOrEqual(1);
      // Below the tables (ExcelJS anchors are zero-based rows), within the rows printed.
      expect(img.range.tl.nativeRow).toBeGreaterThanOrEqual(lastTableRow);
      expect(img.range.tl.nativeRow + Math.ceil(ext.height / 20)).toBeLessThanOrEqual(areaRows);
      // Its title above it (ExcelJS writes no alternative text).
      expect(summary.getCell(img.range.tl.nativeRow, img.range.tl.nativeCol + 1).value).toBe(want.title);
    });
  });
});

describe('the investor summary', () => {
  it('gives each class a term-sheet block with its credit enhancement at closing, a page each', () => {
    const inv = ws('Investor summary');
    expect(inv.pageSetup.orientation).toBe('portrait');
    expect(inv.pageSetup.fitToPage).toBe(false);
    const value = (from: number, label: string): ExcelJS.CellValue => {
      for (let r = from; r <= inv.rowCount; r++)
        if (inv.getCell(r, 1).value === label) return inv.getCell(r, 2).value;
      throw new Error(`${label} not found`);
    };
    const a = rowOf(inv, 'Class A: Senior');
    const b = rowOf(inv, 'Class B');
    // Fixture: pool 1,000,000; A 800,000 senior, B 200,000 subordinated, notes = pool; reserve 10,000.
    // A: B's 200,000 below it = 20%, no OC, reserve 1%: 21%, as the engine's (pool + reserve − A) / pool.
    expect(value(a, 'Class size')).toBe(800_000);
    expect(value(a, 'Subordination')).toBe(0.2);
    expect(value(a, 'Overcollateralisation')).toBe(0);
    expect(value(a, 'Reserve account')).toBe(0.01);
    const total = (from: number): number =>
      (value(from, 'Total credit enhancement') as { result: number }).result;
    expect(total(a)).toBeCloseTo(0.21, 12);
    expect((value(a, 'Total credit enhancement') as { formula: string }).formula).toMatch(
      /^SUM\(B\d+:B\d+\)$/,
    );
    expect(value(a, 'Break-even CDR')).toBe(0.35);
    expect(value(a, 'Break-even loss multiple')).toBe(6.2);
    expect(value(a, 'Rating')).toBe('AAA');
    expect(value(b, 'Subordination')).toBe(0);
    expect(total(b)).toBeCloseTo(0.01, 12);
    expect(value(b, 'Break-even CDR')).toBe('not found');
    // One manual break, after class A's block: each class prints on its own page.
    const xml = packageText(bytes, 'xl/worksheets/sheet3.xml');
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toBeGreaterThan(a);
    expect(breaks[0]).toBeLessThan(b);
  });

  it('splits credit enhancement into subordination, overcollateralisation and reserve', () => {
    // Pool 1,250,000 against 1,000,000 of notes: OC 250,000 / 1,250,000 = 20% for every class; A has B's 200,000
    // below it (16%), the reserve is 10,000 (0.8%). Total for A: (1,250,000 + 10,000 − 800,000) / 1,250,000.
    const bigger = { ...result, pool: { ...result.pool, initialBalance: 1_250_000 } };
    const [a, b] = closingEnhancement(deal, bigger);
    expect(a).toEqual({ subordination: 0.16, overcollateralisation: 0.2, reserve: 0.008 });
    expect(b).toEqual({ subordination: 0, overcollateralisation: 0.2, reserve: 0.008 });
    expect((a?.subordination ?? 0) + (a?.overcollateralisation ?? 0) + (a?.reserve ?? 0)).toBeCloseTo(
      (1_250_000 + 10_000 - 800_000) / 1_250_000,
      12,
    );
  });
});

const version = sofficeVersion();
const poppler = popplerAvailable();
if (!version || !poppler)
  console.log(
    `Printed-report checks skipped: needs soffice (${INSTALL_HINT}) and pdftotext (poppler-utils).`,
  );

describe.skipIf(!version || !poppler)('the report printed to PDF by LibreOffice', () => {
  const sample = Deal.parse(
    JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')),
  );
  // A Chinese treasury describes its deal in Chinese: no spaces to wrap at, and each character two columns wide.
  const described = {
    ...sample,
    description:
      '循环购买结构的消费分期资产支持证券，基础资产为电商平台发放的免息分期及等额本息消费贷款。'.repeat(8) +
      '清仓回购比例为百分之十，触发事件后转为顺序偿付，本期说明到此结束。',
  };
  let printed: Map<string, Printed>;
  beforeAll(async () => {
    if (sample.pool.kind !== 'repLines') throw new Error('the sample has rep lines');
    const run = runDeal(
      sample,
      { kind: 'repLines', lines: sample.pool.lines },
      { scenario: sample.scenarios[0]!.name, analytics: true },
    );
    printed = printToPdf(
      {
        fixture: bytes,
        'fixture-zh': zhBytes,
        sample: await buildTrancheReport({ deal: sample, result: run }),
        'sample-zh': await buildTrancheReport({
          deal: described,
          result: run,
          lang: 'zh-CN',
          amounts: 'wan',
        }),
      },
      process.env.ABS_REPORT_PAGES_DIR,
    );
  }, 300_000);

  it('prints a one-deal report to a few pages, not dozens', () => {
    // Contents, Summary, a page per class, Assumptions, Pool, a page per tranche sheet, Waterfall.
    expect(printed.get('fixture')?.pages).toBeGreaterThanOrEqual(9);
    expect(printed.get('fixture')?.pages).toBeLessThanOrEqual(12);
    for (const name of ['sample', 'sample-zh'])
      expect(printed.get(name)?.pages, name).toBeLessThanOrEqual(20);
  });

  it('holds the whole Summary width on its first page, from the class column to the last break-even', () => {
    const page = printed.get('fixture')?.page(2) ?? '';
    expect(page).toContain('Tranche report: ');
    expect(page).toContain('Class');
    // The last column (break-even loss multiple) of class A and its neighbour, on the same page.
    expect(page).toMatch(/35\.00%\s+6\.2000/);
    expect(page).toContain('Page 2 of');
    expect(printed.get('fixture-zh')?.page(2)).toMatch(/35\.00%\s+6\.2000/);
  });

  it('wraps the deal description within the Summary’s printed width, its last words on its first page', () => {
    // Text past the print area is cut at the page's edge: the whole description on the page means it fits the
    // width. Compared without white space, which the wrapping adds.
    const squeeze = (text: string): string => text.replace(/\s+/g, '');
    for (const [name, deal] of [
      ['sample', sample],
      ['sample-zh', described],
    ] as const) {
      const page = printed.get(name)?.page(2) ?? '';
      expect(page, name).toContain(name === 'sample' ? '5.0x or more).' : '本期说明到此结束。');
      expect(squeeze(page), name).toContain(squeeze(deal.description ?? ''));
      // And the figures below it still follow on the same page.
      expect(page, name).toMatch(name === 'sample' ? /Initial balance/ : /初始资产池余额/);
    }
  });

  it('prints each class’s investor summary on a page of its own', () => {
    const fixture = printed.get('fixture') as Printed;
    expect(fixture.page(3)).toContain('Class A: Senior');
    expect(fixture.page(3)).toContain('Total credit enhancement');
    expect(fixture.page(3)).not.toContain('Class B');
    expect(fixture.page(4)).toContain('Class B');
    expect(fixture.page(4)).toContain('Total credit enhancement');
  });
});
