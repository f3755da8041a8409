/**
 * The report's pictures in the app. The report is written in the engine worker, but a worker has no reliable
 * fonts to draw text with, so the page draws them: ECharts' canvas renderer on a detached element of fixed size
 * (never shown, never laid out), read back as PNG bytes for the worker. Same options as the CLI's (core builds
 * them), in the report's language and unit.
 */
import * as echarts from 'echarts';
import type { AmountScale } from '../../core/i18n/amounts';
import type { Lang } from '../../core/i18n/lang';
import type { ReportChart } from '../../core/io/report/reportChart';
import {
  PIXEL_RATIO,
  pngSize,
  reportChartSpecs,
  type ReportChartSpec,
} from '../../core/io/report/reportCharts';
import type { RunResult } from '../../core/result';

function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function drawn(spec: ReportChartSpec, lang: Lang): ReportChart {
  const chart = echarts.init(document.createElement('div'), undefined, {
    renderer: 'canvas',
    width: spec.width,
    height: spec.height,
    locale: lang === 'zh-CN' ? 'ZH' : 'EN',
  });
  try {
    chart.setOption(spec.option as echarts.EChartsOption);
    const png = dataUrlBytes(
      chart.getDataURL({
        type: 'png',
        pixelRatio: PIXEL_RATIO,
        backgroundColor: spec.option.backgroundColor,
      }),
    );
    const size = pngSize(png);
    return { id: spec.id, title: spec.title, png, widthPx: size.width, heightPx: size.height };
  } finally {
    chart.dispose();
  }
}

/** The note-balance run-off, cumulative loss and excess spread of a run as PNGs, for the report's Summary sheet. */
export function renderReportCharts(
  result: RunResult,
  options: { lang: Lang; amounts: AmountScale },
): ReportChart[] {
  return reportChartSpecs(result, options).map((spec) => drawn(spec, options.lang));
}
