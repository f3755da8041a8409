/**
 * What the stress machinery needs from the engine, as one small interface: run the deal under a scenario,
 * and measure the pool's lifetime loss under a scenario. Grids, break-evens, rating stresses and Monte Carlo
 * take a StressEngine, so they run the same in the CLI, in worker_threads, in a browser Web Worker and in
 * unit tests with a stand-in engine. `dealEngine(deal, pool)` (./dealEngine.ts) binds it to `runDeal`.
 */
import type { Scenario } from '../deal/schema';
import type { RunResult } from '../result';
import type { RunOutcome } from '../run';

export interface StressEngine {
  /** The deal's base scenarios (by name), the first being the default. */
  readonly scenarios: readonly Scenario[];
  /** The deal's class ids in deal order (the order every result lists them in). */
  readonly trancheIds: readonly string[];
  /** `analytics: false` skips yield/duration (faster) where the caller needs neither. */
  run(scenario: Scenario, opts?: { analytics?: boolean }): RunResult;
  /**
   * Only what a stress path reads of `run(scenario)` (pool loss, each class's principal loss and unpaid interest,
   * the clean-up call), the same figures to the cent, without building the run's rows: a Monte Carlo's runs.
   */
  outcome(scenario: Scenario): RunOutcome;
  /**
   * Realised pool loss over the horizon as a share of the initial pool balance, as the deal's run books it:
   * for a revolving deal it includes the receivables bought while revolving (and so can fall as the stress
   * rises, when a harsher stress ends revolving sooner).
   */
  poolLoss(scenario: Scenario): number;
  /**
   * Lifetime loss of the original pool alone (no purchases, no clean-up call, no waterfall) as a share of its
   * initial balance: rises with the default stress on every deal, so it is what stresses are calibrated to.
   */
  lifetimeLoss(scenario: Scenario): number;
}

/** The named scenario of the engine's deal, or its first one; a Scenario object passes through. */
export function pickScenario(
  engine: Pick<StressEngine, 'scenarios'>,
  scenario?: string | Scenario,
): Scenario {
  if (scenario !== undefined && typeof scenario !== 'string') return scenario;
  if (scenario === undefined) {
    const first = engine.scenarios[0];
    if (!first) throw new RangeError('the deal has no scenarios');
    return first;
  }
  const found = engine.scenarios.find((s) => s.name === scenario);
  if (!found) {
    throw new RangeError(
      `no scenario named '${scenario}' (the deal has: ${engine.scenarios.map((s) => s.name).join(', ')})`,
    );
  }
  return found;
}

/** Realised pool loss of a run as a share of its initial pool balance. */
export function runPoolLoss(result: RunResult): number {
  let loss = 0;
  for (const p of result.pool.periods) loss += p.loss;
  return result.pool.initialBalance > 0 ? loss / result.pool.initialBalance : 0;
}

/** A full run's outcome (stand-in engines, and deals the lean run does not cover). */
export function outcomeOf(result: RunResult): RunOutcome {
  return {
    poolLoss: runPoolLoss(result),
    tranches: result.tranches.map((t) => ({
      id: t.id,
      originalBalance: t.originalBalance,
      principalLoss: t.principalLoss,
      interestShortfall: t.interestShortfall,
    })),
    cleanUpCallPeriod: result.cleanUpCallPeriod,
  };
}

export function findTranche(result: RunResult, id: string): RunResult['tranches'][number] {
  const t = result.tranches.find((x) => x.id === id);
  if (!t)
    throw new RangeError(`no tranche '${id}' (the deal has: ${result.tranches.map((x) => x.id).join(', ')})`);
  return t;
}

/** A class is whole when it has no principal loss and no unpaid interest at the end (amounts are in cents). */
export function trancheIsWhole(t: { principalLoss: number; interestShortfall: number }): boolean {
  return t.principalLoss < 0.005 && t.interestShortfall < 0.005;
}
