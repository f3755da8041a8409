/**
 * The reserve (cash collateral) account. Its target is max(floor, % of the current pool end balance, % of the
 * initial pool), capped at the notes outstanding at the start of the period: a reserve larger than the notes
 * protects nothing. Cash above the target is released into the period's available funds; on the final period
 * the target is zero so the whole balance is released and paid out.
 */
import type { ReserveAccount } from '../deal/schema';
import { cents, mulDiv, type Cents } from '../money';

export function reserveTarget(
  reserve: ReserveAccount,
  poolEnd: Cents,
  initialPool: Cents,
  notesOutstanding: Cents,
  finalPeriod: boolean,
): Cents {
  if (finalPeriod) return 0;
  const t = reserve.target;
  const target = Math.max(
    cents(t.floor),
    mulDiv(poolEnd, t.percentOfCurrentPool),
    mulDiv(initialPool, t.percentOfInitialPool),
  );
  return Math.min(target, notesOutstanding);
}
