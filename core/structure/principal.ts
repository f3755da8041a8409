/**
 * Principal to the notes. The deal's notes (every tranche) are paid down towards max(0, pool end balance − OC
 * target); a principal step pays its listed tranches their part of that, so `[A, B]` in one step, or `[A]` then
 * `[B]` in two, come to the same total. With no OC target the notes are paid down to the pool, so defaults are
 * turbo-paid from excess spread. On the final period the target is zero: everything still owed is due.
 */
import type { OcTarget, PrincipalRule } from '../deal/schema';
import { allocateProRata, maxMoney, minMoney, Money, positive, toCents, ZERO } from '../money';

/** OC target = max(% of current pool, % of initial pool, floor % of initial pool). */
export function ocTargetAmount(oc: OcTarget | undefined, poolEnd: Money, initialPool: Money): Money {
  if (!oc) return ZERO;
  let target = toCents(poolEnd.times(oc.percentOfCurrentPool));
  target = maxMoney(target, toCents(initialPool.times(oc.percentOfInitialPool)));
  return maxMoney(target, toCents(initialPool.times(oc.floorPercentOfInitialPool)));
}

/** Principal due to a step's tranches given every note's current balance. */
export function principalDue(
  notesOutstanding: Money,
  listedOutstanding: Money,
  poolEnd: Money,
  ocTarget: Money,
  finalPeriod: boolean,
): Money {
  const targetNotes = finalPeriod ? ZERO : positive(poolEnd.minus(ocTarget));
  return minMoney(listedOutstanding, positive(notesOutstanding.minus(targetNotes)));
}

/**
 * Splits `amount` (≤ the listed balances) among the listed tranches: sequentially in the order listed, or pro
 * rata to their balances by largest remainder.
 */
export function allocatePrincipal(amount: Money, balances: readonly Money[], rule: PrincipalRule): Money[] {
  if (rule.type === 'proRata') return allocateProRata(amount, balances);
  let left = amount;
  return balances.map((b) => {
    const pay = minMoney(b, left);
    left = left.minus(pay);
    return pay;
  });
}
