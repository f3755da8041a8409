/**
 * The reserve (cash collateral) account. Its target is max(floor, % of the current pool end balance, % of the
 * initial pool), capped at the notes outstanding at the start of the period: a reserve larger than the notes
 * protects nothing. Cash above the target is released into the period's available funds; on the final period
 * the target is zero so the whole balance is released and paid out.
 */
import type { ReserveAccount } from '../deal/schema';
import { maxMoney, minMoney, Money, toCents, ZERO } from '../money';

export function reserveTarget(
  reserve: ReserveAccount,
  poolEnd: Money,
  initialPool: Money,
  notesOutstanding: Money,
  finalPeriod: boolean,
): Money {
  if (finalPeriod) return ZERO;
  const t = reserve.target;
  let target = toCents(t.floor);
  target = maxMoney(target, toCents(poolEnd.times(t.percentOfCurrentPool)));
  target = maxMoney(target, toCents(initialPool.times(t.percentOfInitialPool)));
  return minMoney(target, notesOutstanding);
}
