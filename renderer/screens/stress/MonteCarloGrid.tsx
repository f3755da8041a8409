/** The Monte Carlo class table: expected loss, probabilities of loss and shortfall, tail losses. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { MonteCarloResult } from '../../../core/scenario/monteCarlo';
import { DataGrid } from '../../components/DataGrid';
import { pct } from '../../format';
import { percentile } from './percentile';

type McClass = MonteCarloResult['tranches'][number];

export function MonteCarloGrid({ r }: { r: MonteCarloResult }) {
  const cols = useMemo<ColDef<McClass>[]>(() => {
    const share = (
      colId: string,
      headerName: string,
      get: (t: McClass) => number | null,
      digits = 2,
    ): ColDef<McClass> => ({
      colId,
      headerName,
      type: 'rightAligned',
      valueGetter: (p) => (p.data ? get(p.data) : null),
      valueFormatter: (p) => pct(p.value as number | null, digits),
      flex: 1,
      minWidth: 84,
    });
    return [
      { field: 'id', headerName: 'Class', pinned: 'left', width: 70, cellClass: 'strong' },
      share('expectedLoss', 'Expected loss', (t) => t.expectedLoss, 3),
      share('probabilityOfLoss', 'P(any loss)', (t) => t.probabilityOfLoss),
      share('probabilityOfShortfall', 'P(unpaid interest)', (t) => t.probabilityOfShortfall),
      share('p95', '95th pct loss', (t) => percentile(t, 0.95)),
      share('p99', '99th pct loss', (t) => percentile(t, 0.99)),
    ];
  }, []);
  return (
    <DataGrid<McClass>
      rowData={r.tranches}
      columnDefs={cols}
      getRowId={(p) => p.data.id}
      autoHeight
      suppressColumnVirtualisation
      testId="mc-table"
      csvName="monte carlo classes"
    />
  );
}
