/** Results, Reconciliation tab: every period's sources = uses + change in accounts, and the chosen period's uses. */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { RunResult } from '../../../core/result';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { money } from '../../format';
import { PeriodUsesCard } from './PeriodUsesCard';
import { reconRows, type ReconMoney, type ReconRow } from './reconRows';

/** What columnWidth adds for a column's resize handle. */
const RESIZE_HANDLE_PX = 8;

export function ReconciliationTab({ r }: { r: RunResult }) {
  const rows = useMemo(() => reconRows(r.waterfall), [r]);
  const [period, setPeriod] = useState<number>(r.waterfall[0]?.period ?? 1);
  const p = r.waterfall.find((x) => x.period === period);
  const cols = useMemo<ColDef<ReconRow>[]>(() => {
    const measure = textMeasure();
    // Each column as wide as its header's longest word or its widest figure (headers wrap at spaces); spare
    // room shared in proportion, so thirteen columns fill the card without clipping or a stray scroll.
    const fit = (header: string, texts: readonly string[], bold = false): Partial<ColDef<ReconRow>> => {
      // Totals are drawn bold, and bold figures are wider: measured as they are drawn.
      // columnWidth leaves 8px for a resize handle: these columns are sized to fit and not resized.
      const width = columnWidth(header, texts, bold ? (t) => measure(t, true) : measure) - RESIZE_HANDLE_PX;
      return { flex: width, minWidth: width };
    };
    const amounts = (key: ReconMoney, header: string, extra: Partial<ColDef<ReconRow>> = {}) =>
      moneyCol<ReconRow>(key, header, {
        ...fit(
          header,
          rows.map((x) => money(x[key])),
          extra.cellClass === 'strong',
        ),
        ...extra,
      });
    // A source or account the run never moves is left out, so the columns fit without clipping; the deal's
    // Excel report keeps every column.
    const optional = (key: ReconMoney, header: string) =>
      rows.some((x) => x[key] !== 0) ? [amounts(key, header)] : [];
    return [
      {
        field: 'period',
        headerName: 'Period',
        pinned: 'left',
        type: 'rightAligned',
        width: columnWidth(
          'Period',
          rows.map((x) => String(x.period)),
          measure,
        ),
      },
      {
        field: 'date',
        headerName: 'Date',
        ...fit(
          'Date',
          rows.map((x) => x.date),
        ),
      },
      amounts('interest', 'Interest coll.'),
      amounts('principal', 'Principal coll.'),
      amounts('recoveries', 'Recoveries'),
      ...optional('reserveDraw', 'Reserve draw'),
      ...optional('cleanUp', 'Clean-up call'),
      amounts('sources', 'Total sources', { cellClass: 'strong' }),
      amounts('uses', 'Total uses', { cellClass: 'strong' }),
      ...optional('reserveChange', 'Δ reserve'),
      ...optional('collectionChange', 'Δ collection account'),
      amounts('difference', 'Difference', {
        cellClassRules: { bad: (x) => (x.value as number) !== 0, ok: (x) => (x.value as number) === 0 },
      }),
      {
        // One column for the period's state: revolving (collections buy receivables) and the triggers breached.
        field: 'state',
        headerName: 'State',
        tooltipField: 'state',
        ...fit(
          'State',
          rows.map((x) => x.state),
        ),
      },
    ];
  }, [rows]);
  return (
    // The grid has the screen's whole width: beside the period's card its thirteen columns were cut off at the
    // card's edge. The period's uses follow under it.
    <div className="stack">
      <DataGrid<ReconRow>
        rowData={rows}
        columnDefs={cols}
        // The report grids' fit: compact padding, headers wrapping at spaces, rows scrolling past the cap.
        autoHeight
        maxBodyHeight={380}
        defaultColDef={{
          sortable: false,
          resizable: false,
          suppressMovable: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
        }}
        // Keeps the vertical scrollbar's room when the columns share out the width (see ReportGrid).
        scrollbarWidth={16}
        alwaysShowVerticalScroll={rows.length * 26 > 380}
        testId="recon-grid"
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(e) => e.data && setPeriod(e.data.period)}
      />
      <PeriodUsesCard period={period} p={p} />
    </div>
  );
}
