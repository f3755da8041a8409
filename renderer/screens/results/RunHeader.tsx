/** Results: the run's line (deal, scenario, settlement, periods, whether it reconciles), its and its problems. */
import type { RunResult } from '../../../core/result';

export function RunHeader({
  r,
  runProblems,
  nowProblems,
}: {
  r: RunResult;
  runProblems: string[];
  nowProblems: string[];
}) {
  return (
    <>
      <p className="muted">
        {r.deal.name} · scenario <b>{r.scenario.name}</b> · settlement {r.deal.settlementDate} ·{' '}
        {r.pool.periods.length} periods ·{' '}
        {runProblems.length > 0 ? (
          <span className="bad" data-testid="not-sound">
            the deal run is not sound (below); its figures are not meaningful
          </span>
        ) : r.checks.cashConserved ? (
          <span className="ok" data-testid="reconciled">
            every period reconciles to the cent
          </span>
        ) : (
          <span className="bad">{r.checks.failures.length} periods do not reconcile</span>
        )}
      </p>
      {runProblems.length > 0 || nowProblems.length > 0 ? (
        <div className="problems" data-testid="results-problems">
          {runProblems.length > 0
            ? 'This run’s deal should not have run:'
            : 'The deal as it stands will not run:'}
          <ul>
            {(runProblems.length > 0 ? runProblems : nowProblems).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
