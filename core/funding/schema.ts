/**
 * The funding case: one JSON document (validated here, published as JSON Schema beside the samples) that
 * describes the book to fund, the funding sources with their terms, the mixes to compare, the stresses and
 * the optimisation constraints. Conventions follow the deal file: periods are months, period 0 is the start
 * date, rates are annual decimals, money is a plain number in the case's currency.
 */
import { customIssue } from '../i18n/messages';
import { z } from 'zod';
import { RepLine, Scenario, id, isoDate, money, rate, share } from '../deal/schema';

export const FUNDING_CASE_SCHEMA_VERSION = 1;

const months = z.number().int().min(0).max(600);

/** An annual rate by month: a constant, or a vector for months 1, 2, … (the last value holds after it ends). */
export const RateCurve = z.union([rate, z.array(rate).min(1).max(1200)]);
export type RateCurve = z.infer<typeof RateCurve>;

/** New receivables written each month by one product: each month's volume enters the book as a new cohort. */
export const OriginationPlan = z.object({
  id,
  /** The cohort's shape: product, rate, fee, term, payment rate (its `balance` is ignored). */
  line: RepLine,
  /** Volume originated in month 1. */
  monthlyVolume: money,
  /** Annual growth of the monthly volume (0.2 = +20% a year, compounded monthly). */
  annualGrowth: z.number().finite().min(-1).max(10).default(0),
  /** Months of origination (defaults to the whole horizon). */
  months: months.optional(),
});
export type OriginationPlan = z.infer<typeof OriginationPlan>;

export const Book = z.object({
  /** The current pool: rep lines, or the pool of a deal file (path relative to the case file). */
  currentPool: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('repLines'), lines: z.array(RepLine).min(1).max(10_000) }),
    z.object({ kind: z.literal('deal'), path: z.string().min(1).max(1000) }),
  ]),
  origination: z.array(OriginationPlan).max(50).default([]),
  /** Operating cash held beside the receivables, part of the funding need. */
  cashBuffer: z
    .object({ percentOfReceivables: share.default(0), minimum: money.default(0) })
    .default({ percentOfReceivables: 0, minimum: 0 }),
});
export type Book = z.infer<typeof Book>;

const sourceBase = {
  id,
  name: z.string().max(64).optional(),
  /** Committed sources count as available under stress; uncommitted ones are shown apart. */
  committed: z.boolean().optional(),
};

/** A bank warehouse / credit line against a borrowing base of eligible receivables. */
export const BankLine = z.object({
  ...sourceBase,
  type: z.literal('bankLine'),
  commitment: money,
  /** Advance rate on eligible receivables (the borrowing base). */
  advanceRate: share,
  /** Base-rate curve name in `indexCurves` (e.g. SOFR). */
  index: z.string().min(1).max(32),
  margin: rate,
  /** Annual fee on the undrawn commitment. */
  commitmentFee: rate.default(0),
  /** Fee on the commitment paid at signing and at each renewal. */
  upfrontFee: share.default(0),
  /** Months to maturity; at maturity the line renews for another tenor unless a stress says it does not. */
  tenorMonths: months.min(1),
  renews: z.boolean().default(true),
  /** Receivables more than this many days past due are ineligible (loans that default within dpd/30 months). */
  eligibilityMaxDaysPastDue: z.number().int().min(0).max(180).default(30),
  initialDrawn: money.default(0),
  /** Interest is charged on at least this much while the line is open (Sezzle's minimum utilisation). */
  minimumUtilisation: money.default(0),
});
export type BankLine = z.infer<typeof BankLine>;

/** Personal (retail) capital: termed notes sold through a channel, rolled over or redeemed at maturity. */
export const RetailCapital = z.object({
  ...sourceBase,
  type: z.literal('retail'),
  rate,
  termMonths: months.min(1),
  /** Fee to the distribution channel on each amount raised. */
  channelFee: share.default(0),
  /** Most new money raised in a month. */
  monthlyRaiseCapacity: money,
  /** Share of maturing balances that investors roll over. */
  rolloverRate: share.default(1),
  initialBalance: money.default(0),
});
export type RetailCapital = z.infer<typeof RetailCapital>;

export const NoteClass = z.object({
  id,
  /** Class balance as a share of the securitised pool. */
  poolShare: share,
  /** Annual coupon: fixed, or index + spread. */
  coupon: z.union([
    z.object({ type: z.literal('fixed'), rate }),
    z.object({ type: z.literal('floating'), index: z.string().min(1).max(32), spread: rate }),
  ]),
  /** Issue price in % of par; below par is an upfront cost. */
  price: z.number().finite().positive().max(200).default(100),
  /** Retained classes are funded by the originator (equity), not sold. */
  retained: z.boolean().default(false),
});
export type NoteClass = z.infer<typeof NoteClass>;

