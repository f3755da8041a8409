/**
 * Surveillance (issue #16): a deal after closing, watched month by month. The servicer (trustee) reports are
 * imported, checked to the cent by the core's rules and kept in the deal file (`surveillance.reports`); the deal
 * is then run under every scenario in the engine worker and each report is set against the projection made at
 * closing under the chosen scenario (the top bar's), with each trigger's headroom and each scenario's projected
 * first breach — the orchestration of `abs-workbench surveil` — and the deal re-projected from its latest report
 * beside the projection at closing (`surveil --reproject`).
 *
 * A screen of its own, last in the navigation: the other screens structure and price a deal before it closes;
 * this one reads what happened after.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../AppContext';
import { Kpi } from '../components/Kpi';
import { engine } from '../engine/engineWorker';
import { amountUnit, money, pct } from '../format';
import type { Deal } from '../../core/deal/schema';
import type { ProjectDoc } from '../project/document';
import { ComparisonCard } from './surveillance/ComparisonCard';
import { HeadroomCard } from './surveillance/HeadroomCard';
import { RefitCard } from './surveillance/RefitCard';
import { ReportHistoryCard, useReportImport } from './surveillance/ReportHistoryCard';
import { ReprojectionCard } from './surveillance/ReprojectionCard';
import { KEPT } from './surveillance/surveillanceKept';
import { useKept } from './useKept';

/** What a comparison is computed from: the deal, the scenario compared with, the imported pool. */
const sameInputs = (a: ProjectDoc, b: ProjectDoc): boolean =>
  a.deal === b.deal && a.scenario === b.scenario && a.pool === b.pool;

export function SurveillanceScreen() {
  const { state, job } = useApp();
  const { t } = useTranslation('surveillance');
  const [held, setHeld] = useKept(KEPT.comparison);
  const [reprojection, setReprojection] = useKept(KEPT.reprojection);
  const doc = state.history.present;
  const reports = doc.deal.surveillance?.reports ?? [];
  const docRef = useRef(doc);
  docRef.current = doc;
  // The deal last projected or being projected, so the effect below does not project it a second time.
  const tried = useRef<ProjectDoc | null>(null);

  const compare = useCallback(
    async (d: ProjectDoc): Promise<void> => {
      tried.current = d;
      const value = await job(t('job.comparing'), (p) =>
        engine().request(
          { kind: 'surveillance', deal: d.deal, loans: d.pool?.loans ?? null, scenario: d.scenario },
          p,
        ),
      );
      if (value) setHeld({ doc: d, value });
      // The re-projection follows the same inputs; a state the deal cannot restart from leaves the comparison.
      const outlook = await job(t('reproject.job'), (p) =>
        engine().request(
          {
            kind: 'surveillanceReproject',
            deal: d.deal,
            loans: d.pool?.loans ?? null,
            scenario: d.scenario,
          },
          p,
        ),
      );
      if (outlook) setReprojection({ doc: d, value: outlook });
    },
    [job, t, setHeld, setReprojection],
  );

  /**
   * After an edit of this screen's own (an import, a re-fit): the deal it wrote is projected at once, and the
   * edit's notice follows the projection (a job clears the status line when it starts).
   */
  const afterEdit = useCallback(
    (deal: Deal): Promise<void> => compare({ ...docRef.current, deal }),
    [compare],
  );
  const importReports = useReportImport(afterEdit);

  // The comparison follows the deal: projected when the screen opens on reports it has not been projected for,
  // and after an edit elsewhere (another scenario chosen, an undo). Tried once per deal, so a refusal (a loan-file
  // pool not imported) is shown once rather than retried in a loop.
  const hasReports = reports.length > 0;
  useEffect(() => {
    if (
      !hasReports ||
      (held && sameInputs(held.doc, doc)) ||
      (tried.current && sameInputs(tried.current, doc))
    )
      return;
    void compare(doc);
  }, [doc, hasReports, held, compare]);

  const result = hasReports && held ? held.value : null;
  const latest = reports[reports.length - 1];
  const latestRow = result?.rows[result.rows.length - 1];
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <ReportHistoryCard onImport={() => void importReports()} />
      {latest && latestRow ? (
        <div className="kpi-row" data-testid="surveillance-kpis">
          <Kpi label={t('history.col.date')} value={latest.paymentDate} />
          <Kpi
            label={`${t('compare.metric.pool')} (${amountUnit(doc.deal.currency)})`}
            value={money(latest.pool.endBalance)}
          />
          <Kpi label={t('compare.metric.cnl')} value={pct(latestRow.actual.cumulativeNetLoss)} />
          <Kpi label={t('compare.metric.dq60')} value={pct(latestRow.actual.delinquent60Plus)} />
        </div>
      ) : null}
      {hasReports ? (
        <>
          <div className="card-head">
            <span className="muted small" data-testid="surveillance-scenario">
              {t('compare.scenario')} <b translate="no">{result?.scenario ?? doc.scenario}</b>
              {held && !sameInputs(held.doc, doc) ? ` — ${t('compare.stale')}` : ''}
              {!held ? ` — ${t('compare.notYet')}` : ''}
            </span>
            <button onClick={() => void compare(docRef.current)} data-testid="surveillance-rerun">
              {t('compare.rerun')}
            </button>
          </div>
          {result ? (
            <>
              <ComparisonCard result={result} currencyUnit={amountUnit(doc.deal.currency)} />
              <HeadroomCard result={result} />
            </>
          ) : null}
          {reprojection ? (
            <ReprojectionCard result={reprojection.value} currencyUnit={amountUnit(doc.deal.currency)} />
          ) : null}
          <RefitCard afterEdit={afterEdit} />
        </>
      ) : null}
    </div>
  );
}
