/** Results, Reconciliation tab: every period's sources = uses + change in accounts, and the chosen period's uses. */
import type { ColDef } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../core/deal/schema';
import type { RunResult } from '../../../core/result';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { moneyExact } from '../../format';
import { currencyName } from './amounts';
import { PeriodUsesCard } from './PeriodUsesCard';
import { reconRows, type ReconMoney, type ReconRow } from './reconRows';

/** What columnWidth adds for a column's resize handle. */
const RESIZE_HANDLE_PX = 8;

/** The period's state: the revolving word translated, the triggers' ids as the user named them. */
function StateCell(p: CustomCellRendererProps<ReconRow>) {
  const { t } = useTranslation('results');
  const row = p.data;
  if (!row) return null;
  const parts = [
    ...(row.revolving ? [<Fragment key="rev">{t('recon.revolving')}</Fragment>] : []),
    ...row.triggers.map((id) => (
      <span key={id} translate="no">
        {id}
      </span>
    )),
  ];
  return <>{parts.flatMap((x, i) => (i === 0 ? [x] : [' · ', x]))}</>;
}

export function ReconciliationTab({ r, deal }: { r: RunResult; deal: Deal }) {
  const { t } = useTranslation('results');
  const rows = useMemo(() => reconRows(r.waterfall, t('recon.revolving')), [r, t]);
  const [period, setPeriod] = useState<number>(r.waterfall[0]?.period ?? 1);
  const p = r.waterfall.find((x) => x.period === period);
  const cols = useMemo<ColDef<ReconRow>[]>(() => {
    const measure = textMeasure();
    // Each column as wide as its header's longest word or its widest figure (headers wrap at spaces); spare
    // room shared in proportion, so thirteen columns fill the card without clipping or a stray scroll.
    const fit = (header: string, texts: readonly string[], bold = false): Partial<ColDef<ReconRow>> => {
      // Totals are drawn bold, and bold figures are wider: measured as they are drawn.
      // columnWidth leaves 8px for a resize handle: these columns are sized to fit and not resized.
      const width = columnWidth(header, texts, bold ? (x) => measure(x, true) : measure) - RESIZE_HANDLE_PX;
      return { flex: width, minWidth: width };
    };
    // Reconciliation is to the cent, whatever the display unit: amounts in currency units, never scaled.
    const amounts = (key: ReconMoney, header: string, tip: string, extra: Partial<ColDef<ReconRow>> = {}) =>
      moneyCol<ReconRow>(key, header, {
        valueFormatter: (x) => moneyExact(x.value as number),
        headerTooltip: tip,
        ...fit(
          header,
          rows.map((x) => moneyExact(x[key])),
          extra.cellClass === 'strong',
        ),
        ...extra,
      });
    // A source or account the run never moves is left out, so the columns fit without clipping; the deal's
    // Excel report keeps every column.
    const optional = (key: ReconMoney, header: string, tip: string) =>
      rows.some((x) => x[key] !== 0) ? [amounts(key, header, tip)] : [];
    const period = t('glossary:period');
    const date = t('glossary:date');
    const state = t('recon.state');
    return [
      {
        field: 'period',
        headerName: period,
        pinned: 'left',
        type: 'rightAligned',
        width: columnWidth(
          period,
          rows.map((x) => String(x.period)),
          measure,
        ),
      },
      {
        field: 'date',
        headerName: date,
        ...fit(
          date,
          rows.map((x) => x.date),
        ),
      },
      amounts('interest', t('recon.interest'), t('recon.interestTip')),
      amounts('principal', t('recon.principal'), t('recon.principalTip')),
      amounts('recoveries', t('recon.recoveries'), t('recon.recoveriesTip')),
      ...optional('reserveDraw', t('recon.reserveDraw'), t('recon.reserveDrawTip')),
      ...optional('cleanUp', t('glossary:cleanUpCall'), t('recon.cleanUpTip')),
      ...optional('hedgeReceipts', t('supportWords.hedgeReceipts'), t('supportWords.hedgeReceiptsTip')),
      ...optional('liquidityDraws', t('supportWords.liquidityDraws'), t('supportWords.liquidityDrawsTip')),
      amounts('sources', t('recon.totalSources'), t('recon.totalSourcesTip'), { cellClass: 'strong' }),
      amounts('uses', t('recon.totalUses'), t('recon.totalUsesTip'), { cellClass: 'strong' }),
      ...optional('reserveChange', t('recon.reserveChange'), t('recon.reserveChangeTip')),
      ...optional('collectionChange', t('recon.collectionChange'), t('recon.collectionChangeTip')),
      amounts('difference', t('recon.difference'), t('recon.differenceTip'), {
        cellClassRules: { bad: (x) => (x.value as number) !== 0, ok: (x) => (x.value as number) === 0 },
      }),
      {
        // One column for the period's state: revolving (collections buy receivables) and the triggers breached.
        field: 'state',
        headerName: state,
        headerTooltip: t('recon.stateTip'),
        tooltipField: 'state',
        cellRenderer: StateCell,
        ...fit(
          state,
          rows.map((x) => x.state),
        ),
      },
    ];
  }, [rows, t]);
  return (
    // The grid has the screen's whole width: beside the period's card its thirteen columns were cut off at the
    // card's edge. The period's uses follow under it.
    <div className="stack">
      <p className="muted small" data-testid="recon-unit">
        {t('recon.caption', { currency: currencyName(t, r.deal.currency) })}
      </p>
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
      <PeriodUsesCard period={period} p={p} deal={deal} />
    </div>
  );
}
