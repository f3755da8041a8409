/**
 * Interest-rate hedges of floating-rate notes against a fixed-rate pool, settled net on each payment date as an
 * ISDA confirmation does: each leg is its rate × notional × the accrual period's year fraction (the hedge's own
 * day count), rounded to cents, and the two legs are netted. The index rate is the scenario's index curve for
 * the period, as a floating coupon reads it (./interest.ts). A swap's net may go either way; a cap only ever
 * pays the deal (its premium is paid at closing, outside the waterfall). On a clean-up call the hedge ends with
 * the deal and its termination payment is taken as zero: the model has no mark-to-market.
 */
import type { Hedge, HedgeNotional } from '../deal/schema';
import { cents, mulDiv, type Cents } from '../money';
import { resolveCurve, type CurveLookup } from '../assumptions/curve';
import type { AccrualFraction, IndexRates } from './interest';

export interface HedgeSettlement {
  id: string;
  notional: Cents;
  /** Annual rates of the leg the deal pays and the leg it receives (a cap: 0 and max(0, index − strike)). */
  payRate: number;
  receiveRate: number;
  /** Net to the deal: positive a receipt, negative a payment owed to the counterparty. */
  net: Cents;
}

/** What a notional reads on a payment date: class balances then, the pool at its collection month start. */
export interface NotionalContext {
  trancheBalance(id: string): Cents;
  poolBalance: Cents;
  period: number;
}

export function hedgeNotional(n: HedgeNotional, ctx: NotionalContext): Cents {
  switch (n.type) {
    case 'tranche':
      return ctx.trancheBalance(n.tranche);
    case 'pool':
      return ctx.poolBalance;
    case 'schedule':
      return ctx.period <= n.amounts.length ? cents(n.amounts[ctx.period - 1]) : 0;
  }
}

/** A leg's amount; a negative rate gives a negative amount (the leg's payer receives it). */
function leg(notional: Cents, rate: number, frac: AccrualFraction): Cents {
  if (rate === 0) return 0;
  const magnitude = mulDiv(notional, Math.abs(rate), frac.days, frac.basis);
  return rate < 0 ? -magnitude : magnitude;
}

export class HedgeBook {
  private readonly strikes = new Map<string, CurveLookup>();
  /** Net payments the deal owes and has not paid, by hedge (carried to the next payment date). */
  readonly owed = new Map<string, Cents>();

  constructor(readonly hedges: readonly Hedge[]) {
    for (const h of hedges) {
      if (h.type === 'cap') this.strikes.set(h.id, resolveCurve(h.strike));
      this.owed.set(h.id, 0);
    }
  }

  settle(
    h: Hedge,
    notional: Cents,
    index: IndexRates,
    period: number,
    frac: AccrualFraction,
  ): HedgeSettlement {
    const floating = index(h.index, period);
    if (h.type === 'cap') {
      const strike = this.strikes.get(h.id)?.at(period, period) ?? 0;
      const receiveRate = Math.max(0, floating - strike);
      return { id: h.id, notional, payRate: 0, receiveRate, net: leg(notional, receiveRate, frac) };
    }
    const floatRate = floating + h.spread;
    const [payRate, receiveRate] =
      h.dealPays === 'fixed' ? [h.fixedRate, floatRate] : [floatRate, h.fixedRate];
    return {
      id: h.id,
      notional,
      payRate,
      receiveRate,
      net: leg(notional, receiveRate, frac) - leg(notional, payRate, frac),
    };
  }
}
