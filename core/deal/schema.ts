/**
 * The deal file: one JSON document validated by these zod schemas (published as JSON Schema beside the
 * samples). This file is the contract between the engine's modules, the CLI, the UI and the report:
 * change it only with a version bump and a migration in `core/deal/migrate.ts`.
 *
 * Conventions (../shared/DESIGN.md): periods are months, period 0 is the cut-off; rates are annual
 * decimals (0.12 = 12%); money is a plain number in the deal's currency.
 */
import { codedRefinement } from '../i18n/messages';
import { z } from 'zod';
import { CalendarFile } from '../time/holidayCalendar';
import { id, isoDate, money, months, rate, share } from './primitives';
import { DealSurveillance } from '../surveillance/dealHistory';

export const DEAL_SCHEMA_VERSION = 1;

export { id, isoDate, money, rate, share } from './primitives';

/**
 * An assumption curve: a constant, a vector (value for period/age 1, 2, …; the last value holds after
 * the vector ends), or a mathjs formula of `period` (months since the line entered the pool) and `age`
 * (months since the loan's origination). Formulas run in a sandbox with no assignment or imports.
 */
export const Curve = z.union([
  z.number().finite(),
  z.object({
    vector: z.array(z.number().finite()).min(1).max(1200),
    by: z.enum(['period', 'age']).default('period'),
  }),
  z.object({ formula: z.string().min(1).max(500) }),
]);
export type Curve = z.infer<typeof Curve>;

export const PrepaymentAssumption = z.object({
  /** CPR/SMM: the curve is the rate; PSA: the curve is the speed (100 = 100% PSA); ABS: the curve is the ABS speed. */
  model: z.enum(['CPR', 'SMM', 'PSA', 'ABS']),
  curve: Curve,
});
export type PrepaymentAssumption = z.infer<typeof PrepaymentAssumption>;

export const DefaultAssumption = z.discriminatedUnion('model', [
  /** CDR/MDR: the curve is the rate; SDA: the curve is the multiple (100 = 100% SDA). */
  z.object({ model: z.enum(['CDR', 'MDR', 'SDA']), curve: Curve }),
  /**
   * Cumulative-net-loss timing: lifetime net loss as a share of the line's balance when it entered the pool,
   * spread by `timing` (share of lifetime loss in each period since entry; must sum to 1). Gross defaults
   * in a period = balance at entry × lifetimeNetLoss × timing[period] / severity, capped at the performing balance.
   */
  z.object({
    model: z.literal('CNL'),
    lifetimeNetLoss: share,
    timing: z.array(share).min(1).max(1200),
  }),
]);
export type DefaultAssumption = z.infer<typeof DefaultAssumption>;

const AssumptionSet = z.object({
  prepayment: PrepaymentAssumption,
  default: DefaultAssumption,
  /** Loss severity: share of the defaulted balance lost (1 − recovery rate). */
  severity: Curve,
  recoveryLagMonths: months,
});

/** The record a vintage analysis leaves on the scenario it wrote, for audit. */
export const VintageProvenance = z
  .object({
    source: z.literal('vintage-analysis'),
    /** The performance history (or vintage table) file the curves were fitted on. */
    historyFile: z.string().min(1).max(1000),
    /** The vintages (origination months) used. */
    vintages: z.array(z.string().max(64)).max(1200),
    method: z.enum(['chain-ladder', 'timing']),
    /** The date the analysis ran. */
    date: isoDate,
    /** How the scenario was stressed from the base, if it was (a multiple, or base + k × standard error). */
    stress: z.string().max(200).optional(),
    /** The history field segmented by (e.g. grade): the scenario's overrides were each fitted on one segment. */
    segmentField: z.string().min(1).max(64).optional(),
    /** Which pool segment each history value's override was written for (values mapped to one fitted together). */
    segmentMap: z.record(z.string().min(1).max(64), z.string().min(1).max(64)).optional(),
    /** A published vintage table rather than a loan-level history: only the loss curve came from it. */
    table: z.boolean().optional(),
  })
  .describe('Where a scenario fitted on performance history came from: file, vintages, method, date.');

/**
 * The record a re-fit on a deal's own servicer reports leaves on the scenario it wrote (core/surveillance/refit.ts):
 * the reports' months observed, the rest the reference run's rates times actual/expected to date.
 */
export const ReportsProvenance = z
  .object({
    source: z.literal('servicer-reports'),
    /** The report periods the observed months come from. */
    reports: z.array(z.number().int().min(1).max(1200)).min(1).max(1200),
    /** The last report's payment date. */
    through: isoDate,
    method: z.literal('actual-to-expected'),
    /** What extends the months after the reports: the pricing scenario's run, or the history's timing curve's. */
    extension: z.enum(['pricing-scenario', 'history-timing-curve']),
    /** The deal's scenario the reports were measured against (and whose index curves the scenario keeps). */
    baseScenario: z.string().min(1).max(64),
    /** The performance history the timing curve was fitted on (`history-timing-curve`). */
    historyFile: z.string().min(1).max(1000).optional(),
    /** Actual / expected defaults and prepayments to date (amounts, reports against the reference run). */
    defaultRatio: z.number().finite().min(0),
    prepaymentRatio: z.number().finite().min(0),
    /** Severity observed on the reports' defaults old enough to be recovered, or the reference scenario's. */
    severity: z.enum(['observed', 'scenario']),
    date: isoDate,
  })
  .describe('Where a scenario re-fitted on the deal’s servicer reports came from: months, method, date.');

