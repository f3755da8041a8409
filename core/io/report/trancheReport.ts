/**
 * The tranche report: one workbook a bank or investor can open and audit. Built in memory with SheetJS and
 * returned as xlsx bytes (no file system here: the CLI, Electron and the browser each save it their own way).
 */
import * as XLSX from 'xlsx';
import type { Deal } from '../../deal/schema';
import type { AmountScale } from '../../i18n/amounts';
import type { Lang } from '../../i18n/lang';
import type { RunResult } from '../../result';
import { assumptionsSheet } from './assumptionsSheet';
import { poolSheet, revolvingSheet, trancheSheet, waterfallSheet } from './cashflowSheets';
import { canFreezePanes, freezeHeaderRows } from './freezePanes';
import { type ReportTable, tableSheet } from './reportTable';
import { reportText } from './reportText';
import type { ReportChart } from './reportChart';
import { reportSheetNames, safeSheetName } from './sheetName';
import type { SheetWriter } from './sheetWriter';
import { type Breakeven, summarySheet } from './summarySheet';

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
function runDate(runAt: string): Date | undefined {
  const d = new Date(runAt);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The report as xlsx bytes: Summary, Assumptions, Pool cash flows, one sheet per tranche, Waterfall, Revolving
 * purchases (when the deal revolves), then the extra tables.
 */
export function buildTrancheReport(input: ReportInput): Uint8Array {
  const { deal, result, extras } = input;
  const text = reportText(input.lang ?? 'en', input.amounts ?? 'unit', result.deal.currency);
  const { t } = text;
  const names = reportSheetNames(result, t);
  const freezable = canFreezePanes();
  const taken = new Set<string>();
  const sheets: { name: string; writer: SheetWriter }[] = [];
  const add = (name: string, writer: SheetWriter): void => {
    sheets.push({ name: safeSheetName(name, taken), writer });
  };

  add(
    names.summary,
    summarySheet(
      deal,
      result,
      {
        breakevens: extras?.breakevens,
        freezeNote: freezable ? undefined : t('report:freezeNote'),
      },
      text,
    ),
  );
  add(names.assumptions, assumptionsSheet(deal, result, text));
  add(names.pool, poolSheet(result, text));
  result.tranches.forEach((tr, i) => add(names.tranches[i] as string, trancheSheet(deal, result, tr, text)));
  add(names.waterfall, waterfallSheet(deal, result, text));
  const revolving = revolvingSheet(result, text);
  if (revolving) add(names.revolving, revolving);
  // Other modules' tables (stress, funding) come with their own names and headers; their money is scaled too,
  // and their title says so.
  for (const table of extras?.tables ?? []) {
    const money = table.columns.some((c) => c.format === 'money');
    add(
      table.sheetName,
      tableSheet(table, text.writer(true), money ? text.titled(table.title, true) : table.title),
    );
  }

  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, s.writer.toSheet(), s.name);
  wb.Props = {
    Title: t('report:props.title', { deal: result.deal.name }),
    Subject: t('report:props.subject', { scenario: result.scenario.name }),
    Author: 'ABS Workbench',
    Comments: t('report:props.comments', { engine: result.engineVersion, runAt: result.runAt }),
    CreatedDate: runDate(result.runAt),
  };
  // Uncompressed first: the package is re-zipped (compressed) once the panes are in, so deflate runs only once.
  const raw = new Uint8Array(
    XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: !freezable }) as ArrayBuffer,
  );
  if (!freezable) return raw;
  return (
    freezeHeaderRows(
      raw,
      sheets.map((s) => s.writer.freezeRows),
    ) ?? raw
  );
}
