/**
 * Coupon features of a class beyond its plain coupon (./interest.ts):
 * - step-up: from a date, or from the clean-up call date, a new coupon (a new fixed rate or index + a new
 *   margin). With a date, an accrual period paid on or after it takes the new coupon (the period's rate is set
 *   on its payment date, as floating coupons read their index for the period). With the call date, the
 *   periods after the first payment date on which the call could be exercised step up whether or not the
 *   seller calls: the step-up is there to make not calling costly.
 * - interest-only classes accrue their coupon on a notional (the pool's or another class's beginning balance)
 *   and have no principal; principal-only classes accrue nothing.
 * - the available-funds (net WAC) cap: a class's interest for the period is at most the net interest funds ×
 *   its share of the notes' beginning balance, the US floating-rate convention; the part above the cap is
 *   carried as basis-risk carryover, paid subordinated (a `capCarryover` step), without interest on it.
 */
import type { Coupon, Tranche } from '../deal/schema';
import { mulDiv, type Cents } from '../money';
import { couponRate, type IndexRates } from './interest';

/** The coupon a class pays for period `t`, paid on `paymentDate`; `callDatePeriod` is when the call first could be. */
export function couponInForce(
  tranche: Tranche,
  paymentDate: string,
  t: number,
  callDatePeriod: number | null,
): Coupon {
  const up = tranche.stepUp;
  if (!up) return tranche.coupon;
  if (up.from === 'cleanUpCallDate')
    return callDatePeriod !== null && t > callDatePeriod ? up.coupon : tranche.coupon;
  return paymentDate >= up.from ? up.coupon : tranche.coupon;
}

/** The annual rate a class accrues for period `t` (0 for a principal-only class). */
export function classRate(
  tranche: Tranche,
  index: IndexRates,
  t: number,
  paymentDate: string,
  callDatePeriod: number | null,
): number {
  if (tranche.principalOnly) return 0;
  return couponRate(couponInForce(tranche, paymentDate, t, callDatePeriod), index, t);
}

/** What the coupon accrues on: the notional of an interest-only class, else the class's beginning balance. */
export function accrualBase(
  tranche: Tranche,
  ownBegin: Cents,
  poolBegin: Cents,
  trancheBegin: (id: string) => Cents,
): Cents {
  const io = tranche.interestOnly;
  if (!io) return ownBegin;
  return io.notional.type === 'pool' ? poolBegin : trancheBegin(io.notional.tranche);
}

/**
 * An interest-only class's notional at closing, which its price is a % of (the market quotes an IO per 100 of
 * initial notional, as it has no par): the initial pool, or the original balance of the class it is on.
 */
export function initialNotional(
  io: NonNullable<Tranche['interestOnly']>,
  tranches: readonly Tranche[],
  initialPool: number,
): number {
  const n = io.notional;
  return n.type === 'pool' ? initialPool : (tranches.find((t) => t.id === n.tranche)?.balance ?? 0);
}

/**
 * The cap on a class's current interest: net interest funds × class beginning balance / notes' beginning
 * balance (zero when there are no funds or no notes).
 */
export function availableFundsCap(netInterestFunds: Cents, classBegin: Cents, notesBegin: Cents): Cents {
  if (netInterestFunds <= 0 || notesBegin <= 0) return 0;
  return mulDiv(netInterestFunds, classBegin, 1, notesBegin);
}
