/** Worker job: one grid cell per job (see core/scenario/grid.ts). */
import type { Deal, Scenario } from '../../../deal/schema';
import type { PoolInput } from '../../../projection/project';
import { dealEngine } from '../../../scenario/dealEngine';
import { runGridCell, type GridCell, type GridCellResult, type GridSpec } from '../../../scenario/grid';

export interface GridInit {
  deal: Deal;
  pool: PoolInput;
  base: Scenario;
  spec: GridSpec;
}

export function setup(init: GridInit): (cell: GridCell) => GridCellResult {
  const engine = dealEngine(init.deal, init.pool);
  return (cell) => runGridCell(engine, init.base, init.spec, cell);
}