/** Term securitization: a programme of issues (every N months, above a minimum size) of a deal's structure. */
export const Securitization = z.object({
  ...sourceBase,
  type: z.literal('securitization'),
  /** Take classes (sizes, coupons, prices, retained) from a deal file, relative to the case file. */
  deal: z.string().min(1).max(1000).optional(),
  /** Ids of the deal's classes the originator keeps (default: subordinated and equity classes). */
  retainedClasses: z.array(id).optional(),
  /** Classes given directly (used when there is no deal file, or to override it). */
  classes: z.array(NoteClass).max(20).optional(),
  riskRetention: z
    .object({
      /** vertical: a share of every sold class; horizontal: first loss (the retained classes must reach it); wholeSubordinated: China's common practice. */
      rule: z.enum(['none', 'vertical', 'horizontal', 'wholeSubordinated']),
      share: share.default(0.05),
    })
    .default({ rule: 'vertical', share: 0.05 }),
  /** Fixed cost per issue (legal, rating, trustee). */
  fixedCost: money.default(0),
  /** Cost per issue as a share of the notes sold (underwriting). */
  percentCost: share.default(0),
  /** Months from mandate to the first issue. */
  leadTimeMonths: months.default(3),
  /** Smallest securitised pool per issue. */
  minimumSize: money.default(0),
  maximumSize: money.optional(),
  /**
   * Months the notes stay level before amortising with the book's cohorts. Used only without a deal file: with
   * one, the notes amortise as a run of the deal (its revolving period, triggers and waterfall) says.
   */
  revolvingMonths: months.default(0),
  issueEveryMonths: months.min(1).default(6),
});
export type Securitization = z.infer<typeof Securitization>;

/** Forward flow / whole-loan sale: a buyer takes a share of originations at a price; lighter on capital. */
export const ForwardFlow = z.object({
  ...sourceBase,
  type: z.literal('forwardFlow'),
  /** Price in % of par paid for receivables; the discount is an upfront cost. */
  price: z.number().finite().positive().max(200).default(100),
  /** The buyer's annual yield on the sold balance (the platform's cost of that funding). */
  costRate: rate,
  /** Most of each month's originations the buyer takes. */
  maxShareOfOriginations: share,
  /** Cap on cumulative purchases over the horizon. */
  programmeLimit: money.optional(),
});
export type ForwardFlow = z.infer<typeof ForwardFlow>;

export const Equity = z.object({
  ...sourceBase,
  type: z.literal('equity'),
  costOfEquity: rate,
  /** Smallest share of the funding need held as equity. */
  minimumShare: share.default(0),
  initialAmount: money,
  /** Most equity outstanding at any time. */
  maximumAmount: money,
  /** Most new equity raised in one month. */
  maxRaisePerMonth: money.default(0),
  /** Equity may be paid back when not needed; otherwise it stays and any surplus is held as cash. */
  releasable: z.boolean().default(false),
});
export type Equity = z.infer<typeof Equity>;

export const FundingSource = z.discriminatedUnion('type', [
  BankLine,
  RetailCapital,
  Securitization,
  ForwardFlow,
  Equity,
]);
export type FundingSource = z.infer<typeof FundingSource>;
export type SourceType = FundingSource['type'];

/** A mix to compare: fixed shares of the need, or rules (a fill order with a securitization trigger). */
export const Mix = z.discriminatedUnion('kind', [
  z.object({
    name: z.string().min(1).max(64),
    kind: z.literal('shares'),
    /** Share of each month's funding need per source id (need not sum to 1: a shortfall is a gap). */
    shares: z.record(id, share),
  }),
  z.object({
    name: z.string().min(1).max(64),
    kind: z.literal('rules'),
    /** Fill order after securitization: e.g. bank line to its borrowing base, then retail, then equity. */
    order: z.array(id).min(1),
    /** Issue on each issuance month when the unsecuritised eligible book exceeds this. */
    securitiseAbove: money.default(0),
    /** Share of the unsecuritised eligible book put in each issue. */
    securitiseShare: share.default(0.8),
  }),
]);
export type Mix = z.infer<typeof Mix>;

