/**
 * One deal run under one scenario: project the pool, run the waterfall, add the tranche analytics, and return
 * the `RunResult` the CLI prints, the UI shows and the report writes.
 */
import { analyzeTranche, pricePar, principalWindow, type TrancheFlow } from './analytics';
import type { Deal, RepLine, Scenario } from './deal/schema';
import { missingIndices, validateDeal, type DealProblem } from './deal/validate';
import { coreMessage } from './i18n/messages';
import { PRODUCT_CODES } from './pool/loanPool';
import { projectionNotes } from './projection/notes';
import {
  arrays as poolArrays,
  defaultHorizon,
  projectArrays,
  projectPool,
  type PoolInput,
} from './projection/project';
import type { PoolProjection } from './projection/types';
import { groupBySegmentAndProduct, sumProjections } from './projection/combine';
import type { LoanArrays } from './projection/loanArrays';
import type { RunResult, TrancheResult } from './result';
import type { PoolGroup } from './structure/poolLedger';
import { runWaterfall, type WaterfallInput } from './structure/waterfall';
import type { CarriedState } from './structure/carry';
import {
  UnknownCalendarError,
  addDays,
  paymentSchedule,
  periodTimes,
  settlementDateOf,
  signedYears30360,
  yearFraction,
  type PaymentSchedule,
} from './time';

export const ENGINE_VERSION = '0.1.0';

/** A deal that cannot run, with every problem found. */
export class DealError extends Error {
  constructor(readonly problems: readonly DealProblem[]) {
    super(`the deal cannot run:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'DealError';
  }
}

export interface RunOptions {
  /** A scenario of the deal by name, or a scenario object (stress runs); default the deal's first. */
  scenario?: string | Scenario;
  /** Periods to run; default the deal's horizon, else the pool's (revolving: the revolving period plus the profile's). */
  periods?: number;
  /** Yield, duration and WAL per tranche (default true); grids switch them off for speed. */
  analytics?: boolean;
}

function pickScenario(deal: Deal, s: RunOptions['scenario']): Scenario {
  if (s === undefined) return deal.scenarios[0];
  if (typeof s !== 'string') return s;
  const found = deal.scenarios.find((x) => x.name === s);
  if (!found) {
    throw new DealError([
      {
        path: 'scenarios',
        ...coreMessage('run.noScenario', {
          name: s,
          names: deal.scenarios.map((x) => `'${x.name}'`).join(', '),
        }),
      },
    ]);
  }
  return found;
}

export function horizon(deal: Deal, pool: PoolInput, scenario: Scenario): number {
  if (deal.horizonMonths !== undefined) return deal.horizonMonths;
  let h = defaultHorizon(pool, scenario);
  const rev = deal.structure.revolving;
  if (rev)
    h = Math.max(h, rev.endPeriod + defaultHorizon({ kind: 'repLines', lines: rev.profile }, scenario));
  return Math.max(1, h);
}

/** The pool split by (segment, product): concentration limits need each slice's balance over time. */
export function slices(pool: PoolInput): { segment: string; product: string; arrays: LoanArrays }[] {
  if (pool.kind === 'repLines') {
    const groups = new Map<string, { segment: string; product: string; lines: RepLine[] }>();
    for (const l of pool.lines) {
      const key = `${l.segment}\u0000${l.product}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { segment: l.segment, product: l.product, lines: [] }));
      g.lines.push(l);
    }
    return [...groups.values()].map((g) => ({
      segment: g.segment,
      product: g.product,
      arrays: poolArrays({ kind: 'repLines', lines: g.lines }),
    }));
  }
  // Typed-array gathers: lists of indexes and copies of the loan ids cost seconds at a million loans.
  return groupBySegmentAndProduct(poolArrays(pool)).map((g) => ({
    segment: pool.pool.segmentNames[g.segment]!,
    product: PRODUCT_CODES[g.product]!,
    arrays: g.arrays,
  }));
}

