/**
 * The period's cash, by source: interest collections (interest and fee income, plus reserve releases),
 * principal collections (scheduled principal, prepayments, recoveries and clean-up call proceeds) and the reserve
 * account. A step takes what it needs from its sources in order. The reserve may only be drawn where the deal
 * allows it (fees and interest always; principal on the final period), whatever the step lists. Amounts are
 * integer cents (../money.ts).
 */
import type { FundsSource, WaterfallStep } from '../deal/schema';
import type { Cents } from '../money';

/**
 * Sources a step draws from when it names none: fees and interest may use everything (interest, then
 * principal, then the reserve); the other steps use interest then principal, i.e. the period's available funds.
 */
export function defaultSources(step: WaterfallStep): readonly FundsSource[] {
  if (step.from) return step.from;
  if (step.pay === 'pdlCure') return ['interest'];
  return step.pay === 'fee' || step.pay === 'interest'
    ? ['interest', 'principal', 'reserve']
    : ['interest', 'principal'];
}

export interface Taken {
  interest: Cents;
  principal: Cents;
  reserve: Cents;
  total: Cents;
}

export class Funds {
  /** Reserve cash drawn this period (releases and draws). */
  reserveDrawn: Cents = 0;
  /**
   * Where the last `take` came from, overwritten by the next: read it before taking again (report rows copy it).
   * One object per account rather than one per take: a Monte Carlo path takes a dozen times a period, and with
   * pool-sized cents (past 2^31) each fresh object also boxed its four numbers.
   */
  readonly took: Taken = { interest: 0, principal: 0, reserve: 0, total: 0 };

  constructor(
    public interest: Cents,
    public principal: Cents,
    public reserve: Cents,
  ) {}

  /** A new period's cash in the same account (one account serves a whole run). */
  reset(interest: Cents, principal: Cents, reserve: Cents): void {
    this.interest = interest;
    this.principal = principal;
    this.reserve = reserve;
    this.reserveDrawn = 0;
  }

  available(from: readonly FundsSource[], reserveAllowed: boolean): Cents {
    let a = 0;
    for (const s of from) {
      if (s === 'interest') a += this.interest;
      else if (s === 'principal') a += this.principal;
      else if (reserveAllowed) a += this.reserve;
    }
    return a;
  }

  /** Takes up to `amount` from the sources in order; returns the total taken (by source: `took`). */
  take(amount: Cents, from: readonly FundsSource[], reserveAllowed: boolean): Cents {
    let interest = 0;
    let principal = 0;
    let reserve = 0;
    let left = amount;
    for (let k = 0; k < from.length && left > 0; k++) {
      const s = from[k];
      if (s === 'interest') {
        const x = Math.min(left, this.interest);
        this.interest -= x;
        interest += x;
        left -= x;
      } else if (s === 'principal') {
        const x = Math.min(left, this.principal);
        this.principal -= x;
        principal += x;
        left -= x;
      } else if (reserveAllowed) {
        const x = Math.min(left, this.reserve);
        this.reserve -= x;
        this.reserveDrawn += x;
        reserve += x;
        left -= x;
      }
    }
    const got = this.took;
    got.interest = interest;
    got.principal = principal;
    got.reserve = reserve;
    got.total = interest + principal + reserve;
    return got.total;
  }

  /** Moves cash already taken (a deficiency cure from revenue) into principal collections. */
  toPrincipal(amount: Cents): void {
    this.principal += amount;
  }

  /** Moves reserve cash above its target into the interest collections (available funds). */
  release(amount: Cents): void {
    this.reserve -= amount;
    this.reserveDrawn += amount;
    this.interest += amount;
  }
}
