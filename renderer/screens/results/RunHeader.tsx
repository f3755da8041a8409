/** Results: the run's line (deal, scenario, settlement, periods, whether it reconciles) and its problems. */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('results');
  return (
    <>
      <p className="muted">
        <span translate="no">{r.deal.name}</span> · {t('head.scenario')}{' '}
        <b translate="no">{r.scenario.name}</b> · {t('head.settlement', { date: r.deal.settlementDate })} ·{' '}
        {t('head.periods', { count: r.pool.periods.length })} ·{' '}
        {runProblems.length > 0 ? (
          <span className="bad" data-testid="not-sound">
            {t('head.notSound')}
          </span>
        ) : r.checks.cashConserved ? (
          <span className="ok" data-testid="reconciled">
            {t('head.reconciled')}
          </span>
        ) : (
          <span className="bad">{t('head.failures', { count: r.checks.failures.length })}</span>
        )}
      </p>
      {runProblems.length > 0 || nowProblems.length > 0 ? (
        <div className="problems" data-testid="results-problems">
          {runProblems.length > 0 ? t('problems.run') : t('problems.now')}
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
