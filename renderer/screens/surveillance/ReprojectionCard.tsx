/**
 * Re-projection from the latest servicer report (core/surveillance/reprojection.ts, the same run as
 * `surveil --reproject`): the deal restarted from the state the reports give, under the chosen scenario, beside
 * the projection made at closing — each class's balance at the report date, its WAL from that date, its last
 * principal period, its lifetime principal loss and the interest still owed at the end; the pool and the notes
 * outstanding as a chart; and what the state took from outside the reports.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassOutlook, ReprojectionOutlook } from '../../../core/surveillance/reprojection';
import { DataGrid } from '../../components/DataGrid';
import { CHART_COLORS, EChart, type ChartOption } from '../../components/EChart';
import { Kpi } from '../../components/Kpi';
import { money, moneyWhole, pct, years } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { monthsHeight, WRAPPED_HEADERS } from './gridLayout';

type ClassRow = ReprojectionOutlook['classes'][number];
type Side = 'closing' | 'reprojected';

/** Closing dashed, re-projected solid; the pool and the notes in a colour each. */
function pathOption(r: ReprojectionOutlook, t: TFunction): ChartOption {
  const line = (name: string, data: (number | null)[], colour: string, dashed: boolean) => ({
    name,
    type: 'line' as const,
    data,
    symbol: 'none',
    lineStyle: {
      color: colour,
      width: dashed ? 1.5 : 2,
      type: dashed ? ('dashed' as const) : ('solid' as const),
    },
    itemStyle: { color: colour },
  });
  return {
    grid: { left: 92, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => money(typeof v === 'number' ? v : null) },
    legend: { top: 0, left: 0 },
    xAxis: { type: 'category', data: r.path.map((p) => p.date), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => moneyWhole(v) } },
    series: [
      line(
        t('surveillance:reproject.chart.closingPool'),
        r.path.map((p) => p.closingPool),
        CHART_COLORS[1]!,
        true,
      ),
      line(
        t('surveillance:reproject.chart.pool'),
        r.path.map((p) => p.pool),
        CHART_COLORS[1]!,
        false,
      ),
      line(
        t('surveillance:reproject.chart.closingNotes'),
        r.path.map((p) => p.closingNotes),
        CHART_COLORS[0]!,
        true,
      ),
      line(
        t('surveillance:reproject.chart.notes'),
        r.path.map((p) => p.notes),
        CHART_COLORS[0]!,
        false,
      ),
    ],
  };
}

const period = (v: number | null): string => (v === null ? '–' : String(v));

export function ReprojectionCard({
  result,
  currencyUnit,
}: {
  result: ReprojectionOutlook;
  currencyUnit: string;
}) {
  const { t } = useTranslation('surveillance');
  const { lang, scale } = useDisplay();
  // lang and scale: the legend and axis labels read them through t and money().
  const option = useMemo(() => pathOption(result, t), [result, t, lang, scale]);
  const cols = useMemo<(ColDef<ClassRow> | ColGroupDef<ClassRow>)[]>(() => {
    const pair = (
      key: keyof ClassOutlook,
      header: string,
      text: (v: number | null) => string,
      width: number,
    ): ColGroupDef<ClassRow> => ({
      headerName: header,
      // A group header holding the report date runs long in Chinese: it wraps rather than ending in an ellipsis.
      wrapHeaderText: true,
      autoHeaderHeight: true,
      children: (['closing', 'reprojected'] as const).map((side: Side): ColDef<ClassRow> => ({
        colId: `${key}-${side}`,
        headerName: t(`reproject.side.${side}`),
        type: 'rightAligned',
        width,
        valueGetter: (p) => (p.data ? p.data[side][key] : null),
        valueFormatter: (p) => text(p.value as number | null),
      })),
    });
    return [
      { field: 'id', headerName: t('reproject.col.class'), width: 70, pinned: 'left' },
      pair('balance', t('reproject.col.balance', { date: result.date }), money, 125),
      pair('wal', t('reproject.col.wal', { date: result.date }), (v) => years(v), 100),
      pair('lastPrincipal', t('reproject.col.lastPrincipal'), period, 95),
      pair('principalLoss', t('reproject.col.principalLoss'), money, 110),
      pair('interestShortfall', t('reproject.col.interestShortfall'), money, 110),
    ];
  }, [t, lang, scale, result.date]);
  return (
    <section className="card" data-testid="surveillance-reproject">
      <div className="card-head">
        <h2>{t('reproject.title')}</h2>
      </div>
      <p className="muted small">{t('reproject.explain', { period: result.period, date: result.date })}</p>
      <p className="muted small" data-testid="surveillance-reproject-check">
        {result.cashConserved ? t('reproject.reconciles') : t('reproject.notReconciled')}
      </p>
      <div className="kpi-row">
        <Kpi label={t('reproject.cnlClosing')} value={pct(result.cnl.closing)} />
        <Kpi
          label={t('reproject.cnlReprojected')}
          value={pct(result.cnl.reprojected)}
          testId="surveillance-reproject-cnl"
        />
      </div>
      <p className="muted small">{t('reproject.unit', { unit: currencyUnit })}</p>
      <EChart option={option} height={260} testId="surveillance-reproject-chart" />
      <DataGrid<ClassRow>
        rowData={result.classes}
        columnDefs={cols}
        defaultColDef={WRAPPED_HEADERS}
        height={monthsHeight(result.classes.length) + 26}
        csvName={t('reproject.csvName')}
        testId="surveillance-reproject-grid"
      />
      <p className="muted small">
        {t('reproject.derived', {
          title: t('cli:surveilReproject.derivedTitle'),
          source:
            result.previousState === null
              ? t('cli:surveilReproject.noState')
              : t('cli:surveilReproject.fromState', { period: result.previousState }),
        })}
      </p>
      {result.derived.length > 0 ? (
        <ul className="small muted" data-testid="surveillance-reproject-derived">
          {result.derived.map((d) => (
            <li key={d}>{t(`cli:surveilReproject.derived.${d}`)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