/** Projects the base pool; split into slices when concentration limits need the pool's composition. */
function projectBase(
  deal: Deal,
  pool: PoolInput,
  scenario: Scenario,
  periods: number,
): { base: PoolProjection; composition: PoolGroup[] } {
  const rev = deal.structure.revolving;
  if (!rev || rev.concentrationLimits.length === 0) {
    return { base: projectPool(pool, scenario, periods), composition: [] };
  }
  const parts = slices(pool).map((s) => ({ ...s, projection: projectArrays(s.arrays, scenario, periods) }));
  return {
    base: sumProjections(
      parts.map((p) => p.projection),
      periods,
    ),
    composition: parts.map((p) => ({
      segment: p.segment,
      product: p.product,
      endBalance: p.projection.endBalance,
    })),
  };
}

/**
 * Interest accrued from the start of the first accrual period (the closing date) to a later settlement, which a
 * buyer pays on top of the clean price because the first payment carries interest from closing: the first
 * payment's interest due, pro rata to the part of its accrual period (in the class's own day count) that has run
 * by settlement. Nothing when the class settles on its closing date (the default).
 */
export function accruedAtSettlement(tr: TrancheResult, deal: Deal): number {
  const settlement = settlementDateOf(deal);
  const first = tr.cashflows.find((c) => c.accrualStart != null);
  const start = first?.accrualStart;
  const end = first?.accrualEnd;
  if (!first || start == null || end == null || settlement <= start) return 0;
  const dayCount = deal.structure.tranches.find((t) => t.id === tr.id)?.dayCount ?? '30/360';
  const whole = yearFraction(start, end, dayCount);
  if (!(whole > 0)) return 0;
  const elapsed = Math.min(1, yearFraction(start, settlement, dayCount) / whole);
  return first.interestDue * elapsed;
}

/** Fills a tranche's yield, WAL and duration from its cash flows (one place, so grids can skip it). */
function withAnalytics(tr: TrancheResult, times: Float64Array, accrued: number): TrancheResult {
  const flows: TrancheFlow[] = tr.cashflows.map((c) => ({
    period: c.period,
    t: times[c.period],
    interest: c.interest,
    principal: c.principal,
  }));
  const a = analyzeTranche(flows, pricePar(tr), tr.price, accrued);
  return {
    ...tr,
    wal: a.wal,
    principalWindow: a.principalWindow,
    yield: a.yield,
    mortgageYield: a.mortgageYield,
    macaulayDuration: a.macaulayDuration,
    modifiedDuration: a.modifiedDuration,
    convexity: a.convexity,
  };
}

/** The deal's payment schedule; a calendar id nobody has is a DealError naming the field. */
export function scheduleOf(deal: Deal, periods: number): PaymentSchedule {
  try {
    return paymentSchedule(deal, periods, deal.calendar?.calendars ?? []);
  } catch (e) {
    if (e instanceof UnknownCalendarError) {
      throw new DealError([{ path: 'calendar.holidays', ...e.problem }]);
    }
    throw e;
  }
}

/** Years (30/360) from settlement to each period's rolled payment date plus the delay (index 0: the cut-off). */
function timesFromDates(deal: Deal, dates: readonly string[]): Float64Array {
  const settle = settlementDateOf(deal);
  const out = new Float64Array(dates.length);
  for (let t = 0; t < dates.length; t++) {
    const paid = t === 0 || deal.paymentDelayDays === 0 ? dates[t] : addDays(dates[t], deal.paymentDelayDays);
    out[t] = signedYears30360(settle, paid);
  }
  return out;
}

/** The scenario a run uses, once the deal (and a stress scenario's index curves) are found able to run. */
export function checkedScenario(deal: Deal, s: RunOptions['scenario']): Scenario {
  const scenario = pickScenario(deal, s);
  const problems = validateDeal(deal);
  if (typeof s === 'object') {
    for (const m of missingIndices(deal, scenario)) problems.push({ path: 'scenario.indexCurves', ...m });
  }
  if (problems.length > 0) throw new DealError(problems);
  return scenario;
}

/** What a run projects before its waterfall: the scenario, the schedule, the pool and the revolving profile. */
export interface DealProjection {
  scenario: Scenario;
  periods: number;
  schedule: PaymentSchedule;
  base: PoolProjection;
  composition: PoolGroup[];
  profile?: PoolProjection[];
}

