/**
 * Stress (issue #5): sensitivity grids, break-evens, rating-agency stresses, Monte Carlo and scenario comparison over the
 * current deal and pool. Every run goes through the engine worker (progress and Cancel in the status bar);
 * results stay on the screen until the next run of the same kind, and are marked when the deal has changed.
 */
import { useTranslation } from 'react-i18next';
import { scenarioComparisonTables } from '../../core/scenario/compare';
import { gridReportTable } from '../../core/scenario/grid';
import {
  monteCarloReportTables,
  ratingStressReportTable,
  type ReportTable,
} from '../../core/scenario/reportTable';
import { useApp } from '../AppContext';
import type { AnalysisId } from '../project/state';
import { integer } from '../format';
import { useKept } from './useKept';
import { BreakevenPanel } from './stress/BreakevenPanel';
import { ComparePanel } from './stress/ComparePanel';
import { GridPanel } from './stress/GridPanel';
import { MonteCarloPanel } from './stress/MonteCarloPanel';
import { RatingPanel } from './stress/RatingPanel';
import { axisName } from '../project/stressForms';
import { KEPT, TABS, type Held } from './stress/shared';

export function StressScreen() {
  const { state, dispatch } = useApp();
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  // Each result also goes to the app state, so the Export screen can put it in the tranche report. Its label is
  // written in the language of the moment it was run (the snapshot holds text, not a key).
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
  const [breakeven, setBreakeven] = useKept(KEPT.breakeven);
  const [rating, setRating] = useKept(KEPT.rating);
  const [mc, setMc] = useKept(KEPT.monteCarlo);
  const [cmp, setCmp] = useKept(KEPT.compare);

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <p className="muted">
          <span translate="no">{doc.deal.name}</span> · {t('head.baseScenario')}{' '}
          <b translate="no">{doc.scenario}</b> ·{' '}
          {doc.pool ? t('head.loans', { loans: integer(doc.pool.loans.size) }) : t('head.repLines')} ·{' '}
          {t('head.worker')}
        </p>
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            role="tab"
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
            data-testid={`stress-tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'grid' && (
        <GridPanel
          held={grid}
          onResult={keep('grid', setGrid, (g) => ({
            label: t('kept.grid', {
              metric: t(`metric.${g.spec.metric}`),
              y: axisName(t, g.spec.y.kind),
              x: axisName(t, g.spec.x.kind),
            }),
            tables: g.trancheIds.map((id) => gridReportTable(g, id)),
          }))}
        />
      )}
      {/* Break-evens are not a report sheet of their own: they go on the Summary with the run's results. */}
      {tab === 'breakeven' && <BreakevenPanel held={breakeven} onResult={setBreakeven} />}
      {tab === 'rating' && (
        <RatingPanel
          held={rating}
          onResult={keep('ratingStresses', setRating, (r) => ({
            label: t('kept.rating', { scenario: r.scenarioName }),
            tables: [ratingStressReportTable(r)],
          }))}
        />
      )}
      {tab === 'monteCarlo' && (
        <MonteCarloPanel
          held={mc}
          onResult={keep('monteCarlo', setMc, (r) => ({
            label: t('kept.monteCarlo', { paths: integer(r.plan.paths), seed: r.plan.seed }),
            tables: monteCarloReportTables(r),
          }))}
        />
      )}
      {tab === 'compare' && (
        <ComparePanel
          held={cmp}
          onResult={keep('scenarioComparison', setCmp, (c) => ({
            label: t('kept.compare', { scenarios: c.scenarios.join(', ') }),
            tables: scenarioComparisonTables(c),
          }))}
        />
      )}
    </div>
  );
}
