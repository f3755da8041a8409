/**
 * The deal file: one JSON document validated by these zod schemas (published as JSON Schema beside the
 * samples). This file is the contract between the engine's modules, the CLI, the UI and the report:
 * change it only with a version bump and a migration in `core/deal/migrate.ts`.
 *
 * Conventions (../shared/DESIGN.md): periods are months, period 0 is the cut-off; rates are annual
 * decimals (0.12 = 12%); money is a plain number in the deal's currency.
 */
import { z } from 'zod';

export const DEAL_SCHEMA_VERSION = 1;

/** Field primitives shared by every JSON file the engine reads (deal, funding case). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');
export const money = z.number().finite().nonnegative();
export const rate = z.number().finite().min(-1).max(10);
export const share = z.number().finite().min(0).max(1);
const months = z.number().int().min(0).max(1200);
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, _ . -');

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
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/**
 * `bullet`: interest monthly, principal at maturity (先息后本). `single-payment`: principal and simple interest
 * since origination in one sum at maturity or prepayment (到期一次性还本付息); a default loses the accrued interest.
 * `revolving`: a monthly fee (if any) is charged on the current balance.
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
    message: 'remainingTerm exceeds originalTerm',
    path: ['remainingTerm'],
  })
  .refine((l) => l.product !== 'revolving' || l.paymentRate > 0, {
    message: 'a revolving line needs a paymentRate above 0',
    path: ['paymentRate'],
  });
export type RepLine = z.infer<typeof RepLine>;

export const PoolSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('repLines'), lines: z.array(RepLine).min(1).max(100_000) }),
  /** A pool file written by `abs-workbench import` (loan level), relative to the deal file. */
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(1000) }),
]);
export type PoolSpec = z.infer<typeof PoolSpec>;

export const DayCount = z.enum(['30/360', 'ACT/360', 'ACT/365F']);
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
  /** Price in % of par at which yield is computed (100 = par). */
  price: z.number().finite().positive().max(1000).default(100),
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
  /** Most paid in one period (unpaid above the cap is not carried). */
  capPerPeriod: money.optional(),
  /** Unpaid fee is carried forward to the next period (default true). */
  carryUnpaid: z.boolean().default(true),
});
export type Fee = z.infer<typeof Fee>;

export const ReserveAccount = z.object({
  id: id.default('reserve'),
  initialBalance: money,
  /** Target = max(floor, percentOfCurrentPool × pool end balance, percentOfInitialPool × initial pool), capped by notes outstanding. */
  target: z.object({
    percentOfInitialPool: share.default(0),
    percentOfCurrentPool: share.default(0),
    floor: money.default(0),
  }),
  /** What draws may cover, in waterfall order: fees and interest always; principal at the legal final / last period. */
  coversPrincipalAtMaturity: z.boolean().default(true),
});
export type ReserveAccount = z.infer<typeof ReserveAccount>;

/** Overcollateralisation target: notes are paid down to pool end balance − target. */
export const OcTarget = z.object({
  percentOfCurrentPool: share.default(0),
  percentOfInitialPool: share.default(0),
  /** Floor as a share of the initial pool (the target never falls below it). */
  floorPercentOfInitialPool: share.default(0),
});
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
    /** Annualised excess spread (averaged over `averageMonths`) < threshold. */
    z.object({
      type: z.literal('excessSpread'),
      schedule: ThresholdSchedule,
      averageMonths: months.min(1).default(3),
    }),
    /** Pool end balance / notes outstanding < threshold. */
    z.object({ type: z.literal('ocRatio'), schedule: ThresholdSchedule }),
  ]),
  /** What a breach does: switch principal to the `afterTrigger` rule, end the revolving period, or trap residual cash in the reserve. */
  effects: z.array(z.enum(['sequential', 'endRevolving', 'trapCash'])).min(1),
  /** A curable trigger switches back when the test passes again; otherwise a breach is permanent. */
  curable: z.boolean().default(false),
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

/** The priority of payments as data (Hastructure style): it serialises, shows in the UI and is validated before a run. */
export const WaterfallStep = z.discriminatedUnion('pay', [
  z.object({ pay: z.literal('fee'), fee: id, from: z.array(FundsSource).optional() }),
  /** Interest due on the listed tranches (pro rata among them), with carried-forward shortfall. */
  z.object({
    pay: z.literal('interest'),
    tranches: z.array(id).min(1),
    from: z.array(FundsSource).optional(),
  }),
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
  }),
  /** Everything left to the seller / equity holder. */
  z.object({ pay: z.literal('residual'), from: z.array(FundsSource).optional() }),
]);
export type WaterfallStep = z.infer<typeof WaterfallStep>;

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
  /**
   * Loss allocation after each period's waterfall. `writeDown` (the default when absent): notes above the pool end
   * balance are written down from the most junior class up. `none`: notes keep their balance and unpaid principal
   * stays owed to the end (the reference sequential waterfall).
   */
  lossAllocation: z.enum(['writeDown', 'none']).optional(),
  /** The seller buys the pool back at par when it falls to this share of the initial pool (0.1 = 10%). */
  cleanUpCall: z.object({ poolShare: share }).optional(),
  waterfall: z.array(WaterfallStep).min(1).max(200),
});
export type Structure = z.infer<typeof Structure>;

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
  /** Day of month payments fall on (period t pays on that day of month cut-off + t). */
  paymentDay: z.number().int().min(1).max(28).default(15),
  /** Payment delay in days after the period's payment date (affects yield, duration and WAL only). */
  paymentDelayDays: z.number().int().min(0).max(90).default(0),
  /** Periods to project (defaults to the longest remaining term plus recovery lag). */
  horizonMonths: months.min(1).optional(),
  pool: PoolSpec,
  scenarios: z.array(Scenario).min(1).max(100),
  structure: Structure,
});
export type Deal = z.infer<typeof Deal>;
export type DealInput = z.input<typeof Deal>;