export const ScenarioProvenance = z.discriminatedUnion('source', [VintageProvenance, ReportsProvenance]);
export type ScenarioProvenance = z.infer<typeof ScenarioProvenance>;

export const Scenario = AssumptionSet.extend({
  name: z.string().min(1).max(64),
  description: z.string().max(2000).optional(),
  /** Multiplies the default curve (rate models) or lifetimeNetLoss (CNL): the rating-agency "loss multiple". */
  defaultMultiple: z.number().finite().min(0).max(100).default(1),
  /** Multiplies the prepayment curve. */
  prepaymentMultiple: z.number().finite().min(0).max(100).default(1),
  /** Servicer advancing (off for consumer receivables): defaulted balance keeps amortising until liquidation. */
  servicerAdvancing: z.boolean().default(false),
  /**
   * When rate-model (CDR/MDR/SDA) defaults stop. `maturity` (the default, for consumer products): loans default
   * until their last month and the horizon runs `recoveryLagMonths` past maturity to liquidate them.
   * `lagBeforeMaturity`: none in a loan's last `recoveryLagMonths` months, as the SIFMA Standard Formulas do for
   * mortgages (kept for the reference cases; on 3-month paper with a 3-month lag it removes every default).
   * Servicer advancing always uses `lagBeforeMaturity`: an advanced loan needs a balance left to liquidate.
   */
  defaultStop: z.enum(['maturity', 'lagBeforeMaturity']).default('maturity'),
  /** Per-segment overrides (segment = a rep line's or loan's `segment`, e.g. a credit grade or product). */
  overrides: z.array(AssumptionSet.partial().extend({ segment: z.string().min(1).max(64) })).default([]),
  /** Index curves for floating coupons and funding costs (e.g. SOFR, 1Y LPR), annual rates by period. */
  indexCurves: z.record(z.string().min(1).max(32), Curve).default({}),
  /** Where the curves came from when a vintage analysis (`vintage --into`) or a re-fit (`surveil --refit`) wrote them. */
  provenance: ScenarioProvenance.optional(),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/**
 * `bullet`: interest monthly, principal at maturity (先息后本). `single-payment`: principal and simple interest
 * since origination in one sum at maturity or prepayment (到期一次性还本付息); a default loses the accrued interest.
 * `revolving`: a monthly fee (if any) is charged on the current balance. Pool files store a product by its index in
 * this list: append, never insert.
 */
export const Product = z.enum([
  'level-pay',
  'equal-principal',
  'interest-free-fee',
  'bullet',
  'revolving',
  'single-payment',
]);
export type Product = z.infer<typeof Product>;

/** A representative line: a group of receivables projected as one loan. */
export const RepLine = z
  .object({
    id,
    segment: z.string().min(1).max(64).default('all'),
    product: Product,
    /** Current (performing) principal balance at cut-off. */
    balance: money,
    /** Original principal (interest-free-fee products charge their fee on it); defaults to balance. */
    originalBalance: money.optional(),
    /** Annual interest rate (APR, simple monthly rate = rate / 12). Zero for interest-free products. */
    rate: rate.min(0),
    /**
     * Monthly fee as a share of original principal (interest-free-fee products, e.g. 0.005 = 0.5%/month); on a
     * revolving line, a share of the current balance (as card and Huabei-style fees are charged).
     */
    monthlyFeeRate: share.default(0),
    originalTerm: months.min(1),
    remainingTerm: months.min(1),
    /** Monthly principal payment rate of a revolving balance (share of balance repaid each month). */
    paymentRate: share.default(0),
    /** Number of receivables the line stands for (reporting only). */
    count: z.number().int().nonnegative().default(1),
  })
  .refine((l) => l.remainingTerm <= l.originalTerm, {
    ...codedRefinement('deal.exceeds', { field: 'remainingTerm', limit: 'originalTerm' }),
    path: ['remainingTerm'],
  })
  .refine((l) => l.product !== 'revolving' || l.paymentRate > 0, {
    ...codedRefinement('deal.revolvingNoPaymentRate', { field: 'paymentRate' }),
    path: ['paymentRate'],
  });
export type RepLine = z.infer<typeof RepLine>;

export const PoolSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('repLines'), lines: z.array(RepLine).min(1).max(100_000) }),
  /** A pool file written by `abs-workbench import` (loan level), relative to the deal file. */
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(1000) }),
]);
export type PoolSpec = z.infer<typeof PoolSpec>;

/** ACT/ACT is the ISDA variant: days in leap years over 366, the others over 365 (core/time/dayCount.ts). */
export const DayCount = z.enum(['30/360', 'ACT/360', 'ACT/365F', 'ACT/ACT']);
export type DayCount = z.infer<typeof DayCount>;

