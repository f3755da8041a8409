/**
 * A plain table other modules hand to the report (scenario grid, scenario comparison, funding mix) without the
 * report depending on their types: rendered to a sheet with formats, a filter and live totals, or to CSV.
 */
import { neutraliseText } from './cellText';
import { cellAddress, type ColumnFormat, SheetWriter } from './sheetWriter';

export interface ReportColumn {
  key: string;
  header: string;
  format: ColumnFormat;
}

export interface ReportTable {
  sheetName: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, string | number | null>[];
  /** Keys of the columns to total with SUM. */
  totals?: string[];
}

type Cell = ReportTable['rows'][number][string];

/** A column with the way to read its cell from one item, so a table's key, header, format and value sit together. */
export interface ColumnOf<T> extends ReportColumn {
  value: (item: T) => Cell | undefined;
}

/**
 * A table of one row per item. Money cells are rounded to the cent here, once, so every builder reports
 * money as the engine's contract says without rounding each field itself; a missing value is an empty cell.
 */
export function tableOf<T>(
  head: Pick<ReportTable, 'sheetName' | 'title' | 'totals'>,
  columns: readonly ColumnOf<T>[],
  items: Iterable<T>,
): ReportTable {
  const rows: ReportTable['rows'] = [];
  for (const item of items) {
    const row: ReportTable['rows'][number] = {};
    for (const c of columns) {
      const v = c.value(item) ?? null;
      row[c.key] = c.format === 'money' && typeof v === 'number' ? Math.round(v * 100) / 100 : v;
    }
    rows.push(row);
  }
  return {
    ...head,
    columns: columns.map(({ key, header, format }) => ({ key, header, format })),
    rows,
  };
}

export interface TablePlacement {
  headerRow: number;
  firstDataRow: number;
  /** Last data row (equal to headerRow when the table has no rows). */
  lastDataRow: number;
  /** Row of the totals, or null when the table has none. */
  totalsRow: number | null;
  /** First free row below the table. */
  nextRow: number;
}

/**
 * Sum of a column as the engine would report it: money adds in whole cents so the cached total matches a
 * recalculated SUM of cent values exactly, not to within float noise.
 */
export function columnTotal(values: Iterable<unknown>, format: ColumnFormat): number {
  let sum = 0;
  if (format === 'money') {
    for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) sum += Math.round(v * 100);
    return sum / 100;
  }
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  return sum;
}

/** Writes `table`'s header at (`row`, `col`), its rows, then a totals row of live SUM formulas. */
export function writeTable(
  w: SheetWriter,
  table: Pick<ReportTable, 'columns' | 'rows' | 'totals'>,
  row: number,
  col = 0,
): TablePlacement {
  const headerRow = row;
  table.columns.forEach((column, j) => w.text(headerRow, col + j, column.header, true, 'header'));
  let r = headerRow + 1;
  for (const data of table.rows) {
    table.columns.forEach((column, j) => w.value(r, col + j, data[column.key], column.format));
    r++;
  }
  const lastDataRow = r - 1;
  const totals = new Set(table.totals ?? []);
  let totalsRow: number | null = null;
  if (totals.size > 0) {
    totalsRow = r;
    const firstKey = table.columns[0]?.key;
    if (firstKey !== undefined && !totals.has(firstKey)) w.text(totalsRow, col, w.total, true, 'total');
    table.columns.forEach((column, j) => {
      if (!totals.has(column.key)) return;
      const format = column.format === 'text' || column.format === 'date' ? 'number' : column.format;
      const cached = columnTotal(
        table.rows.map((d) => d[column.key]),
        column.format,
      );
      // With no rows a SUM would have to reference its own cell (a circular reference): write the zero itself.
      if (lastDataRow === headerRow) {
        w.number(totalsRow as number, col + j, 0, format, 'total');
        return;
      }
      const range = `${cellAddress(headerRow + 1, col + j)}:${cellAddress(lastDataRow, col + j)}`;
      w.formula(totalsRow as number, col + j, `SUM(${range})`, cached, format, 'total');
    });
    w.styleRow(totalsRow, col, col + table.columns.length - 1, 'total');
    r++;
  }
  return { headerRow, firstDataRow: headerRow + 1, lastDataRow, totalsRow, nextRow: r };
}

/**
 * A table on its own sheet: the title block, a frozen header and an autofilter over header and data. `w` is the
 * writer to fill (the report's language and amount unit), `title` the title to show (the table's own by default),
 * `caption` the title block's line of deal, scenario, run date and unit.
 */
export function tableSheet(
  table: ReportTable,
  w = new SheetWriter(),
  title = table.title,
  caption = '',
): SheetWriter {
  const top = w.titleBlock(title, caption);
  const placed = writeTable(w, table, top);
  w.freezeRows = top + 1;
  if (table.columns.length > 0)
    w.autofilter(placed.headerRow, placed.lastDataRow, 0, table.columns.length - 1);
  return w;
}

function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvValue(v: string | number | null | undefined, format: ColumnFormat): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return csvField(neutraliseText(v));
  if (!Number.isFinite(v)) return 'n/a';
  if (format === 'text') return csvField(neutraliseText(String(v)));
  // Money to the cent, rounded as columnTotal rounds, so the rows add up to the total row; other numbers in full.
  return format === 'money' ? (Math.round(v * 100) / 100).toFixed(2) : String(v);
}

/**
 * RFC 4180 CSV of `table` (CRLF line ends): a header row, the data, and a "Total" row when the table has totals.
 * Numbers are plain (percent as a decimal share, money to the cent); text is neutralised against formula injection.
 */
export function tableToCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvField(neutraliseText(c.header))).join(',')];
  for (const data of table.rows)
    lines.push(table.columns.map((c) => csvValue(data[c.key], c.format)).join(','));
  const totals = new Set(table.totals ?? []);
  if (totals.size > 0) {
    lines.push(
      table.columns
        .map((c, j) => {
          if (totals.has(c.key)) {
            const format = c.format === 'text' || c.format === 'date' ? 'number' : c.format;
            return csvValue(
              columnTotal(
                table.rows.map((d) => d[c.key]),
                c.format,
              ),
              format,
            );
          }
          return j === 0 ? 'Total' : '';
        })
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
