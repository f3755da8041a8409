/**
 * The month-by-month tables of the Surveillance screen: every month in view up to two years of reports, then the
 * grid scrolls; long headers (a column group over its columns) wrap instead of ending in an ellipsis.
 */
import type { ColDef } from 'ag-grid-community';

export const WRAPPED_HEADERS: ColDef = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** Rows of 26 px under a two-row header and a horizontal scrollbar. */
export const monthsHeight = (rows: number): number => Math.min(24, rows) * 26 + 88;