export const Coupon = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), rate }),
  z.object({
    type: z.literal('floating'),
    index: z.string().min(1).max(32),
    spread: rate,
    floor: rate.optional(),
    cap: rate.optional(),
  }),
]);
export type Coupon = z.infer<typeof Coupon>;

export const Tranche = z.object({
  id,
  name: z.string().max(64).optional(),
  seniority: z.enum(['senior', 'mezzanine', 'subordinated', 'equity']),
  rating: z.string().max(16).optional(),
  balance: money,
  coupon: Coupon,
  dayCount: DayCount.default('30/360'),
  /** Legal final maturity of the class (reported beside its expected final payment date); defaults to the deal's. */
  legalFinalDate: isoDate.optional(),
  price: z
    .number()
    .finite()
    .positive()
    .max(1000)
    .default(100)
    .describe(
      'Clean price in % of par at which yield is computed (100 = par). An interest-only class has no par: its ' +
        'price is % of its notional at closing (the initial pool, or the original balance of the class it is on), ' +
        'so the buyer pays price × notional / 100 for the interest alone.',
    ),
  interestOnShortfall: z
    .boolean()
    .optional()
    .describe(
      'Interest on interest shortfall (default false). Unpaid interest is always carried forward and due before ' +
        'anything reaches the residual; with true it also accrues interest at the class coupon for the period ' +
        '(day count as the class), as many US deals pay "to the extent lawful".',
    ),
  stepUp: z
    .object({
      from: z
        .union([isoDate, z.literal('cleanUpCallDate')])
        .describe(
          'A date: accrual periods ending on a payment date on or after it pay the new coupon. ' +
            "'cleanUpCallDate': the periods after the first payment date on which the clean-up call could be " +
            'exercised (pool at or below its poolShare), whether or not it is exercised.',
        ),
      coupon: Coupon.describe('The coupon in force from then on: a new fixed rate, or index + a new margin.'),
    })
    .optional()
    .describe('Step-up coupon: a new rate or margin after a date or from the clean-up call date onward.'),
  availableFundsCap: z
    .boolean()
    .optional()
    .describe(
      "Available-funds (net WAC) cap (default false): the period's interest is at most the net interest " +
        'funds × the class beginning balance / the beginning balance of all notes, where net interest funds = ' +
        'interest collections (with reinvestment income and hedge receipts) − fees accrued − net hedge payments ' +
        '− liquidity interest and commitment fee due. That is the net WAC rate of the pool times pool / notes. ' +
        "The capped part is carried as basis-risk (cap) carryover, without interest on it, and paid by a { pay: 'capCarryover' } " +
        'step, subordinated, when funds allow.',
    ),
  interestOnly: z
    .object({
      notional: z
        .union([z.object({ type: z.literal('pool') }), z.object({ type: z.literal('tranche'), tranche: id })])
        .describe(
          'Notional the coupon accrues on: the pool beginning balance, or a class beginning balance.',
        ),
    })
    .optional()
    .describe('Interest-only class: balance 0, paid its coupon on the notional, no principal.'),
  principalOnly: z
    .boolean()
    .optional()
    .describe('Principal-only class (default false): receives no interest whatever its coupon says.'),
});
export type Tranche = z.infer<typeof Tranche>;

export const Fee = z.object({
  id,
  name: z.string().max(64).optional(),
  /** fixed: amount per period; percentOfPool: annual rate × beginning pool balance / 12; percentOfTranche: annual rate × tranche beginning balance / 12. */
  basis: z.discriminatedUnion('type', [
    z.object({ type: z.literal('fixed'), amount: money }),
    z.object({ type: z.literal('percentOfPool'), rate }),
    z.object({ type: z.literal('percentOfTranche'), tranche: id, rate }),
  ]),
  capPerPeriod: money
    .optional()
    .describe(
      'Most the fee step pays in one period, carried arrears included. The part above the cap is forfeited, ' +
        "unless the waterfall has a subordinated step { pay: 'fee', fee, part: 'capExcess' }: then it is owed " +
        'and paid there (carried until paid).',
    ),
  /** Unpaid fee is carried forward to the next period (default true). */
  carryUnpaid: z.boolean().default(true),
});
export type Fee = z.infer<typeof Fee>;

export const ReserveAccount = z.object({
  id: id.default('reserve'),
  initialBalance: money,
  /** Target = max(floor, percentOfCurrentPool × pool end balance, percentOfInitialPool × initial pool), capped by notes outstanding. */
  target: z
    .object({
      percentOfInitialPool: share.default(0),
      percentOfCurrentPool: share.default(0),
      floor: money.default(0),
    })
    .describe(
      'Target = max(floor, percentOfCurrentPool × pool end balance, percentOfInitialPool × initial pool), capped ' +
        'at the notes outstanding; cash above it is released into available funds (none while a trapCash ' +
        'trigger is breached); zero on the final period. The reserve counts as collateral for write-downs.',
    ),
  coversPrincipalAtMaturity: z
    .boolean()
    .default(true)
    .describe(
      'On the final period (legal final, or the clean-up call) the reserve pays principal: the notes still ' +
        'outstanding and any uncured write-down, before anything goes to the seller. With false the reserve ' +
        'pays fees and interest only and what is left of it is returned to the seller.',
    ),
});
export type ReserveAccount = z.infer<typeof ReserveAccount>;

