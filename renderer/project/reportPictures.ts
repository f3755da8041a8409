/**
 * The report's pictures for an export, drawn on demand: ECharts' drawing code loads only when a report is
 * written. Pictures that cannot be drawn must not cost the user the report: it is written without them.
 */
import type { AmountScale } from '../../core/i18n/amounts';
import type { Lang } from '../../core/i18n/lang';
import type { ReportChart } from '../../core/io/report/reportChart';
import type { RunResult } from '../../core/result';

export async function reportPictures(
  result: RunResult,
  lang: Lang,
  amounts: AmountScale,
): Promise<ReportChart[]> {
  try {
    const { renderReportCharts } = await import('./reportCharts');
    return renderReportCharts(result, { lang, amounts });
  } catch (e) {
    console.warn('The report is written without its pictures:', e);
    return [];
  }
}
