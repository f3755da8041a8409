/** Results: the run's headline figures — initial pool, both loss views, revolving end, clean-up call, triggers. */
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../../../core/result';
import { Kpi } from '../../components/Kpi';
import { amountUnit, moneyWhole, pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { lossName, netLossShare, realisedLossShare } from '../../lossTerms';

export function KpiRow({ r }: { r: RunResult }) {
  const { t } = useTranslation('results');
  // Amounts follow the display unit: reading it re-renders the row when the unit changes.
  useDisplay();
  const totalLoss = r.pool.periods.reduce((a, p) => a + p.loss, 0);
  const inPeriod = (p: number | null, none: string): string =>
    p === null ? none : t('kpi.inPeriod', { period: p });
  return (
    <div className="kpi-block">
      <div className="kpi-row">
        <Kpi label={t('kpi.initialPool')} value={moneyWhole(r.pool.initialBalance)} testId="initial-pool" />
        <Kpi
          label={lossName(t, 'realised')}
          value={`${moneyWhole(totalLoss)} · ${pct(realisedLossShare(r))}`}
          testId="realised-loss"
        />
        <Kpi label={lossName(t, 'net')} value={pct(netLossShare(r))} testId="net-loss" />
        <Kpi label={t('kpi.revolvingEnded')} value={inPeriod(r.revolvingEndPeriod, '–')} />
        <Kpi label={t('glossary:cleanUpCall')} value={inPeriod(r.cleanUpCallPeriod, t('kpi.notExercised'))} />
        <Kpi label={t('kpi.triggerEvents')} value={String(r.triggerEvents.length)} />
      </div>
      <p className="muted small" data-testid="kpi-unit">
        {t('units.caption', { unit: amountUnit(r.deal.currency) })}
      </p>
    </div>
  );
}
