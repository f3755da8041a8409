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

  constructor(
    public interest: Cents,
    public principal: Cents,
    public reserve: Cents,
  ) {}

  available(from: readonly FundsSource[], reserveAllowed: boolean): Cents {
    let a = 0;
    for (const s of from) {
      if (s === 'interest') a += this.interest;
      else if (s === 'principal') a += this.principal;
      else if (reserveAllowed) a += this.reserve;
    }
    return a;
  }

  /** Takes up to `amount` from the sources in order; returns what came from where. */
  take(amount: Cents, from: readonly FundsSource[], reserveAllowed: boolean): Taken {
    const got: Taken = { interest: 0, principal: 0, reserve: 0, total: 0 };
    let left = amount;
    for (const s of from) {
      if (left <= 0) break;
      if (s === 'interest') {
        const x = Math.min(left, this.interest);
        this.interest -= x;
        got.interest += x;
        left -= x;
      } else if (s === 'principal') {
        const x = Math.min(left, this.principal);
        this.principal -= x;
        got.principal += x;
        left -= x;
      } else if (reserveAllowed) {
        const x = Math.min(left, this.reserve);
        this.reserve -= x;
        this.reserveDrawn += x;
        got.reserve += x;
        left -= x;
      }
    }
    got.total = got.interest + got.principal + got.reserve;
    return got;
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
