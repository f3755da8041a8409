/**
 * Export: the Excel tranche report of the last run, through the host's save dialog or a download, with the
 * stress and funding analyses of this session as extra sheets when the user keeps them in. The report is written
 * in the app's language and amount unit.
 */
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { reportText } from '../../core/io/report/reportText';
import { reportSheetNames, trancheReportSheetNames } from '../../core/io/report/sheetName';
import { useApp } from '../AppContext';
import { years } from '../format';
import { useDisplay } from '../i18n/DisplayContext';
import { analysisLabelText, analysisTables } from '../project/analyses';
import { isStale, type AnalysisId } from '../project/state';

export function ExportScreen() {
  const { t } = useTranslation('exportScreen');
  const { lang, scale } = useDisplay();
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
  // The sheet names and unit the workbook will have: the report's own words in the app's language and unit.
  const report = reportText(lang, scale, run?.result.deal.currency ?? state.history.present.deal.currency);
  const trancheSheets = run ? trancheReportSheetNames(run.result, report.t) : [];
  // Each analysis's sheets as the report will name them, in its language.
  const reportT = report.t;
  const analysisSheets = useMemo(
    () => new Map(state.analyses.map((a) => [a.id, analysisTables(a, reportT).map((x) => x.sheetName)])),
    [state.analyses, reportT],
  );
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <section className="card narrow">
        <div className="card-head">
          <h2>{t('cardTitle')}</h2>
        </div>
        {run ? (
          <>
            <p>
              <Trans
                t={t}
                i18nKey="fromRun"
                count={run.result.tranches.length}
                values={{
                  deal: run.result.deal.name,
                  scenario: run.result.scenario.name,
                  periods: run.result.pool.periods.length,
                  wal: years(run.result.tranches[0]?.wal),
                }}
                components={{ b: <b translate="no" /> }}
              />
            </p>
            {stale ? <p className="warn">{t('stale')}</p> : null}
            <p className="small" data-testid="export-format">
              {scale === 'unit'
                ? t('formatUnits', { language: t(`common:language.${lang}`), units: report.units })
                : t('format', {
                    language: t(`common:language.${lang}`),
                    unit: report.unit,
                    units: report.units,
                  })}
            </p>
            <h3 className="export-heading">{t('sheets')}</h3>
            <p className="small" data-testid="export-sheets">
              {trancheSheets.join(' · ')}
              {run.breakevens
                ? ` · ${t('breakevens', { sheet: reportSheetNames(run.result, report.t).summary })}`
                : ''}
            </p>
            <h3 className="export-heading">{t('analyses')}</h3>
            {state.analyses.length === 0 ? (
              <p className="muted small">{t('noAnalyses')}</p>
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
                      {analysisLabelText(t, a.label)}
                      <span className="muted small">
                        {' '}
                        — {(analysisSheets.get(a.id) ?? []).join(report.t('sheets:listSeparator'))}
                      </span>
                      {isStale(state, a) ? <span className="warn small"> {t('staleAnalysis')}</span> : null}
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
                {t('export')}
              </button>
              {stale ? <button onClick={() => void runDeal()}>{t('runAgain')}</button> : null}
            </div>
          </>
        ) : (
          <div className="actions">
            <p className="muted">{t('runFirst')}</p>
            <button className="primary" onClick={() => void runDeal()}>
              {t('run')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
