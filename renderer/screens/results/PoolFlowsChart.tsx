/** Results, Pool cash flows tab: the pool's collections and defaults by period, with its balance. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../../../core/result';
import { EChart, type ChartOption } from '../../components/EChart';
import { amountUnit, money } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { axisAmount } from './amounts';

export function PoolFlowsChart({ r }: { r: RunResult }) {
  const { t } = useTranslation('results');
  const { lang, scale } = useDisplay();
  const option = useMemo<ChartOption>(() => {
    const p = r.pool.periods;
    const unit = amountUnit(r.deal.currency);
    const label = { formatter: (v: number) => axisAmount(v, lang, scale) };
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: p.map((x) => x.period) },
      yAxis: [
        { type: 'value', name: `${t('flows.flowsAxis')} (${unit})`, axisLabel: label },
        {
          type: 'value',
          name: `${t('glossary:balance')} (${unit})`,
          axisLabel: label,
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: t('flows.scheduledPrincipal'),
          type: 'bar',
          stack: 'f',
          data: p.map((x) => x.scheduledPrincipal),
        },
        { name: t('flows.prepayment'), type: 'bar', stack: 'f', data: p.map((x) => x.prepayment) },
        { name: t('glossary:interest'), type: 'bar', stack: 'f', data: p.map((x) => x.interest + x.fees) },
        { name: t('flows.recovery'), type: 'bar', stack: 'f', data: p.map((x) => x.recovery) },
        {
          name: t('flows.defaults'),
          type: 'bar',
          data: p.map((x) => -x.default),
          itemStyle: { color: '#c0504d' },
        },
        {
          name: t('flows.endBalance'),
          type: 'line',
          yAxisIndex: 1,
          symbol: 'none',
          data: p.map((x) => x.endBalance),
          lineStyle: { width: 2 },
        },
      ],
    };
  }, [r, t, lang, scale]);
  return (
    <section className="card">
      <EChart option={option} height={280} testId="pool-chart" />
    </section>
  );
}
