/**
 * A deal restarted from the state its own run reached at period k, with the same assumptions, pays periods
 * k + 1 … exactly as the uninterrupted run did: every class's interest, principal, write-down and balance, the
 * reserve, the triggers, the liquidity facility and hedges, the residual, to the cent (issue 16). Samples: the
 * static pay-later deal, the revolving deal (quarterly payment dates while it revolves, so some k fall between
 * payment dates with cash waiting in the collection account), the level-pay deal whose loss trigger breaches
 * mid-life under stress, and that deal with a swap, a liquidity facility and an event of default that
 * accelerates it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal, Scenario } from '../../../core/deal/schema';
import type { PoolInput } from '../../../core/projection/project';
import type { RunResult } from '../../../core/result';
import { poolStateAt } from '../../../core/projection/restart';
import { horizon, runDeal } from '../../../core/run';
import { DealState } from '../../../core/surveillance/dealState';
import { poolFromState, poolTail, runDealFrom, stateAt } from '../../../core/surveillance/restart';
import {
  addHedge,
  addLiquidityFacility,
  setFlatIndex,
  setHedge,
  setLiquidity,
} from '../../../renderer/project/supportEdit';
import { sampleDeal } from './fixtures';

function poolOf(deal: Deal): PoolInput {
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return { kind: 'repLines', lines: deal.pool.lines };
}

/**
 * The level-pay deal with what else carries across periods: a swap the deal pays net (ranked after the notes'
 * interest, so late in a stressed life it goes unpaid and is owed), a liquidity facility drawn first for class A
 * interest paid from revenue only, a capped fee whose excess a subordinated step pays, interest on class D's
 * shortfall, a curable OC trigger trapping cash, a delinquency trigger tested after the distribution, and an
 * event of default on the loss trigger that accelerates the deal.
 */
function acceleratingDeal(): Deal {
  let deal = sampleDeal('level-pay-consumer.deal.json');
  deal = setLiquidity(addLiquidityFacility(deal), { commitmentFeeRate: 0.005, order: 'facilityFirst' });
  deal = setHedge(addHedge(deal, 'swap'), 'swap1', (h) =>
    h.type === 'swap' ? { ...h, fixedRate: 0.05 } : h,
  );
  deal = setFlatIndex(deal, 'SOFR', 0.03);
  const s = deal.structure;
  const hedge = s.waterfall.filter((w) => w.pay === 'hedge');
  const steps = s.waterfall
    .filter((w) => w.pay !== 'hedge' && w.pay !== 'residual')
    .map((w) => (w.pay === 'interest' && w.tranches[0] === 'A' ? { ...w, from: ['interest' as const] } : w));
  const afterD = steps.findIndex((w) => w.pay === 'interest' && w.tranches[0] === 'D') + 1;
  return Deal.parse({
    ...deal,
    structure: {
      ...s,
      fees: s.fees.map((f) => (f.id === 'servicing' ? { ...f, capPerPeriod: 300_000 } : f)),
      tranches: s.tranches.map((t) => (t.id === 'D' ? { ...t, interestOnShortfall: true } : t)),
      triggers: [
        ...s.triggers,
        {
          id: 'oc',
          name: 'OC ratio',
          test: { type: 'ocRatio', schedule: [{ fromPeriod: 1, threshold: 1.04 }] },
          effects: ['trapCash'],
          curable: true,
        },
        {
          id: 'dq',
          name: 'Delinquency',
          test: { type: 'delinquency', pipelineMonths: 3, schedule: [{ fromPeriod: 1, threshold: 0.05 }] },
          effects: ['sequential'],
          testedAt: 'afterDistribution',
        },
      ],
      waterfall: [
        ...steps.slice(0, afterD),
        ...hedge,
        ...steps.slice(afterD),
        { pay: 'fee', fee: 'servicing', part: 'capExcess' },
        { pay: 'residual' },
      ],
      phases: { eventsOfDefault: [{ type: 'trigger', trigger: 'cnl' }] },
    },
  });
}

/**
 * The static deal with the ledgers a restart must carry: a principal deficiency ledger cured from revenue,
 * quarterly payment dates (losses since the last payment date wait to be debited; fees accrue in the months
 * between), class A under an available-funds cap with its carryover paid last, class B stepping up from the
 * clean-up call date, and a junior fee paid from revenue that falls into arrears.
 */
