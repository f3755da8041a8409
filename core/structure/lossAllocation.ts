/**
 * Loss allocation (write-downs) after the waterfall. Convention: the notes may not exceed the collateral, so the
 * undercollateralisation max(0, notes outstanding − pool end balance) is written off the classes from the most
 * junior up. The pool end balance is the performing balance (charge-off view): defaults leave it when they
 * happen, so a class is written down at default and later recoveries are not written back (they flow as
 * principal collections). The reserve account does not count as collateral here: it pays shortfalls as cash
 * through the waterfall instead. A deal can switch write-downs off (`structure.lossAllocation: 'none'`), as
 * deals whose notes simply stay unpaid until the legal final do.
 */
import { minMoney, Money, positive } from '../money';

/**
 * Write-downs per tranche (in the order of `balances`), given `juniorFirst` (indices, most junior first).
 */
export function writeDowns(
  balances: readonly Money[],
  juniorFirst: readonly number[],
  poolEnd: Money,
): Money[] {
  let notes = new Money(0);
  for (const b of balances) notes = notes.plus(b);
  let left = positive(notes.minus(poolEnd));
  const out = balances.map(() => new Money(0));
  for (const i of juniorFirst) {
    if (left.isZero()) break;
    const w = minMoney(balances[i], left);
    out[i] = w;
    left = left.minus(w);
  }
  return out;
}
