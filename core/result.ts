/**
 * The result of one deal run under one scenario: what the CLI prints (`--json`), the UI shows and the Excel
 * report writes. Money here is a number rounded to cents (the waterfall computes in decimal.js and converts
 * at the edge); every figure traces to a period, a waterfall step and the scenario that produced it.
 */
import type { CoreMessage } from './i18n/messages';
import type { Deal, Scenario } from './deal/schema';
import type { ProjectionNotes } from './projection/notes';
import type { ExcludedLine } from './structure/revolving';

export interface PoolPeriodRow {
  period: number;
  /** Payment date of the period (YYYY-MM-DD). */
  date: string;
  beginBalance: number;
  scheduledPrincipal: number;
  prepayment: number;
  default: number;
  loss: number;
  recovery: number;
  interest: number;
  fees: number;
  /** Receivables bought in the period (revolving). */
  purchases: number;
  endBalance: number;
  /** Cumulative defaults − cumulative recoveries, over the initial pool balance. */
  cumulativeNetLossPct: number;
  count: number;
}

export interface TrancheCashflowRow {
  period: number;
  date: string;
  beginBalance: number;
  interestDue: number;
  interest: number;
  /** Unpaid interest carried forward after this period. */
  interestShortfall: number;
  /** Principal paid, including uncured write-downs written back up and paid in the same step. */
  principal: number;
  /** Write-down net of write-ups this period (negative when a written-down class was written back up). */
  writedown: number;
  balance: number;
  /** (Pool end balance + reserve − this class and everything senior to it) / pool end balance. */
  creditEnhancement: number;
  /**
   * The interest accrual period paid on this date: from the previous payment date (the closing date for the
   * first) to this one, rolled or as scheduled per the deal calendar; null in a collection month that is not a
   * payment date. Optional only for results written before the deal calendar.
   */
  accrualStart?: string | null;
  accrualEnd?: string | null;
  /** Days of the accrual period under the class's day count (30/360 days for 30/360, actual days otherwise). */
  accrualDays?: number;
  /** Uncured principal deficiency ledger of the class after this period (deals with a PDL only). */
  principalDeficiency?: number;
  /** Available-funds cap carryover owed after this date (classes with an available-funds cap). */
  capCarryover?: number;
}

export interface TrancheResult {
  id: string;
  seniority: string;
  rating?: string;
  originalBalance: number;
  /**
   * An interest-only class's notional at closing (the initial pool, or the original balance of the class it is
   * on): it has no balance, so its price is a % of this. Absent for every other class.
   */
  notional?: number;
  /** Share of the initial pool balance. */
  poolShare: number;
  couponDescription: string;
  /** % of par the yield is computed at (of `notional` for an interest-only class). */
  price: number;
  paymentDelayDays: number;
  /** Date of the last principal payment in this run (null when the class receives none). */
  expectedFinalDate?: string | null;
  /** Legal final maturity: the class's own, else the deal's (null when the deal states none). */
  legalFinalDate?: string | null;
  /** Years from settlement, 30/360, delay included; null when the class never pays principal. */
  wal: number | null;
  principalWindow: { first: number; last: number } | null;
  /** Bond-equivalent yield (semiannual compounding); null when no solution. */
  yield: number | null;
  /** Monthly mortgage-equivalent yield. */
  mortgageYield: number | null;
  macaulayDuration: number | null;
  modifiedDuration: number | null;
  convexity: number | null;
  /**
   * Original balance − principal received over the run: write-downs not written back, plus principal still unpaid
   * after the final period (the legal final) in every loss-allocation mode.
   */
  principalLoss: number;
  interestShortfall: number;
  cashflows: TrancheCashflowRow[];
}

export interface WaterfallStepRow {
  /** Index of the step in `structure.waterfall`. */
  step: number;
  label: string;
  due: number;
  paid: number;
  /** Amount taken from each source. */
  fromInterest: number;
  fromPrincipal: number;
  fromReserve: number;
  /** Which priority of payments the step belongs to, when the phase separates revenue and redemption. */
  ledger?: 'revenue' | 'redemption';
  /** What the step's cap or target (its `limit`) allowed, shown beside `due`; absent for a step without one. */
  limitedTo?: number;
  /** Drawn from the liquidity facility for this step (present only when it was drawn). */
  fromLiquidity?: number;
}

