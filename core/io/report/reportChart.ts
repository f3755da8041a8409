/**
 * A picture for the report's Summary sheet, already rasterised by the host: the CLI renders ECharts' server-side
 * SVG and rasterises it in Node, the app draws it with ECharts in the page. The report writer only places the
 * bytes, so the workbook stays pure (no canvas, no fonts, no file system).
 */
export type ReportChartId = 'noteBalances' | 'cumulativeLoss' | 'excessSpread';

export interface ReportChart {
  id: ReportChartId;
  /** The chart's title in the report's language (also the picture's alternative text). */
  title: string;
  /** PNG bytes. */
  png: Uint8Array;
  /** Pixel size of the PNG; the writer scales it to the sheet, keeping the aspect ratio. */
  widthPx: number;
  heightPx: number;
}
