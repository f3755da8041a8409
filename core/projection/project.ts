/**
 * Pool projection: a rep-line or loan-level pool run off under one scenario (../shared/DESIGN.md, "Domain
 * conventions"). Both pool kinds go through the same kernel (./runoff.ts).
 */
import type { RepLine, Scenario } from '../deal/schema';
import type { LoanPool } from '../pool/loanPool';
import { PRODUCT_CODES } from '../pool/loanPool';
import { recoveryLagMonths, resolveScenario } from '../assumptions/scenarioTables';
import { loanPoolArrays, repLineArrays, type LoanArrays } from './loanArrays';
import { runoff } from './runoff';
import { SHARD_LOANS, shardRanges, sliceArrays, sumProjections } from './combine';
import type { PoolProjection } from './types';

export type PoolInput = { kind: 'repLines'; lines: readonly RepLine[] } | { kind: 'loans'; pool: LoanPool };

/** Longest a revolving balance is followed: it never matures, so it runs until it is about gone. */
export const REVOLVING_HORIZON_CAP = 360;
/** "About gone": under half a cent left on the contractual (no-prepayment) schedule. */
const REVOLVING_RESIDUAL = 0.005;

/** The pool as the kernel's arrays (rep lines or loans alike). */
export function arrays(pool: PoolInput): LoanArrays {
  return pool.kind === 'repLines' ? repLineArrays(pool.lines) : loanPoolArrays(pool.pool);
}

/**
 * Projects `pool` under `scenario` for `periods` months. Arrays have length periods + 1, index 0 the cut-off.
 * Flows after the horizon are not shown: balance still performing or awaiting liquidation at the end stays in
 * endBalance / pendingDefaults.
 */
export function projectPool(pool: PoolInput, scenario: Scenario, periods: number): PoolProjection {
  if (!Number.isInteger(periods) || periods < 0)
    throw new RangeError(`periods must be a whole number ≥ 0, got ${periods}`);
  return projectArrays(arrays(pool), scenario, periods);
}

/** projectPool on arrays already built: callers projecting one pool under many scenarios build them once. */
export function projectArrays(a: LoanArrays, scenario: Scenario, periods: number): PoolProjection {
  if (!Number.isInteger(periods) || periods < 0)
    throw new RangeError(`periods must be a whole number ≥ 0, got ${periods}`);
  const resolved = resolveScenario(scenario, periods);
  if (a.size <= SHARD_LOANS) return runoff(a, resolved, periods);
  // Shard by shard, so that projecting the shards on several threads (core/node/workers/projection.ts) adds
  // the same numbers in the same order and gives the same bits.
  return sumProjections(
    shardRanges(a.size).map(([start, end]) => runoff(sliceArrays(a, start, end), resolved, periods)),
    periods,
  );
}

/**
 * Months needed to see every flow: the longest remaining term plus the recovery lag of its segment, so the
 * last defaults are liquidated inside the horizon. Revolving balances never mature: they run until their
 * contractual balance is under half a cent, at most REVOLVING_HORIZON_CAP months (plus the lag).
 */
export function defaultHorizon(pool: PoolInput, scenario: Scenario): number {
  return arraysHorizon(arrays(pool), scenario);
}

/** defaultHorizon on arrays already built (see projectArrays). */
export function arraysHorizon(a: LoanArrays, scenario: Scenario): number {
  const lags = a.segmentNames.map((s) => recoveryLagMonths(scenario, s));
  const revolving = PRODUCT_CODES.indexOf('revolving');
  let horizon = 0;
  for (let i = 0; i < a.size; i++) {
    const lag = lags[a.segment[i] as number] as number;
    let months: number;
    if (a.product[i] === revolving) {
      const b = a.balance[i] as number;
      const keep = 1 - (a.paymentRate[i] as number);
      months =
        b <= REVOLVING_RESIDUAL
          ? 1
          : keep <= 0
            ? 1
            : Math.min(REVOLVING_HORIZON_CAP, Math.ceil(Math.log(REVOLVING_RESIDUAL / b) / Math.log(keep)));
    } else {
      months = a.remainingTerm[i] as number;
    }
    if (months + lag > horizon) horizon = months + lag;
  }
  return horizon;
}
