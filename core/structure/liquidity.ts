/**
 * The liquidity facility: a third party's commitment drawn automatically, on payment dates, when a covered step
 * (fees, interest of the covered classes) cannot be paid in full from its sources. Whether the reserve is drawn
 * before the facility or after it is the deal's `order` (reserve first by default, as most consumer ABS write
 * it). Draws are cash entering the deal and are repaid by their own step, senior to every principal step; the
 * drawn balance bears interest (fixed or index + spread) and the undrawn commitment a commitment fee, each over
 * the accrual period under the facility's day count, with unpaid amounts carried forward without interest.
 */
import type { FundsSource, LiquidityFacility, Tranche } from '../deal/schema';
import { cents, mulDiv, type Cents } from '../money';
import type { Funds } from './funds';
import { couponRate, interestAccrual, type AccrualFraction, type IndexRates } from './interest';

export class LiquidityAccount {
  drawn: Cents = 0;
  interestOwed: Cents = 0;
  feeOwed: Cents = 0;
  /** This payment date's figures (reset by `open`). */
  commitment: Cents = 0;
  begin: Cents = 0;
  draws: Cents = 0;
  repaid: Cents = 0;
  interestDue: Cents = 0;
  interestPaid: Cents = 0;
  feeDue: Cents = 0;
  feePaid: Cents = 0;
  /** Interest and commitment fee accrued for this payment date alone (nothing carried): excess spread reads it. */
  accrued: Cents = 0;
  private readonly coveredClasses: ReadonlySet<string>;

  constructor(
    readonly facility: LiquidityFacility,
    private readonly initialNotes: Cents,
  ) {
    this.coveredClasses = new Set(facility.covers.interest);
  }

  /** The commitment of a payment date: the amount, or % of notes; both given, the smaller. */
  commitmentFor(notesBegin: Cents): Cents {
    const c = this.facility.commitment;
    const byNotes =
      c.percentOfNotes === undefined
        ? undefined
        : mulDiv(c.reducing ? notesBegin : this.initialNotes, c.percentOfNotes);
    const byAmount = c.amount === undefined ? undefined : cents(c.amount);
    if (byNotes === undefined) return byAmount ?? 0;
    return byAmount === undefined ? byNotes : Math.min(byNotes, byAmount);
  }

  /** Starts a payment date: interest on the drawn balance and the fee on the undrawn commitment fall due. */
  open(notesBegin: Cents, index: IndexRates, period: number, frac: AccrualFraction): void {
    this.commitment = this.commitmentFor(notesBegin);
    this.begin = this.drawn;
    this.draws = 0;
    this.repaid = 0;
    this.interestPaid = 0;
    this.feePaid = 0;
    const interest = this.interestAccrual(index, period, frac);
    const fee = this.feeAccrual(this.commitment, frac);
    this.accrued = interest + fee;
    this.interestDue = interest + this.interestOwed;
    this.feeDue = fee + this.feeOwed;
    // Owed until a step pays it, so a deal without the step still carries what accrued.
    this.interestOwed = this.interestDue;
    this.feeOwed = this.feeDue;
  }

  /**
   * What the facility costs over `frac` at the current drawn balance: interest on draws plus the fee on the
   * undrawn commitment. Between payment dates nothing is drawn or repaid, so a collection month's estimate reads
   * the balance the last payment date left.
   */
  cost(notesBegin: Cents, index: IndexRates, period: number, frac: AccrualFraction): Cents {
    return this.interestAccrual(index, period, frac) + this.feeAccrual(this.commitmentFor(notesBegin), frac);
  }

  private interestAccrual(index: IndexRates, period: number, frac: AccrualFraction): Cents {
    return interestAccrual(this.drawn, couponRate(this.facility.rate, index, period), frac);
  }

  private feeAccrual(commitment: Cents, frac: AccrualFraction): Cents {
    return interestAccrual(Math.max(0, commitment - this.drawn), this.facility.commitmentFeeRate, frac);
  }

  /** Whether a fee step, or an interest step on these classes, may draw. */
  covers(step: { pay: 'fee' } | { pay: 'interest'; tranches: readonly Tranche['id'][] }): boolean {
    if (step.pay === 'fee') return this.facility.covers.fees;
    return step.tranches.length > 0 && step.tranches.every((id) => this.coveredClasses.has(id));
  }

  /** Draws up to `shortfall` within the undrawn commitment. */
  draw(shortfall: Cents): Cents {
    const x = Math.max(0, Math.min(shortfall, this.commitment - this.drawn));
    this.drawn += x;
    this.draws += x;
    return x;
  }

  /**
   * Takes `due` for a covered step from its sources and the facility in the deal's order. Returns what the
   * facility lent; what the sources gave is in `funds.took`, as after any take.
   */
  take(funds: Funds, due: Cents, from: readonly FundsSource[]): Cents {
    if (this.facility.order === 'reserveFirst') return this.draw(due - funds.take(due, from, true));
    const cash = funds.take(
      due,
      from.filter((s) => s !== 'reserve'),
      true,
    );
    const { interest, principal } = funds.took;
    const drawn = this.draw(due - cash);
    const reserve = from.includes('reserve') ? funds.take(due - cash - drawn, ['reserve'], true) : 0;
    const got = funds.took;
    got.interest = interest;
    got.principal = principal;
    got.reserve = reserve;
    got.total = cash + reserve;
    return drawn;
  }

  /** Pays the interest (or commitment fee) step: what is unpaid is carried. */
  payInterest(paid: Cents): void {
    this.interestPaid += paid;
    this.interestOwed = this.interestDue - this.interestPaid;
  }

  payFee(paid: Cents): void {
    this.feePaid += paid;
    this.feeOwed = this.feeDue - this.feePaid;
  }

  repay(paid: Cents): void {
    this.drawn -= paid;
    this.repaid += paid;
  }

  /** Everything owed to the provider now: drawn balance, interest and fee (for the clean-up call's test). */
  get owed(): Cents {
    return this.drawn + (this.interestDue - this.interestPaid) + (this.feeDue - this.feePaid);
  }
}