export const Stress = z.object({
  name: z.string().min(1).max(64),
  /** First month the stress applies; decisions before it are shared with the base case. */
  startMonth: months.min(1).default(1),
  /** Multiplies the scenario's default curve (higher losses). */
  lossMultiple: z.number().finite().min(0).max(100).default(1),
  /** Bank lines end at their first maturity on or after the start month. */
  bankLinesNotRenewed: z.boolean().default(false),
  /** Advance rates fall by this much (e.g. 0.03: 95% → 92% on a trigger). */
  advanceRateCut: share.default(0),
  /** A run on retail capital: no rollover, no new money, and at least this share of the balance leaves each month. */
  retailRun: z.object({ outflowPerMonth: share }).optional(),
  /** The securitization market is shut for this many months from the start month. */
  securitizationClosedMonths: months.default(0),
  /** Multiplies origination volume from the start month. */
  originationMultiple: z.number().finite().min(0).max(10).default(1),
});
export type Stress = z.infer<typeof Stress>;

export const Optimisation = z.object({
  /** Cash above receivables plus undrawn committed headroom, as a share of receivables, every month (base case). */
  minLiquidityBuffer: share.default(0),
  /** Most of total funding per source id. */
  maxShare: z.record(id, share).default({}),
  /** Overrides the equity sources' minimumShare. */
  minEquityShare: share.optional(),
  /** The mix must fund the book, with no gap, under every stress. */
  fundUnderStress: z.boolean().default(true),
  /** Weight of each stress's cost in the objective (the base case weighs 1). */
  stressWeight: z.number().finite().min(0).max(1).default(0.001),
  /** Relative MIP gap at which HiGHS stops (issues are binary decisions); 0 proves the optimum exactly. */
  mipRelGap: z.number().finite().min(0).max(0.1).default(1e-3),
  /** Sweep of liquidity buffers for the efficient frontier. */
  frontier: z
    .object({ from: share, to: share, steps: z.number().int().min(2).max(50) })
    .default({ from: 0, to: 0.3, steps: 7 }),
});
export type Optimisation = z.infer<typeof Optimisation>;

export const FundingCase = z
  .object({
    schemaVersion: z.literal(FUNDING_CASE_SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    description: z.string().max(10_000).optional(),
    /** Where the figures come from (../shared/DOMAIN.md lines). */
    sources: z.array(z.string().max(1000)).default([]),
    currency: z.string().min(3).max(3).default('USD'),
    startDate: isoDate,
    horizonMonths: months.min(1).max(120),
    /** Book assumptions; defaults to the first scenario of the current pool's deal file. */
    scenario: Scenario.optional(),
    /** Base-rate curves (SOFR, 1Y LPR…) by month; fall back to the scenario's index curves. */
    indexCurves: z.record(z.string().min(1).max(32), RateCurve).default({}),
    /** Annual yield earned on cash held above the receivables. */
    cashYield: rate.default(0),
    /** Haircuts on bank lines and retained securitization pieces are funded by equity. */
    haircutsFromEquity: z.boolean().default(true),
    book: Book,
    fundingSources: z.array(FundingSource).min(1).max(30),
    mixes: z.array(Mix).max(20).default([]),
    stresses: z.array(Stress).max(20).default([]),
    optimisation: Optimisation.optional(),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.fundingSources.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue(customIssue('funding.duplicateSource', { id: s.id }, ['fundingSources', i, 'id']));
      ids.add(s.id);
    });
    c.mixes.forEach((m, i) => {
      const named = m.kind === 'shares' ? Object.keys(m.shares) : m.order;
      for (const n of named)
        if (!ids.has(n))
          ctx.addIssue(
            customIssue('funding.unknownSource', { id: n }, [
              'mixes',
              i,
              m.kind === 'shares' ? 'shares' : 'order',
            ]),
          );
    });
    for (const n of Object.keys(c.optimisation?.maxShare ?? {}))
      if (!ids.has(n))
        ctx.addIssue(customIssue('funding.unknownSource', { id: n }, ['optimisation', 'maxShare', n]));
    if (c.fundingSources.filter((s) => s.type === 'equity').length !== 1)
      ctx.addIssue(customIssue('funding.oneEquity', {}, ['fundingSources']));
    c.fundingSources.forEach((s, i) => {
      if (s.type === 'securitization' && !s.deal && !s.classes)
        ctx.addIssue(customIssue('funding.dealOrClasses', {}, ['fundingSources', i, 'classes']));
    });
    if (c.book.currentPool.kind === 'repLines' && !c.scenario)
      ctx.addIssue(customIssue('funding.scenarioNeeded', {}, ['scenario']));
  });
export type FundingCase = z.infer<typeof FundingCase>;
export type FundingCaseInput = z.input<typeof FundingCase>;
