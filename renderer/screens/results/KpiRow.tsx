/** Results: the run's headline figures — initial pool, both loss views, revolving end, clean-up call, triggers. */
import type { RunResult } from '../../../core/result';
import { Kpi } from '../../components/Kpi';
import { moneyWhole, pct } from '../../format';
import { NET_LOSS, netLossShare, REALISED_LOSS, realisedLossShare } from '../../lossTerms';

export function KpiRow({ r }: { r: RunResult }) {
  const totalLoss = r.pool.periods.reduce((a, p) => a + p.loss, 0);
  return (
    <div className="kpi-row">
      <Kpi label="Initial pool" value={moneyWhole(r.pool.initialBalance)} />
      <Kpi
        label={REALISED_LOSS}
        value={`${moneyWhole(totalLoss)} · ${pct(realisedLossShare(r))}`}
        testId="realised-loss"
      />
      <Kpi label={NET_LOSS} value={pct(netLossShare(r))} testId="net-loss" />
      <Kpi
        label="Revolving ended"
        value={r.revolvingEndPeriod === null ? '–' : `period ${r.revolvingEndPeriod}`}
      />
      <Kpi
        label="Clean-up call"
        value={r.cleanUpCallPeriod === null ? 'not exercised' : `period ${r.cleanUpCallPeriod}`}
      />
      <Kpi label="Trigger events" value={String(r.triggerEvents.length)} />
    </div>
  );
}
