/** Results: each class's note balance over time, stacked. */
import { useMemo } from 'react';
import type { RunResult } from '../../../core/result';
import { EChart, type ChartOption } from '../../components/EChart';
import { money } from '../../format';
import { compact } from './chartAxis';

export function BalancesChart({ r }: { r: RunResult }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      xAxis: {
        type: 'category',
        data: [0, ...r.pool.periods.map((p) => p.period)],
        name: 'Period',
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) } },
      series: r.tranches.map((t) => ({
        name: t.id,
        type: 'line',
        stack: 'notes',
        areaStyle: { opacity: 0.55 },
        symbol: 'none',
        lineStyle: { width: 1 },
        data: [t.originalBalance, ...t.cashflows.map((c) => c.balance)],
      })),
    }),
    [r],
  );
  return (
    <section className="card">
      <div className="card-head">
        <h2>Note balances over time</h2>
      </div>
      <EChart option={option} height={260} testId="balances-chart" />
    </section>
  );
}
