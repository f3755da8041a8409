/**
 * The tranche report: one workbook a bank or investor can open, audit and print. The sheets are built as plain
 * data (SheetWriter) and written, styled, with ExcelJS as xlsx bytes (no file system here: the CLI, Electron and
 * the browser each save it their own way).
 */
import type { Deal } from '../../deal/schema';
import type { AmountScale } from '../../i18n/amounts';
import type { Lang } from '../../i18n/lang';
import type { RunResult } from '../../result';
import { assumptionsSheet } from './assumptionsSheet';
import { poolSheet, revolvingSheet, trancheSheet, waterfallSheet } from './cashflowSheets';
import { type ContentsEntry, contentsSheet } from './contentsSheet';
import { investorSheet } from './investorSheet';
import { type ReportTable, tableSheet } from './reportTable';
import { reportText } from './reportText';
import type { ReportChart } from './reportChart';
import { reportSheetNames, safeSheetName } from './sheetName';
import type { SheetWriter } from './sheetWriter';
import { type Breakeven, summarySheet } from './summarySheet';
import { writeWorkbook } from './workbookWriter';

export interface ReportInput {
  deal: Deal;
  result: RunResult;
  /** Optional sheets when those were run (scenario grid, scenario comparison, funding), as plain table data. */
  extras?: { breakevens?: Breakeven[]; tables?: ReportTable[] };
  /** The report's language (sheet names, titles, headers, notes); English by default. */
  lang?: Lang;
  /**
   * The unit amounts are shown in (万元, CNY millions); units by default. The Waterfall sheet stays in units
   * whatever this says: it reconciles each period to the cent.
   */
  amounts?: AmountScale;
  /** Pictures for the Summary sheet (note-balance run-off, cumulative loss, excess spread), rasterised by the host. */
  charts?: readonly ReportChart[];
}

/** A valid date for the workbook's properties, or undefined so none is written rather than an invalid one. */
function validDate(runAt: string): Date | undefined {
  const d = new Date(runAt);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Widest a chart is shown, in pixels: three side by side stay within a landscape page fitted to the tables. */
const CHART_WIDTH_PX = 520;
const PX_PER_CHAR = 7;
const PX_PER_ROW = 20;

/**
 * Places the charts on the Summary below its tables, side by side while they fit the width the tables take (at
 * least two across), scaled to a common width keeping each one's aspect ratio.
 */
export function placeCharts(w: SheetWriter, charts: readonly ReportChart[]): void {
  const widths = w.columnWidths();
  const columnLeft: number[] = [0];
  for (const width of widths) columnLeft.push((columnLeft.at(-1) ?? 0) + width * PX_PER_CHAR);
  const available = Math.max(columnLeft.at(-1) ?? 0, 2 * CHART_WIDTH_PX);
  /** The first column starting at or right of `x` pixels (columns past the tables are 9 characters wide). */
  const columnAt = (x: number): number => {
    const i = columnLeft.findIndex((left) => left >= x);
    if (i >= 0) return i;
    const end = columnLeft.at(-1) ?? 0;
    return widths.length + Math.ceil((x - end) / (9 * PX_PER_CHAR));
  };
  const leftOf = (c: number): number =>
    columnLeft[c] ?? (columnLeft.at(-1) ?? 0) + (c - widths.length) * 9 * PX_PER_CHAR;
  let row = w.extent.lastRow + 2;
  let x = 0;
  let lineHeight = 0;
  for (const chart of charts) {
    if (chart.widthPx <= 0 || chart.heightPx <= 0) continue;
    const width = Math.min(CHART_WIDTH_PX, chart.widthPx);
    const height = Math.round((chart.heightPx * width) / chart.widthPx);
    if (x > 0 && x + width > available) {
      row += Math.ceil(lineHeight / PX_PER_ROW) + 2;
      x = 0;
      lineHeight = 0;
    }
    const col = columnAt(x);
    // ExcelJS writes no alternative text for a picture: its title goes in the cell above it instead.
    w.text(row, col, chart.title, false, 'caption');
    w.pictures.push({ png: chart.png, title: chart.title, row: row + 1, col, width, height });
    x = leftOf(col) + width + PX_PER_CHAR * 2;
    lineHeight = Math.max(lineHeight, height);
  }
}

/**
 * The report as xlsx bytes: Contents, Summary, Investor summary, Assumptions, Pool cash flows, one sheet per
 * tranche, Waterfall, Revolving purchases (when the deal revolves), then the extra tables.
 */
export async function buildTrancheReport(input: ReportInput): Promise<Uint8Array> {
  const { deal, result, extras } = input;
  const text = reportText(input.lang ?? 'en', input.amounts ?? 'unit', result.deal.currency, {
    deal: result.deal.name,
    scenario: result.scenario.name,
    runAt: result.runAt,
  });
  const { t } = text;
  const names = reportSheetNames(result, t);
  const taken = new Set<string>();
  const sheets: { name: string; writer: SheetWriter; holds: string }[] = [];
  const add = (name: string, writer: SheetWriter, holds: string): void => {
    sheets.push({ name: safeSheetName(name, taken), writer, holds });
  };
  // Contents first: named now so no other sheet takes its name; filled once every sheet is named.
  const contentsName = safeSheetName(names.contents, taken);

  const summary = summarySheet(deal, result, { breakevens: extras?.breakevens }, text);
  if (input.charts && input.charts.length > 0) placeCharts(summary, input.charts);
  add(names.summary, summary, t('report:styled.holds.summary'));
  add(
    names.investor,
    investorSheet(deal, result, extras?.breakevens, text),
    t('report:styled.holds.investor'),
  );
  add(names.assumptions, assumptionsSheet(deal, result, text), t('report:styled.holds.assumptions'));
  add(names.pool, poolSheet(result, text), t('report:styled.holds.pool'));
  result.tranches.forEach((tr, i) =>
    add(
      names.tranches[i] as string,
      trancheSheet(deal, result, tr, text),
      t('report:styled.holds.tranche', { id: tr.id }),
    ),
  );
  add(names.waterfall, waterfallSheet(deal, result, text), t('report:styled.holds.waterfall'));
  const revolving = revolvingSheet(result, text);
  if (revolving) add(names.revolving, revolving, t('report:styled.holds.revolving'));
  // Other modules' tables (stress, funding) come with their own names and headers; their money is scaled too,
  // and their title says so.
  for (const table of extras?.tables ?? []) {
    const money = table.columns.some((c) => c.format === 'money');
    add(
      table.sheetName,
      tableSheet(
        table,
        text.writer(true),
        money ? text.titled(table.title, true) : table.title,
        text.caption(money),
      ),
      table.title,
    );
  }
  const entries: ContentsEntry[] = sheets.map((s) => ({ sheet: s.name, holds: s.holds }));

  const runDate = validDate(result.runAt);
  return writeWorkbook(
    [{ name: contentsName, writer: contentsSheet(entries, text) }, ...sheets],
    {
      deal: result.deal.name,
      scenario: t('report:styled.headerScenario', { scenario: result.scenario.name }),
      runDate: t('report:styled.headerRunAt', { runAt: text.runDate(result.runAt) }),
      pageOf: t('report:styled.pageOf'),
    },
    {
      title: t('report:props.title', { deal: result.deal.name }),
      subject: t('report:props.subject', { scenario: result.scenario.name }),
      description: t('report:props.comments', {
        engine: result.engineVersion,
        runAt: text.runDate(result.runAt),
      }),
      created: runDate,
    },
  );
}
