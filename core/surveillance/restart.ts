/**
 * The deal restarted from its state as of a payment date. `stateAt` runs the deal and keeps what it carried
 * after period k (./dealState.ts); `runDealFrom` pays periods k + 1 … through the same waterfall, threaded with
 * that state instead of the closing one, on the pool as of k. With the same assumptions the restart pays what the
 * uninterrupted run paid from k + 1 on, to the cent.
 *
 * The pool as of k comes in by absolute period (index k + j is the j-th month after k) and without the
 * receivables bought while revolving: those are re-projected from the state's purchases and the revolving
 * profile, as the first run projected them. `poolTail` cuts a run's own projection at k; a pool rolled forward
 * from a tape or from rep lines (core/projection) takes its place by providing a `PoolAsOf`.
 */
import type { Deal, Scenario } from '../deal/schema';
import {
  poolStateAt,
  projectPartsFrom,
  reportedPoolAt,
  rollForward,
  type PoolState,
} from '../projection/restart';
import type { ServicerReport } from './servicerReport';
import type { DealProblem } from '../deal/validate';
import {
  DealError,
  checkedScenario,
  horizon,
  profileProjections,
  projectDeal,
  runProjected,
  scheduleOf,
  type RunOptions,
} from '../run';
import type { PoolInput } from '../projection/project';
import type { PoolProjection } from '../projection/types';
import type { RunResult } from '../result';
import type { PoolGroup } from '../structure/poolLedger';
import { coreMessage } from '../i18n/messages';
import type { DealState } from './dealState';

/** The pool as of period k, by absolute period: k holds the balance then, k + 1 … the months after. */
export interface PoolAsOf {
  /** Periods after k ending at the run's horizon (`base.periods` is the last period the restart pays). */
  base: PoolProjection;
  /** The pool by segment and product, by absolute period (concentration limits of a revolving deal). */
  composition?: readonly PoolGroup[];
  /**
   * Whether `base` already holds the receivables bought while revolving up to k (a pool state, which carries
   * them as cohorts); otherwise the restart re-projects them from the state's purchases.
   */
  holdsPurchases?: boolean;
}

/** A projection indexed from k (index j = period k + j) placed at absolute periods 0 … k + its periods. */
function fromPeriod(p: PoolProjection, k: number): PoolProjection {
  const n = k + p.periods + 1;
  const place = (a: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    out.set(a.subarray(0, p.periods + 1), k);
    return out;
  };
  return {
    ...p,
    periods: k + p.periods,
    beginBalance: place(p.beginBalance),
    defaults: place(p.defaults),
    interest: place(p.interest),
    fees: place(p.fees),
    scheduledPrincipal: place(p.scheduledPrincipal),
    prepayment: place(p.prepayment),
    loss: place(p.loss),
    recovery: place(p.recovery),
    endBalance: place(p.endBalance),
    pendingDefaults: place(p.pendingDefaults),
    count: place(p.count),
  };
}

/**
 * The pool as of k from a pool state (core/projection/restart.ts: the deal's pool rolled forward to k, from its
 * own projection, a report's actuals or a new tape), projected to the deal's horizon under `scenario`.
 */
export function poolFromState(state: PoolState, scenario: Scenario, horizonMonths: number): PoolAsOf {
  const k = state.period;
  const { projection, composition } = projectPartsFrom(state, scenario, horizonMonths - k);
  const place = (a: Float64Array): Float64Array => {
    const out = new Float64Array(horizonMonths + 1);
    out.set(a.subarray(0, horizonMonths - k + 1), k);
    return out;
  };
  return {
    base: fromPeriod(projection, k),
    composition: composition.map((g) => ({ ...g, endBalance: place(g.endBalance) })),
    holdsPurchases: true,
  };
}

/** A projection as of period k: months before k are emptied, so a restart that read them would show it. */
export function projectionFrom(p: PoolProjection, k: number): PoolProjection {
  const cut = (a: Float64Array): Float64Array => {
    const out = Float64Array.from(a);
    out.fill(0, 0, k);
    return out;
  };
  return {
    ...p,
    beginBalance: cut(p.beginBalance),
    defaults: cut(p.defaults),
    interest: cut(p.interest),
    fees: cut(p.fees),
    scheduledPrincipal: cut(p.scheduledPrincipal),
    prepayment: cut(p.prepayment),
    loss: cut(p.loss),
    recovery: cut(p.recovery),
    endBalance: cut(p.endBalance),
    pendingDefaults: cut(p.pendingDefaults),
    count: cut(p.count),
  };
}

