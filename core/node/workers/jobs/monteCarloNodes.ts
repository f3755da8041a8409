/** Worker job: one deal run at a default multiple, a node of the interpolated Monte Carlo method. */
import type { Deal, Scenario } from '../../../deal/schema';
import type { PoolInput } from '../../../projection/project';
import { dealEngine } from '../../../scenario/dealEngine';
import { runMonteCarloNode, type MonteCarloNode } from '../../../scenario/monteCarlo';

export interface MonteCarloNodeInit {
  deal: Deal;
  pool: PoolInput;
  base: Scenario;
}

export function setup(init: MonteCarloNodeInit): (multiple: number) => MonteCarloNode {
  const engine = dealEngine(init.deal, init.pool);
  return (multiple) => runMonteCarloNode(engine, init.base, multiple);
}
