/**
 * What a class's price is a % of: its original balance, or an interest-only class's initial notional (the buyer
 * of an IO pays price × notional / 100 for its interest alone).
 */
export function pricePar(tr: { originalBalance: number; notional?: number }): number {
  return tr.notional ?? tr.originalBalance;
}
