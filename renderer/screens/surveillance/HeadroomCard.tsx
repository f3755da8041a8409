/**
 * Trigger headroom month by month (core/surveillance/headroom.ts): each trigger's value on each report against
 * its threshold of that period, as a chart and a table, then the first projected breach of each trigger under
 * each of the deal's scenarios (the run from closing).
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HeadroomCell } from '../../../core/surveillance/headroom';
import { DataGrid } from '../../components/DataGrid';
import { CHART_COLORS, EChart, type ChartOption } from '../../components/EChart';
import type { SurveillanceResult } from '../../engine/surveillanceAdapter';
import { pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';

type HeadroomRow = HeadroomCell & { date: string };

/** Value solid with markers, the threshold schedule dashed, one colour per trigger. */
function headroomOption(
  rows: readonly HeadroomRow[],
  triggers: readonly string[],
  t: TFunction,
): ChartOption {
  const dates = [...new Set(rows.map((r) => r.date))];
  const series = triggers.flatMap((id, i) => {
    const colour = CHART_COLORS[i % CHART_COLORS.length]!;
    const mine = rows.filter((r) => r.trigger === id);
    const at = (k: 'value' | 'threshold') => dates.map((d) => mine.find((r) => r.date === d)?.[k] ?? null);
    return [
      {
        name: t('surveillance:headroom.chartValue', { trigger: id }),
        type: 'line' as const,
        data: at('value'),
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: colour, width: 2 },
        itemStyle: { color: colour },
      },
      {
        name: t('surveillance:headroom.chartThreshold', { trigger: id }),
        type: 'line' as const,
        step: 'end' as const,
        data: at('threshold'),
        symbol: 'none',
        lineStyle: { color: colour, width: 1.5, type: 'dashed' as const },
        itemStyle: { color: colour },
      },
    ];
  });
  return {
    grid: { left: 64, right: 16, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => pct(typeof v === 'number' ? v : null) },
    legend: { top: 0, left: 0 },
    xAxis: { type: 'category', data: dates, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => pct(v, 1) } },
    series,
  };
}

interface BreachRow {
  trigger: string;
  byScenario: Record<string, { period: number | null; date: string | null }>;
}

export function HeadroomCard({ result }: { result: SurveillanceResult }) {
  const { t } = useTranslation('surveillance');
  const { lang } = useDisplay();
  const dateOf = useMemo(() => new Map(result.rows.map((r) => [r.period, r.date])), [result]);
  const rows = useMemo<HeadroomRow[]>(
    () => result.headroom.map((h) => ({ ...h, date: dateOf.get(h.period) ?? '' })),
    [result, dateOf],
  );
  const triggers = useMemo(() => [...new Set(result.breaches.map((b) => b.trigger))], [result]);
  const scenarios = useMemo(() => [...new Set(result.breaches.map((b) => b.scenario))], [result]);
  const breachRows = useMemo<BreachRow[]>(
    () =>
      triggers.map((trigger) => ({
        trigger,
        byScenario: Object.fromEntries(
          result.breaches.filter((b) => b.trigger === trigger).map((b) => [b.scenario, b]),
        ),
      })),
    [result, triggers],
  );
  const option = useMemo(() => headroomOption(rows, triggers, t), [rows, triggers, t, lang]);
  const cols = useMemo<ColDef<HeadroomRow>[]>(
    () => [
      { field: 'trigger', headerName: t('headroom.col.trigger'), width: 110 },
      { field: 'period', headerName: t('headroom.col.period'), width: 70, type: 'rightAligned' },
      { field: 'date', headerName: t('headroom.col.date'), width: 110 },
      ...(['value', 'threshold', 'headroom'] as const).map((k): ColDef<HeadroomRow> => ({
        field: k,
        headerName: t(`headroom.col.${k}`),
        type: 'rightAligned',
        width: 110,
        valueFormatter: (p) => pct(p.value as number | null),
      })),
      {
        field: 'source',
        headerName: t('headroom.col.source'),
        width: 170,
        valueFormatter: (p) => t(`headroom.source.${String(p.value) as HeadroomCell['source']}`),
      },
      {
        colId: 'breached',
        headerName: t('headroom.col.breached'),
        width: 100,
        // A word, not AG Grid's checkbox for a boolean: the column is read, never ticked.
        valueGetter: (p) => (p.data?.breached ? t('headroom.yes') : t('headroom.no')),
        cellClassRules: { bad: (p) => p.data?.breached === true },
      },
    ],
    [t, lang],
  );
  const breachCols = useMemo<ColDef<BreachRow>[]>(
    () => [
      { field: 'trigger', headerName: t('headroom.col.trigger'), width: 130, pinned: 'left' },
      ...scenarios.map((s): ColDef<BreachRow> => ({
        colId: `scenario-${s}`,
        headerName: s,
        width: 190,
        valueGetter: (p) => {
          const b = p.data?.byScenario[s];
          if (!b) return '';
          return b.period === null
            ? t('headroom.never')
            : t('headroom.breachAt', { period: b.period, date: b.date ?? '' });
        },
      })),
    ],
    [t, lang, scenarios],
  );
  if (triggers.length === 0)
    return (
      <section className="card" data-testid="surveillance-headroom">
        <div className="card-head">
          <h2>{t('headroom.title')}</h2>
        </div>
        <p className="muted">{t('headroom.none')}</p>
      </section>
    );
  return (
    <section className="card" data-testid="surveillance-headroom">
      <div className="card-head">
        <h2>{t('headroom.title')}</h2>
      </div>
      <p className="muted small">{t('headroom.explain')}</p>
      <EChart option={option} height={240} testId="surveillance-headroom-chart" />
      <DataGrid<HeadroomRow>
        rowData={rows}
        columnDefs={cols}
        autoHeight
        maxBodyHeight={280}
        csvName={t('headroom.csvName')}
        testId="surveillance-headroom-grid"
      />
      <div className="card-head">
        <h3>{t('headroom.breachesTitle')}</h3>
      </div>
      <p className="muted small">{t('headroom.breachesExplain')}</p>
      <DataGrid<BreachRow>
        rowData={breachRows}
        columnDefs={breachCols}
        autoHeight
        csvName={t('headroom.breachesCsv')}
        testId="surveillance-breaches-grid"
      />
    </section>
  );
}