/** Overcollateralisation target: notes are paid down to pool end balance − target. */
export const OcTarget = z
  .object({
    percentOfCurrentPool: share.default(0),
    percentOfInitialPool: share.default(0),
    /** Floor as a share of the initial pool (the target never falls below it). */
    floorPercentOfInitialPool: share.default(0),
  })
  .describe(
    'Overcollateralisation target = max(% of the current pool end balance, % of the initial pool, floor % of the ' +
      'initial pool); regular principal pays the notes down to max(0, pool end balance − target). No OC target ' +
      'means a zero target: the notes are paid down to the pool end balance, so defaults are turbo-paid from ' +
      'excess spread.',
  );
export type OcTarget = z.infer<typeof OcTarget>;

export const PrincipalRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sequential') }),
  z.object({ type: z.literal('proRata') }),
]);
export type PrincipalRule = z.infer<typeof PrincipalRule>;

const ThresholdSchedule = z
  .array(z.object({ fromPeriod: months.min(1), threshold: z.number().finite() }))
  .min(1)
  .describe('Threshold in force from each period on (sorted by fromPeriod)');

/** When a trigger or an event of default is tested: before the period's distribution, or after it. */
export const TestMoment = z.enum(['beforeDistribution', 'afterDistribution']);
export type TestMoment = z.infer<typeof TestMoment>;

export const Trigger = z.object({
  id,
  name: z.string().max(64).optional(),
  test: z.discriminatedUnion('type', [
    /** Cumulative net loss (cumulative defaults − recoveries) / initial pool > threshold. */
    z.object({ type: z.literal('cumulativeNetLoss'), schedule: ThresholdSchedule }),
    /**
     * Delinquency ratio > threshold. The projection has no delinquency states, so the ratio is the balance that
     * will charge off in the next `pipelineMonths` periods (loans on their way to charge-off are delinquent now)
     * over the pool end balance.
     */
    z.object({
      type: z.literal('delinquency'),
      schedule: ThresholdSchedule,
      pipelineMonths: months.min(1).default(3),
    }),
    z
      .object({
        type: z.literal('excessSpread'),
        schedule: ThresholdSchedule,
        averageMonths: months.min(1).default(3),
        beforeFullWindow: z
          .enum(['averageAvailable', 'notTested'])
          .optional()
          .describe(
            'Before averageMonths periods have completed: averageAvailable (default) averages the periods ' +
              'completed so far (none in period 1, so untested then); notTested waits for a full window.',
          ),
      })
      .describe(
        'Breach when the annualised excess spread, (interest collections − fees − note interest accrued) × 12 / ' +
          'pool begin balance, averaged over the last averageMonths completed periods, is below the threshold.',
      ),
    z
      .object({ type: z.literal('ocRatio'), schedule: ThresholdSchedule })
      .describe(
        'Breach when pool balance / notes outstanding is below the threshold, both measured on the same date: ' +
          "after the previous period's distributions, purchases and write-downs (the closing balances in " +
          'period 1). Untested once the notes are repaid or the pool has run off.',
      ),
  ]),
  /** What a breach does: switch principal to the `afterTrigger` rule, end the revolving period, or trap residual cash in the reserve. */
  effects: z
    .array(z.enum(['sequential', 'endRevolving', 'trapCash']))
    .min(1)
    .describe(
      'sequential: principal follows principalRule.afterTrigger; endRevolving: revolving ends for good; ' +
        'trapCash: what would go to the residual is deposited in the reserve. A breach takes effect in the period ' +
        'that measures it.',
    ),
  /** A curable trigger switches back when the test passes again; otherwise a breach is permanent. */
  curable: z.boolean().default(false),
  testedAt: TestMoment.optional().describe(
    'beforeDistribution (default): tested on a period before its waterfall runs; a breach takes effect in that ' +
      'period. afterDistribution: tested on payment dates once the period is paid (the OC ratio reads the notes ' +
      'after this payment); a breach takes effect from the next period.',
  ),
});
export type Trigger = z.infer<typeof Trigger>;

