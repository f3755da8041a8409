/** Results: the run's line and notes over tabs — summary, pool cash flows, tranche cash flows, reconciliation, triggers. */
import { useMemo, useState } from 'react';
import { useApp } from '../AppContext';
import { engine } from '../engine/engineWorker';
import { dealRunProblems } from '../project/runCheck';
import { PoolFlowsTab } from './results/PoolFlowsTab';
import { ProjectionNotesView } from './results/ProjectionNotesView';
import { ReconciliationTab } from './results/ReconciliationTab';
import { RunHeader } from './results/RunHeader';
import { SummaryTab } from './results/SummaryTab';
import { TrancheFlowsTab } from './results/TrancheFlowsTab';
import { TriggersTab } from './results/TriggersTab';

type Tab = 'summary' | 'pool' | 'tranches' | 'reconciliation' | 'triggers';

const TABS: { id: Tab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'pool', label: 'Pool cash flows' },
  { id: 'tranches', label: 'Tranche cash flows' },
  { id: 'reconciliation', label: 'Reconciliation' },
  { id: 'triggers', label: 'Triggers' },
];

export function ResultsScreen({ stale }: { stale: boolean }) {
  const { state, runDeal, job, dispatch } = useApp();
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
    const breakevens = await job('Solving break-evens', (p) =>
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
          <h1>Results</h1>
        </div>
        {nowProblems.length > 0 ? (
          <div className="problems" data-testid="results-problems">
            The deal as it stands will not run:
            <ul>
              {nowProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="empty">
          <p>No results yet.</p>
          <button className="primary" onClick={() => void runDeal()}>
            Run the deal (Ctrl+Enter)
          </button>
        </div>
      </div>
    );
  }
  const r = run.result;
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Results</h1>
        <RunHeader r={r} runProblems={runProblems} nowProblems={nowProblems} />
        {r.projectionNotes ? <ProjectionNotesView notes={r.projectionNotes} /> : null}
        {stale ? (
          <div className="banner small" data-testid="stale">
            The deal changed since this run. <button onClick={() => void runDeal()}>Run again</button>
          </div>
        ) : null}
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'summary' && (
        <SummaryTab r={r} breakevens={run.breakevens} onSolve={() => void solveBreakevens()} />
      )}
      {tab === 'pool' && <PoolFlowsTab r={r} />}
      {tab === 'tranches' && <TrancheFlowsTab r={r} />}
      {tab === 'reconciliation' && <ReconciliationTab r={r} />}
      {tab === 'triggers' && <TriggersTab r={r} deal={run.doc.deal} />}
    </div>
  );
}
