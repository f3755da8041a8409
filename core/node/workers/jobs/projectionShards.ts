/**
 * Worker job: the shards of a loan-level pool projected under a scenario, claimed one at a time from a shared
 * counter. Every thread taking part (the calling one and each worker) claims the next unprojected shard itself
 * with one atomic add, so a thread that finishes a shard starts the next at once: handing shards out by message
 * left a worker idle until the calling thread, busy with a shard of its own, got round to reading its reply.
 *
 * Each shard's period totals go into the shard's own slot of a shared results buffer (slots padded to whole
 * cache lines, so two threads never write one line); the caller adds the slots in shard order, as projectPool
 * adds its shards, whichever thread projected which.
 */
import type { Scenario } from '../../../deal/schema';
import { shardRanges, sliceArrays, sumProjections } from '../../../projection/combine';
import type { LoanArrays } from '../../../projection/loanArrays';
import { resolveScenario, type ResolvedScenario } from '../../../assumptions/scenarioTables';
import { runoff } from '../../../projection/runoff';
import { PROJECTION_SERIES, type PoolProjection } from '../../../projection/types';

export interface ProjectionInit {
  /** The pool's arrays on SharedArrayBuffers: every worker reads the same memory, none is copied. */
  arrays: LoanArrays;
}

/** One projection: the threads taking part share `claim` and `slots`. */
export interface ProjectionClaim {
  scenario: Scenario;
  periods: number;
  /** Int32 [0]: the next shard to project (shards ≥ the shard count are past the end). */
  claim: Int32Array;
  /** Float64, one slot of `slotLength(periods)` per shard (shardSlots). */
  slots: Float64Array;
}

/** After the series: 1 when the shard has a CNL budget, then its stated, realised, retimed and balance. */
const CNL_FIELDS = 5;
/** Doubles per cache line: slots start on a line of their own. */
const LINE = 8;

/** Doubles in one shard's slot: every series over periods + 1, the CNL budget, padded to whole cache lines. */
export function slotLength(periods: number): number {
  const used = PROJECTION_SERIES.length * (periods + 1) + CNL_FIELDS;
  return Math.ceil(used / LINE) * LINE;
}

/** Shared memory for one projection of `size` loans over `periods` months. */
export function claimBuffers(size: number, periods: number): { claim: Int32Array; slots: Float64Array } {
  const shards = shardRanges(size).length;
  return {
    claim: new Int32Array(new SharedArrayBuffer(4)),
    slots: new Float64Array(new SharedArrayBuffer(shards * slotLength(periods) * 8)),
  };
}

function writeSlot(slots: Float64Array, shard: number, p: PoolProjection): void {
  const h1 = p.periods + 1;
  const at = shard * slotLength(p.periods);
  PROJECTION_SERIES.forEach((f, k) => slots.set(p[f], at + k * h1));
  const c = at + PROJECTION_SERIES.length * h1;
  const b = p.cnlBudget;
  if (b) slots.set([1, b.stated, b.realised, b.retimed, b.balance], c);
}

function readSlot(slots: Float64Array, shard: number, periods: number): PoolProjection {
  const h1 = periods + 1;
  const at = shard * slotLength(periods);
  const series = Object.fromEntries(
    PROJECTION_SERIES.map((f, k) => [f, slots.subarray(at + k * h1, at + (k + 1) * h1)]),
  ) as Record<(typeof PROJECTION_SERIES)[number], Float64Array>;
  const c = at + PROJECTION_SERIES.length * h1;
  if (slots[c] !== 1) return { periods, ...series };
  return {
    periods,
    ...series,
    cnlBudget: {
      stated: slots[c + 1]!,
      realised: slots[c + 2]!,
      retimed: slots[c + 3]!,
      balance: slots[c + 4]!,
    },
  };
}

/** The pool's projection from the filled slots: shards added in shard order, as projectPool adds them. */
export function sumSlots(slots: Float64Array, size: number, periods: number): PoolProjection {
  return sumProjections(
    shardRanges(size).map((_, s) => readSlot(slots, s, periods)),
    periods,
  );
}

/**
 * Claims and projects up to `limit` shards (the calling thread takes one at a time and yields between them);
 * returns how many it projected. The kernel runs each shard as projectPool does (../../../projection/project.ts).
 */
export function projectClaimed(
  arrays: LoanArrays,
  resolved: ResolvedScenario,
  job: ProjectionClaim,
  limit: number,
): number {
  const ranges = shardRanges(arrays.size);
  let done = 0;
  while (done < limit) {
    const s = Atomics.add(job.claim, 0, 1);
    if (s >= ranges.length) break;
    const [start, end] = ranges[s]!;
    writeSlot(job.slots, s, runoff(sliceArrays(arrays, start, end), resolved, job.periods));
    done++;
  }
  return done;
}

export function setup(init: ProjectionInit): (job: ProjectionClaim) => number {
  // Resolved once per projection, not per shard: the tables are the same for every shard.
  return (job) =>
    projectClaimed(init.arrays, resolveScenario(job.scenario, job.periods), job, Number.POSITIVE_INFINITY);
}
