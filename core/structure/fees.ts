/**
 * Fees of the priority of payments (trustee, servicing, …). A fee's amount for a period is computed from its
 * basis and rounded to cents; what the deal could not pay is carried forward when the fee says so. A cap bounds
 * what is payable in one period (carried amount included) and the part above it is forfeited, not carried: the
 * cap is the fee holder's contractual maximum, so a capped fee can never build up arrears beyond it.
 */
import type { Fee } from '../deal/schema';
import { minMoney, Money, toCents } from '../money';

export interface FeeContext {
  /** Performing pool balance at the start of the period. */
  poolBegin: Money;
  /** Beginning-of-period balance of a tranche. */
  trancheBalance(id: string): Money;
}

/** This period's fee before carry-forward and cap: percentages are annual rates charged monthly (rate / 12). */
export function feeAccrual(fee: Fee, ctx: FeeContext): Money {
  const b = fee.basis;
  switch (b.type) {
    case 'fixed':
      return toCents(b.amount);
    case 'percentOfPool':
      return toCents(ctx.poolBegin.times(b.rate).div(12));
    case 'percentOfTranche':
      return toCents(ctx.trancheBalance(b.tranche).times(b.rate).div(12));
  }
}

/** What is payable this period: accrual plus carried arrears, limited by the cap. */
export function feePayable(fee: Fee, accrual: Money, carried: Money): Money {
  const total = accrual.plus(carried);
  return fee.capPerPeriod === undefined ? total : minMoney(total, toCents(fee.capPerPeriod));
}

/** Arrears carried into the next period. */
export function feeCarried(fee: Fee, payable: Money, paid: Money): Money {
  return fee.carryUnpaid ? payable.minus(paid) : new Money(0);
}
