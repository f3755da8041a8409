/** Results: the tranche analytics card — per class WAL, yields, durations, window, losses, break-evens on request. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../core/deal/schema';
import type { RunResult, TrancheResult } from '../../../core/result';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import { DataGrid } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { amountUnit } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { analyticsFigures } from './analyticsFigures';
import { couponText } from './dealWords';
import { UserTextCell } from './UserTextCell';

function AnalyticsGrid({
  r,
  deal,
  breakevens,
}: {
  r: RunResult;
  deal: Deal;
  breakevens: BreakevenResult[] | null;
}) {
  const { t } = useTranslation('results');
  const { scale } = useDisplay();
  const cols = useMemo<ColDef<TrancheResult>[]>(() => {
    const measure = textMeasure();
    const classHeader = t('analytics.class');
    const coupons = new Map(deal.structure.tranches.map((x) => [x.id, x.coupon]));
    const coupon = (x: TrancheResult): string => {
      const c = coupons.get(x.id);
      return c ? couponText(t, c) : x.couponDescription;
    };
    const be = breakevens ? new Map(breakevens.map((b) => [b.trancheId, b])) : null;
    return [
      {
        field: 'id',
        headerName: classHeader,
        pinned: 'left',
        width: columnWidth(
          classHeader,
          r.tranches.map((x) => x.id),
          measure,
        ),
        cellClass: 'strong',
        cellRenderer: UserTextCell,
      },
      ...analyticsFigures(t, r.tranches, be, coupon).map((f): ColDef<TrancheResult> => {
        // Never narrower than the header's longest word or the widest figure; spare room shared in proportion.
        const width = columnWidth(f.header, r.tranches.map(f.text), measure);
        return {
          colId: f.colId,
          headerName: f.header,
          valueGetter: (p) => (p.data ? f.value(p.data) : null),
          valueFormatter: (p) => (p.data ? f.text(p.data) : ''),
          ...(f.left
            ? { tooltipValueGetter: (p) => (p.data ? f.text(p.data) : '') }
            : { type: 'rightAligned' }),
          flex: width,
          minWidth: width,
          ...f.extra,
        };
      }),
    ];
    // The scale is read by money() inside the figures: a change of unit re-measures and re-renders them.
  }, [r, deal, breakevens, t, scale]);
  return (
    <DataGrid<TrancheResult>
      rowData={r.tranches}
      columnDefs={cols}
      getRowId={(p) => p.data.id}
      autoHeight
      suppressColumnVirtualisation
      testId="analytics"
      csvName={t('analytics.csv')}
    />
  );
}

export function AnalyticsCard({
  r,
  deal,
  breakevens,
  onSolve,
}: {
  r: RunResult;
  /** The run's own deal, for the classes' coupons in words. */
  deal: Deal;
  breakevens: BreakevenResult[] | null;
  onSolve: () => void;
}) {
  const { t } = useTranslation('results');
  // The unit caption follows the display unit: reading it re-renders the card when the unit changes.
  useDisplay();
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('analytics.title')}</h2>
        <span className="muted small">
          {t('analytics.note')}
          {' · '}
          <span data-testid="analytics-unit">
            {t('units.caption', { unit: amountUnit(r.deal.currency) })}
          </span>
          {breakevens ? null : (
            <button className="solve" onClick={onSolve} data-testid="solve-breakevens">
              {t('analytics.solve')}
            </button>
          )}
        </span>
      </div>
      <AnalyticsGrid r={r} deal={deal} breakevens={breakevens} />
    </section>
  );
}