function ledgerDeal(): Deal {
  const d = sampleDeal('static-paylater.deal.json');
  const s = d.structure;
  return Deal.parse({
    ...d,
    calendar: { ...(d.calendar ?? {}), paymentFrequency: { revolving: 'monthly', amortising: 'quarterly' } },
    structure: {
      ...s,
      principalDeficiencyLedger: true,
      fees: [
        ...s.fees,
        { id: 'junior', name: 'Junior servicing', basis: { type: 'fixed', amount: 9_000_000 } },
      ],
      tranches: s.tranches.map((t) =>
        t.id === 'A'
          ? { ...t, availableFundsCap: true }
          : t.id === 'B'
            ? { ...t, stepUp: { from: 'cleanUpCallDate', coupon: { type: 'fixed', rate: 0.08 } } }
            : t,
      ),
      waterfall: [
        { pay: 'fee', fee: 'trustee' },
        { pay: 'fee', fee: 'servicing' },
        { pay: 'interest', tranches: ['A'] },
        { pay: 'interest', tranches: ['B'] },
        { pay: 'pdlCure', tranches: ['A', 'B', 'S'] },
        { pay: 'fee', fee: 'junior', from: ['interest'] },
        { pay: 'interest', tranches: ['S'] },
        { pay: 'reserveDeposit' },
        { pay: 'principal', tranches: ['A', 'B', 'S'] },
        { pay: 'capCarryover', tranches: ['A'] },
        { pay: 'residual' },
      ],
    },
  });
}

/** The restarted run equals the full run from k + 1 on, row for row. */
function expectSameTail(full: RunResult, restarted: RunResult, k: number): void {
  const after = <R extends { period: number }>(rows: readonly R[]): R[] => rows.filter((r) => r.period > k);
  expect(restarted.waterfall, `waterfall from ${k + 1}`).toEqual(after(full.waterfall));
  expect(restarted.tranches.map((t) => t.cashflows)).toEqual(full.tranches.map((t) => after(t.cashflows)));
  expect(restarted.pool.periods).toEqual(after(full.pool.periods));
  expect(restarted.triggerEvents).toEqual(after(full.triggerEvents));
  expect(restarted.excessSpread).toEqual(after(full.excessSpread));
  expect(restarted.revolving?.purchases ?? []).toEqual(after(full.revolving?.purchases ?? []));
  expect(restarted.revolvingEndPeriod).toBe(full.revolvingEndPeriod);
  expect(restarted.cleanUpCallPeriod).toBe(full.cleanUpCallPeriod);
  expect(restarted.acceleration).toEqual(full.acceleration);
  expect(restarted.checks.cashConserved).toBe(true);
  // What each class lost and was left owed over the deal's life is the state's plus the restart's.
  expect(restarted.tranches.map((t) => [t.principalLoss, t.interestShortfall])).toEqual(
    full.tranches.map((t) => [t.principalLoss, t.interestShortfall]),
  );
}

/** Restarts `deal` at k through the deal file: the state is written out as JSON and read back by its schema. */
function restartAt(deal: Deal, scenario: string | Scenario, k: number): RunResult {
  const pool = poolOf(deal);
  const state = DealState.parse(JSON.parse(JSON.stringify(stateAt(deal, pool, k, { scenario }))));
  // The pool as of k: the run's own projection cut at k (core/projection's roll-forward takes its place).
  return runDealFrom(deal, state, poolTail(deal, pool, k, { scenario }), { scenario });
}

function lastPeriod(r: RunResult): number {
  return r.pool.periods[r.pool.periods.length - 1]!.period;
}

