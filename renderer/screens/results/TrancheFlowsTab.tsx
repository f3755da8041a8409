/** Results, Tranche cash flows tab: one class at a time, its interest, principal, write-downs and accrual periods. */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../core/deal/schema';
import type { RunResult, TrancheCashflowRow } from '../../../core/result';
import { DataGrid, moneyCol, pctCol } from '../../components/DataGrid';
import { amountUnit, pct, years } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { couponText } from './dealWords';

export function TrancheFlowsTab({ r, deal }: { r: RunResult; deal: Deal }) {
  const { t } = useTranslation('results');
  const { scale } = useDisplay();
  const [id, setId] = useState(r.tranches[0]?.id ?? '');
  const hasPdl = r.tranches.some((c) => c.cashflows.some((f) => f.principalDeficiency !== undefined));
  // New column definitions on a change of language or unit: the grid re-renders headers and formatted amounts.
  const cols = useMemo<ColDef<TrancheCashflowRow>[]>(
    () => [
      { field: 'period', headerName: t('glossary:period'), width: 74, pinned: 'left', type: 'rightAligned' },
      { field: 'date', headerName: t('glossary:date'), width: 104, pinned: 'left' },
      moneyCol('beginBalance', t('flows.beginBalance'), { width: 140 }),
      moneyCol('interestDue', t('tranches.interestDue')),
      moneyCol('interest', t('tranches.interestPaid')),
      moneyCol('interestShortfall', t('tranches.shortfall')),
      moneyCol('principal', t('glossary:principal')),
      moneyCol('writedown', t('glossary:writedown')),
      // Deals with a principal deficiency ledger: the uncured deficiency the class carries after the period.
      ...(hasPdl ? [moneyCol<TrancheCashflowRow>('principalDeficiency', t('phases.pdl'))] : []),
      moneyCol('balance', t('flows.endBalance'), { width: 140 }),
      pctCol('creditEnhancement', t('tranches.enhancement')),
      // The interest period paid on the date (deal calendar); blank in a collection month that is not a payment date.
      { field: 'accrualStart', headerName: t('tranches.accrualFrom'), width: 112 },
      { field: 'accrualEnd', headerName: t('tranches.accrualTo'), width: 112 },
      { field: 'accrualDays', headerName: t('tranches.days'), width: 84, type: 'rightAligned' },
    ],
    [t, scale, hasPdl],
  );
  const x = r.tranches.find((c) => c.id === id) ?? r.tranches[0];
  if (!x) return null;
  const spec = deal.structure.tranches.find((c) => c.id === x.id);
  return (
    <>
      <div className="subtabs">
        {r.tranches.map((c) => (
          <button
            key={c.id}
            className={c.id === x.id ? 'active' : ''}
            onClick={() => setId(c.id)}
            data-testid={`tranche-tab-${c.id}`}
          >
            {t('tranches.classTab', { id: c.id })}
          </button>
        ))}
        <span className="muted small">
          {t('tranches.line', {
            coupon: spec ? couponText(t, spec.coupon) : x.couponDescription,
            wal: years(x.wal),
            yield: pct(x.yield, 3),
          })}{' '}
          ·{' '}
          <span data-testid="tranche-unit">{t('units.caption', { unit: amountUnit(r.deal.currency) })}</span>
        </span>
      </div>
      <DataGrid<TrancheCashflowRow>
        rowData={x.cashflows}
        columnDefs={cols}
        height={480}
        suppressColumnVirtualisation
        testId="tranche-grid"
        csvName={t('tranches.csv', { id: x.id })}
      />
    </>
  );
}
