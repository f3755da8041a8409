/** AG Grid set up once for the app: community modules, a dense theme, numeric columns right-aligned. */
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridOptions,
  type Theme,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { AgGridReact } from 'ag-grid-react';
import { useContext, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AppContext } from '../AppContext';
import { useDisplay } from '../i18n/DisplayContext';
import { csvCell, money, pct } from '../format';

ModuleRegistry.registerModules([AllCommunityModule]);

const ROW_HEIGHT = 26;

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 12,
  headerFontSize: 12,
  rowHeight: ROW_HEIGHT,
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

/** A column of sentences: each wraps inside its row, which grows to fit, rather than ending in an ellipsis. */
export const wrappedText = {
  wrapText: true,
  autoHeight: true,
  cellStyle: { lineHeight: '17px', paddingTop: '4px', paddingBottom: '4px' },
} satisfies Partial<ColDef>;

/**
 * The theme of a grid that grows with its rows. AG Grid keeps a 150px body even for two rows (grey space
 * under a short table); one row is floor enough here. Past the cap the body scrolls with rows virtualised.
 * These are summary tables that should fit their card as the HTML tables did, so cells are padded as tightly.
 * Cached per cap: each theme object injects its own CSS.
 */
const fitThemes = new Map<number, Theme>();
function fitTheme(maxBodyHeight: number | undefined): Theme {
  const key = maxBodyHeight ?? 0;
  let theme = fitThemes.get(key);
  if (!theme) {
    theme = gridTheme.withParams({
      autoHeightMinBodyHeight: ROW_HEIGHT,
      cellHorizontalPadding: 6,
      ...(maxBodyHeight === undefined ? {} : { autoHeightMaxBodyHeight: maxBodyHeight }),
    });
    fitThemes.set(key, theme);
  }
  return theme;
}

export interface DataGridProps<T> extends GridOptions<T> {
  height?: number | string;
  /**
   * Height follows the rows (AG Grid's autoHeight layout) instead of `height`, so a short table ends at its last
   * row; headers wrap. For summary tables that fit their card.
   */
  autoHeight?: boolean;
  /** With autoHeight: the rows' area stops growing here (px) and scrolls, virtualised, so long tables stay usable. */
  maxBodyHeight?: number;
  testId?: string;
  /** File name (without .csv) the table exports to; every table can be exported. */
  csvName?: string;
  /** The screen exports the same rows with its own button (the rejected rows): no second CSV button here. */
  hideCsv?: boolean;
}

export function DataGrid<T>({
  height = 320,
  autoHeight = false,
  maxBodyHeight,
  testId,
  csvName,
  hideCsv,
  ...options
}: DataGridProps<T>) {
  const app = useContext(AppContext);
  const { t } = useTranslation('components');
  // The grid is mounted again when the language or the amount scale changes: AG Grid reads its own texts
  // (localeText) only at start, and formats a cell again only when its row or column changes.
  const { lang, scale } = useDisplay();
  const grid = useRef<AgGridReact<T>>(null);
  const exportCsv = () => {
    const csv = grid.current?.api.getDataAsCsv({ processCellCallback: (p) => csvCell(p.value) });
    if (csv === undefined || app === null) return;
    const name = `${csvName ?? testId ?? 'table'}.csv`;
    void app.host.exportFile(name, new TextEncoder().encode(csv), 'text/csv');
  };
  // The CSV button has its own strip above the grid, in the flow: floated over whatever stood above the grid
  // (a tab row, a card head's buttons) it covered it.
  return (
    <div className="grid-host" data-testid={testId}>
      {app && !hideCsv && options.rowModelType !== 'infinite' ? (
        <div className="grid-bar">
          <button type="button" className="grid-csv" title={t('grid.csvHint')} onClick={exportCsv}>
            {t('grid.csv')}
          </button>
        </div>
      ) : null}
      <div className="grid-body" style={autoHeight ? undefined : { height }}>
        <AgGridReact<T>
          key={`${lang}-${scale}`}
          ref={grid}
          localeText={lang === 'zh-CN' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
          theme={autoHeight ? fitTheme(maxBodyHeight) : gridTheme}
          {...(autoHeight ? { domLayout: 'autoHeight' as const } : {})}
          suppressCellFocus={false}
          animateRows={false}
          defaultColDef={{
            sortable: false,
            resizable: true,
            suppressMovable: true,
            // Summary tables fit their card: a long header wraps at its spaces rather than ending in an ellipsis.
            ...(autoHeight ? { wrapHeaderText: true, autoHeaderHeight: true } : {}),
          }}
          {...options}
        />
      </div>
    </div>
  );
}
