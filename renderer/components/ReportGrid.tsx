/**
 * A core ReportTable (the same rows the Excel report writes) shown in the app's DataGrid with the report's
 * formats: every row, virtualised past a few hundred pixels, the first column pinned as the row's label.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { ReportTable } from '../../core/io/report/reportTable';
import { years } from '../format';
import { DataGrid, wrappedText } from './DataGrid';
import { columnWidth, isTextColumn, naturalWidth, reportCellText } from './reportColumns';
import { textMeasure } from './textMeasure';

type Row = ReportTable['rows'][number];

/** The grid's row height (DataGrid's theme), px. */
const ROW_PX = 26;

/** Text wider than this wraps instead of stretching its column across the card. */
const LONG_TEXT_PX = 360;

export function ReportGrid({
  table,
  testId,
  firstWidth,
  maxBodyHeight = 390,
  numberText = years,
  cellText,
  total,
}: {
  table: ReportTable;
  testId?: string;
  /** Width of the pinned label column, px; by default its contents'. */
  firstWidth?: number;
  /** Rows' area cap (px) before the grid scrolls instead of growing. */
  maxBodyHeight?: number;
  /** How a plain 'number' column reads; two decimals unless the screen needs more. */
  numberText?: (n: number) => string;
  /** A column that reads differently from its format (a small rate to three decimals), by column key. */
  cellText?: Partial<Record<string, (v: Row[string]) => string>>;
  /** A total row kept under the rows, in bold. */
  total?: Row;
}) {
  const cols = useMemo<ColDef<Row>[]>(() => {
    const measure = textMeasure();
    const rows = total ? [...table.rows, total] : table.rows;
    return table.columns.map((c, i) => {
      const own = cellText?.[c.key];
      const natural = own
        ? columnWidth(
            c.header,
            rows.slice(0, 200).map((r) => own(r[c.key] ?? null)),
            measure,
          )
        : naturalWidth(c, rows, numberText, measure);
      return {
        field: c.key,
        headerName: c.header,
        headerTooltip: c.header,
        ...(isTextColumn(c)
          ? { tooltipValueGetter: (p: { value?: unknown }) => reportCellText(p.value, c.format) }
          : { type: 'rightAligned' }),
        valueFormatter: (p) =>
          own
            ? own((p.value as Row[string] | undefined) ?? null)
            : reportCellText(p.value, c.format, numberText),
        ...(i === 0
          ? { pinned: 'left' as const, width: firstWidth ?? Math.min(natural, 240) }
          : natural > LONG_TEXT_PX && isTextColumn(c)
            ? // Sentences (a source's terms, a constraint's meaning) wrap inside their row, as in the report.
              { flex: LONG_TEXT_PX, minWidth: 240, ...wrappedText }
            : // Short text may narrow a little (its tooltip has the rest); figures keep their width.
              { flex: natural, minWidth: isTextColumn(c) ? Math.min(natural, 160) : natural }),
      };
    });
  }, [table, firstWidth, numberText, cellText, total]);
  const overflows = (table.rows.length + (total ? 1 : 0)) * ROW_PX > maxBodyHeight;
  const pinnedTotal = useMemo(() => (total ? [total] : undefined), [total]);
  return (
    <DataGrid<Row>
      rowData={table.rows}
      columnDefs={cols}
      {...(pinnedTotal
        ? {
            pinnedBottomRowData: pinnedTotal,
            getRowStyle: (x: { node: { rowPinned?: unknown } }) =>
              x.node.rowPinned ? { fontWeight: 600 } : undefined,
          }
        : {})}
      autoHeight
      maxBodyHeight={maxBodyHeight}
      // Rows past the cap scroll: the grid must keep the scrollbar's room when it shares out the width, or the
      // last column's figures go under the bar (a strat's WA term beside 47 states).
      alwaysShowVerticalScroll={overflows}
      scrollbarWidth={16}
      // Report tables have tens of columns at most: all of them stay in the DOM for tests and find-in-page.
      suppressColumnVirtualisation
      testId={testId}
      csvName={table.sheetName}
    />
  );
}
