/**
 * The vintage curves chart: one line per vintage (and segment) by month on book for the metric chosen; for a
 * cumulative metric the chain ladder's extension past the latest month follows as a dashed line in the same
 * colour, inside a shaded band of ± one standard error (core/history/analyse.ts, curveExtensions). A published
 * table draws its own rows the same way, in its own units.
 */
import type { TFunction } from 'i18next';
import type { CurveExtension, HistoryAnalysis, TableAnalysis } from '../../../core/history/analyse';
import type { VintageCurves } from '../../../core/history/analysis';
import type { HistoryMeasure } from '../../../core/history/table';
import type { ChartOption } from '../../components/EChart';
import { pct, years } from '../../format';

export const METRICS = [
  'cgl',
  'cnl',
  'prepayment',
  'cdr',
  'mdr',
  'cpr',
  'smm',
  'absSpeed',
  'paymentRate',
  'dpd1_30',
  'dpd31_60',
  'dpd61_90',
  'dpd90plus',
] as const;
export type Metric = (typeof METRICS)[number];

export const isMetric = (s: string): s is Metric => (METRICS as readonly string[]).includes(s);

const CUMULATIVE: Partial<Record<Metric, HistoryMeasure>> = {
  cgl: 'grossDefault',
  cnl: 'netLoss',
  prepayment: 'prepayment',
};

function values(c: VintageCurves, m: Metric): (number | null)[] {
  switch (m) {
    case 'cgl':
      return c.cumDefaultPct;
    case 'cnl':
      return c.cumNetLossPct;
    case 'prepayment':
      return c.cumPrepaymentPct;
    case 'cdr':
    case 'mdr':
    case 'cpr':
    case 'smm':
    case 'absSpeed':
    case 'paymentRate':
      return c[m];
    default:
      return c.delinquency.map((d) => d[m]);
  }
}

/** Colours along a blue-to-amber ramp: older vintages cool, newer warm, however many there are. */
export function vintageColour(i: number, n: number): string {
  const x = n <= 1 ? 0 : i / (n - 1);
  return `hsl(${Math.round(215 - 185 * x)}, 62%, ${Math.round(38 + 10 * x)}%)`;
}

type Series = Extract<NonNullable<ChartOption['series']>, readonly unknown[]>[number][];

function extensionSeries(
  name: string,
  colour: string,
  e: CurveExtension,
  mob: (k: number) => number,
  dashedLabel: string,
): Series {
  const at = (xs: (number | null)[]): [number, number | null][] =>
    xs.flatMap((v, k) => (k >= e.latestPeriod && v !== null ? [[mob(k), v] as [number, number]] : []));
  const projected = at(e.projected);
  if (projected.length < 2) return [];
  const low = at(e.low);
  const high = at(e.high);
  const stack = `band-${name}`;
  return [
    {
      name,
      type: 'line',
      symbol: 'none',
      data: projected,
      lineStyle: { type: 'dashed', width: 1.5, color: colour },
      itemStyle: { color: colour },
      tooltip: { show: true },
      // The legend names vintages; the projected part is told apart by its dash (see the caption).
      id: `${name}-${dashedLabel}`,
    },
    // The band: an invisible lower edge, then the band's height stacked on it and filled.
    {
      name,
      type: 'line',
      symbol: 'none',
      stack,
      data: low,
      lineStyle: { opacity: 0 },
      tooltip: { show: false },
      silent: true,
    },
    {
      name,
      type: 'line',
      symbol: 'none',
      stack,
      data: high.map(([x, v], i) => [x, v === null ? null : v - (low[i]?.[1] ?? 0)]),
      lineStyle: { opacity: 0 },
      areaStyle: { color: colour, opacity: 0.12 },
      tooltip: { show: false },
      silent: true,
    },
  ];
}

