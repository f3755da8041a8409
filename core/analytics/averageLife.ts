/**
 * Weighted average life and principal window (SIFMA): WAL = Σ t × principal / Σ principal, t in years from
 * settlement on 30/360 with the payment delay. Write-downs are not principal received and do not count.
 */
import type { TrancheFlow } from './flows';

export function weightedAverageLife(flows: readonly TrancheFlow[]): number | null {
  let weighted = 0;
  let total = 0;
  for (const f of flows) {
    if (f.principal > 0) {
      weighted += f.t * f.principal;
      total += f.principal;
    }
  }
  return total > 0 ? weighted / total : null;
}

/** First and last period paying principal; null when the class never receives any. */
export function principalWindow(
  flows: readonly Pick<TrancheFlow, 'period' | 'principal'>[],
): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (const f of flows) {
    if (f.principal > 0) {
      if (first < 0 || f.period < first) first = f.period;
      if (f.period > last) last = f.period;
    }
  }
  return first < 0 ? null : { first, last };
}
