/** Results, Triggers tab: the annualised excess spread by period. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../../../core/result';
import { EChart, type ChartOption } from '../../components/EChart';
import { pct } from '../../format';

export function ExcessSpreadChart({ r }: { r: RunResult }) {
  const { t } = useTranslation('results');
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => pct(Number(v)) },
      xAxis: {
        type: 'category',
        data: r.excessSpread.map((x) => x.period),
        name: t('glossary:period'),
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(1)}%` } },
      series: [
        {
          name: t('triggers.excessSpreadSeries'),
          type: 'line',
          symbol: 'none',
          areaStyle: { opacity: 0.2 },
          data: r.excessSpread.map((x) => x.annualised),
        },
      ],
    }),
    [r, t],
  );
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('glossary:excessSpread')}</h2>
      </div>
      <EChart option={option} height={240} testId="excess-spread-chart" />
    </section>
  );
}
