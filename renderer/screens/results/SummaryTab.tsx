/** Results, Summary tab: headline figures, the tranche analytics, note balances over time. */
import type { RunResult } from '../../../core/result';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import { AnalyticsCard } from './AnalyticsCard';
import { BalancesChart } from './BalancesChart';
import { KpiRow } from './KpiRow';

export function SummaryTab({
  r,
  breakevens,
  onSolve,
}: {
  r: RunResult;
  breakevens: BreakevenResult[] | null;
  onSolve: () => void;
}) {
  return (
    <>
      <KpiRow r={r} />
      <AnalyticsCard r={r} breakevens={breakevens} onSolve={onSolve} />
      <BalancesChart r={r} />
    </>
  );
}
