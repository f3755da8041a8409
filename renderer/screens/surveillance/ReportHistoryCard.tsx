/**
 * The deal's servicer-report history: import (several files at once; workbooks read in the sheet worker, every
 * report checked by the core's rules in the engine worker), the refusals of the last import by file, month and
 * field, and the history as a grid with its CSV. Accepted reports enter the deal as one undoable edit.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../core/deal/schema';
import { appendReports } from '../../../core/surveillance/append';
import type { ReportFileProblem } from '../../../core/surveillance/reportFile';
import type { ServicerReport } from '../../../core/surveillance/servicerReport';
import { coreText } from '../../../core/i18n/messages';
import { useApp } from '../../AppContext';
import { DataGrid, moneyCol, wrappedText } from '../../components/DataGrid';
import { readServicerReportFiles } from '../../engine/servicerReportReader';
import { amountUnit } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { validatedDeal } from '../../project/dealEdit';
import { withDeal } from '../../project/state';
import { monthsHeight, WRAPPED_HEADERS } from './gridLayout';
import { useKept } from '../useKept';
import { KEPT } from './surveillanceKept';

/** One report as a grid row: the figures flat, class end balances by class id. */
export interface HistoryRow {
  period: number;
  date: string;
  poolBegin: number;
  principal: number;
  prepayments: number;
  interest: number;
  defaults: number;
  recoveries: number;
  purchases: number;
  repurchases: number;
  poolEnd: number;
  dpd1_30: number;
  dpd31_60: number;
  dpd61_90: number;
  dpd90plus: number;
  fees: number;
  classEnd: Record<string, number>;
  reserveEnd: number | null;
  breached: string;
}

export function historyRow(r: ServicerReport): HistoryRow {
  const p = r.pool;
  return {
    period: r.period,
    date: r.paymentDate,
    poolBegin: p.beginBalance,
    principal: p.principalCollections,
    prepayments: p.prepayments,
    interest: p.interestCollections,
    defaults: p.defaults,
    recoveries: p.recoveries,
    purchases: p.purchases,
    repurchases: p.repurchases,
    poolEnd: p.endBalance,
    ...p.delinquent,
    fees: r.feesPaid,
    classEnd: Object.fromEntries(r.classes.map((c) => [c.id, c.endBalance])),
    reserveEnd: r.reserve?.endBalance ?? null,
    breached: r.triggers
      .filter((x) => x.breached)
      .map((x) => x.id)
      .join(', '),
  };
}

/**
 * Reads the picked files and appends the batch to the deal as one undoable edit; returns true when it did. A batch
 * goes in whole or not at all (core/surveillance/append.ts): any refusal leaves the deal as it was, and every
 * problem of every file is listed, so a month is never half-recorded.
 */
export function useReportImport(afterEdit: (deal: Deal) => Promise<void>): () => Promise<boolean> {
  const { state, host, job, dispatch, notify } = useApp();
  const { t } = useTranslation('surveillance');
  const [lastImport, setLastImport] = useKept(KEPT.lastImport);
  const deal = state.history.present.deal;
  return async () => {
    const opened = await host.openReports();
    if (opened.length === 0) return false;
    // Workbooks are parsed only in the sheet worker; the job's Cancel stops the wait.
    const read = await job(t('job.reading', { count: opened.length }), () => readServicerReportFiles(opened));
    if (!read) return false;
    const appended =
      read.problems.length === 0
        ? appendReports(
            deal,
            read.reports.map((r) => r.report),
          )
        : null;
    const refused: ReportFileProblem[] = [
      ...read.problems,
      ...(appended?.problems ?? []).map((p) => ({
        file: read.reports[p.report]?.file ?? '',
        period: p.period,
        date: read.reports[p.report]?.report.paymentDate ?? null,
        field: p.field,
        message: p.message,
      })),
    ];
    const periods = refused.length === 0 ? (appended?.appended ?? []) : [];
    setLastImport({
      seq: (lastImport?.seq ?? 0) + 1,
      files: opened.length,
      appended: periods,
      alreadyHeld: appended?.alreadyHeld ?? [],
      refused,
    });
    if (refused.length > 0) {
      notify({
        kind: 'error',
        text: { key: 'surveillance:import.nothingAppended', params: { count: refused.length } },
      });
      return false;
    }
    if (appended === null || periods.length === 0) {
      notify({ kind: 'info', text: { key: 'surveillance:import.allHeld' } });
      return false;
    }
    const r = validatedDeal(deal, () => appended.deal, t);
    if ('error' in r) {
      notify({ kind: 'error', text: r.error });
      return false;
    }
    dispatch({
      type: 'edit',
      label: { key: 'surveillance:undo.append', params: { count: periods.length } },
      update: (d) => withDeal(d, () => r.deal),
    });
    await afterEdit(r.deal);
    notify({
      kind: 'success',
      text: {
        key: 'surveillance:import.appended',
        params: { count: periods.length, from: periods[0]!, to: periods[periods.length - 1]! },
      },
    });
    return true;
  };
}

