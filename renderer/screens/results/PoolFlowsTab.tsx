/** Results, Pool cash flows tab: the pool's flows by period, charted and in a grid. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { PoolPeriodRow, RunResult } from '../../../core/result';
import { DataGrid, moneyCol, pctCol } from '../../components/DataGrid';
import { EChart, type ChartOption } from '../../components/EChart';
import { money } from '../../format';
import { NET_LOSS, REALISED_LOSS } from '../../lossTerms';
import { compact } from './chartAxis';

const poolCols: ColDef<PoolPeriodRow>[] = [
  { field: 'period', headerName: 'Period', width: 74, pinned: 'left', type: 'rightAligned' },
  { field: 'date', headerName: 'Date', width: 104, pinned: 'left' },
  moneyCol('beginBalance', 'Begin balance', { width: 140 }),
  moneyCol('scheduledPrincipal', 'Scheduled principal'),
  moneyCol('prepayment', 'Prepayment'),
  moneyCol('default', 'Defaults'),
  moneyCol('loss', REALISED_LOSS),
  moneyCol('recovery', 'Recovery'),
  moneyCol('interest', 'Interest'),
  moneyCol('fees', 'Fee income'),
  moneyCol('purchases', 'Purchases'),
  moneyCol('endBalance', 'End balance', { width: 140 }),
  pctCol('cumulativeNetLossPct', NET_LOSS),
];

export function PoolFlowsTab({ r }: { r: RunResult }) {
  const option = useMemo<ChartOption>(() => {
    const p = r.pool.periods;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: p.map((x) => x.period) },
      yAxis: [
        { type: 'value', name: 'Flows', axisLabel: { formatter: (v: number) => compact(v) } },
        {
          type: 'value',
          name: 'Balance',
          axisLabel: { formatter: (v: number) => compact(v) },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: 'Scheduled principal', type: 'bar', stack: 'f', data: p.map((x) => x.scheduledPrincipal) },
        { name: 'Prepayment', type: 'bar', stack: 'f', data: p.map((x) => x.prepayment) },
        { name: 'Interest', type: 'bar', stack: 'f', data: p.map((x) => x.interest + x.fees) },
        { name: 'Recovery', type: 'bar', stack: 'f', data: p.map((x) => x.recovery) },
        { name: 'Defaults', type: 'bar', data: p.map((x) => -x.default), itemStyle: { color: '#c0504d' } },
        {
          name: 'End balance',
          type: 'line',
          yAxisIndex: 1,
          symbol: 'none',
          data: p.map((x) => x.endBalance),
          lineStyle: { width: 2 },
        },
      ],
    };
  }, [r]);
  return (
    <>
      <section className="card">
        <EChart option={option} height={280} testId="pool-chart" />
      </section>
      <DataGrid<PoolPeriodRow>
        rowData={r.pool.periods}
        columnDefs={poolCols}
        height={420}
        testId="pool-grid"
      />
    </>
  );
}
