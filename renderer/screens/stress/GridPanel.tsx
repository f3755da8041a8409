/** The sensitivity grid tab: the axes form, the run, and the result below it. */
import { useTranslation } from 'react-i18next';
import {
  GRID_METRICS,
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
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  const trancheIds = doc.deal.structure.tranches.map((tr) => tr.id);
  const [x, setX] = useKept(KEPT.gridX);
  const [y, setY] = useKept(KEPT.gridY);
  const [keptTranche, setTranche] = useKept(KEPT.gridTranche);
  const tranche =
    keptTranche !== null && trancheIds.includes(keptTranche) ? keptTranche : (trancheIds[0] ?? '');
  const [metric, setMetric] = useKept(KEPT.gridMetric);
  // Checked as typed, in the units typed; the grid runs only from a form that passes.
  const formProblem = axisProblemText(t, x) ?? axisProblemText(t, y);

  async function run(): Promise<void> {
    if (formProblem) return;
    const spec = { x: axisFromForm(x), y: axisFromForm(y), tranche, metric, scenario: doc.scenario };
    const value = await job(t('grid.job'), (p) =>
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
          <h2>{t('grid.title')}</h2>
          <span className="muted small">{t('grid.hint')}</span>
        </div>
        <div className="stress-form">
          <AxisEditor axis="x" value={x} onChange={setX} />
          <AxisEditor axis="y" value={y} onChange={setY} />
          <div className="stress-axis">
            <span className="stress-axis-name">{t('grid.show')}</span>
            <label>
              {t('grid.class')}
              <select
                value={tranche}
                onChange={(e) => setTranche(e.target.value)}
                data-testid="grid-tranche"
                translate="no"
              >
                {trancheIds.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('grid.metric')}
              <select
                value={metric}
                onChange={(e) => setMetric(e.target.value as GridMetric)}
                data-testid="grid-metric"
              >
                {GRID_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`metric.${m}`)}
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
              {t('grid.run')}
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
          <p>{t('grid.empty')}</p>
        </div>
      )}
    </>
  );
}
