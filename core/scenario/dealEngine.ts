/**
 * The StressEngine (./engine.ts) of a real deal: runs go through `runDeal`, pool losses through `projectPool`
 * (no waterfall, so loss calibration stays cheap). A revolving deal's pool loss includes the receivables it
 * buys, which only the full run knows, so there the pool loss comes from a run.
 *
 * Loan-level pools of non-revolving deals take the grouped projection of ./stressPool.ts (same numbers to float
 * rounding, a fraction of the time); the waterfall and analytics then run through `runDealOnProjection`, the
 * same steps `runDeal` takes after its own projection; a test holds the two to the cent.
 */
import type { Deal, Scenario } from '../deal/schema';
import { missingIndices, validateDeal } from '../deal/validate';
import { defaultHorizon, projectPool, type PoolInput } from '../projection/project';
import type { PoolProjection } from '../projection/types';
import { DealError, runDeal, runDealOnProjection } from '../run';
import { runPoolLoss, type StressEngine } from './engine';
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
  const periods = (s: Scenario): number => deal.horizonMonths ?? defaultHorizon(pool, s);
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
  return {
    scenarios: deal.scenarios,
    trancheIds: deal.structure.tranches.map((t) => t.id),
    run: (scenario, o) => {
      const analytics = o?.analytics ?? true;
      const projection = fastProjection(scenario);
      if (!projection) return runDeal(deal, pool, { scenario, analytics });
      if (!validated) {
        const problems = validateDeal(deal);
        if (problems.length > 0) throw new DealError(problems);
        validated = true;
      }
      const missing = missingIndices(deal, scenario);
      if (missing.length > 0)
        throw new DealError(missing.map((m) => ({ path: 'scenario.indexCurves', ...m })));
      return runDealOnProjection(deal, scenario, projection, { analytics });
    },
    poolLoss: (scenario) => {
      if (deal.structure.revolving) return runPoolLoss(runDeal(deal, pool, { scenario, analytics: false }));
      return sumLoss(fastProjection(scenario) ?? projectPool(pool, scenario, periods(scenario)));
    },
    lifetimeLoss: (scenario) =>
      sumLoss(fastProjection(scenario) ?? projectPool(pool, scenario, periods(scenario))),
  };
}
