/**
 * The report with its pictures, as the CLI writes it (DESIGN budget: the report, 10 tranches × 360 periods, in
 * under 3 s): the three charts drawn by ECharts' server-side SVG and rasterised by resvg, then the workbook.
 * The reference is the workbook alone, so the ratio is what the pictures add.
 */
import { bestOf, figure, type Figure } from '../harness';
import { buildTrancheReport } from '../../../core/io/report';
import { renderReportCharts } from '../../../core/node/report/charts';
import { syntheticDeal, syntheticRun } from './report';

const TRANCHES = 10;

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const periods = quick ? 60 : 360;
  const deal = syntheticDeal(TRANCHES);
  const result = syntheticRun(deal, periods);
  let pictures = 0;
  const chartsMs = await bestOf(quick ? 1 : 3, async () => {
    pictures = (await renderReportCharts(result, { lang: 'zh-CN', amounts: 'million' })).length;
  });
  const ms = await bestOf(quick ? 1 : 3, async () => {
    const charts = await renderReportCharts(result, { lang: 'zh-CN', amounts: 'million' });
    await buildTrancheReport({ deal, result, lang: 'zh-CN', amounts: 'million', charts });
  });
  const reference = await bestOf(quick ? 1 : 3, async () => {
    await buildTrancheReport({ deal, result, lang: 'zh-CN', amounts: 'million' });
  });
  return [
    figure({
      name: `Excel report with pictures, ${TRANCHES} tranches × ${periods} periods`,
      value: ms,
      unit: 'ms',
      reference,
      budget: { limit: 3000, better: 'lower' },
      notes: { pictures, picturesMs: Math.round(chartsMs) },
    }),
  ];
}
