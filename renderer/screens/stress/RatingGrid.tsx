/** The rating levels table: loss multiple, worst realised loss and each class's pass or fail. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingStressResult } from '../../../core/scenario/ratingStress';
import { DataGrid, wrappedText } from '../../components/DataGrid';
import { pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { userDataCell } from './userData';
import { ratingSourceText, verdict, verdictText } from './ratingText';

type Level = RatingStressResult['levels'][number];

export function RatingGrid({ r }: { r: RatingStressResult }) {
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const cols = useMemo<ColDef<Level>[]>(
    () => [
      {
        field: 'rating',
        headerName: t('rating.col.level'),
        pinned: 'left',
        width: 84,
        cellClass: 'strong',
        cellRenderer: userDataCell,
      },
      {
        field: 'multiple',
        headerName: t('rating.col.multiple'),
        type: 'rightAligned',
        valueFormatter: (p) => `${(p.value as number).toFixed(2)}×`,
        flex: 1,
        minWidth: 100,
      },
      {
        colId: 'worstPoolLoss',
        headerName: t('rating.col.worstLoss'),
        // A revolving deal's harsher stress can realise less: it ends revolving sooner, so fewer receivables are bought.
        headerTooltip: t('rating.col.worstLossTip'),
        type: 'rightAligned',
        valueGetter: (p) => (p.data ? Math.max(...p.data.cases.map((c) => c.poolLossPct)) : null),
        valueFormatter: (p) => pct(p.value as number | null),
        flex: 1,
        minWidth: 110,
      },
      ...Object.keys(r.highestPassing).map((id): ColDef<Level> => ({
        colId: `pass-${id}`,
        headerName: t('rating.col.class', { id }),
        type: 'rightAligned',
        // The text itself is the value, so the CSV carries the words the screen shows.
        valueGetter: (p) => (p.data ? verdictText(t, verdict(r, p.data, id)) : null),
        cellClassRules: {
          ok: (p) => p.data !== undefined && verdict(r, p.data, id) === 'pass',
          bad: (p) => p.data !== undefined && verdict(r, p.data, id) === 'fail',
        },
        flex: 1,
        minWidth: 80,
      })),
      {
        colId: 'source',
        headerName: t('rating.col.source'),
        valueGetter: (p) => (p.data ? ratingSourceText(t, p.data) : null),
        flex: 5,
        minWidth: 240,
        ...wrappedText,
        cellStyle: { ...wrappedText.cellStyle, color: 'var(--muted)' },
      },
    ],
    // lang: the headers and verdicts come through t, whose identity need not change with the language.
    [r, t, lang],
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
