/**
 * The priority of payments, period by period, in decimal. Inputs are the pool's per-period collections (a
 * projection, or hand-made figures as in the reference case); each period's totals are rounded half-even to
 * cents as they enter, then every step of `structure.waterfall` runs in order over the named sources. After the
 * steps, losses are allocated and the period is reconciled: collections = payments out of the deal + change in
 * the reserve, to the cent.
 *
 * Order inside a period: read collections → test triggers → decide the clean-up call → release reserve cash
 * above target → steps in order → before any cash goes to the seller (the residual step, or cash no step took):
 * interest shortfalls, then notes above the collateral, then uncured write-downs, senior level first → write-downs
 * (./lossAllocation.ts).
 *
 * Accounting of `WaterfallPeriod`: `sources.total` is cash entering the deal (interest collections, principal
 * collections = scheduled principal + prepayments, recoveries, clean-up call proceeds); `sources.reserveDraw`
 * (releases and draws) is a transfer from the reserve, so it is shown but not in the total. `uses.total` is cash
 * leaving the deal (fees, interest, principal, purchases, residual); deposits into the reserve (including cash
 * trapped by a trigger) are in the step rows but not in `uses.total`. Then `difference` = sources.total −
 * uses.total − (reserve end − reserve begin), computed from the independently kept balances, is zero.
 *
 * Other conventions: the final period is the last one run (the horizon, or the clean-up call); on it every note
 * is due in full and the reserve is emptied. The clean-up call is tested on the pool end balance once revolving
 * has ended and, unless `requireNotesRetired` is false, only exercised when its price with the period's
 * collections and the reserve pays every fee, all interest and every note in full (the US optional-redemption
 * condition); the seller pays the performing balance (pending defaults and their recoveries go to the seller
 * with the receivables), the proceeds join principal collections and the run stops there. The pool row of that
 * period still shows the projected collateral; the notes are measured against zero pool. `revolvingEndPeriod`
 * is the last period in which the deal could buy receivables (0 when a trigger ended revolving in period 1).
 */
import type {
  DayCount,
  DealPhase,
  FundsSource,
  Scenario,
  Structure,
  Tranche,
  WaterfallStep,
} from '../deal/schema';
import type { PoolProjection } from '../projection/types';
import type {
  AccelerationEvent,
  PoolPeriodRow,
  RevolvingReport,
  TrancheCashflowRow,
  TrancheResult,
  TriggerEvent,
  WaterfallPeriod,
  WaterfallStepRow,
} from '../result';
import { allocateCents, cents, fromCents, mulDiv, type Cents } from '../money';
import { capExcess, feeAccrual, feeCarried, feePayable } from './fees';
import { Funds, type Taken } from './funds';
import { daysBetween } from '../time/isoDate';
import {
  accrualDays,
  accrualFraction,
  describeCoupon,
  indexRates,
  interestAccrual,
  type AccrualFraction,
} from './interest';
import { allocateByLevel, seniorityLevels, writeDowns } from './lossAllocation';
import { DeficiencyLedger } from './pdl';
import { PhaseBook, phaseSteps, type DefaultTestState, type StepLedger } from './phase';
import { limitDue, type LimitContext } from './stepLimit';
import { PoolLedger, type PoolGroup } from './poolLedger';
import { allocatePrincipal, firstPriorityDue, ocTargetAmount, principalDue } from './principal';
import { reserveTarget } from './reserve';
import { eligibilityFailureMessages, limitKeys, planPurchase, type ExcludedLine } from './revolving';
import { TriggerBook, type TriggerMeasures } from './triggers';
import { accrualBase, availableFundsCap, classRate, initialNotional } from './coupon';
import { HedgeBook, hedgeNotional } from './hedge';
import { LiquidityAccount } from './liquidity';
import type { HedgePeriod, LiquidityPeriod } from '../result';
import type { CarriedState } from './carry';

export interface WaterfallInput {
  structure: Structure;
  /** Supplies the index curves of floating coupons. */
  scenario: Scenario;
  /** Payment dates, index 0 the cut-off; at least `pool.periods + 1` of them. */
  dates: readonly string[];
  /** The base pool's collections; period 0 holds the cut-off balance. */
  pool: PoolProjection;
  /** The base pool split by segment and product (needed for concentration limits while revolving). */
  composition?: readonly PoolGroup[];
  /**
   * Projections of `structure.revolving.profile` lines (same order), over at least the run's periods; a purchase
   * scales one by amount / its cut-off balance and shifts it to start at the purchase period.
   */
  profile?: readonly PoolProjection[];
  /**
   * Payment dates and accrual (core/time/paymentSchedule.ts). Absent: every collection month is a payment date
   * and interest accrues from `dates[t − 1]` to `dates[t]`, the cut-off for the first.
   */
  schedule?: WaterfallSchedule;
  /** The deal calendar's legal final date (a class without its own uses it for `unpaidAtLegalFinal`). */
  legalFinalDate?: string;
  /**
   * Keep the per-period rows (pool, class cash flows, waterfall steps); default true. False is the lean run of a
   * stress path: the same arithmetic on the same state, but `poolPeriods`, `waterfall` and every class's
   * `cashflows` stay empty, so a path allocates a few arrays instead of hundreds of report rows; `realisedLoss`
   * carries what a path reads of the pool rows.
   */
  record?: boolean;
  /**
   * Restart: what the deal carried after period `start.period` (./carry.ts). The run pays periods
   * start.period + 1 … on; `pool` is read by absolute period from there (earlier periods are not read) and holds
   * the pool as of that date without the receivables bought while revolving, which are re-projected from
   * `start.revolving.purchases` and `profile`.
   */
  start?: CarriedState;
  /** Record what the deal carries after this period (`WaterfallRun.carried`). */
  captureAt?: number;
  /** A restart's pool already holds the receivables bought so far (a pool state as of k, core/projection/restart.ts). */
  poolHoldsPurchases?: boolean;
}

export interface WaterfallSchedule {
  /** Dates interest accrues between, per collection month; index 0 is the closing date. */
  accrualDates: readonly string[];
  /** The collection month paid on the first payment date. */
  firstPaymentPeriod: number;
  /** Months between payment dates while revolving, and once amortising. */
  revolvingMonths: number;
  amortisingMonths: number;
  /** Annual rate (ACT/365F) the collection account earns between payment dates. */
  reinvestmentRate: number;
  /** Test triggers on payment dates only (otherwise every collection month). */
  triggersOnPaymentDates: boolean;
}

export interface WaterfallRun {
  initialBalance: number;
  poolPeriods: PoolPeriodRow[];
  /** Tranche results with the analytics fields left null (the run fills them). */
  tranches: TrancheResult[];
  waterfall: WaterfallPeriod[];
  triggerEvents: TriggerEvent[];
  cleanUpCallPeriod: number | null;
  /** Principal and interest the clean-up call left unpaid (null when not exercised). */
  cleanUpCallShortfall: number | null;
  revolvingEndPeriod: number | null;
  excessSpread: { period: number; annualised: number }[];
  checks: { cashConserved: boolean; failures: { period: number; difference: number }[] };
  revolving: RevolvingReport | null;
  /** Present when the structure has phases: the event of default that accelerated the deal, or null. */
  acceleration?: AccelerationEvent | null;
  /** Σ `loss` of the pool rows, in period order (also with `record: false`, when there are no rows). */
  realisedLoss: number;
  /** What the deal carried after period `captureAt` (absent when not asked, or the run ended before it). */
  carried?: CarriedState;
}

