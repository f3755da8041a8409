/** AG Grid set up once for the app: community modules, a dense theme, numeric columns right-aligned. */
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useContext, useRef } from 'react';
import { AppContext } from '../AppContext';
import { csvCell, money, pct } from '../format';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 12,
  headerFontSize: 12,
  rowHeight: 26,
  headerHeight: 30,
  spacing: 5,
  accentColor: '#1d4f91',
  headerBackgroundColor: '#eef1f5',
  headerFontWeight: 600,
  borderColor: '#d9dee6',
  wrapperBorderRadius: 4,
  oddRowBackgroundColor: '#fafbfc',
  cellHorizontalPadding: 8,
});

export function moneyCol<T>(field: string, headerName: string, extra: Partial<ColDef<T>> = {}): ColDef<T> {
  return {
    field: field as ColDef<T>['field'],
    headerName,
    type: 'rightAligned',
    valueFormatter: (p) => money(p.value as number),
    width: 130,
    ...extra,
  };
}

export function pctCol<T>(field: string, headerName: string, extra: Partial<ColDef<T>> = {}): ColDef<T> {
  return {
    field: field as ColDef<T>['field'],
    headerName,
    type: 'rightAligned',
    valueFormatter: (p) => pct(p.value as number),
    width: 100,
    ...extra,
  };
}

export interface DataGridProps<T> extends GridOptions<T> {
  height?: number | string;
  testId?: string;
  /** File name (without .csv) the table exports to; every table can be exported. */
  csvName?: string;
}

export function DataGrid<T>({ height = 320, testId, csvName, ...options }: DataGridProps<T>) {
  const app = useContext(AppContext);
  const grid = useRef<AgGridReact<T>>(null);
  const exportCsv = () => {
    const csv = grid.current?.api.getDataAsCsv({ processCellCallback: (p) => csvCell(p.value) });
    if (csv === undefined || app === null) return;
    const name = `${csvName ?? testId ?? 'table'}.csv`;
    void app.host.exportFile(name, new TextEncoder().encode(csv), 'text/csv');
  };
  return (
    <div className="grid-host" style={{ height }} data-testid={testId}>
      {app && options.rowModelType !== 'infinite' ? (
        <button type="button" className="grid-csv" title="Export this table as CSV" onClick={exportCsv}>
          CSV
        </button>
      ) : null}
      <AgGridReact<T>
        ref={grid}
        theme={gridTheme}
        suppressCellFocus={false}
        animateRows={false}
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
        {...options}
      />
    </div>
  );
}
