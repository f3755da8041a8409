/**
 * The report's three pictures as ECharts options, built once here so the CLI (server-side SVG, rasterised in Node)
 * and the app (canvas in the page) draw the same chart from the same numbers. Pure: no DOM, no fonts, no clock;
 * the same run gives the same option, so the same picture.
 *
 * What a trustee or arranger report shows, and so what these show:
 * - note balances: each class's outstanding balance after each payment date, stacked so the top edge is the
 *   notes' total, starting from the original balances at closing;
 * - cumulative loss: the pool's cumulative gross defaults and cumulative net loss (defaults − recoveries), both as
 *   a share of the initial pool balance, the measure CNL triggers test;
 * - excess spread: the annualised rate per period (the engine's (interest collections − senior fees − note
 *   interest) × 12 / beginning pool balance), the figure excess-spread triggers and rating reports quote, rather
 *   than an amount that shrinks with the pool.
 */
import type { AmountScale } from '../../i18n/amounts';
import type { Lang } from '../../i18n/lang';
import type { RunResult } from '../../result';
import type { ReportChartId } from './reportChart';
import { reportText } from './reportText';

/** Logical size of each picture; hosts draw it at PIXEL_RATIO, so the PNG is sharp when printed. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
export const PIXEL_RATIO = 2;

/**
 * Latin faces first, then the CJK faces of Linux, Windows and macOS, so Chinese never renders as empty boxes
 * whichever host rasterises the picture. Names unquoted (valid CSS): resvg drops a quoted family that is not
 * first in the list, and digits-only labels then fall back to a serif face.
 */
export const CHART_FONT =
  'Arial, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif';

/** The app's chart palette (renderer/components/EChart.tsx), so the report's pictures look like its screens. */
const COLORS = ['#1d4f91', '#3a8dde', '#7fb3e6', '#e0a030', '#c0504d', '#5b9b5b', '#8064a2', '#6b7785'];
/** Two more for the report, whose deals can have ten classes: a repeated colour would merge two bands. */
const MORE_COLORS = ['#2e8b8b', '#a0522d'];

export interface ChartLineSeries {
  type: 'line';
  name: string;
  data: number[];
  /** Series with the same stack are drawn one on top of the other. */
  stack?: string;
  areaStyle?: { opacity: number };
  showSymbol: boolean;
  lineStyle: { width: number };
}

interface ChartFont {
  fontFamily: string;
  fontSize: number;
}

/** Every text names its font: ECharts' server-side SVG does not pass the option's textStyle to axis labels. */
interface ChartAxisText {
  name: string;
  nameLocation: 'end' | 'middle';
  nameGap: number;
  nameTextStyle: ChartFont & { align?: 'left' };
}

/** The slice of an ECharts option these charts use, typed here because core cannot import ECharts' DOM types. */
export interface ReportChartOption {
  animation: false;
  backgroundColor: string;
  color: string[];
  textStyle: ChartFont;
  title: {
    text: string;
    subtext: string;
    left: number;
    top: number;
    textStyle: { fontFamily: string; fontSize: number; fontWeight: 'bold' };
    subtextStyle: ChartFont;
  };
  legend: { top: number; left: number; textStyle: ChartFont };
  grid: { left: number; right: number; top: number; bottom: number; containLabel: true };
  xAxis: ChartAxisText & { type: 'category'; data: string[]; boundaryGap: boolean; axisLabel: ChartFont };
  yAxis: ChartAxisText & { type: 'value'; axisLabel: ChartFont & { formatter: string } };
  series: ChartLineSeries[];
}

export interface ReportChartSpec {
  id: ReportChartId;
  /** In the report's language; also the picture's alternative text. */
  title: string;
  option: ReportChartOption;
  width: number;
  height: number;
}

export interface ReportChartsOptions {
  lang?: Lang;
  amounts?: AmountScale;
}

const font = (fontSize: number): ChartFont => ({ fontFamily: CHART_FONT, fontSize });

/** Room for the legend: ECharts wraps it onto more rows when it outgrows the picture's width. */
const LEGEND_ROW = 24;

/**
 * Rows the legend will take, from an estimate of its items' widths (symbol and gaps ≈ 40 px, a CJK character
 * 12 px, any other ≈ 7 px at the legend's 12 px size): a deal with ten classes must not write its legend over the
 * axis name.
 */
function legendRows(names: readonly string[]): number {
  const available = CHART_WIDTH - 32;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const width = 40 + [...name].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7), 0);
    if (used > 0 && used + width > available) {
      rows++;
      used = 0;
    }
    used += width;
  }
  return rows;
}

