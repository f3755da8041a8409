/** Results, Tranche cash flows tab: one class at a time, its interest, principal, write-downs and accrual periods. */
import type { ColDef } from 'ag-grid-community';
import { useState } from 'react';
import type { RunResult, TrancheCashflowRow } from '../../../core/result';
import { DataGrid, moneyCol, pctCol } from '../../components/DataGrid';
import { pct, years } from '../../format';

const trancheCols: ColDef<TrancheCashflowRow>[] = [
  { field: 'period', headerName: 'Period', width: 74, pinned: 'left', type: 'rightAligned' },
  { field: 'date', headerName: 'Date', width: 104, pinned: 'left' },
  moneyCol('beginBalance', 'Begin balance', { width: 140 }),
  moneyCol('interestDue', 'Interest due'),
  moneyCol('interest', 'Interest paid'),
  moneyCol('interestShortfall', 'Shortfall c/f'),
  moneyCol('principal', 'Principal'),
  moneyCol('writedown', 'Write-down'),
  moneyCol('balance', 'End balance', { width: 140 }),
  pctCol('creditEnhancement', 'Enhancement'),
  // The interest period paid on the date (deal calendar); blank in a collection month that is not a payment date.
  { field: 'accrualStart', headerName: 'Accrual from', width: 112 },
  { field: 'accrualEnd', headerName: 'Accrual to', width: 112 },
  { field: 'accrualDays', headerName: 'Days', width: 70, type: 'rightAligned' },
];

export function TrancheFlowsTab({ r }: { r: RunResult }) {
  const [id, setId] = useState(r.tranches[0]?.id ?? '');
  const t = r.tranches.find((x) => x.id === id) ?? r.tranches[0];
  if (!t) return null;
  return (
    <>
      <div className="subtabs">
        {r.tranches.map((x) => (
          <button
            key={x.id}
            className={x.id === t.id ? 'active' : ''}
            onClick={() => setId(x.id)}
            data-testid={`tranche-tab-${x.id}`}
          >
            Class {x.id}
          </button>
        ))}
        <span className="muted small">
          {t.couponDescription} · WAL {years(t.wal)} · yield {pct(t.yield, 3)}
        </span>
      </div>
      <DataGrid<TrancheCashflowRow>
        rowData={t.cashflows}
        columnDefs={trancheCols}
        height={480}
        testId="tranche-grid"
        csvName={`class ${t.id} cash flows`}
      />
    </>
  );
}
