/**
 * Fees of the priority of payments (trustee, servicing, …). A fee's amount for a period is computed from its
 * basis and rounded to cents; what the deal could not pay is carried forward when the fee says so. A cap bounds
 * what the fee's senior step pays in one period (carried amount included), so a capped fee can never build up
 * senior arrears beyond it. The part above the cap is forfeited, unless the waterfall pays it in a subordinated
 * step (`part: 'capExcess'`, usually after note interest and principal), as deals with capped senior expenses do.
 */
import type { Fee } from '../deal/schema';
import { cents, mulDiv, type Cents } from '../money';

export interface FeeContext {
  /** Performing pool balance at the start of the period. */
  poolBegin: Cents;
  /** Beginning-of-period balance of a tranche. */
  trancheBalance(id: string): Cents;
}

/** This period's fee before carry-forward and cap: percentages are annual rates charged monthly (rate / 12). */
export function feeAccrual(fee: Fee, ctx: FeeContext): Cents {
  const b = fee.basis;
  switch (b.type) {
    case 'fixed':
      return cents(b.amount);
    // A negative rate is not a payment to the deal: it accrues nothing.
    case 'percentOfPool':
      return Math.max(0, mulDiv(ctx.poolBegin, b.rate, 1, 12));
    case 'percentOfTranche':
      return Math.max(0, mulDiv(ctx.trancheBalance(b.tranche), b.rate, 1, 12));
  }
}

/** What is payable this period: accrual plus carried arrears, limited by the cap. */
export function feePayable(fee: Fee, accrual: Cents, carried: Cents): Cents {
  const total = accrual + carried;
  return fee.capPerPeriod === undefined ? total : Math.min(total, cents(fee.capPerPeriod));
}

/** Arrears carried into the next period. */
export function feeCarried(fee: Fee, payable: Cents, paid: Cents): Cents {
  return fee.carryUnpaid ? payable - paid : 0;
}

/** What the cap held back this period: accrual plus carried arrears above the cap (0 for an uncapped fee). */
export function capExcess(fee: Fee, accrual: Cents, carried: Cents): Cents {
  return Math.max(0, accrual + carried - feePayable(fee, accrual, carried));
}
