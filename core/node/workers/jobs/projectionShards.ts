/** Worker job: one shard (a run of consecutive loans) of a loan-level pool projected under a scenario. */
import type { Scenario } from '../../../deal/schema';
import { sliceArrays } from '../../../projection/combine';
import type { LoanArrays } from '../../../projection/loanArrays';
import { resolveScenario } from '../../../assumptions/scenarioTables';
import { runoff } from '../../../projection/runoff';
import type { PoolProjection } from '../../../projection/types';

export interface ProjectionInit {
  /** The pool's arrays on SharedArrayBuffers: every worker reads the same memory, none is copied. */
  arrays: LoanArrays;
}

export interface ProjectionShard {
  start: number;
  end: number;
  scenario: Scenario;
  periods: number;
}

export function setup(init: ProjectionInit): (job: ProjectionShard) => PoolProjection {
  // The kernel as projectPool runs it on each of its shards (../../../projection/project.ts).
  return (job) =>
    runoff(
      sliceArrays(init.arrays, job.start, job.end),
      resolveScenario(job.scenario, job.periods),
      job.periods,
    );
}