/** The pool as of k from the deal's own projection under `opts.scenario` (the same assumptions as its run). */
export function poolTail(deal: Deal, pool: PoolInput, k: number, opts: RunOptions = {}): PoolAsOf {
  const p = projectDeal(deal, pool, opts);
  const cut = (a: Float64Array): Float64Array => {
    const out = Float64Array.from(a);
    out.fill(0, 0, k);
    return out;
  };
  return {
    base: projectionFrom(p.base, k),
    composition: p.composition.map((g) => ({ ...g, endBalance: cut(g.endBalance) })),
  };
}

/** The deal's state after period k of its own run under `opts.scenario`. */
export function stateAt(deal: Deal, pool: PoolInput, k: number, opts: RunOptions = {}): DealState {
  const p = projectDeal(deal, pool, opts);
  if (!Number.isInteger(k) || k < 1 || k >= p.periods) {
    throw new DealError([
      {
        path: 'surveillance.state.period',
        ...coreMessage('dealRestart.periodOutside', { period: k, last: p.periods }),
      },
    ]);
  }
  const { result, carried } = runProjected(deal, p.scenario, p.base, {
    schedule: p.schedule,
    composition: p.composition,
    ...(p.profile ? { profile: p.profile } : {}),
    analytics: false,
    captureAt: k,
  });
  if (!carried || (result.cleanUpCallPeriod !== null && result.cleanUpCallPeriod <= k)) {
    throw new DealError([
      {
        path: 'surveillance.state.period',
        ...coreMessage('dealRestart.ended', { period: k, end: result.cleanUpCallPeriod ?? k }),
      },
    ]);
  }
  return { ...carried, source: { kind: 'run', scenario: p.scenario.name } };
}

/** Why `state` cannot restart `deal` (the classes, fees, profile lines it names must be the deal's). */
function stateProblems(deal: Deal, state: DealState, last: number): DealProblem[] {
  const out: DealProblem[] = [];
  const s = deal.structure;
  const classes = s.tranches.map((t) => t.id);
  const named = state.classes.map((c) => c.id);
  if (named.join('\u0000') !== classes.join('\u0000')) {
    out.push({
      path: 'surveillance.state.classes',
      ...coreMessage('dealRestart.classesDiffer', { state: named.join(', '), deal: classes.join(', ') }),
    });
  }
  if (state.cleanUpCallPeriod !== null) {
    out.push({
      path: 'surveillance.state.cleanUpCallPeriod',
      ...coreMessage('dealRestart.called', { period: state.cleanUpCallPeriod }),
    });
  }
  if (state.period >= last) {
    out.push({
      path: 'surveillance.state.period',
      ...coreMessage('dealRestart.periodOutside', { period: state.period, last }),
    });
  }
  const lines = new Set((s.revolving?.profile ?? []).map((l) => l.id));
  for (const p of state.revolving?.purchases ?? []) {
    if (!lines.has(p.line)) {
      out.push({
        path: 'surveillance.state.revolving.purchases',
        ...coreMessage('dealRestart.unknownLine', { period: p.period, line: p.line }),
      });
      break;
    }
  }
  return out;
}

/**
 * Pays periods state.period + 1 … `pool.base.periods` from `state`, on the pool as of that date. Tranche yields
 * and durations are left out: they need a price as of the restart date, which the state does not hold.
 */
export function runDealFrom(
  deal: Deal,
  state: DealState,
  pool: PoolAsOf,
  opts: Pick<RunOptions, 'scenario'> = {},
): RunResult {
  const periods = pool.base.periods;
  const problems = stateProblems(deal, state, periods);
  if (problems.length > 0) throw new DealError(problems);
  const scenario = checkedScenario(deal, opts.scenario);
  const profile = profileProjections(deal, scenario, periods);
  const { source: _source, ...carried } = state;
  void _source;
  return runProjected(deal, scenario, pool.base, {
    schedule: scheduleOf(deal, periods),
    ...(pool.composition ? { composition: pool.composition } : {}),
    ...(profile ? { profile } : {}),
    analytics: false,
    start: carried,
    ...(pool.holdsPurchases ? { poolHoldsPurchases: true } : {}),
  }).result;
}

/**
 * The deal re-projected from a state built from servicer reports: the pool as of the state's period is the deal's
 * own pool state there rolled forward to the reports (core/projection/restart.ts `rollForward`: the reported end
 * balance, proportional by line, and the recovery pipeline scaled to the reported defaults), projected to the
 * deal's horizon under the scenario.
 */
export function reproject(
  deal: Deal,
  pool: PoolInput,
  reports: readonly ServicerReport[],
  state: DealState,
  opts: Pick<RunOptions, 'scenario'> = {},
): RunResult {
  const scenario = checkedScenario(deal, opts.scenario);
  const k = state.period;
  const rolled = rollForward(poolStateAt(deal, scenario, k, pool), reportedPoolAt(reports, k), scenario);
  return runDealFrom(deal, state, poolFromState(rolled, scenario, horizon(deal, pool, scenario)), opts);
}