export interface WaterfallPeriod {
  period: number;
  date: string;
  sources: {
    /** Interest plus fee income of the pool. */
    interestCollections: number;
    /** Scheduled principal plus prepayments (recoveries and call proceeds are shown apart). */
    principalCollections: number;
    recoveries: number;
    /** Reserve cash released above target or drawn by steps: a transfer, so not in `total`. */
    reserveDraw: number;
    cleanUpCallProceeds: number;
    /** What the collection account earned between payment dates (part of interestCollections). */
    reinvestmentIncome?: number;
    /** Net hedge receipts (swap or cap paying the deal): cash entering the deal, in `total` (not in interestCollections). */
    hedgeReceipts?: number;
    /** Liquidity facility draws: cash entering the deal, in `total` (not in interestCollections). */
    liquidityDraws?: number;
    /** Cash entering the deal: interest + principal collections + recoveries + call proceeds + liquidity draws. */
    total: number;
  };
  steps: WaterfallStepRow[];
  /** Cash leaving the deal: every step's payment except deposits into the reserve (incl. trapped residual). */
  uses: { total: number };
  reserve: { begin: number; deposit: number; draw: number; end: number; target: number };
  /** False in a collection month that is not a payment date: only purchases run, the rest waits. */
  paymentDate?: boolean;
  /**
   * Collections waiting for the next payment date (begin, end). The period reconciles as sources.total =
   * uses.total + change in the reserve + change in the collection account.
   */
  collectionAccount?: { begin: number; end: number };
  /**
   * sources.total − uses.total − (reserve end − reserve begin) − (collection account end − begin), exactly zero when
   * the period reconciles.
   */
  difference: number;
  revolving: boolean;
  triggersBreached: string[];
  /** The phase whose priority of payments ran (present when the structure has `phases`). */
  phase?: 'revolving' | 'amortising' | 'accelerated' | 'cleanUp';
  /** The liquidity facility on this payment date (deals with one). */
  liquidity?: LiquidityPeriod;
  /** Each hedge's settlement on this payment date (deals with hedges). */
  hedges?: HedgePeriod[];
}

/** The event of default that accelerated the deal. */
export interface AccelerationEvent {
  /** First period paid under the accelerated priority of payments. */
  period: number;
  /** Index in `structure.phases.eventsOfDefault` and its type. */
  event: number;
  type: 'interestShortfall' | 'trigger' | 'unpaidAtLegalFinal';
  /** The period whose test found the event. */
  testedPeriod: number;
}

export interface LiquidityPeriod {
  commitment: number;
  /** Drawn balance before this date's draws and repayment, and after them. */
  begin: number;
  draws: number;
  repaid: number;
  end: number;
  interestDue: number;
  interestPaid: number;
  commitmentFeeDue: number;
  commitmentFeePaid: number;
}

export interface HedgePeriod {
  id: string;
  notional: number;
  payRate: number;
  receiveRate: number;
  /** Net to the deal: positive received, negative owed to the counterparty. */
  net: number;
  /** Paid to the counterparty on this date (current and carried). */
  paid: number;
  /** Still owed to the counterparty after this date. */
  owed: number;
}

export interface TriggerEvent {
  id: string;
  period: number;
  date: string;
  /** The measured value and the threshold in force. */
  value: number;
  threshold: number;
  kind: 'breached' | 'cured';
}

/** What the revolving period bought and left out. */
export interface RevolvingReport {
  /** Profile lines failing the eligibility criteria (never bought). */
  excludedProfileLines: ExcludedLine[];
  /** Purchases by period: par bought, cash paid, and the concentration limits that cut the purchase back. */
  purchases: {
    period: number;
    par: number;
    cash: number;
    limitedBy: string[];
    /** Par bought of each profile line (`index` into `structure.revolving.profile`), lines bought only. */
    lines?: { index: number; par: number }[];
  }[];
}

export interface RunResult {
  engineVersion: string;
  runAt: string;
  deal: { name: string; currency: string; cutoffDate: string; settlementDate: string; closingDate?: string };
  /**
   * What the reader must know about the dates, e.g. payment dates rolled beyond the holiday calendar's published
   * years (weekends and fixed-date holidays only). Empty or absent when there is nothing to say.
   */
  calendarNotes?: string[];
  /** The same notes with their codes (`coreText` shows one in the user's language). */
  calendarNoteMessages?: CoreMessage[];
  scenario: Scenario;
  pool: {
    initialBalance: number;
    periods: PoolPeriodRow[];
    /** Receivables in the initial pool (rep lines' counts, or a loan-level pool's loans), when run by runDeal. */
    receivables?: number;
    /** The initial pool's balance-weighted annual rate, when run by runDeal; null for an empty pool. */
    waRate?: number | null;
  };
  tranches: TrancheResult[];
  waterfall: WaterfallPeriod[];
  triggerEvents: TriggerEvent[];
  /** Period the clean-up call was exercised, if it was. */
  cleanUpCallPeriod: number | null;
  /**
   * Principal and interest the clean-up call left unpaid (0 when its price retired the notes; null when not
   * exercised). Only a call with `requireNotesRetired: false` can leave a shortfall.
   */
  cleanUpCallShortfall?: number | null;
  /** The event of default that accelerated the deal (absent without phases; null when none occurred). */
  acceleration?: AccelerationEvent | null;
  /** Period revolving ended (scheduled or by trigger), if the deal revolves. */
  revolvingEndPeriod: number | null;
  /** Annualised excess spread per period: (interest collections − senior fees − note interest) × 12 / pool begin. */
  excessSpread: { period: number; annualised: number }[];
  /**
   * The default-stop rule the projection used, its product conventions, stated against realised CNL, balance left
   * at the end, and warnings (runDeal fills it; runs on a ready projection, such as grid cells, leave it out).
   */
  projectionNotes?: ProjectionNotes;
  /** Revolving purchases and exclusions; absent or null when the deal does not revolve. */
  revolving?: RevolvingReport | null;
  checks: {
    /** Every period: sources = uses + change in account balances, to the cent. */
    cashConserved: boolean;
    /** Periods that failed, with their difference (empty when cashConserved). */
    failures: { period: number; difference: number }[];
  };
}

export type { Deal, ProjectionNotes };
