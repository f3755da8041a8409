/**
 * Export: the Excel tranche report of the last run, through the host's save dialog or a download, with the
 * stress and funding analyses of this session as extra sheets when the user keeps them in.
 */
import { useState } from 'react';
import { trancheReportSheetNames } from '../../core/io/report/sheetName';
import { useApp } from '../AppContext';
import { years } from '../format';
import { isStale, type AnalysisId } from '../project/state';

export function ExportScreen() {
  const { state, exportReport, runDeal } = useApp();
  const run = state.run;
  const stale = run !== null && run.doc !== state.history.present;
  // Unticked by the user; an analysis of an earlier version of the deal starts unticked too.
  const [left, setLeft] = useState<ReadonlySet<AnalysisId>>(
    () => new Set(state.analyses.filter((a) => isStale(state, a)).map((a) => a.id)),
  );
  const included = state.analyses.filter((a) => !left.has(a.id)).map((a) => a.id);
  const toggle = (id: AnalysisId, on: boolean) =>
    setLeft((prev) => {
      const next = new Set(prev);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const trancheSheets = run ? trancheReportSheetNames(run.result) : [];
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Export</h1>
        <p className="muted">
          The tranche report is an Excel workbook: summary analytics, per-tranche cash flows, pool cash flows
          and the period reconciliation, with live totals a reviewer can recalculate.
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
            <h3 className="export-heading">Sheets</h3>
            <p className="small" data-testid="export-sheets">
              {trancheSheets.join(' · ')}
              {run.breakevens ? ' · break-evens on the Summary' : ''}
            </p>
            <h3 className="export-heading">Analyses from this session</h3>
            {state.analyses.length === 0 ? (
              <p className="muted small">
                Sensitivity grids, rating stresses, Monte Carlo, scenario comparisons and funding analyses you
                run on the Stress and Funding screens can go in the workbook as extra sheets.
              </p>
            ) : (
              <ul className="export-analyses" data-testid="export-analyses">
                {state.analyses.map((a) => (
                  <li key={a.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!left.has(a.id)}
                        onChange={(e) => toggle(a.id, e.target.checked)}
                        data-testid={`export-include-${a.id}`}
                      />{' '}
                      {a.label}
                      <span className="muted small"> — {a.tables.map((t) => t.sheetName).join(', ')}</span>
                      {isStale(state, a) ? (
                        <span className="warn small"> (computed on an earlier version of the deal)</span>
                      ) : null}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <div className="actions">
              <button
                className="primary"
                onClick={() => void exportReport(included)}
                data-testid="export-xlsx"
              >
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
