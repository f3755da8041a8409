/** The sensitivity grid tab: the axes form, the run, and the result below it. */
import {
  GRID_METRICS,
  metricLabel,
  metricNeedsAnalytics,
  type GridMetric,
  type GridResult,
} from '../../../core/scenario/grid';
import { useApp } from '../../AppContext';
import { engine } from '../../engine/engineWorker';
import { axisFromForm, axisProblemText } from '../../project/stressForms';
import { useKept } from '../useKept';
import { AxisEditor } from './AxisEditor';
import { GridView } from './GridView';
import { base, KEPT, type Held } from './shared';
import { Stale } from './Stale';

export function GridPanel({
  held,
  onResult,
}: {
  held: Held<GridResult> | null;
  onResult: (h: Held<GridResult>) => void;
}) {
  const { state, job } = useApp();
  const doc = state.history.present;
  const trancheIds = doc.deal.structure.tranches.map((t) => t.id);
  const [x, setX] = useKept(KEPT.gridX);
  const [y, setY] = useKept(KEPT.gridY);
  const [keptTranche, setTranche] = useKept(KEPT.gridTranche);
  const tranche =
    keptTranche !== null && trancheIds.includes(keptTranche) ? keptTranche : (trancheIds[0] ?? '');
  const [metric, setMetric] = useKept(KEPT.gridMetric);
  // Checked as typed, in the units typed; the grid runs only from a form that passes.
  const formProblem = axisProblemText(x) ?? axisProblemText(y);

  async function run(): Promise<void> {
    if (formProblem) return;
    const spec = { x: axisFromForm(x), y: axisFromForm(y), tranche, metric, scenario: doc.scenario };
    const value = await job('Running sensitivity grid', (p) =>
      engine().request({ kind: 'stressGrid', ...base(doc), spec }, p),
    );
    if (value) onResult({ doc, value });
  }

  const grid = held?.value ?? null;
  const shownTranche = grid && grid.trancheIds.includes(tranche) ? tranche : (grid?.trancheIds[0] ?? tranche);
  const missingAnalytics =
    grid !== null && metricNeedsAnalytics(metric) && !metricNeedsAnalytics(grid.spec.metric);

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Sensitivity grid</h2>
          <span className="muted small">
            One deal run per cell; rates in percent, multiples of the base case
          </span>
        </div>
        <div className="stress-form">
          <AxisEditor label="X (columns)" value={x} onChange={setX} />
          <AxisEditor label="Y (rows)" value={y} onChange={setY} />
          <div className="stress-axis">
            <span className="stress-axis-name">Show</span>
            <label>
              class
              <select value={tranche} onChange={(e) => setTranche(e.target.value)} data-testid="grid-tranche">
                {trancheIds.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              metric
              <select
                value={metric}
                onChange={(e) => setMetric(e.target.value as GridMetric)}
                data-testid="grid-metric"
              >
                {GRID_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {metricLabel(m)}
                  </option>
                ))}
              </select>
            </label>
            <button
              className="primary"
              onClick={() => void run()}
              disabled={formProblem !== null}
              data-testid="run-grid"
            >
              Run grid
            </button>
          </div>
          {formProblem ? (
            <p className="bad small" role="alert" data-testid="grid-form-problem">
              {formProblem}
            </p>
          ) : null}
        </div>
      </section>
      <Stale held={held} />
      {grid ? (
        <GridView grid={grid} tranche={shownTranche} metric={metric} missingAnalytics={missingAnalytics} />
      ) : (
        <div className="empty">
          <p>Choose the axes and run the grid.</p>
        </div>
      )}
    </>
  );
}