function sumOf(xs: readonly Cents[]): Cents {
  let s = 0;
  // Indexed: an array iterator allocates until the function is optimised, and a stress run calls this per step.
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

export const SENIORITY_RANK: Record<Tranche['seniority'], number> = {
  senior: 0,
  mezzanine: 1,
  subordinated: 2,
  equity: 3,
};

function stepLabel(step: WaterfallStep): string {
  switch (step.pay) {
    case 'fee':
      return step.part === 'capExcess' ? `fee ${step.fee} (above cap)` : `fee ${step.fee}`;
    case 'interest':
      return `interest ${step.tranches.join(', ')}`;
    case 'principal':
      return `principal ${step.tranches.join(', ')}`;
    case 'reserveDeposit':
      return 'reserve deposit';
    case 'purchase':
      return 'purchase';
    case 'pdlCure':
      return `principal deficiency cure ${step.tranches.join(', ')}`;
    case 'residual':
      return 'residual';
    case 'hedge':
      return `hedge ${step.hedge}`;
    case 'liquidity':
      return step.part === 'commitmentFee' ? 'liquidity commitment fee' : `liquidity ${step.part}`;
    case 'capCarryover':
      return `cap carryover ${step.tranches.join(', ')}`;
  }
}

function row(
  step: number,
  label: string,
  due: Cents,
  got: Taken,
  ledger?: StepLedger,
  limitedTo?: Cents,
  drawn: Cents = 0,
): WaterfallStepRow {
  const r: WaterfallStepRow = {
    step,
    label,
    due: fromCents(due),
    paid: fromCents(got.total + drawn),
    fromInterest: fromCents(got.interest),
    fromPrincipal: fromCents(got.principal),
    fromReserve: fromCents(got.reserve),
    ...(drawn > 0 ? { fromLiquidity: fromCents(drawn) } : {}),
  };
  // Only deals that use these features carry the fields, so results of other deals stay as they were.
  if (ledger !== undefined) r.ledger = ledger;
  if (limitedTo !== undefined) r.limitedTo = fromCents(limitedTo);
  return r;
}

interface PlanStep {
  step: WaterfallStep;
  from: readonly FundsSource[];
  label: string;
  ids: number[];
  /** Index in the list the step was written in. */
  index: number;
  ledger?: StepLedger;
}

/** What a run derives from the structure alone: the priority of payments per phase and the seniority order. */
interface StructureSetup {
  /** The lists it was derived from (a structure edited in place gets a fresh setup). */
  key: readonly unknown[];
  plans: Map<DealPhase, PlanStep[]>;
  bySeniority: readonly number[];
  seniorLevels: readonly (readonly number[])[];
  juniorLevels: readonly (readonly number[])[];
}

/**
 * Derived once per structure, not once per run: a Monte Carlo runs one structure thousands of times, and
 * rebuilding these per run both allocates and hands the optimised waterfall fresh objects whose shapes it must
 * check, which made V8 throw away and recompile the whole function (a quarter of a second each) several times
 * per thread.
 */
const setups = new WeakMap<Structure, StructureSetup>();

/** Accrual fractions by day count and pair of periods, per list of accrual dates. */
const fractionCaches = new WeakMap<readonly string[], Map<DayCount, Map<number, AccrualFraction>>>();

function structureSetup(structure: Structure): StructureSetup {
  const { tranches } = structure;
  const key = [tranches, tranches.length, structure.waterfall, structure.waterfall.length, structure.phases];
  const cached = setups.get(structure);
  if (cached && cached.key.every((k, i) => k === key[i])) return cached;
  const seniorLevels = seniorityLevels(tranches.map((t) => SENIORITY_RANK[t.seniority]));
  const setup: StructureSetup = {
    key,
    plans: new Map(),
    bySeniority: tranches
      .map((t, i) => ({ i, r: SENIORITY_RANK[t.seniority] }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.i),
    seniorLevels,
    juniorLevels: [...seniorLevels].reverse(),
  };
  setups.set(structure, setup);
  return setup;
}

export function runWaterfall(input: WaterfallInput): WaterfallRun {
  const { structure, scenario, dates } = input;
  const record = input.record ?? true;
  const T = input.pool.periods;
  if (dates.length < T + 1) throw new Error(`runWaterfall: ${dates.length} dates for ${T} periods`);
  const tranches = structure.tranches;
  const nT = tranches.length;
  const trancheIndex = new Map(tranches.map((t, i) => [t.id, i]));
  const idx = (id: string): number => {
    const i = trancheIndex.get(id);
    if (i === undefined) throw new Error(`waterfall names unknown tranche '${id}'`);
    return i;
  };
  const index = indexRates(scenario);
  const feeById = new Map(structure.fees.map((f) => [f.id, f]));
  const { plans, bySeniority, seniorLevels, juniorLevels } = structureSetup(structure);
  // Positions in a step's list by seniority level, senior first.
  const listedLevels = (ids: readonly number[]): number[][] =>
    seniorityLevels(ids.map((i) => SENIORITY_RANK[tranches[i].seniority]));
  const pdlOn = structure.principalDeficiencyLedger === true;
  // A PDL is the ledger form of write-downs: the notes keep their balance and carry the deficiency instead.
  const writeDownsOn = structure.lossAllocation !== 'none' && !pdlOn;
  const pdl = new DeficiencyLedger(nT, seniorityLevels(tranches.map((t) => SENIORITY_RANK[t.seniority])));
  const callNeedsNotesRetired = structure.cleanUpCall?.requireNotesRetired !== false;

  // Revolving set-up: eligible profile lines and the groups concentration limits watch.
  const rev = structure.revolving;
  const excluded: ExcludedLine[] = [];
  const eligible: number[] = [];
  if (rev) {
    rev.profile.forEach((line, i) => {
      const reasonMessages = eligibilityFailureMessages(line, rev.eligibility);
      if (reasonMessages.length > 0)
        excluded.push({ id: line.id, reasons: reasonMessages.map((m) => m.message), reasonMessages });
      else eligible.push(i);
    });
  }
  const profiles = input.profile ?? [];
  if (rev && eligible.length > 0 && profiles.length !== rev.profile.length) {
    throw new Error('runWaterfall: a revolving deal needs a projection of every profile line');
  }
  const ledger = new PoolLedger(input.pool, rev ? limitKeys(rev) : [], input.composition ?? [], !rev);
  const purchasesReport: RevolvingReport['purchases'] = [];
  // Each line's par bought, by period: the receivables a restart re-projects.
  const purchaseLog: { period: number; line: number; par: Cents }[] = [];

  // Every ratio divides by the cut-off balance, which a restarted pool no longer shows.
  const initial = cents(input.start ? input.start.initialPoolBalance : input.pool.endBalance[0]);
  const initialNum = fromCents(initial);

  // Per-class state.
  const balance: Cents[] = tranches.map((t) => cents(t.balance));
  const shortfall: Cents[] = tranches.map(() => 0);
  // Written-down principal not yet written back up and paid: the uncured loss each class carries.
  const deficiency: Cents[] = tranches.map(() => 0);
  const feeArrears = new Map<string, Cents>(structure.fees.map((f) => [f.id, 0]));
  // Above-cap amounts owed to a fee whose cap excess the waterfall pays in a subordinated step.
  const feeExcessOwed = new Map<string, Cents>();
  // Every phase's priority of payments, built once (without phases: structure.waterfall in every phase).
  const phased = structure.phases !== undefined;
  const planOf = (phase: DealPhase): PlanStep[] => {
    let p = plans.get(phase);
    if (!p) {
      p = (phased ? phaseSteps(structure, phase) : phaseSteps(structure, 'amortising')).map((ps) => ({
        ...ps,
        label: stepLabel(ps.step),
        ids:
          ps.step.pay === 'interest' ||
          ps.step.pay === 'principal' ||
          ps.step.pay === 'pdlCure' ||
          ps.step.pay === 'capCarryover'
            ? ps.step.tranches.map(idx)
            : [],
      }));
      plans.set(phase, p);
    }
    return p;
  };
  const allPhases: DealPhase[] = phased
    ? ['revolving', 'amortising', 'accelerated', 'cleanUp']
    : ['amortising'];
  for (const phase of allPhases) {
    for (const { step } of planOf(phase)) {
      if (step.pay === 'fee' && step.part === 'capExcess') feeExcessOwed.set(step.fee, 0);
    }
  }
  const flows: TrancheCashflowRow[][] = tranches.map(() => []);
  const timing = input.schedule;
  const accrualDates = timing ? timing.accrualDates : dates;
  if (accrualDates.length < T + 1)
    throw new Error(`runWaterfall: ${accrualDates.length} accrual dates for ${T} periods`);
  // Accrual periods depend only on the day count and the two dates: computed once per convention and pair, under
  // a numeric key (a 360-period run asks for them on every period of every class), and kept with the list of
  // dates, which the runs of a stress share.
  let fractions = fractionCaches.get(accrualDates);
  if (!fractions) fractionCaches.set(accrualDates, (fractions = new Map()));
  const fractionOf = (dayCount: DayCount, from: number, to: number): AccrualFraction => {
    let byPair = fractions.get(dayCount);
    if (!byPair) fractions.set(dayCount, (byPair = new Map()));
    const key = from * 65_536 + to;
    let f = byPair.get(key);
    if (!f) {
      f = accrualFraction(dayCount, accrualDates[from], accrualDates[to]);
      byPair.set(key, f);
    }
    return f;
  };
  const reportedDays = new Map<DayCount, Map<number, number>>();
  const daysOf = (dayCount: DayCount, from: number, to: number): number => {
    let byPair = reportedDays.get(dayCount);
    if (!byPair) reportedDays.set(dayCount, (byPair = new Map()));
    const key = from * 65_536 + to;
    let d = byPair.get(key);
    if (d === undefined) {
      d = accrualDays(dayCount, accrualDates[from], accrualDates[to]);
      byPair.set(key, d);
    }
    return d;
  };
  // Payment dates: the first, then one frequency period after each by the phase in force on that date.
  let nextPayment = timing ? timing.firstPaymentPeriod : 1;
  // Index into accrualDates of the last payment's accrual end (0: the closing date).
  let lastAccrual = 0;
  // Cash waiting in the collection account for the next payment date, by source.
  let heldInterest = 0;
  let heldPrincipal = 0;
  // Fees accrue every collection month and are paid on payment dates.
  const feePending = new Map<string, Cents>(structure.fees.map((f) => [f.id, 0]));
  // Excess-spread estimates of note interest and fees already counted in the months before a payment date.
  let esInterestCounted = 0;
  let esFeesCounted = 0;
  const interestClasses = new Set<number>();
  // One mutable context for fee accruals, so the period loop creates no closures.
  const feeContext = {
    poolBegin: 0,
    begin: balance,
    trancheBalance(id: string): Cents {
      return this.begin[idx(id)];
    },
  };
  for (const phase of allPhases) {
    for (const p of planOf(phase))
      if (p.step.pay === 'interest') for (const i of p.ids) interestClasses.add(i);
  }
  // Walked every period: an array, since iterating a Set allocates an iterator each time.
  const interestClassList = [...interestClasses];
  const triggerMoment = new Map(structure.triggers.map((tr) => [tr.id, tr.testedAt ?? 'beforeDistribution']));
  const anyAfterTrigger = structure.triggers.some((tr) => tr.testedAt === 'afterDistribution');
  const phaseBook = new PhaseBook(
    structure.phases?.eventsOfDefault ?? [],
    (id) => triggerMoment.get(id) ?? 'beforeDistribution',
    tranches.map((tr) => tr.id),
  );
  const legalFinal = tranches.map((tr) => tr.legalFinalDate ?? input.legalFinalDate);
  // Realised losses since the last payment date, debited to the ledgers on the next one.
  let lossSincePayment = 0;
  // Liquidity facility, hedges and coupon features (./liquidity.ts, ./hedge.ts, ./coupon.ts).
  const liquidity = structure.liquidityFacility
    ? new LiquidityAccount(structure.liquidityFacility, sumOf(balance))
    : null;
  const hedgeBook = new HedgeBook(structure.hedges ?? []);
  const capCarryover: Cents[] = tranches.map(() => 0);
  const capped = tranches.some((t) => t.availableFundsCap === true);
  // The first payment date on which the clean-up call could have been exercised (step-ups read it).
  let callDatePeriod: number | null = null;
  const trancheBegin = (id: string): Cents => feeContext.begin[idx(id)];
  // Excess spread counts the hedges' net payments and the facility's interest and commitment fee as senior
  // expenses (see the convention at `es` on payment dates). A collection month between payment dates estimates
  // them over the month, as it estimates note interest; the payment date counts the rest.
  const supportCostOfMonth = (t: number, poolBegin: Cents, notesBegin: Cents): Cents => {
    let cost = 0;
    for (const h of hedgeBook.hedges) {
      const notional = hedgeNotional(h.notional, {
        trancheBalance: trancheBegin,
        poolBalance: poolBegin,
        period: t,
      });
      cost -= hedgeBook.settle(h, notional, index, t, fractionOf(h.dayCount, t - 1, t)).net;
    }
    if (liquidity)
      cost += liquidity.cost(notesBegin, index, t, fractionOf(liquidity.facility.dayCount, t - 1, t));
    return cost;
  };

  let reserveBalance = structure.reserve ? cents(structure.reserve.initialBalance) : 0;
  const book = new TriggerBook(structure.triggers);
  const triggerEvents: TriggerEvent[] = [];
  const excessSpread: { period: number; annualised: number }[] = [];
  const poolPeriods: PoolPeriodRow[] = [];
  const waterfall: WaterfallPeriod[] = [];
  const failures: { period: number; difference: number }[] = [];
  let cumDefaults = 0;
  let cumRecoveries = 0;
  let realisedLoss = 0;
  let cumLosses = 0;
  let cumCollections = 0;
  let cleanUpCallPeriod: number | null = null;
  let cleanUpCallShortfall: number | null = null;
  let revolvingEndPeriod: number | null = null;
  // Both sides of the OC ratio as they stood after the previous period's distributions (closing in period 1).
  let ocPool = initial;
  let ocNotes = sumOf(balance);

  // Trigger measures read the period being tested through `now`; built once so the loop creates no closures.
  let now = 0;
  let nowEnd = 0;
  const measures: TriggerMeasures = {
    cumulativeNetLoss: 0,
    ocRatio: null,
    delinquency(months: number): number | null {
      if (!(nowEnd > 0)) return null;
      let pipeline = 0;
      for (let k = now + 1; k <= Math.min(T, now + months); k++) pipeline += ledger.defaults[k];
      return pipeline / nowEnd;
    },
    excessSpread(months: number, fullWindowOnly: boolean): number | null {
      if (fullWindowOnly && excessSpread.length < months) return null;
      const from = Math.max(0, excessSpread.length - months);
      if (from === excessSpread.length) return null;
      let sum = 0;
      for (let k = from; k < excessSpread.length; k++) sum += excessSpread[k].annualised;
      return sum / (excessSpread.length - from);
    },
  };

  // Buys receivables with the cash `from` allows, up to the pool's target, within concentration limits.
  const purchase = (
    t: number,
    from: readonly FundsSource[],
    poolEnd: Cents,
    funds: Funds,
  ): { par: Cents; due: Cents; paid: Cents } => {
    if (!rev) return { par: 0, due: 0, paid: funds.take(0, from, false) };
    const need = Math.max(0, mulDiv(initial, rev.targetPoolShare) - poolEnd);
    const due = mulDiv(need, rev.purchasePrice, 1, 100);
    const cash = Math.min(due, funds.available(from, false));
    // Par the cash can buy, rounded down so the price paid never exceeds the cash.
    const affordable = Math.min(need, Math.floor((cash * 100) / rev.purchasePrice + 1e-9));
    const lines = eligible.map((i) => rev.profile[i]);
    const plan = planPurchase(
      affordable / 100,
      lines,
      poolEnd / 100,
      (key) => ledger.groupEnd(key, t),
      rev.concentrationLimits,
    );
    // Whole cents per line by largest remainder, so an unconstrained purchase buys exactly what is needed.
    const weights = plan.amounts.map((a) => Math.round(a * 100));
    const planned = Math.round(plan.amounts.reduce((x, y) => x + y, 0) * 100);
    const pars = allocateCents(Math.min(affordable, planned), weights);
    const par = sumOf(pars);
    const paid = funds.take(Math.min(mulDiv(par, rev.purchasePrice, 1, 100), cash), from, false);
    pars.forEach((p, k) => {
      const i = eligible[k];
      const line = rev.profile[i];
      if (p > 0) purchaseLog.push({ period: t, line: i, par: p });
      // Scale by the projection's own cut-off balance, whatever weight the profile line carries.
      ledger.addCohort(t, p / 100, profiles[i], profiles[i].endBalance[0], line.segment, line.product);
    });
    if (par > 0 || plan.limitedBy.length > 0) {
      purchasesReport.push({
        period: t,
        par: fromCents(par),
        cash: fromCents(paid),
        limitedBy: plan.limitedBy,
        // Each line's par: a restart rebuilds the cohorts bought so far (core/projection/restart.ts).
        lines: pars.flatMap((c, k) => (c > 0 ? [{ index: eligible[k], par: fromCents(c) }] : [])),
      });
    }
    return { par, due, paid };
  };

  // Credit enhancement: (pool + reserve − this class and everything senior) / pool.
  const creditEnhancement = (poolEnd: Cents): number[] => {
    const ce = new Array<number>(nT).fill(0);
    let seniorAndSelf = 0;
    for (const i of bySeniority) {
      seniorAndSelf += balance[i];
      ce[i] = poolEnd > 0 ? (poolEnd + reserveBalance - seniorAndSelf) / poolEnd : 0;
    }
    return ce;
  };

  const poolRow = (
    t: number,
    date: string,
    c: {
      begin: Cents;
      sched: Cents;
      prepay: Cents;
      defaults: Cents;
      loss: Cents;
      recovery: Cents;
      interest: Cents;
    },
    fees: Cents,
    purchasedPar: Cents,
    collectedEnd: Cents,
  ): PoolPeriodRow => ({
    period: t,
    date,
    beginBalance: fromCents(c.begin),
    scheduledPrincipal: fromCents(c.sched),
    prepayment: fromCents(c.prepay),
    default: fromCents(c.defaults),
    loss: fromCents(c.loss),
    recovery: fromCents(c.recovery),
    interest: fromCents(c.interest),
    fees: fromCents(fees),
    purchases: fromCents(purchasedPar),
    endBalance: fromCents(collectedEnd + purchasedPar),
    cumulativeNetLossPct: initial > 0 ? (cumDefaults - cumRecoveries) / initial : 0,
    count: Math.round(ledger.count[t] * 100) / 100,
  });

  // Restart (./carry.ts): what the deal carried after period k, taken over before period k + 1 is paid.
  let carried: CarriedState | undefined;
  const longestAverage = structure.triggers.reduce(
    (m, tr) => (tr.test.type === 'excessSpread' ? Math.max(m, tr.test.averageMonths) : m),
    0,
  );
  const capture = (t: number, phase: DealPhase): CarriedState => ({
    period: t,
    date: dates[t],
    paymentDate: lastAccrual === t,
    initialPoolBalance: fromCents(initial),
    classes: tranches.map((tr, i) => ({
      id: tr.id,
      balance: fromCents(balance[i]),
      interestShortfall: fromCents(shortfall[i]),
      capCarryover: fromCents(capCarryover[i]),
      principalDeficiency: fromCents(pdl.balance[i]),
      writtenDown: fromCents(deficiency[i]),
    })),
    fees: structure.fees.map((f) => {
      const excess = feeExcessOwed.get(f.id);
      return {
        id: f.id,
        arrears: fromCents(feeArrears.get(f.id) ?? 0),
        pending: fromCents(feePending.get(f.id) ?? 0),
        ...(excess !== undefined ? { capExcessOwed: fromCents(excess) } : {}),
      };
    }),
    reserveBalance: fromCents(reserveBalance),
    collectionAccount: { interest: fromCents(heldInterest), principal: fromCents(heldPrincipal) },
    ...(liquidity
      ? {
          liquidity: {
            drawn: fromCents(liquidity.drawn),
            interestOwed: fromCents(liquidity.interestOwed),
            feeOwed: fromCents(liquidity.feeOwed),
          },
        }
      : {}),
    hedges: hedgeBook.hedges.map((h) => ({ id: h.id, owed: fromCents(hedgeBook.owed.get(h.id) ?? 0) })),
    pool: {
      endBalance: fromCents(ocPool),
      cumulativeDefaults: fromCents(cumDefaults),
      cumulativeRecoveries: fromCents(cumRecoveries),
      cumulativeLosses: fromCents(cumLosses),
      cumulativeCollections: fromCents(cumCollections),
      lossSincePayment: fromCents(lossSincePayment),
      ocPool: fromCents(ocPool),
      ocNotes: fromCents(ocNotes),
    },
    triggers: {
      breached: book.breachedIds,
      revolvingEnded: book.endRevolving,
      history: [...(input.start?.triggers.history ?? []), ...triggerEvents],
      excessSpread: excessSpread.slice(Math.max(0, excessSpread.length - longestAverage)),
    },
    eventsOfDefault: { counts: phaseBook.counts, acceleration: phaseBook.acceleration },
    phase,
    calendar: {
      nextPaymentPeriod: nextPayment,
      lastAccrualPeriod: lastAccrual,
      excessSpreadInterestCounted: fromCents(esInterestCounted),
      excessSpreadFeesCounted: fromCents(esFeesCounted),
      callEligiblePeriod: callDatePeriod,
    },
    ...(rev
      ? {
          revolving: {
            endPeriod: revolvingEndPeriod,
            remainingMonths: revolvingEndPeriod === null ? Math.max(0, rev.endPeriod - t) : 0,
            purchasedPar: fromCents(purchaseLog.reduce((a, p) => a + p.par, 0)),
            purchases: purchaseLog.map((p) => ({
              period: p.period,
              line: rev.profile[p.line].id,
              par: fromCents(p.par),
            })),
          },
        }
      : {}),
    cleanUpCallPeriod,
  });
  let firstPeriod = 1;
  let seededSpread = 0;
  if (input.start) {
    const st = input.start;
    if (st.cleanUpCallPeriod !== null)
      throw new Error('runWaterfall: the deal was called; nothing to restart');
    if (st.classes.length !== nT || st.classes.some((c, i) => c.id !== tranches[i].id))
      throw new Error('runWaterfall: the state names other classes than the structure');
    firstPeriod = st.period + 1;
    st.classes.forEach((c, i) => {
      balance[i] = cents(c.balance);
      shortfall[i] = cents(c.interestShortfall);
      capCarryover[i] = cents(c.capCarryover);
      pdl.balance[i] = cents(c.principalDeficiency);
      deficiency[i] = cents(c.writtenDown);
    });
    for (const f of st.fees) {
      feeArrears.set(f.id, cents(f.arrears));
      feePending.set(f.id, cents(f.pending));
      if (f.capExcessOwed !== undefined && feeExcessOwed.has(f.id))
        feeExcessOwed.set(f.id, cents(f.capExcessOwed));
    }
    reserveBalance = cents(st.reserveBalance);
    heldInterest = cents(st.collectionAccount.interest);
    heldPrincipal = cents(st.collectionAccount.principal);
    if (liquidity && st.liquidity) {
      liquidity.drawn = cents(st.liquidity.drawn);
      liquidity.interestOwed = cents(st.liquidity.interestOwed);
      liquidity.feeOwed = cents(st.liquidity.feeOwed);
    }
    for (const h of st.hedges) if (hedgeBook.owed.has(h.id)) hedgeBook.owed.set(h.id, cents(h.owed));
    cumDefaults = cents(st.pool.cumulativeDefaults);
    cumRecoveries = cents(st.pool.cumulativeRecoveries);
    cumLosses = cents(st.pool.cumulativeLosses);
    cumCollections = cents(st.pool.cumulativeCollections);
    lossSincePayment = cents(st.pool.lossSincePayment);
    ocPool = cents(st.pool.ocPool);
    ocNotes = cents(st.pool.ocNotes);
    book.restore(st.triggers.breached, st.triggers.revolvingEnded);
    for (const e of st.triggers.excessSpread) excessSpread.push({ ...e });
    seededSpread = excessSpread.length;
    phaseBook.restore(st.eventsOfDefault.counts, st.eventsOfDefault.acceleration);
    nextPayment = st.calendar.nextPaymentPeriod;
    lastAccrual = st.calendar.lastAccrualPeriod;
    esInterestCounted = cents(st.calendar.excessSpreadInterestCounted);
    esFeesCounted = cents(st.calendar.excessSpreadFeesCounted);
    callDatePeriod = st.calendar.callEligiblePeriod;
    if (rev && st.revolving) {
      revolvingEndPeriod = st.revolving.endPeriod;
      // The receivables bought so far keep paying: their cohorts join the pool as they did in the first run.
      for (const p of st.revolving.purchases) {
        const i = rev.profile.findIndex((l) => l.id === p.line);
        if (i < 0)
          throw new Error(`runWaterfall: the state's purchase names unknown profile line '${p.line}'`);
        const par = cents(p.par);
        purchaseLog.push({ period: p.period, line: i, par });
        if (input.poolHoldsPurchases) continue;
        const line = rev.profile[i];
        ledger.addCohort(
          p.period,
          par / 100,
          profiles[i],
          profiles[i].endBalance[0],
          line.segment,
          line.product,
        );
      }
    }
  }

  // Per-class figures of the period being paid, zeroed each period rather than allocated: a stress runs the
  // waterfall thousands of times, and a dozen fresh arrays a period were most of its garbage. Nothing keeps them
  // past their period (report rows copy the values).
  const zeros = (): Cents[] => new Array<number>(nT).fill(0);
  // A step's figures per listed class (dues, listed balances, the split), one array per list length for the run.
  const scratchOf = (pool: Cents[][], length: number): Cents[] =>
    (pool[length] ??= new Array<number>(length).fill(0));
  const duesScratch: Cents[][] = [];
  const listedScratch: Cents[][] = [];
  const splitScratch: Cents[][] = [];
  const beginBalances = zeros();
  const interestDue = zeros();
  const interestAccruedBy = zeros();
  const currentInterest = zeros();
  const interestDueReported = zeros();
  const interestOwed = zeros();
  const interestCounted: boolean[] = new Array<boolean>(nT).fill(false);
  const interestPaid = zeros();
  const principalPaid = zeros();
  const writtenBack = zeros();
  const wd = zeros();
  const writtenDown = zeros();

  // The period being run, and the figures of it the steps below read (set at the top of each period).
  let t = 0;
  let accelerated = false;
  let accrualFrom = 0;
  let allDue = false;
  let callProceeds = 0;
  let collectedEnd = 0;
  let date!: string;
  let deposits = 0;
  let difference = 0;
  let draws = 0;
  let esInterestMonth = 0;
  let feeIncome = 0;
  let feesAccrued = 0;
  let final = false;
  // The period's cash: one account for the run, reset each period (see Funds.took for why not one per period).
  const funds = new Funds(0, 0, 0);
  let hedgeReceipts = 0;
  let hedgeRows!: HedgePeriod[];
  // A deal without hedges shares one empty list (nothing is pushed to it) instead of a new one a period.
  const noHedgeRows: HedgePeriod[] = [];
  let heldBegin = 0;
  let interest = 0;
  let interestAccrued = 0;
  let interestCollections = 0;
  let liquidityDraws = 0;
  let month!: {
    begin: Cents;
    sched: Cents;
    prepay: Cents;
    defaults: Cents;
    loss: Cents;
    recovery: Cents;
    interest: Cents;
  };
  let payDate = false;
  let pending = 0;
  let phase!: DealPhase;
  let phasePlan!: PlanStep[];
  let plan!: PlanStep[];
  let poolBegin = 0;
  let poolEnd = 0;
  let prepay = 0;
  let principalCollections = 0;
  let purchasedPar = 0;
  let recovery = 0;
  let reinvestment = 0;
  let reserveBegin = 0;
  let reserveForInterestAtEnd = false;
  let revolving = false;
  let sched = 0;
  let sourcesTotal = 0;
  let steps!: WaterfallStepRow[];
  let target = 0;
  let trapping = false;
  let usesOut = 0;
  // The steps of a payment date, defined once per run: inside the period loop each was a new closure every
  // period, and the per-period values they read a new context, most of a stress run's garbage. They read the
  // period being paid through the `let`s above, set at the top of each period.
  const accrueInterest = (): void => {
    for (const i of interestClassList) {
      const rate = classRate(tranches[i], index, t, date, callDatePeriod);
      const base = accrualBase(tranches[i], beginBalances[i], poolBegin, trancheBegin);
      if (!payDate) {
        esInterestMonth += interestAccrual(base, rate, fractionOf(tranches[i].dayCount, t - 1, t));
        continue;
      }
      const frac = fractionOf(tranches[i].dayCount, accrualFrom, t);
      const current = interestAccrual(base, rate, frac);
      currentInterest[i] = current;
      const onShortfall = tranches[i].interestOnShortfall ? interestAccrual(shortfall[i], rate, frac) : 0;
      interestAccruedBy[i] = current + onShortfall;
      interestDue[i] = current + onShortfall + shortfall[i];
    }
  };

  // Whether the call price retires the notes: in a function of its own, like paySteps below.
  const notesRetiredByCall = (): boolean => {
    // The price retires the notes when the period's cash, the call price and the reserve (for principal only if
    // it covers principal at maturity) meet every fee, all interest and every note outstanding.
    let feesDue = 0;
    for (const { step } of plan) {
      if (step.pay !== 'fee') continue;
      const fee = feeById.get(step.fee);
      if (!fee) continue;
      if (step.part === 'capExcess') {
        feesDue +=
          (feeExcessOwed.get(fee.id) ?? 0) +
          capExcess(
            fee,
            feeAccrual(fee, feeContext) + (feePending.get(fee.id) ?? 0),
            feeArrears.get(fee.id) ?? 0,
          );
      } else {
        feesDue += feePayable(
          fee,
          feeAccrual(fee, feeContext) + (feePending.get(fee.id) ?? 0),
          feeArrears.get(fee.id) ?? 0,
        );
      }
    }
    let hedgeOwed = 0;
    for (const owed of hedgeBook.owed.values()) hedgeOwed += owed;
    feesDue += hedgeOwed + (liquidity?.owed ?? 0);
    const interestTotal = sumOf(interestDue);
    const cash =
      interest +
      feeIncome +
      reinvestment +
      heldBegin +
      sched +
      prepay +
      recovery +
      collectedEnd +
      hedgeReceipts;
    const reserveUse = structure.reserve?.coversPrincipalAtMaturity
      ? reserveBalance
      : Math.min(reserveBalance, feesDue + interestTotal);
    return cash + reserveUse >= feesDue + interestTotal + sumOf(balance) + sumOf(deficiency);
  };

  const limitContext = (listed: Cents): LimitContext => ({ period: t, listed, poolEnd, allDue });

  // Before cash reaches the seller the noteholders are made whole as far as it goes, senior level first and pro
  // rata within a level: interest shortfalls; then notes above the collateral (which would otherwise be written
  // down now, or stay unpaid under `none`; on the final period every note); then uncured write-downs, written
  // back up and paid as principal.
  const catchUp = (s: number, from: readonly FundsSource[], ledger?: StepLedger): void => {
    const owedInterest = sumOf(shortfall);
    if (owedInterest > 0) {
      // A reserve held for the seller at maturity still pays interest.
      const interestFrom: readonly FundsSource[] = reserveForInterestAtEnd ? [...from, 'reserve'] : from;
      const paid = funds.take(owedInterest, interestFrom, reserveForInterestAtEnd);
      if (paid > 0) {
        const split = allocateByLevel(paid, shortfall, seniorLevels);
        for (let i = 0; i < nT; i++) {
          interestPaid[i] += split[i];
          shortfall[i] -= split[i];
        }
        usesOut += paid;
        if (record)
          steps.push(row(s, 'interest shortfall before the residual', owedInterest, funds.took, ledger));
      }
    }
    const notes = sumOf(balance);
    const above = final ? notes : Math.max(0, notes - (poolEnd + pending + funds.reserve));
    const uncured = sumOf(deficiency);
    if (above + uncured === 0) return;
    const paid = funds.take(above + uncured, from, false);
    if (paid === 0) return;
    const toNotes = Math.min(paid, above);
    const pay = allocateByLevel(toNotes, balance, seniorLevels);
    const cure = allocateByLevel(paid - toNotes, deficiency, seniorLevels);
    for (let i = 0; i < nT; i++) {
      balance[i] -= pay[i];
      deficiency[i] -= cure[i];
      writtenBack[i] += cure[i];
      principalPaid[i] += pay[i] + cure[i];
    }
    // Paying notes above the collateral cures the deficiency those notes carry.
    if (pdlOn) pdl.credit(Math.min(toNotes, pdl.owed(bySeniority)), bySeniority);
    usesOut += paid;
    if (record)
      steps.push(row(s, 'principal before the residual (uncured loss)', above + uncured, funds.took, ledger));
  };

  // The priority of payments runs in functions of their own (paySteps, and the steps every payment date takes):
  // the JIT compiles each apart from the period loop, together in a fraction of the time the whole loop took —
  // and a Monte Carlo thread ran at interpreter speed until that compile ended.
  const payFee = (step: Extract<WaterfallStep, { pay: 'fee' }>, ps: PlanStep): void => {
    const { from, label, index: s, ledger } = ps;
    const fee = feeById.get(step.fee);
    if (!fee) throw new Error(`waterfall names unknown fee '${step.fee}'`);
    if (step.part === 'capExcess') {
      const owed = feeExcessOwed.get(fee.id) ?? 0;
      const paid = funds.take(owed, from, true);
      feeExcessOwed.set(fee.id, owed - paid);
      usesOut += paid;
      if (record) steps.push(row(s, label, owed, funds.took, ledger));
      return;
    }
    // Fees accrued in the collection months since the last payment date are due now too.
    const accrual = feeAccrual(fee, feeContext) + (feePending.get(fee.id) ?? 0);
    feePending.set(fee.id, 0);
    feesAccrued += accrual;
    const arrears = feeArrears.get(fee.id) ?? 0;
    const payable = feePayable(fee, accrual, arrears);
    const excessOwed = feeExcessOwed.get(fee.id);
    if (excessOwed !== undefined) feeExcessOwed.set(fee.id, excessOwed + capExcess(fee, accrual, arrears));
    const allowed = step.limit ? limitDue(step.limit, payable, limitContext(0)) : payable;
    let drawn = 0;
    if (liquidity && liquidity.covers(step)) drawn = liquidity.take(funds, allowed, from);
    else funds.take(allowed, from, true);
    const paid = funds.took.total + drawn;
    feeArrears.set(fee.id, feeCarried(fee, payable, paid));
    usesOut += paid;
    if (record)
      steps.push(row(s, label, payable, funds.took, ledger, step.limit ? allowed : undefined, drawn));
  };

  const payInterest = (step: Extract<WaterfallStep, { pay: 'interest' }>, ps: PlanStep): void => {
    const { from, label, ids, index: s, ledger } = ps;
    const dues = scratchOf(duesScratch, ids.length);
    let due = 0;
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      if (!interestCounted[i]) {
        interestAccrued += interestAccruedBy[i];
        interestDueReported[i] += interestDue[i];
        interestCounted[i] = true;
      }
      dues[k] = interestOwed[i];
      due += dues[k];
    }
    let drawn = 0;
    if (liquidity && liquidity.covers(step)) drawn = liquidity.take(funds, due, from);
    else funds.take(due, from, true);
    const paidNow = funds.took.total + drawn;
    const split = paidNow === due ? dues : allocateCents(paidNow, dues, scratchOf(splitScratch, ids.length));
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      interestPaid[i] += split[k];
      interestOwed[i] = dues[k] - split[k];
      shortfall[i] = interestOwed[i];
    }
    // Principal collections spent on interest leave the notes above the pool: a principal deficiency.
    if (pdlOn) pdl.debit(funds.took.principal, balance);
    usesOut += paidNow;
    if (record) steps.push(row(s, label, due, funds.took, ledger, undefined, drawn));
  };

  const payPrincipal = (step: Extract<WaterfallStep, { pay: 'principal' }>, ps: PlanStep): void => {
    const { from, label, ids, index: s, ledger } = ps;
    const notes = sumOf(balance);
    const listedBalances = scratchOf(listedScratch, ids.length);
    let listed = 0;
    for (let k = 0; k < ids.length; k++) {
      listedBalances[k] = balance[ids[k]];
      listed += listedBalances[k];
    }
    const due =
      step.amount === 'firstPriority'
        ? firstPriorityDue(listed, poolEnd, allDue)
        : principalDue(notes, listed, poolEnd, ocTargetAmount(structure.ocTarget, poolEnd, initial), allDue);
    const allowed = step.limit ? limitDue(step.limit, due, limitContext(listed)) : due;
    const reserveOk = allDue && (structure.reserve?.coversPrincipalAtMaturity ?? false);
    const paid = funds.take(allowed, from, reserveOk);
    const rule = book.sequential ? structure.principalRule.afterTrigger : structure.principalRule.normal;
    // After acceleration the listed classes are paid senior level first, pro rata within a level.
    const split = accelerated
      ? allocateByLevel(paid, listedBalances, listedLevels(ids))
      : allocatePrincipal(paid, listedBalances, rule, scratchOf(splitScratch, ids.length));
    for (let k = 0; k < ids.length; k++) {
      principalPaid[ids[k]] += split[k];
      balance[ids[k]] -= split[k];
    }
    usesOut += paid;
    if (record) steps.push(row(s, label, due, funds.took, ledger, step.limit ? allowed : undefined));
  };

  const paySteps = (): void => {
    for (const ps of phasePlan) {
      const { step, from, label, ids, index: s, ledger } = ps;
      switch (step.pay) {
        case 'fee':
          payFee(step, ps);
          break;
        case 'interest':
          payInterest(step, ps);
          break;
        case 'reserveDeposit': {
          const due = structure.reserve ? Math.max(0, target - funds.reserve) : 0;
          const paid = funds.take(due, from, false);
          funds.reserve += paid;
          deposits += paid;
          if (record) steps.push(row(s, label, due, funds.took, ledger));
          break;
        }
        case 'purchase': {
          if (!rev || !revolving || eligible.length === 0) {
            funds.take(0, from, false);
            if (record) steps.push(row(s, label, 0, funds.took, ledger));
            break;
          }
          const bought = purchase(t, from, poolEnd, funds);
          purchasedPar = bought.par;
          poolEnd += bought.par;
          usesOut += bought.paid;
          if (record) steps.push(row(s, label, bought.due, funds.took, ledger));
          break;
        }
        case 'principal':
          payPrincipal(step, ps);
          break;
        case 'pdlCure': {
          // A transfer from revenue to principal collections, not a payment out of the deal.
          const owed = pdlOn ? pdl.owed(ids) : 0;
          const paid = funds.take(owed, from, true);
          pdl.credit(paid, ids);
          funds.toPrincipal(paid);
          if (record) steps.push(row(s, label, owed, funds.took, ledger));
          break;
        }
        case 'hedge': {
          const owed = hedgeBook.owed.get(step.hedge) ?? 0;
          const paid = funds.take(owed, from, false);
          hedgeBook.owed.set(step.hedge, owed - paid);
          // A loop, not find(): a closure reading `step` made every step of every period allocate a context for it.
          for (const h of hedgeRows) if (h.id === step.hedge) h.paid += fromCents(paid);
          usesOut += paid;
          if (record) steps.push(row(s, label, owed, funds.took, ledger));
          break;
        }
        case 'liquidity': {
          if (!liquidity) throw new Error(`waterfall pays a liquidity facility the deal does not have`);
          const due =
            step.part === 'repay'
              ? liquidity.drawn
              : step.part === 'interest'
                ? liquidity.interestDue - liquidity.interestPaid
                : liquidity.feeDue - liquidity.feePaid;
          const paid = funds.take(due, from, false);
          if (step.part === 'repay') liquidity.repay(paid);
          else if (step.part === 'interest') liquidity.payInterest(paid);
          else liquidity.payFee(paid);
          usesOut += paid;
          if (record) steps.push(row(s, label, due, funds.took, ledger));
          break;
        }
        case 'capCarryover': {
          const owedBy = ids.map((i) => capCarryover[i]);
          const owed = sumOf(owedBy);
          const paid = funds.take(owed, from, false);
          const split = paid === owed ? owedBy : allocateCents(paid, owedBy);
          ids.forEach((i, k) => {
            capCarryover[i] -= split[k];
            interestPaid[i] += split[k];
          });
          usesOut += paid;
          if (record) steps.push(row(s, label, owed, funds.took, ledger));
          break;
        }
        case 'residual': {
          catchUp(s, from, ledger);
          const amount = funds.available(from, false);
          const allowed = step.limit ? limitDue(step.limit, amount, limitContext(0)) : amount;
          const paid = funds.take(allowed, from, false);
          if (trapping) {
            funds.reserve += paid;
            deposits += paid;
          } else {
            usesOut += paid;
          }
          if (record)
            steps.push(
              row(
                s,
                trapping ? 'residual (trapped in reserve)' : label,
                amount,
                funds.took,
                ledger,
                step.limit ? allowed : undefined,
              ),
            );
          break;
        }
      }
    }
  };

  const recordFlows = (): void => {
    const ce = creditEnhancement(poolEnd);
    for (let i = 0; i < nT; i++) {
      const dayCount = tranches[i].dayCount;
      flows[i].push({
        period: t,
        date,
        beginBalance: fromCents(beginBalances[i]),
        interestDue: fromCents(interestDueReported[i]),
        interest: fromCents(interestPaid[i]),
        interestShortfall: fromCents(shortfall[i]),
        principal: fromCents(principalPaid[i]),
        writedown: fromCents(wd[i]),
        balance: fromCents(balance[i]),
        creditEnhancement: ce[i],
        accrualStart: accrualDates[accrualFrom],
        accrualEnd: accrualDates[t],
        accrualDays: daysOf(dayCount, accrualFrom, t),
        ...(pdlOn ? { principalDeficiency: fromCents(pdl.balance[i]) } : {}),
        ...(tranches[i].availableFundsCap ? { capCarryover: fromCents(capCarryover[i]) } : {}),
      });
    }
  };

  const recordPayment = (): void => {
    waterfall.push({
      period: t,
      date,
      paymentDate: true,
      sources: {
        interestCollections: fromCents(interestCollections),
        principalCollections: fromCents(principalCollections),
        recoveries: fromCents(recovery),
        reserveDraw: fromCents(draws),
        cleanUpCallProceeds: fromCents(callProceeds),
        reinvestmentIncome: fromCents(reinvestment),
        ...(hedgeBook.hedges.length > 0 ? { hedgeReceipts: fromCents(hedgeReceipts) } : {}),
        ...(liquidity ? { liquidityDraws: fromCents(liquidityDraws) } : {}),
        total: fromCents(sourcesTotal),
      },
      steps,
      uses: { total: fromCents(usesOut) },
      reserve: {
        begin: fromCents(reserveBegin),
        deposit: fromCents(deposits),
        draw: fromCents(draws),
        end: fromCents(reserveBalance),
        target: fromCents(target),
      },
      collectionAccount: { begin: fromCents(heldBegin), end: 0 },
      difference: fromCents(difference),
      revolving,
      triggersBreached: book.breachedIds,
      ...(phased ? { phase } : {}),
      ...(liquidity ? { liquidity: liquidityRow(liquidity) } : {}),
      ...(hedgeRows.length > 0
        ? { hedges: hedgeRows.map((h) => ({ ...h, owed: fromCents(hedgeBook.owed.get(h.id) ?? 0) })) }
        : {}),
    });

    poolPeriods.push(poolRow(t, date, month, feeIncome, purchasedPar, collectedEnd));
  };

  // What the events of default read after a distribution, as the period being paid left it (built once per run).
  const defaultTests: DefaultTestState = {
    interestShortfall: (id) => shortfall[idx(id)],
    pastLegalFinal: (id) => {
      const i = idx(id);
      const legal = legalFinal[i];
      return legal !== undefined && date >= legal && balance[i] > 0;
    },
  };

  // A collection month between payment dates: collections wait in the collection account; fees accrue; only
  // purchases run while the deal revolves (principal collections buy receivables every month). Defined once per
  // run, like paySteps: a closure defined in the period loop made every period, paid or not, allocate a context
  // for the loop's values it read.
  const collectionMonth = (loss: Cents, notesBegin: Cents): void => {
    funds.reset(
      interest + feeIncome + reinvestment + heldInterest,
      sched + prepay + recovery + heldPrincipal,
      reserveBalance,
    );
    let feesMonth = 0;
    for (const fee of structure.fees) {
      const a = feeAccrual(fee, feeContext);
      feesMonth += a;
      feePending.set(fee.id, (feePending.get(fee.id) ?? 0) + a);
    }
    const steps: WaterfallStepRow[] = [];
    let usesOut = 0;
    let poolEnd = collectedEnd;
    let purchasedPar = 0;
    lossSincePayment += loss;
    for (const { step, from, label, index, ledger } of planOf(revolving ? 'revolving' : 'amortising')) {
      if (step.pay !== 'purchase' || !rev || !revolving || eligible.length === 0) continue;
      const bought = purchase(t, from, poolEnd, funds);
      purchasedPar += bought.par;
      poolEnd += bought.par;
      usesOut += bought.paid;
      if (record) steps.push(row(index, label, bought.due, funds.took, ledger));
    }
    heldInterest = funds.interest;
    heldPrincipal = funds.principal;
    const heldEnd = heldInterest + heldPrincipal;
    const sourcesTotal = interest + feeIncome + sched + prepay + recovery + reinvestment;
    const difference = sourcesTotal - usesOut - (heldEnd - heldBegin);
    if (difference !== 0) failures.push({ period: t, difference: fromCents(difference) });
    const supportMonth =
      hedgeBook.hedges.length > 0 || liquidity ? supportCostOfMonth(t, poolBegin, notesBegin) : 0;
    esInterestCounted += esInterestMonth;
    esFeesCounted += feesMonth + supportMonth;
    const es =
      poolBegin === 0
        ? 0
        : ((interest + feeIncome - feesMonth - supportMonth - esInterestMonth) * 12) / poolBegin;
    excessSpread.push({ period: t, annualised: es });
    ocPool = poolEnd;
    realisedLoss += fromCents(loss);
    if (record) {
      const ce = creditEnhancement(poolEnd);
      for (let i = 0; i < nT; i++) {
        flows[i].push({
          period: t,
          date,
          beginBalance: fromCents(beginBalances[i]),
          interestDue: 0,
          interest: 0,
          interestShortfall: fromCents(shortfall[i]),
          principal: 0,
          writedown: 0,
          balance: fromCents(balance[i]),
          creditEnhancement: ce[i],
          accrualStart: null,
          accrualEnd: null,
          accrualDays: 0,
          ...(pdlOn ? { principalDeficiency: fromCents(pdl.balance[i]) } : {}),
        });
      }
      waterfall.push({
        period: t,
        date,
        paymentDate: false,
        sources: {
          interestCollections: fromCents(interest + feeIncome + reinvestment),
          principalCollections: fromCents(sched + prepay),
          recoveries: fromCents(recovery),
          reserveDraw: 0,
          cleanUpCallProceeds: 0,
          reinvestmentIncome: fromCents(reinvestment),
          total: fromCents(sourcesTotal),
        },
        steps,
        uses: { total: fromCents(usesOut) },
        reserve: {
          begin: fromCents(reserveBalance),
          deposit: 0,
          draw: 0,
          end: fromCents(reserveBalance),
          target: 0,
        },
        collectionAccount: { begin: fromCents(heldBegin), end: fromCents(heldEnd) },
        difference: fromCents(difference),
        revolving,
        triggersBreached: book.breachedIds,
        ...(phased ? { phase: revolving ? ('revolving' as const) : ('amortising' as const) } : {}),
      });
      poolPeriods.push(poolRow(t, date, month, feeIncome, purchasedPar, collectedEnd));
    }
    if (t === input.captureAt) carried = capture(t, revolving ? 'revolving' : 'amortising');
  };

  for (t = firstPeriod; t <= T; t++) {
    date = dates[t];
    payDate = t >= nextPayment || t === T;
    heldBegin = heldInterest + heldPrincipal;
    // The collection account earns its reinvestment rate over the collection month (ACT/365F).
    reinvestment =
      timing && timing.reinvestmentRate > 0 && heldBegin > 0
        ? mulDiv(heldBegin, timing.reinvestmentRate, daysBetween(dates[t - 1], date), 365)
        : 0;
    poolBegin = cents(ledger.beginBalance[t]);
    sched = cents(ledger.scheduledPrincipal[t]);
    prepay = cents(ledger.prepayment[t]);
    const defaults = cents(ledger.defaults[t]);
    const loss = cents(ledger.loss[t]);
    recovery = cents(ledger.recovery[t]);
    interest = cents(ledger.interest[t]);
    feeIncome = cents(ledger.fees[t]);
    collectedEnd = cents(ledger.endBalance[t]);
    cumDefaults += defaults;
    cumRecoveries += recovery;
    cumLosses += loss;
    cumCollections += interest + feeIncome + sched + prepay + recovery;
    const notesBegin = sumOf(balance);
    for (let i = 0; i < nT; i++) beginBalances[i] = balance[i];
    // Only the report's pool row reads it: a lean run (record: false) builds none.
    if (record) month = { begin: poolBegin, sched, prepay, defaults, loss, recovery, interest };

    // Triggers see this period's collections; the OC ratio reads pool and notes on one date, after the previous
    // period's distributions (measuring this period's pool against the notes before payment would breach a deal
    // whose OC target holds the ratio constant).
    if (structure.triggers.length > 0 && (payDate || !timing?.triggersOnPaymentDates)) {
      now = t;
      nowEnd = ledger.endBalance[t];
      measures.cumulativeNetLoss = initial > 0 ? (cumDefaults - cumRecoveries) / initial : 0;
      measures.ocRatio = ocNotes === 0 || ocPool === 0 ? null : ocPool / ocNotes;
      book.update(t, date, measures, triggerEvents);
    }
    if (phased && payDate) phaseBook.beforeDistribution(t, book.breachedIds);
    accelerated = phaseBook.accelerated && (phaseBook.acceleration?.period ?? Infinity) <= t;

    // Acceleration ends revolving: every note is due and nothing buys receivables.
    revolving = rev !== undefined && t <= rev.endPeriod && !book.endRevolving && !accelerated;
    if (rev && !revolving && revolvingEndPeriod === null) revolvingEndPeriod = t - 1;

    // Interest due this period per class: the coupon on the beginning balance, the carried shortfall and, where
    // the class says so, interest on that shortfall at the coupon.
    interestDue.fill(0);
    interestAccruedBy.fill(0);
    currentInterest.fill(0);
    // Interest accrues from the last payment's accrual end (the closing date for the first) to this one's.
    accrualFrom = lastAccrual;
    esInterestMonth = 0;
    feeContext.begin = beginBalances;
    accrueInterest();
    feeContext.poolBegin = poolBegin;

    if (!payDate) {
      collectionMonth(loss, notesBegin);
      continue;
    }

    // Hedges settle and the liquidity facility's interest and fee fall due at the start of the payment date;
    // the available-funds cap reads the net interest funds they leave.
    hedgeReceipts = 0;
    // Net hedge payments of this date, paid minus received, before any carried arrears (excess spread reads it).
    let hedgeNetPaid = 0;
    hedgeRows = hedgeBook.hedges.length > 0 ? [] : noHedgeRows;
    for (const h of hedgeBook.hedges) {
      const notional = hedgeNotional(h.notional, {
        trancheBalance: trancheBegin,
        poolBalance: poolBegin,
        period: t,
      });
      const settled = hedgeBook.settle(h, notional, index, t, fractionOf(h.dayCount, accrualFrom, t));
      hedgeNetPaid -= settled.net;
      if (settled.net > 0) hedgeReceipts += settled.net;
      else hedgeBook.owed.set(h.id, (hedgeBook.owed.get(h.id) ?? 0) - settled.net);
      hedgeRows.push({
        ...settled,
        notional: fromCents(notional),
        net: fromCents(settled.net),
        paid: 0,
        owed: 0,
      });
    }
    liquidity?.open(notesBegin, index, t, fractionOf(liquidity.facility.dayCount, accrualFrom, t));
    if (capped) {
      let feesNow = 0;
      for (const fee of structure.fees)
        feesNow += feeAccrual(fee, feeContext) + (feePending.get(fee.id) ?? 0);
      let hedgeOwed = 0;
      for (const owed of hedgeBook.owed.values()) hedgeOwed += owed;
      const net =
        interest +
        feeIncome +
        reinvestment +
        heldInterest +
        hedgeReceipts -
        feesNow -
        hedgeOwed -
        (liquidity ? liquidity.interestDue + liquidity.feeDue : 0);
      for (let i = 0; i < nT; i++) {
        if (!tranches[i].availableFundsCap) continue;
        const over = Math.max(0, currentInterest[i] - availableFundsCap(net, beginBalances[i], notesBegin));
        capCarryover[i] += over;
        interestDue[i] -= over;
        interestAccruedBy[i] -= over;
      }
    }

    const callEligible =
      structure.cleanUpCall !== undefined &&
      !revolving &&
      collectedEnd > 0 &&
      collectedEnd <= mulDiv(initial, structure.cleanUpCall.poolShare);
    if (callEligible && callDatePeriod === null) callDatePeriod = t;
    let callNow = callEligible;
    plan = planOf(accelerated ? 'accelerated' : revolving ? 'revolving' : 'amortising');
    if (callEligible && callNeedsNotesRetired) callNow = notesRetiredByCall();
    callProceeds = callNow ? collectedEnd : 0;
    final = callNow || t === T;
    phase = accelerated ? 'accelerated' : callNow ? 'cleanUp' : revolving ? 'revolving' : 'amortising';
    phasePlan = planOf(phase);
    // Every note is due on the final period and after acceleration.
    allDue = final || accelerated;

    funds.reset(
      interest + feeIncome + reinvestment + heldInterest + hedgeReceipts,
      sched + prepay + recovery + callProceeds + heldPrincipal,
      reserveBalance,
    );
    heldInterest = 0;
    heldPrincipal = 0;
    reserveBegin = reserveBalance;
    trapping = book.trapCash && !allDue;
    target = 0;
    if (structure.reserve) {
      // After acceleration the reserve is released into available funds, as on the final period.
      target = reserveTarget(structure.reserve, collectedEnd, initial, notesBegin, allDue);
      // Trapped cash must stay trapped: no release while a trapCash trigger is breached. On the final period a
      // reserve that may not cover principal keeps its cash through the steps (fees and interest may still draw)
      // and hands the rest to the seller afterwards, so it never reaches the principal step.
      const excess = reserveBalance - target;
      const holdForSeller = final && !structure.reserve.coversPrincipalAtMaturity;
      if (!trapping && !holdForSeller && excess > 0) funds.release(excess);
    }
    deposits = 0;

    // The pool the notes are measured against: after purchases, and nothing once the seller has bought it back.
    poolEnd = callNow ? 0 : collectedEnd;
    purchasedPar = 0;

    interestDueReported.fill(0);
    // Interest still owed this period: a second interest step for a class (principal paying a revenue shortfall)
    // pays only what the first left unpaid, and its accrual counts once.
    for (let i = 0; i < nT; i++) interestOwed[i] = interestDue[i];
    interestCounted.fill(false);
    if (pdlOn) {
      pdl.debit(lossSincePayment + loss, balance);
      lossSincePayment = 0;
    }
    interestPaid.fill(0);
    principalPaid.fill(0);
    writtenBack.fill(0);
    pending = callNow ? 0 : cents(ledger.pendingDefaults[t]);
    reserveForInterestAtEnd = final && structure.reserve?.coversPrincipalAtMaturity === false;
    feesAccrued = 0;
    interestAccrued = 0;
    usesOut = 0;
    // Only a recorded run reads the rows; a lean one pushes none.
    if (record) steps = [];

    paySteps();

    // Cash no step took still belongs to someone: the noteholders while they are owed, then the seller (or the
    // reserve while cash is trapped).
    if (funds.interest + funds.principal > 0) catchUp(phasePlan.length, ['interest', 'principal']);
    const leftover = funds.interest + funds.principal;
    if (leftover > 0) {
      const paid = funds.take(leftover, ['interest', 'principal'], false);
      if (trapping) {
        funds.reserve += paid;
        deposits += paid;
      } else {
        usesOut += paid;
      }
      if (record) steps.push(row(phasePlan.length, 'unallocated funds to the seller', leftover, funds.took));
    }
    // A reserve that may not cover principal at maturity goes back to the seller once the final period is paid.
    if (final && funds.reserve > 0) {
      const back = funds.reserve;
      funds.release(back);
      usesOut += funds.take(back, ['interest'], false);
      if (record) steps.push(row(phasePlan.length, 'reserve returned to the seller', back, funds.took));
    }
    reserveBalance = funds.reserve;

    // Loss allocation against the collateral as it stands after purchases (and after the call); on the final
    // period whatever is still unpaid is lost.
    wd.fill(0);
    if (writeDownsOn) {
      const lost = final
        ? balance.slice()
        : writeDowns(balance, juniorLevels, poolEnd + pending + reserveBalance, writtenDown);
      for (let i = 0; i < nT; i++) {
        balance[i] -= lost[i];
        deficiency[i] += lost[i];
        wd[i] = lost[i] - writtenBack[i];
      }
    }
    if (callNow) {
      let unpaid = 0;
      for (let i = 0; i < nT; i++) unpaid += balance[i] + deficiency[i] + shortfall[i];
      cleanUpCallShortfall = fromCents(unpaid);
    }
    ocPool = poolEnd;
    ocNotes = sumOf(balance);
    if (pdlOn) pdl.clamp(balance);

    if (record) recordFlows();

    interestCollections = interest + feeIncome + reinvestment;
    principalCollections = sched + prepay;
    liquidityDraws = liquidity ? liquidity.draws : 0;
    sourcesTotal =
      interestCollections + principalCollections + recovery + callProceeds + hedgeReceipts + liquidityDraws;
    // The collection account is empty after a payment date: what it held is part of this date's funds.
    difference = sourcesTotal - usesOut - (reserveBalance - reserveBegin) + heldBegin;
    if (difference !== 0) failures.push({ period: t, difference: fromCents(difference) });
    draws = funds.reserveDrawn;

    // Excess spread, annualised on the pool at the start of the month: pool interest and fee collections less
    // senior expenses — fees, net hedge payments (paid minus received) and the liquidity facility's interest and
    // commitment fee — and note interest, each as accrued for the date rather than as paid, so a shortfall does
    // not read as spread. This is how offering documents of swapped deals define it: the card trusts' base rate
    // (e.g. BA Credit Card Trust, BAseries prospectus on SEC EDGAR, 2007) is note interest adjusted for net
    // payments under the derivative agreements plus the servicing fee, and excess spread is the portfolio yield
    // above it. Leaving the swap out overstates the spread of a deal paying on it and breaches its trigger late.
    // Accruals over several collection months count once: the months before this one had their estimates.
    const supportAccrued = hedgeNetPaid + (liquidity ? liquidity.accrued : 0);
    const es =
      poolBegin === 0
        ? 0
        : ((interestCollections -
            (feesAccrued + supportAccrued - esFeesCounted) -
            (interestAccrued - esInterestCounted)) *
            12) /
          poolBegin;
    esFeesCounted = 0;
    esInterestCounted = 0;
    excessSpread.push({ period: t, annualised: es });

    // Triggers tested after the distribution see this payment's notes (OC) and this period's excess spread; their
    // breaches, and the events of default found now, take effect from the next period.
    if (anyAfterTrigger) {
      now = t;
      nowEnd = ledger.endBalance[t];
      measures.ocRatio = ocNotes === 0 || ocPool === 0 ? null : ocPool / ocNotes;
      book.update(t, date, measures, triggerEvents, 'afterDistribution');
    }
    if (phased && !final) {
      phaseBook.afterDistribution(t, book.breachedIds, defaultTests);
    }

    // The next payment date, by the phase in force on this one (an accelerated deal pays every month). While
    // revolving, never past the first amortising payment date the scheduled end of revolving implies.
    lastAccrual = t;
    if (!timing || phaseBook.accelerated) nextPayment = t + 1;
    else if (!revolving || !rev) nextPayment = t + timing.amortisingMonths;
    else nextPayment = Math.min(t + timing.revolvingMonths, rev.endPeriod + timing.amortisingMonths);

    realisedLoss += fromCents(loss);
    if (record) recordPayment();

    if (callNow) cleanUpCallPeriod = t;
    if (t === input.captureAt) carried = capture(t, phase);
    if (callNow) break;
  }
  // The periods run (one pool row each, when recorded): to the horizon, or to the clean-up call.
  if (rev && revolvingEndPeriod === null)
    revolvingEndPeriod = Math.min(rev.endPeriod, cleanUpCallPeriod ?? T);

  const trancheResults: TrancheResult[] = tranches.map((tr, i) => ({
    id: tr.id,
    seniority: tr.seniority,
    ...(tr.rating !== undefined ? { rating: tr.rating } : {}),
    originalBalance: tr.balance,
    ...(tr.interestOnly ? { notional: initialNotional(tr.interestOnly, tranches, initialNum) } : {}),
    poolShare: initialNum > 0 ? tr.balance / initialNum : 0,
    couponDescription: describeCoupon(tr.coupon),
    price: tr.price,
    paymentDelayDays: 0,
    wal: null,
    principalWindow: null,
    yield: null,
    mortgageYield: null,
    macaulayDuration: null,
    modifiedDuration: null,
    convexity: null,
    // Original balance − principal received: net write-downs, or principal unpaid at the end under `none`.
    principalLoss: fromCents(deficiency[i] + balance[i]),
    interestShortfall: fromCents(shortfall[i]),
    cashflows: flows[i],
  }));

  return {
    initialBalance: initialNum,
    poolPeriods,
    tranches: trancheResults,
    waterfall,
    triggerEvents,
    cleanUpCallPeriod,
    cleanUpCallShortfall,
    revolvingEndPeriod,
    excessSpread: seededSpread > 0 ? excessSpread.slice(seededSpread) : excessSpread,
    checks: { cashConserved: failures.length === 0, failures },
    revolving: rev ? { excludedProfileLines: excluded, purchases: purchasesReport } : null,
    ...(phased ? { acceleration: phaseBook.acceleration } : {}),
    realisedLoss,
    ...(carried ? { carried } : {}),
  };
}

function liquidityRow(l: LiquidityAccount): LiquidityPeriod {
  return {
    commitment: fromCents(l.commitment),
    begin: fromCents(l.begin),
    draws: fromCents(l.draws),
    repaid: fromCents(l.repaid),
    end: fromCents(l.drawn),
    interestDue: fromCents(l.interestDue),
    interestPaid: fromCents(l.interestPaid),
    commitmentFeeDue: fromCents(l.feeDue),
    commitmentFeePaid: fromCents(l.feePaid),
  };
}
