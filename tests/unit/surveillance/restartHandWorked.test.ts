/**
 * A two-class deal stopped after period 2, its state written out by hand, and period 3 paid from that state,
 * worked by hand. Conventions: 30/360 on payment dates the 15th of each month, so a month's coupon is exactly a
 * twelfth of the annual rate; a shortfall is carried forward and, where the class says so (B here), earns its
 * coupon too (a compounding shortfall, as most consumer ABS write it for subordinated classes); principal is paid
 * sequentially down to the pool balance; fees and interest are paid from interest collections only.
 *
 * Pool 1,000.00 at the cut-off; A 800.00 at 12% (1% a month), B 200.00 at 24% (2% a month), interest on B's
 * shortfall; servicing 5.00 a month. Collections: interest 15, 12, 30, 10 and scheduled principal 100, 100, 100,
 * 700.
 *
 * Period 1: interest 15 − fee 5 = 10; A interest 800 × 1% = 8 → 2 left; B due 200 × 2% = 4, paid 2, shortfall 2.
 *   Principal due = notes 1,000 − pool 900 = 100, paid to A → A 700.
 * Period 2: interest 12 − 5 = 7; A 700 × 1% = 7 → 0 left; B due 4 + 2 × 2% = 4.04 + shortfall 2 = 6.04, paid 0,
 *   shortfall 6.04. Principal 100 to A → A 600.
 *
 * The state after period 2 (on paper):
 *   A: balance 600.00, shortfall 0;  B: balance 200.00, shortfall 6.04;  servicing: no arrears;
 *   pool end 800.00; no defaults, recoveries or losses; collections to date 115 + 112 = 227.00;
 *   OC sides after the distribution: pool 800.00, notes 800.00; next payment period 3, accrual from period 2.
 *
 * Period 3, from that state: interest 30 − fee 5 = 25; A 600 × 1% = 6.00 → 19 left; B due 200 × 2% = 4 plus
 *   6.04 × 2% = 0.1208 → 0.12, plus the shortfall 6.04: 10.16, paid in full → 8.84 left, shortfall 0.
 *   Principal due = notes 800 − pool 700 = 100: 8.84 from interest and 91.16 from principal, to A → A 500.
 *   Residual: principal 100 − 91.16 = 8.84. Check: 5 + 6 + 10.16 + 100 + 8.84 = 130 = 30 + 100 collected.
 */
import { describe, expect, it } from 'vitest';
import type { CarriedState } from '../../../core/structure/carry';
import { runWaterfall } from '../../../core/structure/waterfall';
import { projectionFrom } from '../../../core/surveillance/restart';
import { collections, dates, flatScenario, structure } from '../structure/fixtures';

const twoClasses = structure({
  tranches: [
    { id: 'A', seniority: 'senior', balance: 800, coupon: { type: 'fixed', rate: 0.12 } },
    {
      id: 'B',
      seniority: 'subordinated',
      balance: 200,
      coupon: { type: 'fixed', rate: 0.24 },
      interestOnShortfall: true,
    },
  ],
  fees: [{ id: 'servicing', name: 'Servicing', basis: { type: 'fixed', amount: 5 } }],
  principalRule: { normal: { type: 'sequential' } },
  waterfall: [
    { pay: 'fee', fee: 'servicing', from: ['interest'] },
    { pay: 'interest', tranches: ['A'], from: ['interest'] },
    { pay: 'interest', tranches: ['B'], from: ['interest'] },
    { pay: 'principal', tranches: ['A', 'B'] },
    { pay: 'residual' },
  ],
});

const pool = collections(1000, [
  { interest: 15, scheduledPrincipal: 100 },
  { interest: 12, scheduledPrincipal: 100 },
  { interest: 30, scheduledPrincipal: 100 },
  { interest: 10, scheduledPrincipal: 700 },
]);

const onPaper: CarriedState = {
  period: 2,
  date: dates(4)[2]!,
  paymentDate: true,
  initialPoolBalance: 1000,
  classes: [
    { id: 'A', balance: 600, interestShortfall: 0, capCarryover: 0, principalDeficiency: 0, writtenDown: 0 },
    {
      id: 'B',
      balance: 200,
      interestShortfall: 6.04,
      capCarryover: 0,
      principalDeficiency: 0,
      writtenDown: 0,
    },
  ],
  fees: [{ id: 'servicing', arrears: 0, pending: 0 }],
  reserveBalance: 0,
  collectionAccount: { interest: 0, principal: 0 },
  hedges: [],
  pool: {
    endBalance: 800,
    cumulativeDefaults: 0,
    cumulativeRecoveries: 0,
    cumulativeLosses: 0,
    cumulativeCollections: 227,
    lossSincePayment: 0,
    ocPool: 800,
    ocNotes: 800,
  },
  triggers: { breached: [], revolvingEnded: false, history: [], excessSpread: [] },
  eventsOfDefault: { counts: [], acceleration: null },
  phase: 'amortising',
  calendar: {
    nextPaymentPeriod: 3,
    lastAccrualPeriod: 2,
    excessSpreadInterestCounted: 0,
    excessSpreadFeesCounted: 0,
    callEligiblePeriod: null,
  },
  cleanUpCallPeriod: null,
};

const input = { structure: twoClasses, scenario: flatScenario(), dates: dates(4) };

describe('a two-class deal restarted after period 2, worked by hand', () => {
  it('the engine carries out of period 2 exactly the state written on paper', () => {
    const full = runWaterfall({ ...input, pool, captureAt: 2 });
    expect(full.carried).toEqual(onPaper);
  });

  it('period 3 from the paper state pays what the hand calculation says', () => {
    const r = runWaterfall({ ...input, pool: projectionFrom(pool, 2), start: onPaper });
    const [a3, b3] = r.tranches.map((t) => t.cashflows[0]!);
    expect(a3).toMatchObject({ period: 3, interestDue: 6, interest: 6, principal: 100, balance: 500 });
    expect(b3).toMatchObject({
      period: 3,
      interestDue: 10.16,
      interest: 10.16,
      interestShortfall: 0,
      principal: 0,
      balance: 200,
    });
    const p3 = r.waterfall[0]!;
    expect(p3.period).toBe(3);
    const residual = p3.steps.find((s) => s.label === 'residual')!;
    expect(residual.paid).toBe(8.84);
    const principal = p3.steps.find((s) => s.label.startsWith('principal'))!;
    expect([principal.fromInterest, principal.fromPrincipal]).toEqual([8.84, 91.16]);
    expect(p3.uses.total).toBe(130);
    expect(p3.difference).toBe(0);
  });

  it('and the restart pays periods 3 and 4 as the run that never stopped', () => {
    const full = runWaterfall({ ...input, pool });
    const r = runWaterfall({ ...input, pool: projectionFrom(pool, 2), start: onPaper });
    expect(r.waterfall).toEqual(full.waterfall.slice(2));
    expect(r.tranches.map((t) => t.cashflows)).toEqual(full.tranches.map((t) => t.cashflows.slice(2)));
  });
});