export const Eligibility = z.object({
  maxRemainingTerm: months.optional(),
  minRate: rate.optional(),
  maxRate: rate.optional(),
  products: z.array(Product).optional(),
  segments: z.array(z.string()).optional(),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const Revolving = z.object({
  /** Last period in which collections buy new receivables. */
  endPeriod: months.min(1),
  /** Price paid for new receivables, % of par (100 = par). */
  purchasePrice: z.number().finite().positive().max(200).default(100),
  /** Lines new receivables look like; `balance` is the line's weight in each purchase. */
  profile: z.array(RepLine).min(1).max(1000),
  eligibility: Eligibility.default({}),
  /** Most of the pool's balance one segment (or product) may be after a purchase. */
  concentrationLimits: z
    .array(z.object({ key: z.enum(['segment', 'product']), value: z.string(), maxShare: share }))
    .default([]),
  /** Purchases aim to restore the pool to this share of its initial balance (1 = keep the pool level). */
  targetPoolShare: share.default(1),
});
export type Revolving = z.infer<typeof Revolving>;

/**
 * Where a step's cash comes from, in order. A step that names none draws, for fees and interest: interest, then
 * principal, then reserve; for reserve deposits, purchases, principal and the residual: interest, then principal
 * (the period's available funds). The reserve is only drawn for fees and interest, and for principal on the
 * final period when `reserve.coversPrincipalAtMaturity`, whatever a step lists.
 */
export const FundsSource = z.enum(['interest', 'principal', 'reserve']);
export type FundsSource = z.infer<typeof FundsSource>;

/**
 * A cap or target on what a step pays (Hastructure's `Limit`): the step's due is computed as usual, then limited.
 * The part limited away is unpaid in that step: a fee carries it as arrears (if it carries unpaid amounts), a
 * principal step leaves it on the notes, a residual step leaves it for the steps after it.
 */
export const StepLimit = z
  .union([
    z
      .object({
        toTargetBalance: z.union([
          z
            .object({
              schedule: z
                .array(z.object({ fromPeriod: months.min(1), balance: money }))
                .min(1)
                .max(1200),
            })
            .strict(),
          z.object({ percentOfPool: share }).strict(),
        ]),
      })
      .strict()
      .describe(
        'Principal steps only: pay the listed classes down to no less than a target balance: from a schedule ' +
          '(the last entry whose fromPeriod is at or before the period; none before the first: nothing is paid) ' +
          'or a share of the pool end balance. Not applied on the final period or after acceleration, when ' +
          'every note is due.',
      ),
    z.object({ shareOfDue: share }).strict().describe('Pay at most this share of what the step has due.'),
    z.object({ maxAmount: money }).strict().describe('Pay at most this amount in one period.'),
  ])
  .describe('Cap or target on the step: a target balance (principal), a share of what is due, or an amount.');
export type StepLimit = z.infer<typeof StepLimit>;

/** The priority of payments as data (Hastructure style): it serialises, shows in the UI and is validated before a run. */
export const WaterfallStep = z.discriminatedUnion('pay', [
  z.object({
    pay: z.literal('fee'),
    fee: id,
    from: z.array(FundsSource).optional(),
    part: z
      .enum(['due', 'capExcess'])
      .optional()
      .describe(
        'due (default): the period fee plus arrears up to the cap. capExcess: what the cap held back, paid in ' +
          'this (subordinated) step instead of being forfeited.',
      ),
    limit: StepLimit.optional(),
  }),
  /** Interest due on the listed tranches (pro rata among them), with carried-forward shortfall. */
  z
    .object({
      pay: z.literal('interest'),
      tranches: z.array(id).min(1),
      from: z.array(FundsSource).optional(),
    })
    .describe(
      'Interest due on the listed classes, pro rata to the amounts due: the coupon on the beginning balance ' +
        '(day count of the class) plus the carried shortfall (plus interest on it where the class has ' +
        'interestOnShortfall); what is unpaid is carried forward.',
    ),
  /** Top up the reserve account to its target. */
  z.object({ pay: z.literal('reserveDeposit'), from: z.array(FundsSource).optional() }),
  /** Buy new receivables while revolving (does nothing afterwards). */
  z.object({ pay: z.literal('purchase'), from: z.array(FundsSource).optional() }),
  /**
   * Principal to the listed tranches: the amount that brings them down to max(0, pool end balance − OC target)
   * (with no OC target: to the pool end balance, so losses are turbo-paid from excess spread), by the deal's
   * principal rule (normal, or afterTrigger once a `sequential` trigger has fired).
   */
  z.object({
    pay: z.literal('principal'),
    tranches: z.array(id).min(1),
    from: z.array(FundsSource).optional(),
    amount: z
      .enum(['regular', 'firstPriority'])
      .optional()
      .describe(
        "regular (default): the listed classes' part of bringing every note down to max(0, pool end balance − " +
          'OC target). firstPriority: the amount by which the listed classes (list every class senior to them ' +
          'too) exceed the pool end balance, so it can be paid before junior interest (the US auto layout: ' +
          'first allocation [A] after A interest, second [A, B] after B interest, …). On the final period every ' +
          'listed note is due.',
      ),
    limit: StepLimit.optional(),
  }),
  z
    .object({ pay: z.literal('hedge'), hedge: id, from: z.array(FundsSource).optional() })
    .describe(
      'Net swap payment to the counterparty when the deal owes it (unpaid amounts carried); a net receipt ' +
        'is not a step: it joins interest collections before the first step.',
    ),
  z
    .object({
      pay: z.literal('liquidity'),
      part: z.enum(['interest', 'commitmentFee', 'repay']),
      from: z.array(FundsSource).optional(),
    })
    .describe(
      'Liquidity facility: interest on the drawn balance, commitment fee on the undrawn commitment (each with ' +
        'unpaid amounts carried), or repayment of the drawn balance. The repay step must come before every ' +
        'principal step, so on the final period draws are repaid before the notes.',
    ),
  z
    .object({
      pay: z.literal('capCarryover'),
      tranches: z.array(id).min(1),
      from: z.array(FundsSource).optional(),
    })
    .describe(
      'Basis-risk (available-funds cap) carryover of the listed classes, pro rata to the amounts owed, paid ' +
        'as interest; what is unpaid stays owed. Usually after all note principal, before the residual.',
    ),
  /** Everything left to the seller / equity holder. */
  z
    .object({
      pay: z.literal('pdlCure'),
      tranches: z.array(id).min(1),
      from: z.array(FundsSource).optional(),
    })
    .describe(
      'Credits the principal deficiency ledgers of the listed classes (senior level first, pro rata within a ' +
        'level) from revenue (interest collections by default): the cash moves to principal collections, so ' +
        'the principal steps after it pay it to the notes. Needs structure.principalDeficiencyLedger.',
    ),
  z
    .object({
      pay: z.literal('residual'),
      from: z.array(FundsSource).optional(),
      limit: StepLimit.optional(),
    })
    .describe(
      'Everything left to the seller. Before it (and before cash no step took goes to the seller) the notes are ' +
        'made whole as far as the cash goes, senior level first and pro rata within a level: interest ' +
        'shortfalls, then notes above the collateral (every note on the final period), then uncured write-downs.',
    ),
]);
export type WaterfallStep = z.infer<typeof WaterfallStep>;

/**
 * One phase's priority of payments: a single combined list (as `structure.waterfall`), or separate revenue
 * (`interest`) and redemption (`principal`) priorities of payments as UK, EU and Chinese deals write them
 * (收入分账户 / 本金分账户).
 */
export const PhaseWaterfall = z.union([
  z.array(WaterfallStep).min(1).max(200),
  z
    .object({
      interest: z.array(WaterfallStep).min(1).max(200),
      principal: z.array(WaterfallStep).min(1).max(200),
    })
    .strict()
    .describe(
      'Separate priorities of payments: interest (revenue) steps draw on interest collections and the reserve ' +
        'only, principal (redemption) steps on principal collections only (an interest step there pays a ' +
        'shortfall of interest from principal, debiting the principal deficiency ledger). Revenue steps run ' +
        'first, then redemption steps; the residual steps of each run last, once both have paid the notes.',
    ),
]);
export type PhaseWaterfall = z.infer<typeof PhaseWaterfall>;

export const DealPhase = z.enum(['revolving', 'amortising', 'accelerated', 'cleanUp']);
export type DealPhase = z.infer<typeof DealPhase>;

/** An event of default: once it occurs the deal is accelerated for good. */
export const EventOfDefault = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('interestShortfall'),
      tranches: z.array(id).min(1),
      periods: z.number().int().min(1).max(120).default(1),
    })
    .describe(
      'Interest on any listed class left unpaid on `periods` consecutive payment dates. Tested after the ' +
        'distribution; the deal is accelerated from the next period.',
    ),
  z
    .object({ type: z.literal('trigger'), trigger: id })
    .describe(
      'A breach of the named trigger, tested when the trigger is (its testedAt): before the distribution it ' +
        'accelerates the same period, after it the next.',
    ),
  z
    .object({ type: z.literal('unpaidAtLegalFinal') })
    .describe(
      "A class still outstanding after the payment on or after its legal final date (the class's, else the " +
        "calendar's). Tested after the distribution; the deal is accelerated from the next period.",
    ),
]);
export type EventOfDefault = z.infer<typeof EventOfDefault>;

