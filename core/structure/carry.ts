/**
 * What the priority of payments carries from one period to the next: everything `runWaterfall` holds across a
 * period boundary, so a run restarted from it at period k + 1 pays exactly what the uninterrupted run pays. It is
 * the engine's side of the deal state as of a payment date (core/surveillance/dealState.ts stores it in the deal
 * file). Amounts are currency units exact to the cent (the waterfall's integer cents / 100); the excess-spread
 * figures are the engine's own floats, kept as they were computed, because averaging rounded figures would move
 * an excess-spread trigger's test.
 *
 * Every item and who reads it:
 * - classes: balance (principal steps, OC, accrual); interest shortfall (due again, with interest where the class
 *   compounds it); cap carryover (available-funds cap); principal deficiency (PDL); uncured write-downs (paid
 *   before the residual);
 * - fees: arrears carried, accruals of collection months since the last payment date, above-cap amounts owed;
 * - the reserve balance; cash waiting in the collection account between payment dates (quarterly deals);
 * - the liquidity facility's drawn balance and unpaid interest and commitment fee; what each hedge is owed;
 * - the pool as the tests read it: cumulative defaults and recoveries (CNL), losses not yet debited to the PDL,
 *   the OC ratio's two sides after the last distribution, and the cut-off balance every ratio divides by;
 * - the trigger book (breached, whether revolving has ended), the excess-spread history an average reads, the
 *   events of default's consecutive counts and the acceleration;
 * - the payment calendar's position (next payment period, accrual start, excess-spread estimates already
 *   counted) and the first period the clean-up call was eligible (step-up coupons read it);
 * - revolving: the period revolving ended and each purchase (period, profile line, par), whose receivables keep
 *   paying after k.
 */
import type { DealPhase } from '../deal/schema';
import type { AccelerationEvent, TriggerEvent } from '../result';

export interface CarriedClass {
  id: string;
  balance: number;
  interestShortfall: number;
  capCarryover: number;
  principalDeficiency: number;
  /** Written-down principal not yet written back up and paid. */
  writtenDown: number;
}

export interface CarriedFee {
  id: string;
  arrears: number;
  /** Accrued in collection months since the last payment date, due on the next. */
  pending: number;
  /** Above-cap amounts a subordinated step still owes (present when the waterfall pays the cap excess). */
  capExcessOwed?: number | undefined;
}

export interface CarriedPurchase {
  period: number;
  /** Profile line id. */
  line: string;
  par: number;
}

export interface CarriedState {
  /** The last period run (k): the restart pays period k + 1 first. */
  period: number;
  /** Its date (a payment date, or a collection month's end between payment dates). */
  date: string;
  /** Whether period k was a payment date. */
  paymentDate: boolean;
  initialPoolBalance: number;
  classes: CarriedClass[];
  fees: CarriedFee[];
  reserveBalance: number;
  collectionAccount: { interest: number; principal: number };
  liquidity?: { drawn: number; interestOwed: number; feeOwed: number } | undefined;
  hedges: { id: string; owed: number }[];
  pool: {
    /** The performing balance after period k's collections and purchases (what the notes are measured against). */
    endBalance: number;
    cumulativeDefaults: number;
    cumulativeRecoveries: number;
    cumulativeLosses: number;
    /** Interest, principal and recoveries collected to date. */
    cumulativeCollections: number;
    /** Losses realised since the last payment date, debited to the PDL on the next. */
    lossSincePayment: number;
    /** The OC ratio's pool and notes after the last distribution. */
    ocPool: number;
    ocNotes: number;
  };
  triggers: {
    breached: string[];
    revolvingEnded: boolean;
    /** Breaches and cures through period k (history; the restart does not read it). */
    history: TriggerEvent[];
    /** Annualised excess spread of the last periods an average trigger reads, oldest first. */
    excessSpread: { period: number; annualised: number }[];
  };
  eventsOfDefault: {
    /** Consecutive periods each event's test has failed (interest-shortfall events count). */
    counts: number[];
    acceleration: AccelerationEvent | null;
  };
  phase: DealPhase;
  calendar: {
    nextPaymentPeriod: number;
    /** Index of the last payment's accrual end (0: the closing date). */
    lastAccrualPeriod: number;
    /**
     * Excess-spread estimates counted in months before the next payment date: note interest, and senior
     * expenses (fees, net hedge payments, the liquidity facility's interest and commitment fee).
     */
    excessSpreadInterestCounted: number;
    excessSpreadFeesCounted: number;
    /** First payment date on which the clean-up call was eligible. */
    callEligiblePeriod: number | null;
  };
  revolving?:
    | {
        /** Last period the deal could buy receivables; null while it still revolves. */
        endPeriod: number | null;
        /** Revolving months left after k (0 once ended). */
        remainingMonths: number;
        purchasedPar: number;
        purchases: CarriedPurchase[];
      }
    | undefined;
  /** The period the clean-up call was exercised (the deal ended there), or null. */
  cleanUpCallPeriod: number | null;
}
