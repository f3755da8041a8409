/** A sensitivity grid's result: the heatmap of one class's metric and the same figures as a table. */
import { useMemo } from 'react';
import { axisLabel } from '../../../core/scenario/axis';
import {
  formatAxisValue,
  gridAxisNotes,
  gridMatrix,
  gridReportTable,
  metricLabel,
  type GridMetric,
  type GridResult,
} from '../../../core/scenario/grid';
import { useApp } from '../../AppContext';
import { EChart, type ChartOption } from '../../components/EChart';
import { ReportGrid } from '../../components/ReportGrid';
import { heatRange } from '../../project/heatRange';
import { metricText } from './metricText';

export function GridView({
  grid,
  tranche,
  metric,
  missingAnalytics,
}: {
  grid: GridResult;
  tranche: string;
  metric: GridMetric;
  missingAnalytics: boolean;
}) {
  const { x, y } = grid.spec;
  const { state } = useApp();
  const scenario = state.history.present.deal.scenarios.find((sc) => sc.name === grid.scenarioName);
  const notes = scenario ? gridAxisNotes(grid.spec, scenario) : [];
  const matrix = useMemo(() => gridMatrix(grid, tranche, metric), [grid, tranche, metric]);
  const range = useMemo(() => heatRange(matrix), [matrix]);
  const option = useMemo<ChartOption>(() => {
    const data: [number, number, number | '-'][] = [];
    matrix.forEach((row, iy) => row.forEach((v, ix) => data.push([ix, iy, v ?? '-'])));
    const { min, max } = range;
    const cells = grid.xValues.length * grid.yValues.length;
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const d = (p as { data: [number, number, number | '-'] }).data;
          const v = d[2] === '-' ? null : d[2];
          return `${axisLabel(y.kind)} ${formatAxisValue(y.kind, grid.yValues[d[1]]!)}, ${axisLabel(x.kind)} ${formatAxisValue(x.kind, grid.xValues[d[0]]!)}<br/><b>${metricText(metric, v)}</b>`;
        },
      },
      grid: { left: 90, right: 110, top: 20, bottom: 56 },
      xAxis: {
        type: 'category',
        name: axisLabel(x.kind),
        nameLocation: 'middle',
        nameGap: 32,
        data: grid.xValues.map((v) => formatAxisValue(x.kind, v)),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: axisLabel(y.kind),
        nameLocation: 'middle',
        nameGap: 62,
        data: grid.yValues.map((v) => formatAxisValue(y.kind, v)),
        splitArea: { show: true },
      },
      visualMap: {
        min,
        max,
        // One value everywhere: no scale to drag, and the cells in the scale's middle colour, not its pale end.
        calculable: range.uniform === null,
        show: range.uniform === null,
        orient: 'vertical',
        right: 10,
        top: 'middle',
        itemHeight: 160,
        formatter: (v: unknown) => metricText(metric, Number(v)),
        // Low is good for losses and shortfalls, so they run light to red; other metrics light to blue.
        inRange: {
          color:
            metric === 'loss' || metric === 'interestShortfall'
              ? ['#f4f8fb', '#f2c46d', '#c0504d']
              : ['#f4f8fb', '#7fb3e6', '#1d4f91'],
        },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: cells <= 400,
            fontSize: 10,
            formatter: (p: unknown) => {
              const d = (p as { data: [number, number, number | '-'] }).data;
              return metricText(metric, d[2] === '-' ? null : d[2]);
            },
          },
          emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        },
      ],
    };
  }, [grid, matrix, range, metric, x.kind, y.kind]);
  const table = useMemo(() => gridReportTable(grid, tranche, metric), [grid, tranche, metric]);
  const height = Math.max(260, Math.min(560, 90 + grid.yValues.length * 34));
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>
            {metricLabel(metric)} of class {tranche}
          </h2>
          <span className="muted small">
            {grid.yValues.length} × {grid.xValues.length} cells · scenario {grid.scenarioName}
            {grid.cells.every((c) => c.cashConserved)
              ? ' · every cell reconciles'
              : ' · some cells do not reconcile'}
          </span>
        </div>
        {missingAnalytics ? (
          <div className="banner small">
            This grid was run without yield/duration analytics; run it again with this metric selected.
          </div>
        ) : null}
        {range.uniform !== null ? (
          <p className="muted small" data-testid="grid-uniform">
            Every cell is {metricText(metric, range.uniform)}: {metricLabel(metric)} of class {tranche} does
            not move over these ranges.
          </p>
        ) : null}
        {notes.map((n) => (
          <p key={n} className="muted small" data-testid="grid-axis-note">
            {n}
          </p>
        ))}
        <EChart option={option} height={height} testId="grid-heatmap" />
      </section>
      <ReportGrid table={table} testId="grid-table" firstWidth={160} />
    </>
  );
}