export const DealPhases = z
  .object({
    waterfalls: z
      .object({
        revolving: PhaseWaterfall.optional(),
        amortising: PhaseWaterfall.optional(),
        accelerated: PhaseWaterfall.optional(),
        cleanUp: PhaseWaterfall.optional(),
      })
      .strict()
      .default({})
      .describe(
        'Priority of payments per phase. revolving: while the deal buys receivables; amortising: afterwards; ' +
          'accelerated: every period after an event of default; cleanUp: the period the clean-up call is ' +
          'exercised. A phase without its own uses structure.waterfall, except accelerated, whose default pools ' +
          'interest and principal and pays every fee, then the hedge and liquidity facility steps of ' +
          'structure.waterfall (they keep their seniority), then each seniority level its interest and then its ' +
          'principal in full (pro rata within a level), then any cap carryover steps, then the residual.',
      ),
    eventsOfDefault: z.array(EventOfDefault).max(20).default([]),
  })
  .describe(
    'Deal phases and events of default. After acceleration every note is due: principal steps pay the listed ' +
      'classes in full, senior level first; the reserve is released into available funds; purchases stop; ' +
      'payments are monthly.',
  );
export type DealPhases = z.infer<typeof DealPhases>;
export const HedgeNotional = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('tranche'), tranche: id }),
    z.object({ type: z.literal('pool') }),
    z.object({ type: z.literal('schedule'), amounts: z.array(money).min(1).max(1200) }),
  ])
  .describe(
    "Notional of a payment date: a class's beginning balance, the pool balance at the start of the payment " +
      "date's collection month, or a schedule (amounts[t − 1] for period t, zero after the schedule ends).",
  );
export type HedgeNotional = z.infer<typeof HedgeNotional>;

