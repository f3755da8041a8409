/**
 * Stress (issue #5): sensitivity grids, break-evens, rating-agency stresses, Monte Carlo and scenario comparison over the
 * current deal and pool. Every run goes through the engine worker (progress and Cancel in the status bar);
 * results stay on the screen until the next run of the same kind, and are marked when the deal has changed.
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../AppContext';
import type { AnalysisData, AnalysisLabel } from '../project/analyses';
import { integer } from '../format';
import { useKept } from './useKept';
import { BreakevenPanel } from './stress/BreakevenPanel';
import { ComparePanel } from './stress/ComparePanel';
import { GridPanel } from './stress/GridPanel';
import { MonteCarloPanel } from './stress/MonteCarloPanel';
import { RatingPanel } from './stress/RatingPanel';
import { PricingPanel } from './stress/PricingPanel';
import { SolverPanel } from './stress/SolverPanel';
import { KEPT, TABS, type Held } from './stress/shared';

export function StressScreen() {
  const { state, dispatch } = useApp();
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  // Each result also goes to the app state, so the Export screen can put it in the tranche report: its data
  // (the sheets are written in the report's language) and a label said in the language of the moment.
  function keep<T>(
    set: (h: Held<T>) => void,
    describe: (v: T) => AnalysisData & { label: AnalysisLabel },
  ): (h: Held<T>) => void {
    return (h) => {
      set(h);
      dispatch({ type: 'analysis', snapshot: { ...describe(h.value), doc: h.doc } });
    };
  }
  const [tab, setTab] = useKept(KEPT.tab);
  const [grid, setGrid] = useKept(KEPT.grid);
  const [breakeven, setBreakeven] = useKept(KEPT.breakeven);
  const [rating, setRating] = useKept(KEPT.rating);
  const [mc, setMc] = useKept(KEPT.monteCarlo);
  const [cmp, setCmp] = useKept(KEPT.compare);
  const [pricing, setPricing] = useKept(KEPT.pricing);
  const [solver, setSolver] = useKept(KEPT.solver);

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
          onResult={keep(setGrid, (g) => ({
            id: 'grid',
            grid: g,
            label: {
              key: 'stress:kept.grid',
              keyParams: {
                metric: `stress:metric.${g.spec.metric}`,
                y: `stress:axis.${g.spec.y.kind}`,
                x: `stress:axis.${g.spec.x.kind}`,
              },
            },
          }))}
        />
      )}
      {/* Break-evens are not a report sheet of their own: they go on the Summary with the run's results. */}
      {tab === 'breakeven' && <BreakevenPanel held={breakeven} onResult={setBreakeven} />}
      {tab === 'rating' && (
        <RatingPanel
          held={rating}
          onResult={keep(setRating, (r) => ({
            id: 'ratingStresses',
            result: r,
            label: { key: 'stress:kept.rating', params: { scenario: r.scenarioName } },
          }))}
        />
      )}
      {tab === 'monteCarlo' && (
        <MonteCarloPanel
          held={mc}
          onResult={keep(setMc, (r) => ({
            id: 'monteCarlo',
            result: r,
            label: {
              key: 'stress:kept.monteCarlo',
              params: { paths: integer(r.plan.paths), seed: r.plan.seed },
            },
          }))}
        />
      )}
      {tab === 'compare' && (
        <ComparePanel
          held={cmp}
          onResult={keep(setCmp, (c) => ({
            id: 'scenarioComparison',
            comparison: c,
            label: { key: 'stress:kept.compare', params: { scenarios: c.scenarios.join(', ') } },
          }))}
        />
      )}
      {tab === 'pricing' && (
        <PricingPanel
          held={pricing}
          onResult={keep(setPricing, (r) => ({
            id: 'priceTable',
            table: r.table,
            curveName: r.curveName,
            label: { key: 'stress:pricing.kept', params: { tranche: r.table.trancheId, curve: r.curveName } },
          }))}
        />
      )}
      {/* A solver's answer is a sentence and its crossings, not a report sheet. */}
      {tab === 'solver' && <SolverPanel held={solver} onResult={setSolver} />}
    </div>
  );
}
