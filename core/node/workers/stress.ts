/**
 * Grids and Monte Carlo spread over worker threads. The pure pieces (core/scenario) decide what each job is;
 * this module only plans in the main thread, fans the jobs out and assembles the answer, so the result is the
 * same with any worker count (cells and paths are independent and reassembled by index).
 */
import type { Deal, Scenario } from '../../deal/schema';
import type { PoolInput } from '../../projection/project';
import { dealEngine } from '../../scenario/dealEngine';
import { pickScenario } from '../../scenario/engine';
import {
  assembleGrid,
  gridJobs,
  type GridCellResult,
  type GridResult,
  type GridSpec,
} from '../../scenario/grid';
import {
  checkInterpolation,
  interpolatePaths,
  monteCarloNodeMultiples,
  refineMonteCarloNodes,
  planMonteCarlo,
  summarizeMonteCarlo,
  type MonteCarloNode,
  type MonteCarloPath,
  type MonteCarloResult,
  type MonteCarloSpec,
} from '../../scenario/monteCarlo';
import { jobBundle } from './jobBundle';
import { runJobs } from './pool';
import type { GridInit } from './jobs/gridCells';
import type { MonteCarloInit } from './jobs/monteCarloPaths';
import type { MonteCarloNodeInit } from './jobs/monteCarloNodes';

export interface ParallelOptions {
  /** Worker threads besides this one (0 = this thread only); default: cores − 1, at least 1. */
  workers?: number;
  /** This thread computes too while workers start and run (default true). */
  inline?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function runGrid(
  deal: Deal,
  pool: PoolInput,
  spec: GridSpec,
  opts: ParallelOptions = {},
): Promise<GridResult> {
  const base: Scenario = pickScenario({ scenarios: deal.scenarios }, spec.scenario);
  if (!deal.structure.tranches.some((t) => t.id === spec.tranche)) {
    throw new RangeError(
      `no tranche '${spec.tranche}' (the deal has: ${deal.structure.tranches.map((t) => t.id).join(', ')})`,
    );
  }
  const jobs = gridJobs(spec);
  const cells = await runJobs<GridInit, (typeof jobs)[number], GridCellResult>({
    module: new URL('./jobs/gridCells.ts', import.meta.url),
    init: { deal, pool, base, spec },
    jobs,
    ...opts,
  });
  return assembleGrid(
    spec,
    base.name,
    deal.structure.tranches.map((t) => t.id),
    cells,
  );
}

/** Node runs below which the interpolated method does not start workers (see runMonteCarlo). */
export const MIN_NODES_FOR_WORKERS = 2_000;

export async function runMonteCarlo(
  deal: Deal,
  pool: PoolInput,
  spec: MonteCarloSpec & { scenario?: string },
  opts: ParallelOptions = {},
): Promise<MonteCarloResult> {
  const base = pickScenario({ scenarios: deal.scenarios }, spec.scenario);
  const pathsModule = new URL('./jobs/monteCarloPaths.ts', import.meta.url);
  // Checked (or built) while this thread plans, so the workers start as soon as the paths are handed out.
  if ((opts.workers ?? 1) > 0) void jobBundle(pathsModule).catch(() => null);
  const engine = dealEngine(deal, pool);
  const plan = planMonteCarlo(engine, base, spec);
  const ids = deal.structure.tranches.map((t) => t.id);
  if (plan.method === 'interpolated') {
    const multiples = monteCarloNodeMultiples(engine, base, plan);
    // A fresh worker's start and warm-up (0.3–0.5 s) cost more than the default ~600 node runs take on this thread
    // (measured: 0.5 s alone, 1.2 s with a worker starting beside it), so a few nodes stay on this thread.
    const nodes = await runJobs<MonteCarloNodeInit, number, MonteCarloNode>({
      module: new URL('./jobs/monteCarloNodes.ts', import.meta.url),
      init: { deal, pool, base },
      jobs: multiples,
      ...opts,
      // A caller keeping this thread free (inline: false) gets its workers whatever the count.
      ...(multiples.length < MIN_NODES_FOR_WORKERS && opts.inline !== false ? { workers: 0 } : {}),
    });
    // Refinement and the error check run in-line: a few dozen runs, each depending on the one before.
    const refined = refineMonteCarloNodes(engine, base, nodes);
    const paths = interpolatePaths(plan, refined);
    return {
      ...summarizeMonteCarlo(plan, ids, paths),
      interpolation: checkInterpolation(engine, base, plan, paths, refined.length),
    };
  }
  const jobs = Array.from({ length: plan.paths }, (_, i) => i);
  const paths = await runJobs<MonteCarloInit, number, MonteCarloPath>({
    module: pathsModule,
    init: { deal, pool, base, plan },
    jobs,
    ...opts,
  });
  return summarizeMonteCarlo(plan, ids, paths);
}