export const Hedge = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('swap'),
      id,
      dealPays: z
        .enum(['fixed', 'floating'])
        .describe('fixed: the deal pays the fixed rate and receives the floating one (the usual ABS swap).'),
      fixedRate: rate,
      index: z.string().min(1).max(32),
      spread: rate.default(0),
      notional: HedgeNotional,
      dayCount: DayCount.default('ACT/360'),
    }),
    z.object({
      type: z.literal('cap'),
      id,
      index: z.string().min(1).max(32),
      strike: Curve.describe('Strike by period (a constant, or a vector by period).'),
      notional: HedgeNotional,
      dayCount: DayCount.default('ACT/360'),
    }),
  ])
  .describe(
    'An interest-rate hedge, settled net on each payment date over the accrual period, at the index rate of ' +
      "the scenario's indexCurves for the period (as floating coupons). A swap nets the two legs: a receipt " +
      "joins interest collections, a payment is made by the { pay: 'hedge' } step. A cap pays the deal " +
      'max(0, index − strike) × notional (its premium is paid at closing, outside the waterfall). Hedges end ' +
      'with the deal; on a clean-up call the termination payment is taken as zero (the mark-to-market is ' +
      'unknown to the model).',
  );
export type Hedge = z.infer<typeof Hedge>;

export const LiquidityFacility = z
  .object({
    id: id.default('liquidity'),
    commitment: z
      .object({
        amount: money.optional(),
        percentOfNotes: share.optional(),
        reducing: z.boolean().default(false),
      })
      .describe(
        'The commitment: an amount, or percentOfNotes × the notes (the initial notes, or with reducing the ' +
          'notes outstanding at the start of each payment date). Given both, the smaller applies.',
      ),
    covers: z
      .object({ fees: z.boolean().default(true), interest: z.array(id).default([]) })
      .describe(
        'Shortfalls it may be drawn for: every fee step (fees), and the interest steps of these classes.',
      ),
    order: z
      .enum(['reserveFirst', 'facilityFirst'])
      .default('reserveFirst')
      .describe(
        'reserveFirst (default, as most consumer ABS): a covered step takes its sources, the reserve ' +
          'included, and the facility is drawn for what is left; facilityFirst: the facility is drawn before ' +
          'the reserve.',
      ),
    rate: Coupon.describe('Interest on the drawn balance: a fixed rate or index + spread.'),
    commitmentFeeRate: rate.min(0).default(0),
    dayCount: DayCount.default('ACT/360'),
  })
  .describe(
    'A liquidity facility drawn automatically, on payment dates, for shortfalls of the covered fees and ' +
      "interest; draws are repaid by the { pay: 'liquidity', part: 'repay' } step and bear interest; the " +
      'undrawn commitment bears a commitment fee. A commitment reduced below the drawn balance stops new ' +
      'draws and does not force a repayment.',
  );
export type LiquidityFacility = z.infer<typeof LiquidityFacility>;

export const Structure = z.object({
  tranches: z.array(Tranche).min(1).max(50),
  fees: z.array(Fee).default([]),
  reserve: ReserveAccount.optional(),
  ocTarget: OcTarget.optional(),
  principalRule: z.object({
    normal: PrincipalRule,
    afterTrigger: PrincipalRule.default({ type: 'sequential' }),
  }),
  triggers: z.array(Trigger).default([]),
  revolving: Revolving.optional(),
  lossAllocation: z
    .enum(['writeDown', 'none'])
    .optional()
    .describe(
      "writeDown (default): only realised losses write notes down. After each period's payments the notes are " +
        'measured against the collateral: performing pool end balance (after purchases) + defaulted balance ' +
        'awaiting liquidation + reserve cash; the excess is written down, most junior seniority level first, ' +
        'pro rata within a level. A written-down amount stays owed (a principal deficiency): later recoveries ' +
        'and available funds write the class back up and pay it, senior level first, before anything reaches ' +
        'the residual. none: notes keep their balance and unpaid principal stays owed. In both modes nothing ' +
        'reaches the residual while a class has unpaid interest, an uncured write-down or notes above the ' +
        "collateral, and a class's principalLoss is original balance − principal received: what is unpaid " +
        'after the final period (the legal final) is a loss in every mode.',
    ),
  cleanUpCall: z
    .object({
      /** Pool share (of the initial pool) at or below which the call may be exercised, e.g. 0.1 = 10%. */
      poolShare: share,
      requireNotesRetired: z
        .boolean()
        .optional()
        .describe(
          "true (default): exercised only when the price, with the period's collections and the reserve, pays " +
            'every fee, all interest due and every note in full. false: exercised whenever the pool is small ' +
            'enough; any shortfall is stated in the result (cleanUpCallShortfall) and is a loss to the notes.',
        ),
    })
    .optional()
    .describe(
      'The seller buys the performing pool back at par once revolving has ended and the pool end balance is at ' +
        'or below poolShare × initial pool; that period is the final one.',
    ),
  waterfall: z.array(WaterfallStep).min(1).max(200),
  // Issue #15, phases and deficiency ledgers: kept together at the end of the structure.
  phases: DealPhases.optional(),
  principalDeficiencyLedger: z
    .boolean()
    .optional()
    .describe(
      'true: a principal deficiency ledger per class (the ledger form of writeDown economics, as UK, EU and ' +
        "Chinese deals write it). Each period's realised losses, and principal used to pay interest, debit the " +
        'ledgers from the most junior class up (a class at most its balance); pdlCure steps credit them from ' +
        'revenue, senior first. Notes are not written down: a deficiency stays on the class until cured, and ' +
        'what is unpaid after the final period is its loss. Excludes lossAllocation writeDown.',
    ),
  liquidityFacility: LiquidityFacility.optional(),
  hedges: z.array(Hedge).max(20).optional(),
});
export type Structure = z.infer<typeof Structure>;

