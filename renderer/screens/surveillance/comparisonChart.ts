/**
 * Actual against projected as small line charts, one measure each, by payment date: what the servicer reported
 * as a solid line with markers, the run made at closing dashed in the same colour (the convention of trustee
 * surveillance packs: the plan is the dashed line the actuals are read against).
 */
import type { TFunction } from 'i18next';
import type { ComparisonRow, Measures } from '../../../core/surveillance/compare';
import { CHART_COLORS, type ChartOption } from '../../components/EChart';
import { money, moneyWhole, pct } from '../../format';

export const MEASURES = ['pool', 'cdr', 'cpr', 'cnl', 'dq60', 'es'] as const;
export type Measure = (typeof MEASURES)[number];

type Side = 'actual' | 'projected';

/** A measure on one side of a row; null where the side has none (the projection's delinquency, a run ended). */
export function measureOf(r: ComparisonRow, m: Measure, side: Side): number | null {
  if (m === 'dq60') return side === 'actual' ? r.actual.delinquent60Plus : null;
  const x: Measures | null = side === 'actual' ? r.actual : r.projected;
  if (x === null) return null;
  switch (m) {
    case 'pool':
      return x.poolEndBalance;
    case 'cdr':
      return x.cdr;
    case 'cpr':
      return x.cpr;
    case 'cnl':
      return x.cumulativeNetLoss;
    case 'es':
      return x.excessSpread;
  }
}

/** Money for the pool balance, percent for the rates. */
export const measureText = (m: Measure, v: number | null): string => (m === 'pool' ? money(v) : pct(v));

export function comparisonOption(rows: readonly ComparisonRow[], m: Measure, t: TFunction): ChartOption {
  const colour = CHART_COLORS[0]!;
  const dates = rows.map((r) => r.date);
  const actual = t('surveillance:compare.actual');
  const projected = t('surveillance:compare.projected');
  const fmt = (v: unknown): string => measureText(m, typeof v === 'number' ? v : null);
  return {
    title: { text: t(`surveillance:compare.metric.${m}`), left: 0, top: 0, textStyle: { fontSize: 13 } },
    grid: { left: m === 'pool' ? 92 : 56, right: 16, top: 48, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 0, right: 0, data: m === 'dq60' ? [actual] : [actual, projected] },
    xAxis: { type: 'category', data: dates, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      scale: m === 'pool',
      axisLabel: { formatter: (v: number) => (m === 'pool' ? moneyWhole(v) : pct(v, 1)) },
    },
    series: [
      {
        name: actual,
        type: 'line',
        data: rows.map((r) => measureOf(r, m, 'actual')),
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: colour, width: 2 },
        itemStyle: { color: colour },
      },
      ...(m === 'dq60'
        ? []
        : [
            {
              name: projected,
              type: 'line' as const,
              data: rows.map((r) => measureOf(r, m, 'projected')),
              symbol: 'none',
              lineStyle: { color: colour, width: 1.5, type: 'dashed' as const },
              itemStyle: { color: colour },
            },
          ]),
    ],
  };
}
