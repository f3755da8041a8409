/**
 * A stand-in StressEngine with losses you can compute by hand, so the stress machinery (bisection, grids,
 * Monte Carlo bookkeeping) is tested apart from the real engine:
 * - pool 1,000,000; lifetime pool loss share L = min(1, base × defaultMultiple), base = 0.7 × CDR for a constant
 *   CDR model, lifetimeNetLoss for CNL;
 * - a 2% excess-spread cushion absorbs loss first, then write-downs hit C (100,000), B (150,000), A (750,000);
 * - WAL = 2 / (1 + CPR) years for every class (only so grids have a second metric to show).
 */
import type { Scenario } from '../../../core/deal/schema';
import type { RunResult, TrancheResult } from '../../../core/result';
import { outcomeOf, type StressEngine } from '../../../core/scenario/engine';

export const TOY_POOL = 1_000_000;
export const TOY_CUSHION = 0.02;
export const TOY_TRANCHES = [
  { id: 'A', balance: 750_000 },
  { id: 'B', balance: 150_000 },
  { id: 'C', balance: 100_000 },
];

export function toyLoss(s: Scenario): number {
  const d = s.default;
  let base: number;
  if (d.model === 'CNL') base = d.lifetimeNetLoss;
  else if (typeof d.curve === 'number') base = 0.7 * d.curve;
  else throw new Error('toy engine: constant curves only');
  return Math.min(1, base * s.defaultMultiple);
}

function cpr(s: Scenario): number {
  return typeof s.prepayment.curve === 'number' ? s.prepayment.curve * s.prepaymentMultiple : 0;
}

/**
 * `realised` stands in for a revolving deal's realised loss (purchases included), which need not follow the
 * original pool's lifetime loss `toyLoss`; by default the two are the same, as on a static pool.
 */
export function toyRun(s: Scenario, realised: (s: Scenario) => number = toyLoss): RunResult {
  let toAllocate = Math.max(0, realised(s) - TOY_CUSHION) * TOY_POOL;
  const losses = new Map<string, number>();
  for (const t of [...TOY_TRANCHES].reverse()) {
    const hit = Math.min(t.balance, toAllocate);
    toAllocate -= hit;
    losses.set(t.id, Math.round(hit * 100) / 100);
  }
  const wal = 2 / (1 + cpr(s));
  const tranches: TrancheResult[] = TOY_TRANCHES.map((t) => ({
    id: t.id,
    seniority: 'senior',
    originalBalance: t.balance,
    poolShare: t.balance / TOY_POOL,
    couponDescription: 'toy',
    price: 100,
    paymentDelayDays: 0,
    wal,
    principalWindow: { first: 1, last: 24 },
    yield: 0.05,
    mortgageYield: 0.05,
    macaulayDuration: wal,
    modifiedDuration: wal * 0.97,
    convexity: 0,
    principalLoss: losses.get(t.id)!,
    interestShortfall: 0,
    cashflows: [],
  }));
  const loss = Math.round(realised(s) * TOY_POOL * 100) / 100;
  return {
    engineVersion: 'toy',
    runAt: '2025-01-01T00:00:00Z',
    deal: { name: 'toy', currency: 'USD', cutoffDate: '2025-01-31', settlementDate: '2025-01-31' },
    scenario: s,
    pool: {
      initialBalance: TOY_POOL,
      periods: [
        {
          period: 1,
          date: '2025-02-15',
          beginBalance: TOY_POOL,
          scheduledPrincipal: 0,
          prepayment: 0,
          default: loss,
          loss,
          recovery: 0,
          interest: 0,
          fees: 0,
          purchases: 0,
          endBalance: TOY_POOL - loss,
          cumulativeNetLossPct: loss / TOY_POOL,
          count: 1,
        },
      ],
    },
    tranches,
    waterfall: [],
    triggerEvents: [],
    cleanUpCallPeriod: null,
    revolvingEndPeriod: null,
    excessSpread: [],
    checks: { cashConserved: true, failures: [] },
  };
}

export const toyBase: Scenario = {
  name: 'toy base',
  prepayment: { model: 'CPR', curve: 0.1 },
  default: { model: 'CDR', curve: 0.05 },
  severity: 0.9,
  recoveryLagMonths: 0,
  defaultStop: 'maturity',
  defaultMultiple: 1,
  prepaymentMultiple: 1,
  servicerAdvancing: false,
  overrides: [],
  indexCurves: {},
};

export function toyEngine(
  counter?: { runs: number },
  realised: (s: Scenario) => number = toyLoss,
): StressEngine {
  return {
    scenarios: [toyBase],
    trancheIds: TOY_TRANCHES.map((t) => t.id),
    run: (s) => {
      if (counter) counter.runs++;
      return toyRun(s, realised);
    },
    outcome: (s) => {
      if (counter) counter.runs++;
      return outcomeOf(toyRun(s, realised));
    },
    poolLoss: (s) => realised(s),
    lifetimeLoss: (s) => toyLoss(s),
  };
}

/**
 * A toy "revolving" deal whose realised loss is not monotone: with lifetime loss L = toyLoss, a stress that
 * puts L in [14%, 18.2%) trips the loss trigger early, ends revolving and realises only 10% of the pool;
 * elsewhere the deal realises L. (At constant CDR c: L = 0.7c, so the dip covers c in [20%, 26%).)
 */
export function sawtoothLoss(s: Scenario): number {
  const l = toyLoss(s);
  return l >= 0.14 - 1e-12 && l < 0.182 - 1e-12 ? 0.1 : l;
}