describe('restart from the state at period k reproduces the run from k + 1 on, to the cent', () => {
  const cases: { file: string; deal: () => Deal; scenario: string; ks: (full: RunResult) => number[] }[] = [
    {
      file: 'static pay-later, base (clean-up call)',
      deal: () => sampleDeal('static-paylater.deal.json'),
      scenario: 'base',
      ks: (f) => [1, 3, lastPeriod(f) - 1],
    },
    {
      file: 'static pay-later, severe',
      deal: () => sampleDeal('static-paylater.deal.json'),
      scenario: 'severe',
      ks: (f) => [1, 6, lastPeriod(f) - 1],
    },
    {
      // Revolves to period 12, paying quarterly: k = 1, 2, 4 fall between payment dates; the loss trigger ends
      // revolving in period 11.
      file: 'revolving, base',
      deal: () => sampleDeal('revolving-installment.deal.json'),
      scenario: 'base',
      ks: () => [1, 2, 3, 4, 6, 9, 10, 11, 12, 15],
    },
    {
      file: 'revolving, stress (trigger ends revolving in period 3)',
      deal: () => sampleDeal('revolving-installment.deal.json'),
      scenario: 'stress',
      ks: () => [2, 3, 4, 20, 21, 30],
    },
    {
      file: 'revolving CNY, stress',
      deal: () => sampleDeal('consumer-loan-cny.deal.json'),
      scenario: 'stress',
      ks: () => [1, 2, 5, 12],
    },
    {
      // The loss trigger breaches in period 9 and switches principal to sequential.
      file: 'level-pay, stress (trigger breaches mid-life)',
      deal: () => sampleDeal('level-pay-consumer.deal.json'),
      scenario: 'stress',
      ks: () => [4, 8, 9, 10, 20, 31],
    },
    {
      // Payment dates in periods 1, 4, 7, 10, 13; from period 7 on the PDL, the cap carryover, the fee arrears
      // and the step-up are all live; in months 2, 3, 5, 6 … cash and fees wait for the next payment date.
      file: 'static pay-later with a PDL, quarterly payments, cap, step-up and fee arrears, severe',
      deal: ledgerDeal,
      scenario: 'severe',
      ks: () => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    },
    {
      // Accelerated from period 5; classes written down from 15; in periods 59 and 60 the facility is drawn,
      // its commitment fee and the swap's net payment are owed.
      file: 'level-pay with swap, liquidity, OC and delinquency triggers and acceleration, severe',
      deal: acceleratingDeal,
      scenario: 'severe',
      ks: () => [1, 4, 5, 6, 15, 59, 60],
    },
    {
      // The curable OC trigger breaches in period 1 and cures in period 3.
      file: 'the same deal, base (a trigger cures)',
      deal: acceleratingDeal,
      scenario: 'base',
      ks: () => [1, 2, 3, 20],
    },
  ];

  for (const c of cases) {
    it(c.file, () => {
      const deal = c.deal();
      const full = runDeal(deal, poolOf(deal), { scenario: c.scenario, analytics: false });
      for (const k of c.ks(full)) expectSameTail(full, restartAt(deal, c.scenario, k), k);
    });
  }

  it('the samples exercise what they are here for: a mid-life breach, revolving months, acceleration', () => {
    const level = sampleDeal('level-pay-consumer.deal.json');
    const stressed = runDeal(level, poolOf(level), { scenario: 'stress', analytics: false });
    expect(stressed.triggerEvents.map((e) => [e.id, e.period])).toEqual([['cnl', 9]]);
    const rev = sampleDeal('revolving-installment.deal.json');
    const revolving = runDeal(rev, poolOf(rev), { scenario: 'base', analytics: false });
    expect(revolving.waterfall.filter((w) => !w.paymentDate).map((w) => w.period)).toContain(4);
    expect(revolving.revolvingEndPeriod).toBe(10);
    const acc = acceleratingDeal();
    const accelerated = runDeal(acc, poolOf(acc), { scenario: 'severe', analytics: false });
    expect(accelerated.acceleration?.period).toBe(5);
    const late = stateAt(acc, poolOf(acc), 59, { scenario: 'severe' });
    expect(late.liquidity?.drawn).toBeGreaterThan(0);
    expect(late.liquidity?.feeOwed).toBeGreaterThan(0);
    expect(late.hedges[0]?.owed).toBeGreaterThan(0);
    expect(late.classes.some((c) => c.writtenDown > 0 && c.interestShortfall > 0)).toBe(true);
    expect(late.fees.find((f) => f.id === 'servicing')?.capExcessOwed).toBeGreaterThan(0);
    expect(late.phase).toBe('accelerated');
    const ledgers = stateAt(ledgerDeal(), poolOf(ledgerDeal()), 8, { scenario: 'severe' });
    expect(ledgers.paymentDate).toBe(false);
    expect(ledgers.pool.lossSincePayment).toBeGreaterThan(0);
    expect(ledgers.classes.find((c) => c.id === 'A')?.capCarryover).toBeGreaterThan(0);
    expect(ledgers.classes.some((c) => c.principalDeficiency > 0)).toBe(true);
    expect(ledgers.fees.find((f) => f.id === 'junior')?.arrears).toBeGreaterThan(0);
    expect(ledgers.calendar.callEligiblePeriod).not.toBeNull();
    const base = runDeal(acc, poolOf(acc), { scenario: 'base', analytics: false });
    expect(base.triggerEvents.filter((e) => e.id === 'oc').map((e) => [e.kind, e.period])).toEqual([
      ['breached', 1],
      ['cured', 3],
    ]);
  });

  it('the state as of a payment date carries what the run had paid and owed then', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    const full = runDeal(deal, poolOf(deal), { scenario: 'stress', analytics: false });
    const state = stateAt(deal, poolOf(deal), 10, { scenario: 'stress' });
    const row = full.waterfall.find((w) => w.period === 10)!;
    expect(state.period).toBe(10);
    expect(state.paymentDate).toBe(true);
    expect(state.date).toBe(row.date);
    expect(state.reserveBalance).toBe(row.reserve.end);
    expect(state.classes.map((c) => c.balance)).toEqual(
      full.tranches.map((t) => t.cashflows.find((r) => r.period === 10)!.balance),
    );
    expect(state.triggers.breached).toEqual(['cnl']);
    expect(state.triggers.history.map((e) => e.period)).toEqual([9]);
    const pool = full.pool.periods.filter((p) => p.period <= 10);
    const sum = (f: (p: (typeof pool)[number]) => number): number =>
      Math.round(pool.reduce((a, p) => a + f(p) * 100, 0)) / 100;
    expect(state.pool.cumulativeDefaults).toBe(sum((p) => p.default));
    expect(state.pool.cumulativeRecoveries).toBe(sum((p) => p.recovery));
    expect(state.pool.cumulativeLosses).toBe(sum((p) => p.loss));
    expect(state.pool.endBalance).toBe(pool[pool.length - 1]!.endBalance);
    expect(state.source).toEqual({ kind: 'run', scenario: 'stress' });
  });

  it('a state between payment dates keeps the cash waiting in the collection account', () => {
    const deal = sampleDeal('revolving-installment.deal.json');
    const full = runDeal(deal, poolOf(deal), { scenario: 'base', analytics: false });
    const state = stateAt(deal, poolOf(deal), 4, { scenario: 'base' });
    const row = full.waterfall.find((w) => w.period === 4)!;
    expect(state.paymentDate).toBe(false);
    expect(state.collectionAccount.interest + state.collectionAccount.principal).toBeCloseTo(
      row.collectionAccount?.end ?? 0,
      2,
    );
    expect(state.collectionAccount.interest + state.collectionAccount.principal).toBeGreaterThan(0);
    expect(state.revolving?.purchases.length).toBeGreaterThan(0);
    expect(state.phase).toBe('revolving');
  });

  it('a state that does not fit the deal is refused naming the field', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    const state = stateAt(deal, poolOf(deal), 5, { scenario: 'base' });
    const tail = poolTail(deal, poolOf(deal), 5, { scenario: 'base' });
    const renamed = { ...state, classes: state.classes.map((c, i) => (i === 0 ? { ...c, id: 'X' } : c)) };
    expect(() => runDealFrom(deal, renamed, tail)).toThrow(
      /surveillance\.state\.classes.*X, B, C, D.*A, B, C, D/s,
    );
    expect(() => stateAt(deal, poolOf(deal), 0)).toThrow(/surveillance\.state\.period/);
  });

  it('property: any k under any default and prepayment stress restarts exactly', () => {
    const deals = [
      sampleDeal('static-paylater.deal.json'),
      sampleDeal('revolving-installment.deal.json'),
      sampleDeal('level-pay-consumer.deal.json'),
      acceleratingDeal(),
      ledgerDeal(),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: deals.length - 1 }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, defaultMultiple, prepaymentMultiple, at) => {
          const deal = deals[d]!;
          const scenario = Scenario.parse({ ...deal.scenarios[0], defaultMultiple, prepaymentMultiple });
          const full = runDeal(deal, poolOf(deal), { scenario, analytics: false });
          const last = lastPeriod(full);
          if (last < 2) return;
          const k = 1 + Math.min(last - 2, Math.floor(at * (last - 1)));
          expectSameTail(full, restartAt(deal, scenario, k), k);
        },
      ),
      { numRuns: 40, seed: 16 },
    );
  });
});

