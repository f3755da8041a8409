/**
 * The table shape the Excel report (core/io/report) accepts as extra sheets. Declared here structurally so
 * scenario code does not depend on the report module; it is the same shape, so values pass straight through.
 */
export interface ReportTable {
  sheetName: string;
  title: string;
  columns: {
    key: string;
    header: string;
    format: 'money' | 'percent' | 'number' | 'date' | 'text' | 'integer';
  }[];
  rows: Record<string, string | number | null>[];
  /** Keys to total with SUM. */
  totals?: string[];
}
