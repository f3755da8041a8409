/** The scenario comparison tab: every scenario of the deal on the current pool, class balances and tables. */
import { useMemo } from 'react';
import { scenarioComparisonTables, type ScenarioComparison } from '../../../core/scenario/compare';
import { useApp } from '../../AppContext';
import { EChart, type ChartOption } from '../../components/EChart';
import { ReportGrid } from '../../components/ReportGrid';
import { engine } from '../../engine/engineWorker';
import { money } from '../../format';
import { useKept } from '../useKept';
import { base, KEPT, type Held } from './shared';
import { Stale } from './Stale';

export function ComparePanel({
  held,
  onResult,
}: {
  held: Held<ScenarioComparison> | null;
  onResult: (h: Held<ScenarioComparison>) => void;
}) {
  const { state, job } = useApp();
  const doc = state.history.present;
  const [cls, setCls] = useKept(KEPT.compareClass);
  async function run(): Promise<void> {
    const value = await job('Comparing scenarios', (p) =>
      engine().request({ kind: 'compareScenarios', ...base(doc) }, p),
    );
    if (value) onResult({ doc, value });
  }
  const c = held?.value ?? null;
  const classes = c ? Object.keys(c.trancheBalance) : [];
  const shown = cls !== null && classes.includes(cls) ? cls : (classes[0] ?? null);
  const option = useMemo<ChartOption | null>(() => {
    if (!c || shown === null) return null;
    const series = c.trancheBalance[shown] ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      grid: { left: 80, right: 20, top: 36, bottom: 44 },
      xAxis: { type: 'value', name: 'Period', nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: {
        type: 'value',
        name: `Class ${shown} balance`,
        axisLabel: { formatter: (v: number) => compact(v) },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        symbol: 'none',
        data: s.periods.map((p, i) => [p, s.values[i]!]),
      })),
    };
  }, [c, shown]);
  const tables = useMemo(() => (c ? scenarioComparisonTables(c) : null), [c]);
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Scenario comparison</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-compare">
            Compare all scenarios
          </button>
        </div>
        <p className="muted small">
          Runs every scenario of the deal ({doc.deal.scenarios.map((s) => s.name).join(', ')}) on the current
          pool.
        </p>
      </section>
      <Stale held={held} />
      {c && option && tables ? (
        <>
          <section className="card">
            <div className="card-head">
              <h2>Class balance by scenario</h2>
              <div className="subtabs">
                {classes.map((id) => (
                  <button key={id} className={id === shown ? 'active' : ''} onClick={() => setCls(id)}>
                    Class {id}
                  </button>
                ))}
              </div>
            </div>
            <EChart option={option} height={280} testId="compare-chart" />
          </section>
          <ReportGrid table={tables[0]!} testId="compare-table" />
          <ReportGrid table={tables[1]!} testId="compare-pool-table" />
        </>
      ) : (
        <div className="empty">
          <p>Compare the deal&apos;s scenarios side by side.</p>
        </div>
      )}
    </>
  );
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(0)}m`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(0)}k`;
  return String(v);
}
