/** The Monte Carlo class table: expected loss, probabilities of loss and shortfall, tail losses. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonteCarloResult } from '../../../core/scenario/monteCarlo';
import { DataGrid } from '../../components/DataGrid';
import { pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { userDataCell } from './userData';
import { percentile } from './percentile';

type McClass = MonteCarloResult['tranches'][number];

export function MonteCarloGrid({ r }: { r: MonteCarloResult }) {
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const cols = useMemo<ColDef<McClass>[]>(() => {
    const share = (
      colId: string,
      headerName: string,
      get: (c: McClass) => number | null,
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
      {
        field: 'id',
        headerName: t('mc.col.class'),
        pinned: 'left',
        width: 84,
        cellClass: 'strong',
        cellRenderer: userDataCell,
      },
      share('expectedLoss', t('mc.col.expectedLoss'), (c) => c.expectedLoss, 3),
      share('probabilityOfLoss', t('mc.col.probabilityOfLoss'), (c) => c.probabilityOfLoss),
      share('probabilityOfShortfall', t('mc.col.probabilityOfShortfall'), (c) => c.probabilityOfShortfall),
      share('p95', t('mc.col.p95'), (c) => percentile(c, 0.95)),
      share('p99', t('mc.col.p99'), (c) => percentile(c, 0.99)),
    ];
    // lang: the headers come through t, whose identity need not change with the language.
  }, [t, lang]);
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
