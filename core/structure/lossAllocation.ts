/**
 * Loss allocation (write-downs) after the waterfall. Convention: the notes may not exceed the collateral, so the
 * undercollateralisation max(0, notes outstanding − pool end balance) is written off the classes from the most
 * junior up. The pool end balance is the performing balance (charge-off view): defaults leave it when they
 * happen, so a class is written down at default and later recoveries are not written back (they flow as
 * principal collections). The reserve account does not count as collateral here: it pays shortfalls as cash
 * through the waterfall instead. A deal can switch write-downs off (`structure.lossAllocation: 'none'`), as
 * deals whose notes simply stay unpaid until the legal final do.
 */
import type { Cents } from '../money';

/**
 * Write-downs per tranche (in the order of `balances`), given `juniorFirst` (indices, most junior first).
 */
export function writeDowns(
  balances: readonly Cents[],
  juniorFirst: readonly number[],
  poolEnd: Cents,
): Cents[] {
  let notes = 0;
  for (const b of balances) notes += b;
  let left = Math.max(0, notes - poolEnd);
  const out = balances.map(() => 0);
  for (const i of juniorFirst) {
    if (left === 0) break;
    const w = Math.min(balances[i], left);
    out[i] = w;
    left -= w;
  }
  return out;
}
