/** Results, Summary tab: headline figures, the tranche analytics, note balances over time. */
import type { Deal } from '../../../core/deal/schema';
import type { RunResult } from '../../../core/result';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import { AnalyticsCard } from './AnalyticsCard';
import { BalancesChart } from './BalancesChart';
import { KpiRow } from './KpiRow';

export function SummaryTab({
  r,
  deal,
  breakevens,
  onSolve,
}: {
  r: RunResult;
  deal: Deal;
  breakevens: BreakevenResult[] | null;
  onSolve: () => void;
}) {
  return (
    <>
      <KpiRow r={r} />
      <AnalyticsCard r={r} deal={deal} breakevens={breakevens} onSolve={onSolve} />
      <BalancesChart r={r} />
    </>
  );
}
