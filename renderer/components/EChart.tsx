/** A minimal React wrapper over ECharts: one instance per element, option updates in place, resize observed. */
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import { useDisplay } from '../i18n/DisplayContext';

export type ChartOption = echarts.EChartsOption;

export const CHART_COLORS = [
  '#1d4f91',
  '#3a8dde',
  '#7fb3e6',
  '#e0a030',
  '#c0504d',
  '#5b9b5b',
  '#8064a2',
  '#6b7785',
];

/**
 * A canvas does not inherit the page's font list, so charts name it: Latin faces first, then the CJK faces of
 * macOS, Windows and Linux, so Chinese labels never render as empty boxes.
 */
const CHART_FONT =
  "Inter, 'Segoe UI', system-ui, Arial, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

export function EChart({
  option,
  height = 280,
  testId,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // ECharts' own words (toolbox titles, 'No data', aria descriptions) come from its built-in locales, which are
  // fixed when a chart is created: a change of language creates the chart again.
  const { lang } = useDisplay();

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, {
      renderer: 'canvas',
      locale: lang === 'zh-CN' ? 'ZH' : 'EN',
    });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(
      {
        color: CHART_COLORS,
        animation: false,
        textStyle: { fontFamily: CHART_FONT, fontSize: 11 },
        grid: { left: 70, right: 20, top: 36, bottom: 36 },
        ...option,
      },
      { notMerge: true },
    );
    // A chart created again for a new language starts empty: it takes the option once more.
  }, [option, lang]);

  return <div ref={el} className="chart" style={{ height }} data-testid={testId} />;
}
