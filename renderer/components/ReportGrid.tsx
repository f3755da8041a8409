/**
 * A core ReportTable (the same rows the Excel report writes) shown in the app's DataGrid with the report's
 * formats: every row, virtualised past a few hundred pixels, the first column pinned as the row's label.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { ReportColumn, ReportTable } from '../../core/io/report/reportTable';
import { integer, money, pct, years } from '../format';
import { DataGrid } from './DataGrid';

type Row = ReportTable['rows'][number];

/** Dates and text read left to right; every figure is right-aligned. */
function isText(c: ReportColumn): boolean {
  return c.format === 'text' || c.format === 'date';
}

export function reportCellText(
  v: unknown,
  format: ReportColumn['format'],
  numberText: (n: number) => string = years,
): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  const n = Number(v);
  switch (format) {
    case 'percent':
      return pct(n);
    case 'money':
      return money(n);
    case 'integer':
      return integer(n);
    case 'number':
      return numberText(n);
    default:
      return String(v);
  }
}

/** Rows looked at when sizing a column; later rows of long monthly tables look like the first ones. */
const SAMPLE_ROWS = 200;
/** Cell padding both sides plus the header's resize handle. */
const PADDING_PX = 20;

/**
 * Width of a text at the grid's 12px font, measured on a canvas so columns can be sized before they render;
 * a per-character guess where there is no canvas.
 */
function textMeasure(): (text: string, bold: boolean) => number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return (text, bold) => text.length * (bold ? 7.4 : 6.8);
  const family = getComputedStyle(document.body).fontFamily;
  return (text, bold) => {
    ctx.font = `${bold ? 600 : 400} 12px ${family}`;
    return ctx.measureText(text).width;
  };
}

/**
 * A column's natural width: its widest cell or its header's longest word (headers wrap at spaces), whichever
 * is wider. Columns then share the card in proportion to it, so long text gets the room and figures never clip.
 */
function naturalWidth(
  c: ReportColumn,
  rows: readonly Row[],
  numberText: (n: number) => string,
  measure: (text: string, bold: boolean) => number,
): number {
  let px = Math.max(...c.header.split(/\s+/).map((w) => measure(w, true)));
  const n = Math.min(rows.length, SAMPLE_ROWS);
  for (let i = 0; i < n; i++)
    px = Math.max(px, measure(reportCellText(rows[i]![c.key], c.format, numberText), false));
  return Math.ceil(px + PADDING_PX);
}

export function ReportGrid({
  table,
  testId,
  firstWidth,
  maxBodyHeight = 390,
  numberText = years,
}: {
  table: ReportTable;
  testId?: string;
  /** Width of the pinned label column, px; by default its contents'. */
  firstWidth?: number;
  /** Rows' area cap (px) before the grid scrolls instead of growing. */
  maxBodyHeight?: number;
  /** How a plain 'number' column reads; two decimals unless the screen needs more. */
  numberText?: (n: number) => string;
}) {
  const cols = useMemo<ColDef<Row>[]>(() => {
    const measure = textMeasure();
    return table.columns.map((c, i) => {
      const natural = naturalWidth(c, table.rows, numberText, measure);
      return {
        field: c.key,
        headerName: c.header,
        headerTooltip: c.header,
        ...(isText(c)
          ? { tooltipValueGetter: (p: { value?: unknown }) => reportCellText(p.value, c.format) }
          : { type: 'rightAligned' }),
        valueFormatter: (p) => reportCellText(p.value, c.format, numberText),
        ...(i === 0
          ? { pinned: 'left' as const, width: firstWidth ?? Math.min(natural, 240) }
          : // Long text may narrow to a readable minimum (its tooltip has the rest); figures keep their width.
            { flex: natural, minWidth: isText(c) ? Math.min(natural, 160) : natural }),
      };
    });
  }, [table, firstWidth, numberText]);
  return (
    <DataGrid<Row>
      rowData={table.rows}
      columnDefs={cols}
      autoHeight
      maxBodyHeight={maxBodyHeight}
      testId={testId}
      csvName={table.sheetName}
    />
  );
}
