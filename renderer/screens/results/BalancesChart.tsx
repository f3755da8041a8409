/** Results: each class's note balance over time, stacked. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../../../core/result';
import { EChart, type ChartOption } from '../../components/EChart';
import { amountUnit, money } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { axisAmount } from './amounts';

export function BalancesChart({ r }: { r: RunResult }) {
  const { t } = useTranslation('results');
  const { lang, scale } = useDisplay();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      xAxis: {
        type: 'category',
        data: [0, ...r.pool.periods.map((p) => p.period)],
        name: t('glossary:period'),
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: {
        type: 'value',
        name: amountUnit(r.deal.currency),
        axisLabel: { formatter: (v: number) => axisAmount(v, lang, scale) },
      },
      series: r.tranches.map((x) => ({
        name: x.id,
        type: 'line',
        stack: 'notes',
        areaStyle: { opacity: 0.55 },
        symbol: 'none',
        lineStyle: { width: 1 },
        data: [x.originalBalance, ...x.cashflows.map((c) => c.balance)],
      })),
    }),
    [r, t, lang, scale],
  );
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('balances.title')}</h2>
      </div>
      <EChart option={option} height={260} testId="balances-chart" />
    </section>
  );
}
