/**
 * The period's cash, by source: interest collections (interest and fee income, plus reserve releases),
 * principal collections (scheduled principal, prepayments, recoveries and clean-up call proceeds) and the reserve
 * account. A step takes what it needs from its sources in order. The reserve may only be drawn where the deal
 * allows it (fees and interest always; principal on the final period), whatever the step lists.
 */
import type { FundsSource, WaterfallStep } from '../deal/schema';
import { minMoney, Money, ZERO } from '../money';

/**
 * Sources a step draws from when it names none: fees and interest may use everything (interest, then
 * principal, then the reserve); the other steps use interest then principal, i.e. the period's available funds.
 */
export function defaultSources(step: WaterfallStep): readonly FundsSource[] {
  if (step.from) return step.from;
  return step.pay === 'fee' || step.pay === 'interest'
    ? ['interest', 'principal', 'reserve']
    : ['interest', 'principal'];
}

export interface Taken {
  interest: Money;
  principal: Money;
  reserve: Money;
  total: Money;
}

export class Funds {
  /** Reserve cash drawn this period (releases and draws). */
  reserveDrawn: Money = ZERO;

  constructor(
    public interest: Money,
    public principal: Money,
    public reserve: Money,
  ) {}

  available(from: readonly FundsSource[], reserveAllowed: boolean): Money {
    let a = ZERO;
    for (const s of from) {
      if (s === 'interest') a = a.plus(this.interest);
      else if (s === 'principal') a = a.plus(this.principal);
      else if (reserveAllowed) a = a.plus(this.reserve);
    }
    return a;
  }

  /** Takes up to `amount` from the sources in order; returns what came from where. */
  take(amount: Money, from: readonly FundsSource[], reserveAllowed: boolean): Taken {
    const got: Taken = { interest: ZERO, principal: ZERO, reserve: ZERO, total: ZERO };
    let left = amount;
    for (const s of from) {
      if (left.isZero()) break;
      if (s === 'interest') {
        const x = minMoney(left, this.interest);
        this.interest = this.interest.minus(x);
        got.interest = got.interest.plus(x);
        left = left.minus(x);
      } else if (s === 'principal') {
        const x = minMoney(left, this.principal);
        this.principal = this.principal.minus(x);
        got.principal = got.principal.plus(x);
        left = left.minus(x);
      } else if (reserveAllowed) {
        const x = minMoney(left, this.reserve);
        this.reserve = this.reserve.minus(x);
        this.reserveDrawn = this.reserveDrawn.plus(x);
        got.reserve = got.reserve.plus(x);
        left = left.minus(x);
      }
    }
    got.total = got.interest.plus(got.principal).plus(got.reserve);
    return got;
  }

  /** Moves reserve cash above its target into the interest collections (available funds). */
  release(amount: Money): void {
    this.reserve = this.reserve.minus(amount);
    this.reserveDrawn = this.reserveDrawn.plus(amount);
    this.interest = this.interest.plus(amount);
  }
}