/** Validates `deal` and projects `pool` for it; throws DealError when the structure cannot run. */
export function projectDeal(deal: Deal, pool: PoolInput, opts: RunOptions = {}): DealProjection {
  const scenario = checkedScenario(deal, opts.scenario);

  const periods = opts.periods ?? horizon(deal, pool, scenario);
  if (!Number.isInteger(periods) || periods < 1) {
    throw new DealError([{ path: 'horizonMonths', ...coreMessage('run.badPeriods', { periods }) }]);
  }
  const schedule = scheduleOf(deal, periods);
  const { base, composition } = projectBase(deal, pool, scenario, periods);
  const profile = profileProjections(deal, scenario, periods);
  return { scenario, periods, schedule, base, composition, ...(profile ? { profile } : {}) };
}

/** The revolving profile lines projected at their own balances (what a purchase scales and shifts). */
export function profileProjections(
  deal: Deal,
  scenario: Scenario,
  periods: number,
): PoolProjection[] | undefined {
  const rev = deal.structure.revolving;
  return rev
    ? rev.profile.map((line) => projectPool({ kind: 'repLines', lines: [line] }, scenario, periods))
    : undefined;
}

/** Runs `deal` on `pool`; throws DealError when the structure cannot run. */
export function runDeal(deal: Deal, pool: PoolInput, opts: RunOptions = {}): RunResult {
  const { scenario, schedule, base, composition, profile } = projectDeal(deal, pool, opts);
  const result = runDealOnProjection(deal, scenario, base, {
    schedule,
    composition,
    ...(profile ? { profile } : {}),
    ...(opts.analytics !== undefined ? { analytics: opts.analytics } : {}),
  });
  const last = result.pool.periods[result.pool.periods.length - 1];
  // The clean-up call buys whatever still performs, so nothing is left outstanding after it.
  const called = result.cleanUpCallPeriod !== null;
  const end = last ? { period: last.period, performing: called ? 0 : last.endBalance, called } : undefined;
  return {
    ...result,
    pool: { ...result.pool, ...initialPoolFigures(pool) },
    projectionNotes: projectionNotes(deal, pool, scenario, base, end),
  };
}

/** Count and balance-weighted rate of the initial pool, for a report that never loads the pool itself. */
function initialPoolFigures(pool: PoolInput): { receivables: number; waRate: number | null } {
  let receivables = 0;
  let balance = 0;
  let weighted = 0;
  if (pool.kind === 'repLines') {
    for (const l of pool.lines) {
      receivables += l.count;
      balance += l.balance;
      weighted += l.balance * l.rate;
    }
  } else {
    const p = pool.pool;
    receivables = p.size;
    for (let i = 0; i < p.size; i++) {
      balance += p.balance[i]!;
      weighted += p.balance[i]! * p.rate[i]!;
    }
  }
  return { receivables, waRate: balance > 0 ? weighted / balance : null };
}

export interface ProjectionRunOptions {
  analytics?: boolean;
  /** The payment schedule, when the caller has built it (runDeal does, to report a bad calendar early). */
  schedule?: PaymentSchedule;
  /** The pool by segment and product (concentration limits of a revolving deal). */
  composition?: readonly PoolGroup[];
  /** Projections of the revolving profile lines at their own balances, over the projection's periods. */
  profile?: readonly PoolProjection[];
  /** Restart from what the deal carried after a period (core/surveillance/restart.ts). */
  start?: CarriedState;
  /** Keep what the deal carries after this period (`runProjected`'s `carried`). */
  captureAt?: number;
  /** The restart's pool already holds the receivables bought while revolving. */
  poolHoldsPurchases?: boolean;
}

/**
 * runDeal's steps after the projection, for callers that project the pool themselves (stress grids). The deal is
 * assumed valid (see validateDeal); the run covers `projection.periods` periods.
 */
export function runDealOnProjection(
  deal: Deal,
  scenario: Scenario,
  projection: PoolProjection,
  opts: ProjectionRunOptions = {},
): RunResult {
  return runProjected(deal, scenario, projection, opts).result;
}

