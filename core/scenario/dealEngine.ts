/**
 * The StressEngine (./engine.ts) of a real deal: runs go through `runDeal`, pool losses through the pool's projection
 * (no waterfall, so loss calibration stays cheap). A revolving deal's pool loss includes the receivables it
 * buys, which only the full run knows, so there the pool loss comes from a run.
 *
 * Loan-level pools of non-revolving deals take the grouped projection of ./stressPool.ts (same numbers to float
 * rounding, a fraction of the time); the waterfall and analytics then run through `runDealOnProjection`, the
 * same steps `runDeal` takes after its own projection; a test holds the two to the cent.
 */
import type { Deal, Scenario } from '../deal/schema';
import { missingIndices, validateDeal } from '../deal/validate';
import { arrays, arraysHorizon, projectArrays, type PoolInput } from '../projection/project';
import type { LoanArrays } from '../projection/loanArrays';
import type { PoolProjection } from '../projection/types';
import type { PaymentSchedule } from '../time';
import { DealError, runDeal, runDealOnProjection, runOutcomeOnProjection, scheduleOf } from '../run';
import { outcomeOf, runPoolLoss, type StressEngine } from './engine';
import { buildStressPool, projectStressPool, stressPoolHorizon, type StressPool } from './stressPool';

export interface DealEngineOptions {
  /** Use the grouped projection for loan-level pools where it applies (default true). */
  groupedProjection?: boolean;
}

function sumLoss(p: PoolProjection): number {
  const initial = p.endBalance[0] ?? 0;
  let loss = 0;
  for (let t = 1; t <= p.periods; t++) loss += p.loss[t]!;
  return initial > 0 ? loss / initial : 0;
}

export function dealEngine(deal: Deal, pool: PoolInput, opts: DealEngineOptions = {}): StressEngine {
  const grouped = opts.groupedProjection ?? true;
  let sp: StressPool | null | undefined;
  let validated = false;
  const stressPool = (): StressPool | null => {
    if (sp === undefined) {
      sp = grouped && pool.kind === 'loans' && !deal.structure.revolving ? buildStressPool(pool.pool) : null;
      if (sp && !sp.supported) sp = null;
    }
    return sp;
  };
  const fastProjection = (s: Scenario): PoolProjection | null => {
    const g = stressPool();
    if (!g) return null;
    return projectStressPool(g, s, Math.max(1, deal.horizonMonths ?? stressPoolHorizon(g, s)));
  };
  // What a run re-derived every time though it does not depend on the scenario: the pool's arrays and, per
  // horizon, the payment schedule (date arithmetic, a large share of a small deal's run).
  let poolArrays: LoanArrays | undefined;
  const poolArraysOnce = (): LoanArrays => (poolArrays ??= arrays(pool));
  const schedules = new Map<number, PaymentSchedule>();
  /** runDeal's projection of a non-revolving deal (its own horizon rule), or null when runDeal must run. */
  const plainProjection = (s: Scenario): PoolProjection | null => {
    if (deal.structure.revolving) return null;
    const periods = deal.horizonMonths ?? Math.max(1, arraysHorizon(poolArraysOnce(), s));
    if (!Number.isInteger(periods) || periods < 1) return null;
    return projectArrays(poolArraysOnce(), s, periods);
  };
  const scheduleFor = (periods: number): PaymentSchedule => {
    let sch = schedules.get(periods);
    if (!sch) schedules.set(periods, (sch = scheduleOf(deal, periods)));
    return sch;
  };
  // projectPool's projection with projectPool's horizon rule, the arrays built once.
  const lossProjection = (s: Scenario): PoolProjection =>
    projectArrays(poolArraysOnce(), s, deal.horizonMonths ?? arraysHorizon(poolArraysOnce(), s));
  // runDeal's checks, with the deal's own validated once.
  const check = (scenario: Scenario): void => {
    const problems = validated ? [] : validateDeal(deal);
    for (const m of missingIndices(deal, scenario)) problems.push({ path: 'scenario.indexCurves', ...m });
    if (problems.length > 0) throw new DealError(problems);
    validated = true;
  };
  return {
    scenarios: deal.scenarios,
    trancheIds: deal.structure.tranches.map((t) => t.id),
    run: (scenario, o) => {
      const analytics = o?.analytics ?? true;
      check(scenario);
      const projection = fastProjection(scenario) ?? plainProjection(scenario);
      if (!projection) return runDeal(deal, pool, { scenario, analytics });
      return runDealOnProjection(deal, scenario, projection, {
        analytics,
        schedule: scheduleFor(projection.periods),
      });
    },
    outcome: (scenario) => {
      check(scenario);
      const projection = fastProjection(scenario) ?? plainProjection(scenario);
      // A revolving deal's run projects its purchases too: runDeal does that, rows and all.
      if (!projection) return outcomeOf(runDeal(deal, pool, { scenario, analytics: false }));
      return runOutcomeOnProjection(deal, scenario, projection, {
        schedule: scheduleFor(projection.periods),
      });
    },
    poolLoss: (scenario) => {
      if (deal.structure.revolving) return runPoolLoss(runDeal(deal, pool, { scenario, analytics: false }));
      return sumLoss(fastProjection(scenario) ?? lossProjection(scenario));
    },
    lifetimeLoss: (scenario) => sumLoss(fastProjection(scenario) ?? lossProjection(scenario)),
  };
}
