/**
 * The CLI's pictures: ECharts' server-side SVG rasterised by resvg into a PNG of the stated pixel size, at twice
 * the chart's logical size so it prints sharp, with the Chinese words drawn as text (not dropped).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  PIXEL_RATIO,
  reportChartSpecs,
} from '../../../core/io/report/reportCharts';
import { chartSvg, renderReportCharts } from '../../../core/node/report/charts';
import { runDeal } from '../../../core/run';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(...png.subarray(12, 16));
  if (type !== 'IHDR') throw new Error(`first chunk is ${type}, not IHDR`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function sampleRun() {
  const deal = Deal.parse(
    JSON.parse(
      readFileSync(new URL('../../../samples/deals/consumer-loan-cny.deal.json', import.meta.url), 'utf8'),
    ),
  );
  if (deal.pool.kind !== 'repLines') throw new Error('the sample has rep lines');
  return runDeal(deal, { kind: 'repLines', lines: deal.pool.lines }, { scenario: deal.scenarios[0]!.name });
}

describe('report pictures rasterised in Node', () => {
  const result = sampleRun();

  it('writes each chart as a PNG of the stated size, twice the logical size', async () => {
    const charts = await renderReportCharts(result, { lang: 'zh-CN', amounts: 'wan' });
    expect(charts.map((c) => c.id)).toEqual(['noteBalances', 'cumulativeLoss', 'excessSpread']);
    for (const c of charts) {
      expect([...c.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(c.png)).toEqual({ width: c.widthPx, height: c.heightPx });
      expect([c.widthPx, c.heightPx]).toEqual([CHART_WIDTH * PIXEL_RATIO, CHART_HEIGHT * PIXEL_RATIO]);
    }
    expect(charts.map((c) => c.title)).toEqual([
      '各档证券未偿本金余额',
      '累计违约率与累计净损失率',
      '超额利差（年化）',
    ]);
  });

  it('draws the Chinese and English words as text in the SVG it rasterises', () => {
    const [zh] = reportChartSpecs(result, { lang: 'zh-CN', amounts: 'wan' });
    const [en] = reportChartSpecs(result, { lang: 'en', amounts: 'million' });
    const zhSvg = chartSvg(zh!);
    expect(zhSvg).toMatch(/^<svg/);
    expect(zhSvg).toContain('>各档证券未偿本金余额<');
    expect(zhSvg).toContain('>余额（万元）<');
    expect(chartSvg(en!)).toContain('>Balance (CNY millions)<');
  });
});
