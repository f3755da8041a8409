/**
 * The deal as of a payment date (`surveillance.state` in the deal file): everything the priority of payments
 * carries from one period to the next (core/structure/carry.ts lists each item and who reads it), with where
 * it came from. The engine restarts from it (./restart.ts): with the same assumptions, a run restarted from the
 * state its own run reached at period k pays periods k + 1 … exactly as that run did, to the cent.
 *
 * Money is in the deal's currency, exact to the cent; the excess-spread history keeps the engine's unrounded
 * annualised figures, since an average trigger compares their mean with its threshold.
 */
import { z } from 'zod';
import { id, isoDate, money, months } from '../deal/primitives';
import type { CarriedState } from '../structure/carry';

const period = z.number().int().min(0).max(1200);
const ratio = z.number().finite();
// The deal schema's phases, written out here: the deal schema embeds this one, so importing it would be a cycle.
const phase = z.enum(['revolving', 'amortising', 'accelerated', 'cleanUp']);

const triggerEvent = z
  .object({
    id,
    period,
    date: isoDate,
    value: ratio,
    threshold: ratio,
    kind: z.enum(['breached', 'cured']),
  })
  .strict();

/** What a state built from servicer reports did not read in them (./stateFromReports.ts says from where). */
export const DerivedItem = z.enum([
  'capCarryover',
  'principalDeficiency',
  'feeArrears',
  'liquidity',
  'hedges',
  'acceleration',
  'writtenDown',
  'cumulativeLosses',
  'reserveBalance',
  'revolvingPurchases',
  'callEligiblePeriod',
  'cumulativeFromFirstReport',
  'initialPoolBalance',
]);
export type DerivedItem = z.infer<typeof DerivedItem>;

export const DealStateSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('run'),
      /** The scenario the deal's own run used. */
      scenario: z.string().max(200),
    })
    .strict(),
  z
    .object({
      kind: z.literal('reports'),
      /** The last report's period. */
      lastReport: period,
      /** Items the reports do not publish, each taken from its stated source (./stateFromReports.ts). */
      derived: z.array(DerivedItem).max(50),
      /** The deal file's earlier state those items came from (null: none, nothing owed). */
      previousState: period.nullable(),
    })
    .strict(),
]);

export const DealState = z
  .object({
    /** The last period paid (k); a restart pays k + 1 first. */
    period,
    /** Period k's date. */
    date: isoDate,
    paymentDate: z.boolean(),
    initialPoolBalance: money,
    classes: z
      .array(
        z
          .object({
            id,
            balance: money,
            interestShortfall: money,
            capCarryover: money,
            principalDeficiency: money,
            writtenDown: money,
          })
          .strict(),
      )
      .min(1)
      .max(50),
    fees: z
      .array(z.object({ id, arrears: money, pending: money, capExcessOwed: money.optional() }).strict())
      .max(100),
    reserveBalance: money,
    collectionAccount: z.object({ interest: money, principal: money }).strict(),
    liquidity: z.object({ drawn: money, interestOwed: money, feeOwed: money }).strict().optional(),
    hedges: z.array(z.object({ id, owed: money }).strict()).max(50),
    pool: z
      .object({
        endBalance: money,
        cumulativeDefaults: money,
        cumulativeRecoveries: money,
        cumulativeLosses: money,
        cumulativeCollections: money,
        lossSincePayment: money,
        ocPool: money,
        ocNotes: money,
      })
      .strict(),
    triggers: z
      .object({
        breached: z.array(id).max(100),
        revolvingEnded: z.boolean(),
        history: z.array(triggerEvent).max(10_000),
        excessSpread: z.array(z.object({ period, annualised: ratio }).strict()).max(1200),
      })
      .strict(),
    eventsOfDefault: z
      .object({
        counts: z.array(z.number().int().min(0).max(1200)).max(50),
        acceleration: z
          .object({
            period,
            event: z.number().int().min(0).max(50),
            type: z.enum(['interestShortfall', 'trigger', 'unpaidAtLegalFinal']),
            testedPeriod: period,
          })
          .strict()
          .nullable(),
      })
      .strict(),
    phase,
    calendar: z
      .object({
        nextPaymentPeriod: period,
        lastAccrualPeriod: period,
        excessSpreadInterestCounted: z.number().finite(),
        excessSpreadFeesCounted: z.number().finite(),
        callEligiblePeriod: period.nullable(),
      })
      .strict(),
    revolving: z
      .object({
        endPeriod: period.nullable(),
        remainingMonths: months,
        purchasedPar: money,
        purchases: z.array(z.object({ period, line: id, par: money }).strict()).max(100_000),
      })
      .strict()
      .optional(),
    cleanUpCallPeriod: period.nullable(),
    source: DealStateSource,
  })
  .strict()
  .describe(
    'The deal as of a payment date: what the priority of payments carries into the next period, and its source.',
  );
export type DealState = z.infer<typeof DealState>;

// The schema and the engine's carried state must agree field for field: a restart reads one as the other.
type Agrees<A, B> = [A] extends [B] ? true : false;
const stateIsCarried: Agrees<Omit<DealState, 'source'>, CarriedState> = true;
void stateIsCarried;
