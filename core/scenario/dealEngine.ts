/**
 * The StressEngine (./engine.ts) of a real deal: runs go through `runDeal`, pool losses through `projectPool`
 * (no waterfall, so loss calibration stays cheap). A revolving deal's pool loss includes the receivables it
 * buys, which only the full run knows, so there the pool loss comes from a run.
 */
import type { Deal, Scenario } from '../deal/schema';
import { defaultHorizon, projectPool, type PoolInput } from '../projection/project';
import { runDeal } from '../run';
import { runPoolLoss, type StressEngine } from './engine';

export function dealEngine(deal: Deal, pool: PoolInput): StressEngine {
  const periods = (s: Scenario): number => deal.horizonMonths ?? defaultHorizon(pool, s);
  return {
    scenarios: deal.scenarios,
    trancheIds: deal.structure.tranches.map((t) => t.id),
    run: (scenario, opts) => runDeal(deal, pool, { scenario, analytics: opts?.analytics ?? true }),
    poolLoss: (scenario) => {
      if (deal.structure.revolving) return runPoolLoss(runDeal(deal, pool, { scenario, analytics: false }));
      const p = projectPool(pool, scenario, periods(scenario));
      const initial = p.beginBalance[1] ?? p.endBalance[0] ?? 0;
      let loss = 0;
      for (let t = 1; t <= p.periods; t++) loss += p.loss[t]!;
      return initial > 0 ? loss / initial : 0;
    },
  };
}
