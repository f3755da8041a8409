/** The Excel tranche report and CSV export: pure (no file system), so the CLI, Electron and the browser share it. */
export { buildTrancheReport, type ReportInput } from './trancheReport';
export { tableToCsv, type ReportTable, type ReportColumn } from './reportTable';
export { safeSheetName } from './sheetName';
export { neutraliseText, isFormulaLike } from './cellText';
export type { Breakeven } from './summarySheet';
export type { ReportChart, ReportChartId } from './reportChart';