export const PaymentFrequency = z.enum(['monthly', 'quarterly', 'semiAnnual']);
export type PaymentFrequency = z.infer<typeof PaymentFrequency>;

/**
 * The deal calendar. Collections stay monthly; the notes are paid on payment dates only, at a frequency per phase
 * (Chinese consumer ABS often pay senior interest quarterly while revolving and monthly once amortising). Between
 * payment dates collections wait in the collection account. Payment dates roll by `businessDayRule` on the
 * `holidays` calendar; each class accrues from the previous payment date (the closing date for the first) to its
 * payment date under its day count.
 */
export const DealCalendar = z
  .object({
    paymentFrequency: z
      .object({
        revolving: PaymentFrequency.default('monthly'),
        amortising: PaymentFrequency.default('monthly'),
      })
      .default({ revolving: 'monthly', amortising: 'monthly' })
      .describe(
        'How often the notes are paid: while the deal revolves, and once it amortises. After each payment date the ' +
          'next is one period of the frequency in force on that date later.',
      ),
    holidays: z
      .string()
      .min(1)
      .max(32)
      .optional()
      .describe(
        'Holiday calendar id: CN-SSE (Shanghai/Shenzhen exchanges), CN-IB (interbank, with its working weekends), ' +
          'US-SIFMA, or the id of a calendar file given to the CLI with --calendar. None: no date is rolled.',
      ),
    businessDayRule: z
      .enum(['following', 'modifiedFollowing', 'preceding', 'unadjusted'])
      .default('following')
      .describe('How a payment date on a weekend or holiday moves (used only with a holiday calendar).'),
    accrualDates: z
      .enum(['adjusted', 'unadjusted'])
      .default('adjusted')
      .describe('Accrue interest between the rolled payment dates (default) or the scheduled ones.'),
    reinvestmentRate: rate
      .min(0)
      .default(0)
      .describe(
        'Annual rate (ACT/365F) the collection account earns on cash waiting for the next payment date; the ' +
          'income joins interest collections.',
      ),
    triggerTests: z
      .enum(['collectionMonths', 'paymentDates'])
      .default('collectionMonths')
      .describe('When triggers are tested: every collection month (default), or on payment dates only.'),
    legalFinalDate: isoDate.optional().describe("The notes' legal final maturity, reported with each class."),
    calendars: z
      .array(CalendarFile)
      .max(10)
      .optional()
      .describe(
        'Holiday calendars carried with the deal (same format as samples/calendar.schema.json; the CLI adds the ' +
          'files given with --calendar here). One whose id matches a built-in calendar replaces it.',
      ),
  })
  .describe('Payment frequency per phase, business days and accrual dates (default: monthly, no rolling).');
export type DealCalendar = z.infer<typeof DealCalendar>;

export const Deal = z.object({
  schemaVersion: z.literal(DEAL_SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  /** Where the sample's figures come from (../shared/DOMAIN.md lines), kept with the deal for audit. */
  sources: z.array(z.string().max(1000)).default([]),
  currency: z.string().min(3).max(3).default('USD'),
  cutoffDate: isoDate,
  /** Settlement date for yield, duration and WAL (30/360 year fractions run from it). Defaults to the cut-off. */
  settlementDate: isoDate.optional(),
  /**
   * Closing (issue) date: the first accrual period of every class runs from it to the first payment date.
   * Defaults to the settlement date (itself defaulting to the cut-off).
   */
  closingDate: isoDate.optional(),
  /**
   * First payment date, before business-day rolling; its day of month must be `paymentDay`. Defaults to the
   * payment day of the month after the cut-off. Collection months before it accumulate in the collection account.
   */
  firstPaymentDate: isoDate.optional(),
  calendar: DealCalendar.optional(),
  /** Day of month payments fall on (period t pays on that day of month cut-off + t). */
  paymentDay: z.number().int().min(1).max(28).default(15),
  /** Payment delay in days after the period's payment date (affects yield, duration and WAL only). */
  paymentDelayDays: z.number().int().min(0).max(90).default(0),
  /** Periods to project (defaults to the longest remaining term plus recovery lag). */
  horizonMonths: months.min(1).optional(),
  pool: PoolSpec,
  scenarios: z.array(Scenario).min(1).max(100),
  structure: Structure,
  /** After closing: the servicer reports received (surveillance). Absent for a deal being structured. */
  surveillance: DealSurveillance.optional(),
});
export type Deal = z.infer<typeof Deal>;
export type DealInput = z.input<typeof Deal>;