/** runDealOnProjection with what the deal carried after `opts.captureAt` (a deal state, ./structure/carry.ts). */
export function runProjected(
  deal: Deal,
  scenario: Scenario,
  projection: PoolProjection,
  opts: ProjectionRunOptions = {},
): { result: RunResult; carried?: CarriedState } {
  const periods = projection.periods;
  const schedule = opts.schedule ?? scheduleOf(deal, periods);
  const w = runWaterfall(waterfallInput(deal, scenario, projection, schedule, opts));

  // Rolled payment dates move the cash, so yields and WAL run on them; unrolled, the faster calendar-field path.
  const times =
    opts.analytics === false
      ? null
      : deal.calendar?.holidays === undefined
        ? periodTimes(deal, periods)
        : timesFromDates(deal, schedule.dates);
  const legalFinal = deal.calendar?.legalFinalDate ?? null;
  const tranches = w.tranches.map((tr, i) => {
    const paid = tr.cashflows.filter((c) => c.principal > 0);
    const withDelay = {
      ...tr,
      paymentDelayDays: deal.paymentDelayDays,
      expectedFinalDate: paid.length > 0 ? paid[paid.length - 1].date : null,
      legalFinalDate: deal.structure.tranches[i]?.legalFinalDate ?? legalFinal,
    };
    if (times) return withAnalytics(withDelay, times, accruedAtSettlement(tr, deal));
    return { ...withDelay, principalWindow: principalWindow(tr.cashflows) };
  });

  const result: RunResult = {
    engineVersion: ENGINE_VERSION,
    runAt: new Date().toISOString(),
    deal: {
      name: deal.name,
      currency: deal.currency,
      cutoffDate: deal.cutoffDate,
      settlementDate: settlementDateOf(deal),
      closingDate: schedule.closingDate,
    },
    calendarNotes: schedule.notes,
    calendarNoteMessages: schedule.noteMessages,
    scenario,
    pool: { initialBalance: w.initialBalance, periods: w.poolPeriods },
    tranches,
    waterfall: w.waterfall,
    triggerEvents: w.triggerEvents,
    cleanUpCallPeriod: w.cleanUpCallPeriod,
    cleanUpCallShortfall: w.cleanUpCallShortfall,
    ...(w.acceleration !== undefined ? { acceleration: w.acceleration } : {}),
    revolvingEndPeriod: w.revolvingEndPeriod,
    excessSpread: w.excessSpread,
    revolving: w.revolving,
    checks: w.checks,
  };
  return w.carried ? { result, carried: w.carried } : { result };
}

function waterfallInput(
  deal: Deal,
  scenario: Scenario,
  projection: PoolProjection,
  schedule: PaymentSchedule,
  opts: ProjectionRunOptions,
): WaterfallInput {
  return {
    structure: deal.structure,
    scenario,
    dates: schedule.dates,
    schedule,
    pool: projection,
    ...(opts.composition ? { composition: opts.composition } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(deal.calendar?.legalFinalDate ? { legalFinalDate: deal.calendar.legalFinalDate } : {}),
    ...(opts.start ? { start: opts.start } : {}),
    ...(opts.captureAt !== undefined ? { captureAt: opts.captureAt } : {}),
    ...(opts.poolHoldsPurchases ? { poolHoldsPurchases: true } : {}),
  };
}

/**
 * What a stress path reads of a run: the realised pool loss (as `runPoolLoss` of the full run computes it) and
 * each class's principal loss and unpaid interest, as in the full run's `tranches`.
 */
export interface RunOutcome {
  /** Realised pool loss over the periods run as a share of the initial pool balance. */
  poolLoss: number;
  tranches: { id: string; originalBalance: number; principalLoss: number; interestShortfall: number }[];
  cleanUpCallPeriod: number | null;
}

/**
 * `runDealOnProjection` without its rows and analytics: the same waterfall arithmetic run lean (no report rows),
 * for the thousands of runs of a Monte Carlo. The same figures to the cent as the full run (tested).
 */
export function runOutcomeOnProjection(
  deal: Deal,
  scenario: Scenario,
  projection: PoolProjection,
  opts: ProjectionRunOptions = {},
): RunOutcome {
  const schedule = opts.schedule ?? scheduleOf(deal, projection.periods);
  const w = runWaterfall({ ...waterfallInput(deal, scenario, projection, schedule, opts), record: false });
  return {
    poolLoss: w.initialBalance > 0 ? w.realisedLoss / w.initialBalance : 0,
    tranches: w.tranches.map((t) => ({
      id: t.id,
      originalBalance: t.originalBalance,
      principalLoss: t.principalLoss,
      interestShortfall: t.interestShortfall,
    })),
    cleanUpCallPeriod: w.cleanUpCallPeriod,
  };
}
