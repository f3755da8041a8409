/**
 * Stress (issue #5): sensitivity grids, rating-agency stresses, Monte Carlo and scenario comparison over the
 * current deal and pool. Every run goes through the engine worker (progress and Cancel in the status bar);
 * results stay on the screen until the next run of the same kind, and are marked when the deal has changed.
 */
import { axisLabel } from '../../core/scenario/axis';
import { scenarioComparisonTables } from '../../core/scenario/compare';
import { gridReportTable, metricLabel } from '../../core/scenario/grid';
import {
  monteCarloReportTables,
  ratingStressReportTable,
  type ReportTable,
} from '../../core/scenario/reportTable';
import { useApp } from '../AppContext';
import type { AnalysisId } from '../project/state';
import { integer } from '../format';
import { useKept } from './useKept';
import { ComparePanel } from './stress/ComparePanel';
import { GridPanel } from './stress/GridPanel';
import { MonteCarloPanel } from './stress/MonteCarloPanel';
import { RatingPanel } from './stress/RatingPanel';
import { KEPT, type Held, type Tab } from './stress/shared';

const TABS: { id: Tab; label: string }[] = [
  { id: 'grid', label: 'Sensitivity grid' },
  { id: 'rating', label: 'Rating stresses' },
  { id: 'monteCarlo', label: 'Monte Carlo' },
  { id: 'compare', label: 'Scenario comparison' },
];

export function StressScreen() {
  const { state, dispatch } = useApp();
  const doc = state.history.present;
  // Each result also goes to the app state, so the Export screen can put it in the tranche report.
  function keep<T>(
    id: AnalysisId,
    set: (h: Held<T>) => void,
    describe: (v: T) => { label: string; tables: ReportTable[] },
  ): (h: Held<T>) => void {
    return (h) => {
      set(h);
      dispatch({ type: 'analysis', snapshot: { id, doc: h.doc, ...describe(h.value) } });
    };
  }
  const [tab, setTab] = useKept(KEPT.tab);
  const [grid, setGrid] = useKept(KEPT.grid);
  const [rating, setRating] = useKept(KEPT.rating);
  const [mc, setMc] = useKept(KEPT.monteCarlo);
  const [cmp, setCmp] = useKept(KEPT.compare);

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Stress</h1>
        <p className="muted">
          {doc.deal.name} · base scenario <b>{doc.scenario}</b> ·{' '}
          {doc.pool ? `${integer(doc.pool.loans.size)} loans` : 'deal rep lines'} · runs in the engine worker
          (Cancel in the status bar)
        </p>
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
            data-testid={`stress-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'grid' && (
        <GridPanel
          held={grid}
          onResult={keep('grid', setGrid, (g) => ({
            label: `Sensitivity grid: ${metricLabel(g.spec.metric)}, ${axisLabel(g.spec.y.kind)} × ${axisLabel(g.spec.x.kind)}`,
            tables: g.trancheIds.map((t) => gridReportTable(g, t)),
          }))}
        />
      )}
      {tab === 'rating' && (
        <RatingPanel
          held={rating}
          onResult={keep('ratingStresses', setRating, (r) => ({
            label: `Rating stresses on scenario ${r.scenarioName}`,
            tables: [ratingStressReportTable(r)],
          }))}
        />
      )}
      {tab === 'monteCarlo' && (
        <MonteCarloPanel
          held={mc}
          onResult={keep('monteCarlo', setMc, (r) => ({
            label: `Monte Carlo, ${integer(r.plan.paths)} paths, seed ${r.plan.seed}`,
            tables: monteCarloReportTables(r),
          }))}
        />
      )}
      {tab === 'compare' && (
        <ComparePanel
          held={cmp}
          onResult={keep('scenarioComparison', setCmp, (c) => ({
            label: `Scenario comparison: ${c.scenarios.join(', ')}`,
            tables: scenarioComparisonTables(c),
          }))}
        />
      )}
    </div>
  );
}
