/** Results, Pool cash flows tab: the pool's flows by period, charted and in a grid. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolPeriodRow, RunResult } from '../../../core/result';
import { DataGrid, moneyCol, pctCol } from '../../components/DataGrid';
import { amountUnit } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { lossName } from '../../lossTerms';
import { PoolFlowsChart } from './PoolFlowsChart';

export function PoolFlowsTab({ r }: { r: RunResult }) {
  const { t } = useTranslation('results');
  const { scale } = useDisplay();
  // New column definitions on a change of language or unit: the grid re-renders headers and formatted amounts.
  const cols = useMemo<ColDef<PoolPeriodRow>[]>(
    () => [
      { field: 'period', headerName: t('glossary:period'), width: 74, pinned: 'left', type: 'rightAligned' },
      { field: 'date', headerName: t('glossary:date'), width: 104, pinned: 'left' },
      moneyCol('beginBalance', t('flows.beginBalance'), { width: 140 }),
      moneyCol('scheduledPrincipal', t('flows.scheduledPrincipal')),
      moneyCol('prepayment', t('flows.prepayment')),
      moneyCol('default', t('flows.defaults')),
      moneyCol('loss', lossName(t, 'realised')),
      moneyCol('recovery', t('flows.recovery')),
      moneyCol('interest', t('glossary:interest')),
      moneyCol('fees', t('flows.feeIncome')),
      moneyCol('purchases', t('flows.purchases')),
      moneyCol('endBalance', t('flows.endBalance'), { width: 140 }),
      pctCol('cumulativeNetLossPct', lossName(t, 'net'), { headerTooltip: lossName(t, 'net') }),
    ],
    [t, scale],
  );
  return (
    <>
      <PoolFlowsChart r={r} />
      <p className="muted small" data-testid="pool-unit">
        {t('units.caption', { unit: amountUnit(r.deal.currency) })}
      </p>
      <DataGrid<PoolPeriodRow>
        rowData={r.pool.periods}
        columnDefs={cols}
        height={420}
        suppressColumnVirtualisation
        testId="pool-grid"
        defaultColDef={{
          sortable: false,
          resizable: true,
          suppressMovable: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
        }}
      />
    </>
  );
}
