/**
 * Principal to the notes. The deal's notes (every tranche) are paid down towards max(0, pool end balance − OC
 * target); a principal step pays its listed tranches their part of that, so `[A, B]` in one step, or `[A]` then
 * `[B]` in two, come to the same total. With no OC target the notes are paid down to the pool, so defaults are
 * turbo-paid from excess spread. On the final period the target is zero: everything still owed is due.
 */
import type { OcTarget, PrincipalRule } from '../deal/schema';
import { allocateCents, mulDiv, type Cents } from '../money';

/** OC target = max(% of current pool, % of initial pool, floor % of initial pool). */
export function ocTargetAmount(oc: OcTarget | undefined, poolEnd: Cents, initialPool: Cents): Cents {
  if (!oc) return 0;
  return Math.max(
    mulDiv(poolEnd, oc.percentOfCurrentPool),
    mulDiv(initialPool, oc.percentOfInitialPool),
    mulDiv(initialPool, oc.floorPercentOfInitialPool),
  );
}

/** Principal due to a step's tranches given every note's current balance. */
export function principalDue(
  notesOutstanding: Cents,
  listedOutstanding: Cents,
  poolEnd: Cents,
  ocTarget: Cents,
  finalPeriod: boolean,
): Cents {
  const targetNotes = finalPeriod ? 0 : Math.max(0, poolEnd - ocTarget);
  return Math.min(listedOutstanding, Math.max(0, notesOutstanding - targetNotes));
}

/**
 * First-priority principal (the US auto layout's first, second, … allocation of principal, paid before junior
 * interest): the amount by which the listed classes, which should include every class senior to them, exceed the
 * pool end balance. On the final period every listed note is due.
 */
export function firstPriorityDue(listedOutstanding: Cents, poolEnd: Cents, finalPeriod: boolean): Cents {
  return finalPeriod ? listedOutstanding : Math.max(0, listedOutstanding - poolEnd);
}

/**
 * Splits `amount` (≤ the listed balances) among the listed tranches: sequentially in the order listed, or pro
 * rata to their balances by largest remainder. Written to `out` when given (one entry per balance, returned).
 */
export function allocatePrincipal(
  amount: Cents,
  balances: readonly Cents[],
  rule: PrincipalRule,
  out?: Cents[],
): Cents[] {
  if (rule.type === 'proRata') return allocateCents(amount, balances, out);
  const split = out ?? new Array<number>(balances.length);
  let left = amount;
  for (let i = 0; i < balances.length; i++) {
    split[i] = Math.min(balances[i], left);
    left -= split[i];
  }
  return split;
}