export function ReportHistoryCard({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation('surveillance');
  const { state } = useApp();
  const { lang, scale } = useDisplay();
  const [last] = useKept(KEPT.lastImport);
  const deal = state.history.present.deal;
  const reports = deal.surveillance?.reports ?? [];
  const rows = useMemo(() => reports.map(historyRow), [reports]);
  const classIds = deal.structure.tranches.map((c) => c.id);
  const cols = useMemo<(ColDef<HistoryRow> | ColGroupDef<HistoryRow>)[]>(
    () => [
      {
        field: 'period',
        headerName: t('history.col.period'),
        width: 70,
        type: 'rightAligned',
        pinned: 'left',
      },
      { field: 'date', headerName: t('history.col.date'), width: 110, pinned: 'left' },
      moneyCol('poolBegin', t('history.col.poolBegin')),
      moneyCol('principal', t('history.col.principal')),
      moneyCol('prepayments', t('history.col.prepayments')),
      moneyCol('interest', t('history.col.interest')),
      moneyCol('defaults', t('history.col.defaults')),
      moneyCol('recoveries', t('history.col.recoveries')),
      moneyCol('purchases', t('history.col.purchases')),
      moneyCol('repurchases', t('history.col.repurchases')),
      moneyCol('poolEnd', t('history.col.poolEnd')),
      {
        headerName: t('history.col.delinquency'),
        children: [
          moneyCol('dpd1_30', t('history.col.dpd1_30'), { width: 115 }),
          moneyCol('dpd31_60', t('history.col.dpd31_60'), { width: 115 }),
          moneyCol('dpd61_90', t('history.col.dpd61_90'), { width: 115 }),
          moneyCol('dpd90plus', t('history.col.dpd90plus'), { width: 115 }),
        ],
      },
      moneyCol('fees', t('history.col.fees')),
      {
        headerName: t('history.col.classes'),
        children: classIds.map((id) =>
          moneyCol<HistoryRow>(`classEnd.${id}`, t('history.col.classEnd', { id }), { width: 130 }),
        ),
      },
      moneyCol('reserveEnd', t('history.col.reserveEnd')),
      { field: 'breached', headerName: t('history.col.triggers'), width: 120 },
    ],
    // lang and scale: headers through t, cells through money().
    [t, lang, scale, classIds.join('\u0000')],
  );
  return (
    <section className="card" data-testid="surveillance-history">
      <div className="card-head">
        <h2>{t('history.title')}</h2>
        <div className="actions">
          <button
            className="primary"
            onClick={onImport}
            title={t('history.importHint')}
            data-testid="surveillance-import"
          >
            {t('history.import')}
          </button>
        </div>
      </div>
      {last ? <LastImportPanel /> : null}
      {reports.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <>
          <p className="muted small" data-testid="surveillance-count">
            {t('history.count', {
              count: reports.length,
              from: reports[0]!.period,
              to: reports[reports.length - 1]!.period,
            })}
            {' · '}
            {t('history.amounts', { unit: amountUnit(deal.currency) })}
          </p>
          <DataGrid<HistoryRow>
            rowData={rows}
            columnDefs={cols}
            height={monthsHeight(rows.length)}
            defaultColDef={WRAPPED_HEADERS}
            csvName={t('history.csvName')}
            testId="surveillance-history-grid"
          />
        </>
      )}
    </section>
  );
}

function LastImportPanel() {
  const { t } = useTranslation('surveillance');
  const { lang } = useDisplay();
  const [last] = useKept(KEPT.lastImport);
  const cols = useMemo<ColDef<ReportFileProblem>[]>(
    () => [
      { field: 'file', headerName: t('import.col.file'), width: 190 },
      {
        field: 'period',
        headerName: t('import.col.period'),
        width: 80,
        type: 'rightAligned',
        valueFormatter: (p) => (p.value === null ? '' : String(p.value)),
      },
      { field: 'date', headerName: t('import.col.date'), width: 110 },
      {
        colId: 'field',
        headerName: t('import.col.field'),
        width: 210,
        valueGetter: (p) => p.data?.field ?? '',
      },
      {
        colId: 'reason',
        headerName: t('import.col.reason'),
        flex: 1,
        minWidth: 320,
        valueGetter: (p) => (p.data ? coreText(t, p.data.message) : ''),
        ...wrappedText,
      },
    ],
    [t, lang],
  );
  if (!last) return null;
  return (
    <div data-testid="surveillance-last-import" data-seq={last.seq}>
      <p className="small">
        {t('import.summary', {
          files: last.files,
          count: last.appended.length,
          refused: last.refused.length,
        })}
        {last.alreadyHeld.length > 0 ? ` ${t('import.held', { periods: last.alreadyHeld.join(', ') })}` : ''}
      </p>
      {last.refused.length > 0 ? (
        <>
          <h3 className="bad">{t('import.refusedTitle', { count: last.refused.length })}</h3>
          <DataGrid<ReportFileProblem>
            rowData={last.refused}
            columnDefs={cols}
            autoHeight
            maxBodyHeight={240}
            csvName={t('import.refusedCsv')}
            testId="surveillance-refusals"
          />
        </>
      ) : null}
    </div>
  );
}
