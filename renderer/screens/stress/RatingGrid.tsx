/** The rating levels table: loss multiple, worst realised loss and each class's pass or fail. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { RatingStressResult } from '../../../core/scenario/ratingStress';
import { DataGrid, wrappedText } from '../../components/DataGrid';
import { pct } from '../../format';

type Level = RatingStressResult['levels'][number];

export function RatingGrid({ r }: { r: RatingStressResult }) {
  const cols = useMemo<ColDef<Level>[]>(
    () => [
      { field: 'rating', headerName: 'Level', pinned: 'left', width: 84, cellClass: 'strong' },
      {
        field: 'multiple',
        headerName: 'Loss multiple',
        type: 'rightAligned',
        valueFormatter: (p) => `${(p.value as number).toFixed(2)}×`,
        flex: 1,
        minWidth: 100,
      },
      {
        colId: 'worstPoolLoss',
        headerName: 'Worst realised loss',
        // A revolving deal's harsher stress can realise less: it ends revolving sooner, so fewer receivables are bought.
        headerTooltip:
          'Pool losses realised inside the deal, receivables bought while revolving included, as a share of the initial pool; the worst of the level’s prepayment and timing cases',
        type: 'rightAligned',
        valueGetter: (p) => (p.data ? Math.max(...p.data.cases.map((c) => c.poolLossPct)) : null),
        valueFormatter: (p) => pct(p.value as number | null),
        flex: 1,
        minWidth: 110,
      },
      ...Object.keys(r.highestPassing).map((id): ColDef<Level> => ({
        colId: `pass-${id}`,
        headerName: `Class ${id}`,
        type: 'rightAligned',
        valueGetter: (p) =>
          p.data?.passes[id]
            ? (r.passesAboveFailure[id] ?? []).includes(p.data.rating)
              ? 'pass, but a milder level fails'
              : 'pass'
            : 'fail',
        cellClassRules: { ok: (p) => p.value === 'pass', bad: (p) => p.value === 'fail' },
        flex: 1,
        minWidth: 80,
      })),
      {
        field: 'source',
        headerName: 'Source',
        flex: 5,
        minWidth: 240,
        ...wrappedText,
        cellStyle: { ...wrappedText.cellStyle, color: 'var(--muted)' },
      },
    ],
    [r],
  );
  return (
    <DataGrid<Level>
      rowData={r.levels}
      columnDefs={cols}
      getRowId={(p) => p.data.rating}
      autoHeight
      suppressColumnVirtualisation
      testId="rating-table"
      csvName="rating stresses"
    />
  );
}
