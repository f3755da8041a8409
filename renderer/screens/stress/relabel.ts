/**
 * A report table (core/scenario: English headers, as the workbook writes them) with the screen's headers in the
 * user's language, looked up by column key. A column the catalog does not know keeps the report's header.
 */
import type { ReportTable } from '../../../core/io/report/reportTable';

export function relabel(table: ReportTable, header: (key: string, fallback: string) => string): ReportTable {
  return { ...table, columns: table.columns.map((c) => ({ ...c, header: header(c.key, c.header) })) };
}
