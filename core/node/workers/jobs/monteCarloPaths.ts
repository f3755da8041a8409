/** Worker job: one Monte Carlo path per job, identified by its index (see core/scenario/monteCarlo.ts). */
import type { Deal, Scenario } from '../../../deal/schema';
import type { PoolInput } from '../../../projection/project';
import { dealEngine } from '../../../scenario/dealEngine';
import { runMonteCarloPath, type MonteCarloPath, type MonteCarloPlan } from '../../../scenario/monteCarlo';

export interface MonteCarloInit {
  deal: Deal;
  pool: PoolInput;
  base: Scenario;
  plan: MonteCarloPlan;
}

export function setup(init: MonteCarloInit): (index: number) => MonteCarloPath {
  const engine = dealEngine(init.deal, init.pool);
  return (index) => runMonteCarloPath(engine, init.base, init.plan, index);
}