export function curvesOption(a: HistoryAnalysis | TableAnalysis, metric: Metric, t: TFunction): ChartOption {
  const mobAxis = t('history:col.mob');
  if (a.kind === 'table') {
    const n = a.triangle.origins.length;
    const mob = (k: number): number => a.periods[k] ?? k + 1;
    const series: Series = a.triangle.origins.flatMap((o, i) => {
      const colour = vintageColour(i, n);
      return [
        {
          name: o,
          type: 'line' as const,
          symbol: 'none',
          data: (a.triangle.values[i] ?? []).map((v, k) => [mob(k), v]),
          lineStyle: { color: colour, width: 1.5 },
          itemStyle: { color: colour },
        },
        ...extensionSeries(o, colour, a.extension[i]!, mob, 'projected'),
      ];
    });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => years(Number(v)) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 44 },
      xAxis: { type: 'value', name: mobAxis, nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: {
        type: 'value',
        nameLocation: 'middle',
        nameGap: 50,
        name: t(a.unit === 'percent' ? 'history:chart.tablePercent' : 'history:chart.tableAmount'),
      },
      series,
    };
  }
  const n = a.curves.length;
  const measure = CUMULATIVE[metric];
  const series: Series = a.curves.flatMap((c, i) => {
    const name = c.segment === '' ? c.vintage : `${c.vintage} ${c.segment}`;
    const colour = vintageColour(i, n);
    const v = values(c, metric);
    const observed = {
      name,
      type: 'line' as const,
      symbol: 'none',
      connectNulls: false,
      data: v.map((x, m) => [m, x]),
      lineStyle: { color: colour, width: 1.5 },
      itemStyle: { color: colour },
    };
    const ext = measure ? a.extensions[measure][i] : undefined;
    // Triangle column k is month on book k + 1.
    return ext ? [observed, ...extensionSeries(name, colour, ext, (k) => k + 1, 'projected')] : [observed];
  });
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined ? '—' : pct(Number(v))),
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 44 },
    xAxis: { type: 'value', name: mobAxis, nameLocation: 'middle', nameGap: 26, min: 0 },
    // The metric's name is the picker's, above the chart: an axis name here ran into the legend.
    yAxis: { type: 'value', axisLabel: { formatter: (x: number) => pct(x, 1) } },
    series,
  };
}

/** The timing curve: the share of lifetime loss realised by each month on book. */
export function timingOption(a: HistoryAnalysis | TableAnalysis, t: TFunction): ChartOption {
  const mob = (k: number): number => a.triangle.periods?.[k] ?? k + 1;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => pct(Number(v)) },
    grid: { left: 60, right: 20, top: 30, bottom: 44 },
    xAxis: { type: 'value', name: t('history:col.mob'), nameLocation: 'middle', nameGap: 26, min: 0 },
    yAxis: { type: 'value', axisLabel: { formatter: (x: number) => pct(x, 0) } },
    series: [
      {
        name: t('history:dev.timingShare'),
        type: 'line',
        symbol: 'circle',
        symbolSize: 4,
        data: a.timing.cumulative.map((s, k) => [mob(k), s]),
      },
    ],
  };
}

/** Back-test: what the older vintages' fit projected against what each vintage then did. */
export function backtestOption(
  a: HistoryAnalysis | TableAnalysis,
  t: TFunction,
  amount: (v: number) => string,
): ChartOption | null {
  const b = a.backtest;
  if (!b) return null;
  const rows = b.rows.filter((r) => r.fromPeriod >= 0);
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined ? '—' : amount(Number(v))),
    },
    legend: { top: 0 },
    grid: { left: 80, right: 20, top: 36, bottom: 44 },
    xAxis: { type: 'category', data: rows.map((r) => r.origin) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => amount(v) } },
    series: [
      { name: t('history:col.actual'), type: 'bar', data: rows.map((r) => r.actual) },
      { name: t('history:col.clProjected'), type: 'line', data: rows.map((r) => r.chainLadder) },
      {
        name: t('history:col.timingProjected'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        data: rows.map((r) => r.timing),
      },
    ],
  };
}
