/**
 * The tranche report: one workbook a bank or investor can open and audit. Built in memory with SheetJS and
 * returned as xlsx bytes (no file system here: the CLI, Electron and the browser each save it their own way).
 */
import * as XLSX from 'xlsx';
import type { Deal } from '../../deal/schema';
import type { RunResult } from '../../result';
import { assumptionsSheet } from './assumptionsSheet';
import { poolSheet, revolvingSheet, trancheSheet, waterfallSheet } from './cashflowSheets';
import { canFreezePanes, freezeHeaderRows } from './freezePanes';
import { type ReportTable, tableSheet } from './reportTable';
import { safeSheetName } from './sheetName';
import type { SheetWriter } from './sheetWriter';
import { type Breakeven, summarySheet } from './summarySheet';

export interface ReportInput {
  deal: Deal;
  result: RunResult;
  /** Optional sheets when those were run (scenario grid, scenario comparison, funding), as plain table data. */
  extras?: { breakevens?: Breakeven[]; tables?: ReportTable[] };
}

const FREEZE_NOTE =
  'Header rows are not frozen: this build of SheetJS cannot write frozen panes (use View > Freeze Panes).';

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
  const freezable = canFreezePanes();
  const taken = new Set<string>();
  const sheets: { name: string; writer: SheetWriter }[] = [];
  const add = (name: string, writer: SheetWriter): void => {
    sheets.push({ name: safeSheetName(name, taken), writer });
  };

  add(
    'Summary',
    summarySheet(deal, result, {
      breakevens: extras?.breakevens,
      freezeNote: freezable ? undefined : FREEZE_NOTE,
    }),
  );
  add('Assumptions', assumptionsSheet(deal, result));
  add('Pool cash flows', poolSheet(result));
  for (const t of result.tranches) add(`Tranche ${t.id}`, trancheSheet(deal, result, t));
  add('Waterfall', waterfallSheet(deal, result));
  const revolving = revolvingSheet(result);
  if (revolving) add('Revolving purchases', revolving);
  for (const table of extras?.tables ?? []) add(table.sheetName, tableSheet(table));

  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, s.writer.toSheet(), s.name);
  wb.Props = {
    Title: `${result.deal.name}: tranche report`,
    Subject: `Scenario ${result.scenario.name}`,
    Author: 'ABS Workbench',
    Comments: `Engine ${result.engineVersion}, run at ${result.runAt}`,
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
