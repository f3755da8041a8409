/** Export: the Excel tranche report of the last run, through the host's save dialog or a download. */
import { useApp } from '../AppContext';
import { years } from '../format';

export function ExportScreen() {
  const { state, exportReport, runDeal } = useApp();
  const run = state.run;
  const stale = run !== null && run.doc !== state.history.present;
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Export</h1>
        <p className="muted">
          The tranche report is an Excel workbook: summary analytics, per-tranche cash flows, pool cash flows
          and the period reconciliation.
        </p>
      </div>
      <section className="card narrow">
        <div className="card-head">
          <h2>Excel tranche report</h2>
        </div>
        {run ? (
          <>
            <p>
              From the run of <b>{run.result.deal.name}</b> under scenario <b>{run.result.scenario.name}</b> (
              {run.result.tranches.length} classes, {run.result.pool.periods.length} periods; senior WAL{' '}
              {years(run.result.tranches[0]?.wal)} years).
            </p>
            {stale ? (
              <p className="warn">
                The deal has changed since this run; the report shows the last run. Run again to include your
                edits.
              </p>
            ) : null}
            <div className="actions">
              <button className="primary" onClick={() => void exportReport()} data-testid="export-xlsx">
                Export tranche report (.xlsx)
              </button>
              {stale ? <button onClick={() => void runDeal()}>Run again</button> : null}
            </div>
          </>
        ) : (
          <div className="actions">
            <p className="muted">Run the deal first.</p>
            <button className="primary" onClick={() => void runDeal()}>
              Run
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
