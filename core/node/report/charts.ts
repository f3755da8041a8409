/**
 * The report's pictures in Node (the CLI): ECharts draws each chart as server-side SVG, resvg rasterises it with
 * the system's fonts (the CJK faces named in the option find Chinese glyphs). Imported lazily by `run --xlsx`:
 * ECharts and resvg are large and only the report needs them.
 */
import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { AmountScale } from '../../i18n/amounts';
import type { Lang } from '../../i18n/lang';
import type { ReportChart } from '../../io/report/reportChart';
import { PIXEL_RATIO, reportChartSpecs, type ReportChartSpec } from '../../io/report/reportCharts';
import type { RunResult } from '../../result';

/** A face resvg falls back to for text whose listed families are all missing: one with Chinese glyphs. */
const FALLBACK_FONT = 'Noto Sans CJK SC';

/** One chart as SVG text, drawn at its logical size. */
export function chartSvg(spec: ReportChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption(spec.option as echarts.EChartsOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * One chart as a PNG at PIXEL_RATIO times its logical size, so it prints sharp. resvg rasterises on libuv's
 * thread pool, so the three pictures are drawn side by side on a machine with more than one core: laying out
 * the text with real fonts, not the drawing, is most of the time.
 */
export async function chartPng(spec: ReportChartSpec): Promise<ReportChart> {
  const image = await renderAsync(chartSvg(spec), {
    fitTo: { mode: 'zoom', value: PIXEL_RATIO },
    font: { loadSystemFonts: true, defaultFontFamily: FALLBACK_FONT, sansSerifFamily: FALLBACK_FONT },
  });
  const png = image.asPng();
  return {
    id: spec.id,
    title: spec.title,
    png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    widthPx: image.width,
    heightPx: image.height,
  };
}

/** The note-balance run-off, cumulative loss and excess spread pictures of a run, in the report's language and unit. */
export function renderReportCharts(
  result: RunResult,
  options: { lang: Lang; amounts: AmountScale },
): Promise<ReportChart[]> {
  return Promise.all(reportChartSpecs(result, options).map(chartPng));
}
