/** Results: the run's line and notes over tabs — summary, pool cash flows, tranche cash flows, reconciliation, triggers. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../AppContext';
import { engine } from '../engine/engineWorker';
import { dealRunProblems } from '../project/runCheck';
import { PoolFlowsTab } from './results/PoolFlowsTab';
import { RunNotes } from './results/RunNotes';
import { ReconciliationTab } from './results/ReconciliationTab';
import { RunHeader } from './results/RunHeader';
import { SummaryTab } from './results/SummaryTab';
import { TrancheFlowsTab } from './results/TrancheFlowsTab';
import { TriggersTab } from './results/TriggersTab';

type Tab = 'summary' | 'pool' | 'tranches' | 'reconciliation' | 'triggers';

const TABS: Tab[] = ['summary', 'pool', 'tranches', 'reconciliation', 'triggers'];

export function ResultsScreen({ stale }: { stale: boolean }) {
  const { state, runDeal, job, dispatch } = useApp();
  const { t } = useTranslation('results');
  const [tab, setTab] = useState<Tab>('summary');
  const run = state.run;
  const present = state.history.present;
  // The run's own deal (a project saved with a run of an over-issued deal) and the deal as it stands now.
  const runProblems = useMemo(
    () => (run ? dealRunProblems(run.doc.deal, run.doc.pool?.loans ?? null) : []),
    [run],
  );
  const nowProblems = useMemo(
    () => dealRunProblems(present.deal, present.pool?.loans ?? null),
    [present.deal, present.pool],
  );

  async function solveBreakevens(): Promise<void> {
    if (!run) return;
    const d = run.doc;
    const breakevens = await job(t('job.breakevens'), (p) =>
      engine().request(
        { kind: 'breakeven', deal: d.deal, loans: d.pool?.loans ?? null, scenario: run.result.scenario.name },
        p,
      ),
    );
    if (breakevens) dispatch({ type: 'breakevens', doc: d, breakevens });
  }

  if (!run) {
    return (
      <div className="screen-body">
        <div className="screen-head">
          <h1>{t('title')}</h1>
        </div>
        {nowProblems.length > 0 ? (
          <div className="problems" data-testid="results-problems">
            {t('problems.now')}
            <ul>
              {nowProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="empty">
          <p>{t('empty.none')}</p>
          <button className="primary" onClick={() => void runDeal()}>
            {t('empty.run')}
          </button>
        </div>
      </div>
    );
  }
  const r = run.result;
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <RunHeader r={r} runProblems={runProblems} nowProblems={nowProblems} />
        <RunNotes r={r} />
        {stale ? (
          <div className="banner small" data-testid="stale">
            {t('head.stale')} <button onClick={() => void runDeal()}>{t('head.runAgain')}</button>
          </div>
        ) : null}
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'summary' && (
        <SummaryTab
          r={r}
          deal={run.doc.deal}
          breakevens={run.breakevens}
          onSolve={() => void solveBreakevens()}
        />
      )}
      {tab === 'pool' && <PoolFlowsTab r={r} />}
      {tab === 'tranches' && <TrancheFlowsTab r={r} deal={run.doc.deal} />}
      {tab === 'reconciliation' && <ReconciliationTab r={r} deal={run.doc.deal} />}
      {tab === 'triggers' && <TriggersTab r={r} deal={run.doc.deal} />}
    </div>
  );
}
