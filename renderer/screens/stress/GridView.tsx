/** A sensitivity grid's result: the heatmap of one class's metric and the same figures as a table. */
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  gridAxisNotes,
  gridMatrix,
  gridReportTable,
  type GridMetric,
  type GridResult,
} from '../../../core/scenario/grid';
import { useApp } from '../../AppContext';
import { EChart, type ChartOption } from '../../components/EChart';
import { ReportGrid } from '../../components/ReportGrid';
import { amountUnit } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { heatRange } from '../../project/heatRange';
import { axisName, axisValueText } from '../../project/stressForms';
import { engineNote } from './engineNote';
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
  const { t } = useTranslation('stress');
  // The chart's option and the table's headers are memoised: they must change with the language and scale.
  const { lang, scale } = useDisplay();
  const currency = state.history.present.deal.currency;
  const scenario = state.history.present.deal.scenarios.find((sc) => sc.name === grid.scenarioName);
  const notes = scenario ? gridAxisNotes(grid.spec, scenario).map((n) => engineNote(t, n)) : [];
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
          const where = t('grid.tooltip', {
            y: axisName(t, y.kind),
            yValue: axisValueText(t, y.kind, grid.yValues[d[1]]!),
            x: axisName(t, x.kind),
            xValue: axisValueText(t, x.kind, grid.xValues[d[0]]!),
          });
          return `${where}<br/><b>${metricText(metric, v)}</b>`;
        },
      },
      grid: { left: 90, right: 110, top: 20, bottom: 56 },
      xAxis: {
        type: 'category',
        name: axisName(t, x.kind),
        nameLocation: 'middle',
        nameGap: 32,
        data: grid.xValues.map((v) => axisValueText(t, x.kind, v)),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: axisName(t, y.kind),
        nameLocation: 'middle',
        nameGap: 62,
        data: grid.yValues.map((v) => axisValueText(t, y.kind, v)),
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
    // lang and scale: the labels and money figures above read them through t and money().
  }, [grid, matrix, range, metric, x.kind, y.kind, t, lang, scale]);
  const table = useMemo(() => {
    // The report's table, in the screen's language.
    return gridReportTable(grid, t, tranche, metric);
    // lang and scale: money cells read them through money().
  }, [grid, tranche, metric, t, lang, scale]);
  const reconciles = grid.cells.every((c) => c.cashConserved);
  const counts = { rows: grid.yValues.length, cols: grid.xValues.length, scenario: grid.scenarioName };
  const height = Math.max(260, Math.min(560, 90 + grid.yValues.length * 34));
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>
            <Trans
              t={t}
              i18nKey={'grid.heading'}
              values={{ metric: t(`metric.${metric}`), tranche }}
              components={[<span key="tranche" translate="no" />]}
            />
          </h2>
          <span className="muted small">
            <Trans
              t={t}
              i18nKey={reconciles ? 'grid.cells' : 'grid.cellsUnreconciled'}
              values={counts}
              components={[<span key="scenario" translate="no" />]}
            />
            {metric === 'interestShortfall'
              ? ` · ${t('grid.amounts', { unit: amountUnit(currency) })}`
              : null}
          </span>
        </div>
        {missingAnalytics ? <div className="banner small">{t('grid.noAnalytics')}</div> : null}
        {range.uniform !== null ? (
          <p className="muted small" data-testid="grid-uniform">
            {t('grid.uniform', {
              value: metricText(metric, range.uniform),
              metric: t(`metric.${metric}`),
              tranche,
            })}
          </p>
        ) : null}
        {notes.map((n) => (
          <p key={n} className="muted small" data-testid="grid-axis-note">
            {n}
          </p>
        ))}
        <EChart option={option} height={height} testId="grid-heatmap" />
      </section>
      {/* Chinese axis names carry their acronym, "年化早偿率(CPR)": the corner needs more room. */}
      <ReportGrid table={table} testId="grid-table" firstWidth={lang === 'zh-CN' ? 260 : 160} />
    </>
  );
}