function frame(
  title: string,
  subtitle: string,
  x: { name: string; data: string[]; boundaryGap: boolean },
  y: { name: string; percent: boolean },
  series: ChartLineSeries[],
): ReportChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: [...COLORS, ...MORE_COLORS],
    textStyle: font(12),
    title: {
      text: title,
      subtext: subtitle,
      left: 16,
      top: 10,
      textStyle: { ...font(16), fontWeight: 'bold' },
      subtextStyle: font(12),
    },
    legend: { top: 62, left: 12, textStyle: font(12) },
    grid: {
      left: 20,
      right: 44,
      top: 120 + LEGEND_ROW * (legendRows(series.map((x) => x.name)) - 1),
      bottom: 40,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      data: x.data,
      boundaryGap: x.boundaryGap,
      name: x.name,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: font(12),
      axisLabel: font(11),
    },
    yAxis: {
      type: 'value',
      name: y.name,
      nameLocation: 'end',
      nameGap: 14,
      // From the axis rightwards: centred on the axis, a long name ran off the picture's left edge.
      nameTextStyle: { ...font(12), align: 'left' },
      axisLabel: { ...font(11), formatter: y.percent ? '{value}%' : '{value}' },
    },
    series,
  };
}

function line(name: string, data: number[], stacked = false): ChartLineSeries {
  return {
    type: 'line',
    name,
    data,
    ...(stacked ? { stack: 'notes', areaStyle: { opacity: 0.85 } } : {}),
    showSymbol: false,
    lineStyle: { width: stacked ? 1 : 2 },
  };
}

/**
 * The note-balance run-off, the pool's cumulative loss and the excess spread, in the report's language and unit
 * (balances are divided by the unit's factor, unrounded: the axis rounds its labels).
 */
export function reportChartSpecs(result: RunResult, options: ReportChartsOptions = {}): ReportChartSpec[] {
  const text = reportText(options.lang ?? 'en', options.amounts ?? 'unit', result.deal.currency);
  const { t, factor } = text;
  const subtitle = t('report:charts.subtitle', { deal: result.deal.name, scenario: result.scenario.name });
  const dateAxis = t('report:charts.dateAxis');
  const closing = result.deal.closingDate ?? result.deal.settlementDate;
  const pool = result.pool.periods.filter((p) => p.period > 0);
  const dates = pool.map((p) => p.date);
  const pct = (x: number): number => x * 100;

  // Every class has a row per period, so the first class's dates label them all.
  const noteDates = [closing, ...(result.tranches[0]?.cashflows.map((c) => c.date) ?? [])];
  const noteTitle = t('report:charts.noteBalances');
  const notes = frame(
    noteTitle,
    subtitle,
    { name: dateAxis, data: noteDates, boundaryGap: false },
    { name: t('report:charts.balanceAxis', { unit: text.unit }), percent: false },
    result.tranches.map((tr) =>
      line(
        t('report:charts.noteClass', { id: tr.id }),
        [tr.originalBalance, ...tr.cashflows.map((c) => c.balance)].map((b) => b / factor),
        true,
      ),
    ),
  );

  let defaults = 0;
  const gross: number[] = [0];
  for (const p of pool) {
    defaults += p.default;
    gross.push(result.pool.initialBalance > 0 ? pct(defaults / result.pool.initialBalance) : 0);
  }
  const lossTitle = t('report:charts.cumulativeLoss');
  const loss = frame(
    lossTitle,
    subtitle,
    { name: dateAxis, data: [closing, ...dates], boundaryGap: false },
    { name: t('report:charts.lossAxis'), percent: true },
    [
      line(t('report:charts.grossDefault'), gross),
      line(t('report:charts.netLoss'), [0, ...pool.map((p) => pct(p.cumulativeNetLossPct))]),
    ],
  );

  const dateOf = new Map(pool.map((p) => [p.period, p.date]));
  const spreadTitle = t('report:charts.excessSpread');
  const spread = frame(
    spreadTitle,
    subtitle,
    {
      name: dateAxis,
      data: result.excessSpread.map((e) => dateOf.get(e.period) ?? String(e.period)),
      boundaryGap: false,
    },
    { name: t('report:charts.spreadAxis'), percent: true },
    [
      line(
        t('report:charts.excessSpreadSeries'),
        result.excessSpread.map((e) => pct(e.annualised)),
      ),
    ],
  );

  const size = { width: CHART_WIDTH, height: CHART_HEIGHT };
  return [
    { id: 'noteBalances', title: noteTitle, option: notes, ...size },
    { id: 'cumulativeLoss', title: lossTitle, option: loss, ...size },
    { id: 'excessSpread', title: spreadTitle, option: spread, ...size },
  ];
}

/**
 * A PNG's width and height from its IHDR chunk, which the format puts first, right after the 8-byte signature:
 * the size a host states for a picture is the size it drew, not the size it asked for.
 */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = String.fromCharCode(...png.subarray(12, 16));
  if (png.length < 24 || signature.some((b, i) => png[i] !== b) || ihdr !== 'IHDR')
    throw new Error('not a PNG image (no signature and IHDR chunk)');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
