/**
 * Loss allocation. Conventions (stated in the deal schema and the README):
 * - Only realised losses write a class down. The notes are measured against the deal's collateral: the
 *   performing pool (after purchases), plus defaulted receivables not yet liquidated (their loss is not known
 *   until liquidation: defaulted balance less liquidation proceeds), plus the reserve account's cash (cash moved
 *   into the reserve, from principal collections or trapped, is still the deal's). Notes above that collateral
 *   after the period's payments are written down, most junior seniority level first and pro rata to balance
 *   within a level (equal-seniority classes share a loss as they share principal).
 * - A written-down amount is an uncured loss the class still carries (a principal deficiency). Later recoveries
 *   and available funds cure it before anything reaches the residual, senior level first and pro rata within a
 *   level: the class is written back up and the amount paid to it as principal in the same step.
 * - On the final period (legal final) every note is due in full; under `writeDown` what is still unpaid after
 *   the final period's payments is written down, so a class's principal loss is always original balance −
 *   principal received (write-downs net of write-ups, plus principal unpaid at the end under `none`).
 */
import { allocateCents, type Cents } from '../money';

/** Tranche indices grouped by seniority level, senior level first (array order inside a level). */
export function seniorityLevels(ranks: readonly number[]): number[][] {
  const byRank = new Map<number, number[]>();
  ranks.forEach((r, i) => {
    const level = byRank.get(r);
    if (level) level.push(i);
    else byRank.set(r, [i]);
  });
  return [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members);
}

/**
 * Splits `amount` over `weights` level by level in the order of `levels`: each level takes up to its total
 * weight, pro rata to the weights inside it by largest remainder, before the next level gets anything. Used for
 * write-downs (junior level first, weights = balances) and for cures (senior level first, weights = amounts owed).
 * Written to `into` when given (one entry per weight, returned), else to a new array.
 */
export function allocateByLevel(
  amount: Cents,
  weights: readonly Cents[],
  levels: readonly (readonly number[])[],
  into?: Cents[],
): Cents[] {
  const out = into ? into.fill(0) : new Array<number>(weights.length).fill(0);
  let left = amount;
  for (const level of levels) {
    if (left <= 0) break;
    let levelTotal = 0;
    for (const i of level) levelTotal += weights[i];
    const take = Math.min(left, levelTotal);
    if (take <= 0) continue;
    const split = allocateCents(
      take,
      level.map((i) => weights[i]),
    );
    level.forEach((i, k) => (out[i] += split[k]));
    left -= take;
  }
  return out;
}

/**
 * Write-downs per tranche: notes above `collateral`, most junior level first, pro rata within a level. Written to
 * `into` when given (one entry per balance, returned), else to a new array.
 */
export function writeDowns(
  balances: readonly Cents[],
  juniorLevelsFirst: readonly (readonly number[])[],
  collateral: Cents,
  into?: Cents[],
): Cents[] {
  let notes = 0;
  for (let i = 0; i < balances.length; i++) notes += balances[i];
  // Nearly every period writes nothing down: no split to build.
  if (notes <= collateral) return into ? into.fill(0) : new Array<number>(balances.length).fill(0);
  return allocateByLevel(Math.max(0, notes - collateral), balances, juniorLevelsFirst, into);
}