describe('end to end: the deal state and the pool state as of k (core/projection/restart.ts) restart the run', () => {
  const cases: { name: string; deal: () => Deal; scenario: string; ks: number[] }[] = [
    {
      name: 'static pay-later, severe',
      deal: () => sampleDeal('static-paylater.deal.json'),
      scenario: 'severe',
      ks: [1, 6, 11],
    },
    {
      name: 'revolving with concentration limits, base (cohorts bought up to k are in the pool state)',
      deal: () => sampleDeal('revolving-installment.deal.json'),
      scenario: 'base',
      ks: [1, 4, 9, 10, 12, 15],
    },
    {
      name: 'level-pay, stress (trigger breaches in period 9)',
      deal: () => sampleDeal('level-pay-consumer.deal.json'),
      scenario: 'stress',
      ks: [8, 9, 10, 25],
    },
    { name: 'accelerating deal, severe', deal: acceleratingDeal, scenario: 'severe', ks: [4, 5, 30, 59] },
    { name: 'ledgers deal (PDL, quarterly), severe', deal: ledgerDeal, scenario: 'severe', ks: [2, 7, 8] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const deal = c.deal();
      const pool = poolOf(deal);
      const scenario = deal.scenarios.find((s) => s.name === c.scenario)!;
      const H = horizon(deal, pool, scenario);
      const full = runDeal(deal, pool, { scenario: c.scenario, periods: H, analytics: false });
      for (const k of c.ks) {
        const state = DealState.parse(
          JSON.parse(JSON.stringify(stateAt(deal, pool, k, { scenario: c.scenario }))),
        );
        const asOf = poolFromState(poolStateAt(deal, scenario, k, pool), scenario, H);
        expectSameTail(full, runDealFrom(deal, state, asOf, { scenario: c.scenario }), k);
      }
    });
  }
});
