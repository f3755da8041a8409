/**
 * Hand-checked small deals (2–3 periods): every expected figure is worked out in the comments from the
 * collections given, so a wrong rule shows up as a wrong number.
 */
import { describe, expect, it } from 'vitest';
import { runWaterfall, type WaterfallRun } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

const zero = { type: 'fixed', rate: 0 } as const;

function run(
  s: unknown,
  cutoff: number,
  flows: PeriodFlows[],
  extra: { profile?: ReturnType<typeof collections>[] } = {},
) {
  const pool = collections(cutoff, flows);
  const r = runWaterfall({
    structure: structure(s),
    scenario: flatScenario(),
    dates: dates(pool.periods),
    pool,
    ...extra,
  });
  expect(r.checks).toEqual({ cashConserved: true, failures: [] });
  return r;
}

const cf = (r: WaterfallRun, id: string, t: number) => {
  const tr = r.tranches.find((x) => x.id === id);
  if (!tr) throw new Error(id);
  return tr.cashflows[t - 1];
};
const paidBy = (r: WaterfallRun, t: number) =>
  Object.fromEntries(r.waterfall[t - 1].steps.map((s) => [s.label, s.paid]));

describe('pro rata with largest remainder', () => {
  // Pool 300,000 = notes (A 200,000 at 6%, B 100,000 at 12%), pro rata, no OC target.
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 200000, coupon: { type: 'fixed', rate: 0.06 } },
        { id: 'B', seniority: 'mezzanine', balance: 100000, coupon: { type: 'fixed', rate: 0.12 } },
      ],
      principalRule: { normal: { type: 'proRata' } },
      waterfall: [
        { pay: 'interest', tranches: ['A', 'B'], from: ['interest'] },
        { pay: 'principal', tranches: ['A', 'B'], from: ['principal'] },
        { pay: 'residual' },
      ],
    },
    300000,
    [{ interest: 1500.01, scheduledPrincipal: 1000.01 }, { interest: 3000 }],
  );

  it('splits an interest shortfall by amounts due, the odd cent to the earlier class on a tie', () => {
    // Due 1,000.00 each; 1,500.01 paid → 750.005 each → A 750.01, B 750.00.
    expect(cf(r, 'A', 1).interest).toBe(750.01);
    expect(cf(r, 'B', 1).interest).toBe(750);
    expect(cf(r, 'A', 1).interestShortfall).toBe(249.99);
    expect(cf(r, 'B', 1).interestShortfall).toBe(250);
  });

  it('splits principal by balance, the odd cent to the larger remainder', () => {
    // 1,000.01 × 2/3 = 666.6733, × 1/3 = 333.3367 → A 666.67, B 333.34.
    expect(cf(r, 'A', 1).principal).toBe(666.67);
    expect(cf(r, 'B', 1).principal).toBe(333.34);
    expect(cf(r, 'A', 1).balance).toBe(199333.33);
    expect(cf(r, 'B', 1).balance).toBe(99666.66);
  });

  it('carries the shortfall without interest on interest', () => {
    // A: 249.99 + 199,333.33 × 0.5% = 996.66665 → 996.67 → 1,246.66; B: 250 + 996.6666 → 996.67 → 1,246.67.
    expect(cf(r, 'A', 2).interestDue).toBe(1246.66);
    expect(cf(r, 'B', 2).interestDue).toBe(1246.67);
    expect(cf(r, 'A', 2).interestShortfall).toBe(0);
  });

  it('pays what is left on the final period to the notes, senior first, not to the seller', () => {
    // Period 2 is the last one run (the legal final): every note is due. 3,000 − 2,493.33 of interest leaves
    // 506.67, which the principal step (principal collections only) cannot use; it goes to A, the senior class,
    // before the residual, and the 298,493.32 still unpaid is lost.
    expect(paidBy(r, 2)['principal before the residual (uncured loss)']).toBe(506.67);
    expect(paidBy(r, 2).residual).toBe(0);
    expect(cf(r, 'A', 2).principal).toBe(506.67);
    expect(r.tranches.map((t) => t.principalLoss)).toEqual([198826.66, 99666.66]);
  });
});

describe('fee cap and carry-forward', () => {
  // Servicing 1,000 a period, capped at 1,500, carried; "other" 300 a period, not carried.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 10000, coupon: zero }],
      fees: [
        { id: 'servicing', basis: { type: 'fixed', amount: 1000 }, capPerPeriod: 1500 },
        { id: 'other', basis: { type: 'fixed', amount: 300 }, carryUnpaid: false },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'fee', fee: 'servicing' },
        { pay: 'fee', fee: 'other' },
        { pay: 'interest', tranches: ['A'] },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'residual' },
      ],
    },
    10000,
    [{ interest: 200 }, { interest: 500 }, { interest: 10000, scheduledPrincipal: 10000 }],
  );

  it('carries unpaid fees and forfeits what is above the cap', () => {
    const s = (t: number) => r.waterfall[t - 1].steps;
    // P1: 200 of 1,000 paid, 800 carried; other unpaid and dropped.
    expect([s(1)[0].due, s(1)[0].paid, s(1)[1].due, s(1)[1].paid]).toEqual([1000, 200, 300, 0]);
    // P2: 1,000 + 800 = 1,800 capped at 1,500 (300 forfeited); 500 paid, 1,000 carried.
    expect([s(2)[0].due, s(2)[0].paid, s(2)[1].due]).toEqual([1500, 500, 300]);
    // P3: 1,000 + 1,000 capped at 1,500 and paid; other 300 (nothing carried from P1/P2).
    expect([s(3)[0].due, s(3)[0].paid, s(3)[1].paid]).toEqual([1500, 1500, 300]);
    // P3 residual: 20,000 − 1,500 − 300 − 10,000 principal.
    expect(paidBy(r, 3).residual).toBe(8200);
  });
});

describe('reserve draw and release', () => {
  // Reserve 5,000, target max(1,000 floor, 5% of the pool end balance). A 100,000 at 12%.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: { type: 'fixed', rate: 0.12 } }],
      reserve: { initialBalance: 5000, target: { percentOfCurrentPool: 0.05, floor: 1000 } },
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'interest', tranches: ['A'], from: ['interest', 'reserve'] },
        { pay: 'principal', tranches: ['A'], from: ['principal'] },
        { pay: 'reserveDeposit' },
        { pay: 'residual' },
      ],
    },
    100000,
    [
      { interest: 100, scheduledPrincipal: 20000 },
      { interest: 200 },
      { interest: 5000, scheduledPrincipal: 80000 },
    ],
  );

  it('releases the excess over target into available funds', () => {
    // P1: target 5% × 80,000 = 4,000 → 1,000 released; interest 1,000 paid; residual 100.
    expect(r.waterfall[0].reserve).toEqual({ begin: 5000, deposit: 0, draw: 1000, end: 4000, target: 4000 });
    expect(r.waterfall[0].steps[0]).toMatchObject({ paid: 1000, fromInterest: 1000, fromReserve: 0 });
    expect(paidBy(r, 1).residual).toBe(100);
  });

  it('draws to cover an interest shortfall and cannot refill without funds', () => {
    // P2: 80,000 × 1% = 800 due, 200 collected, 600 drawn; deposit due 600, nothing to pay it with.
    expect(r.waterfall[1].steps[0]).toMatchObject({
      due: 800,
      paid: 800,
      fromInterest: 200,
      fromReserve: 600,
    });
    expect(r.waterfall[1].steps[2]).toMatchObject({ due: 600, paid: 0 });
    expect(r.waterfall[1].reserve.end).toBe(3400);
  });

  it('releases everything on the final period', () => {
    // P3: 3,400 released; 800 interest; 80,000 principal; residual 5,000 + 3,400 − 800.
    expect(r.waterfall[2].reserve).toEqual({ begin: 3400, deposit: 0, draw: 3400, end: 0, target: 0 });
    expect(paidBy(r, 3).residual).toBe(7600);
    expect(cf(r, 'A', 3).balance).toBe(0);
  });
});

describe('trigger switches pro rata to sequential', () => {
  // A 60,000 / B 40,000 pro rata; cumulative net loss above 2% turns principal sequential (not curable).
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 60000, coupon: zero },
        { id: 'B', seniority: 'mezzanine', balance: 40000, coupon: zero },
      ],
      principalRule: { normal: { type: 'proRata' }, afterTrigger: { type: 'sequential' } },
      triggers: [
        {
          id: 'cnl',
          test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: 0.02 }] },
          effects: ['sequential'],
        },
      ],
      waterfall: [
        { pay: 'interest', tranches: ['A', 'B'] },
        { pay: 'principal', tranches: ['A', 'B'] },
        { pay: 'residual' },
      ],
    },
    100000,
    [
      { scheduledPrincipal: 10000 },
      { scheduledPrincipal: 10000, defaults: 3000, loss: 3000, interest: 3000 },
      { scheduledPrincipal: 7000 },
    ],
  );

  it('pays pro rata before the breach', () => {
    expect([cf(r, 'A', 1).principal, cf(r, 'B', 1).principal]).toEqual([6000, 4000]);
  });

  it('breaches at 3% and pays sequentially from then on, turbo-paying the loss from interest', () => {
    expect(r.triggerEvents).toEqual([
      { id: 'cnl', period: 2, date: '2026-03-15', value: 0.03, threshold: 0.02, kind: 'breached' },
    ]);
    // Notes 90,000 down to the 77,000 pool: 13,000 from 10,000 principal + 3,000 interest, all to A.
    expect([cf(r, 'A', 2).principal, cf(r, 'B', 2).principal]).toEqual([13000, 0]);
    expect([cf(r, 'A', 3).principal, cf(r, 'B', 3).principal]).toEqual([7000, 0]);
    expect(r.waterfall[2].triggersBreached).toEqual(['cnl']);
    expect(r.poolPeriods[1].cumulativeNetLossPct).toBeCloseTo(0.03, 12);
  });
});

describe('write-downs from the most junior class up', () => {
  // Array order A (senior), C (subordinated), B (mezzanine): seniority decides, not position.
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 70000, coupon: zero },
        { id: 'C', seniority: 'subordinated', balance: 10000, coupon: zero },
        { id: 'B', seniority: 'mezzanine', balance: 20000, coupon: zero },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [{ pay: 'principal', tranches: ['A', 'B', 'C'] }, { pay: 'residual' }],
    },
    100000,
    [{ defaults: 15000, loss: 15000 }, { scheduledPrincipal: 85000 }],
  );

  it('writes 15,000 off C then B', () => {
    expect(cf(r, 'C', 1).writedown).toBe(10000);
    expect(cf(r, 'B', 1).writedown).toBe(5000);
    expect(cf(r, 'A', 1).writedown).toBe(0);
    expect([cf(r, 'A', 1).balance, cf(r, 'B', 1).balance, cf(r, 'C', 1).balance]).toEqual([70000, 15000, 0]);
    // CE of A: (85,000 − 70,000) / 85,000; B and C have none left.
    expect(cf(r, 'A', 1).creditEnhancement).toBeCloseTo(15000 / 85000, 12);
    expect(cf(r, 'B', 1).creditEnhancement).toBe(0);
  });

  it('pays the rest sequentially and totals principal + write-downs to the original balance', () => {
    expect([cf(r, 'A', 2).principal, cf(r, 'B', 2).principal]).toEqual([70000, 15000]);
    const total = r.tranches.map((t) => t.cashflows.reduce((a, c) => a + c.principal + c.writedown, 0));
    expect(total).toEqual([70000, 10000, 20000]);
    expect(r.tranches.map((t) => t.principalLoss)).toEqual([0, 10000, 5000]);
  });
});

describe('clean-up call', () => {
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 90000, coupon: zero }],
      principalRule: { normal: { type: 'sequential' } },
      cleanUpCall: { poolShare: 0.1 },
      waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
    },
    100000,
    [
      { scheduledPrincipal: 50000, interest: 100 },
      { scheduledPrincipal: 41000, interest: 100 },
      { scheduledPrincipal: 5000 },
      { scheduledPrincipal: 4000 },
    ],
  );

  it('is exercised when the pool falls to 10% and ends the deal', () => {
    // P2 pool end 9,000 ≤ 10,000: the seller pays 9,000; A's 50,000 is repaid from 41,000 + 9,000.
    expect(r.cleanUpCallPeriod).toBe(2);
    expect(r.waterfall).toHaveLength(2);
    expect(r.waterfall[1].sources.cleanUpCallProceeds).toBe(9000);
    expect(r.waterfall[1].sources.total).toBe(50100);
    expect(cf(r, 'A', 2).principal).toBe(50000);
    expect(cf(r, 'A', 2).balance).toBe(0);
    expect(paidBy(r, 2).residual).toBe(100);
  });
});

describe('revolving purchase with a concentration limit', () => {
  // Base pool 100,000 all "prime"; profile: P (prime) and N (near-prime) at equal weight, and a 48-month line
  // the eligibility criteria exclude. Near-prime may be at most 2% of the pool after a purchase.
  const unit = collections(
    50,
    Array.from({ length: 10 }, () => ({ scheduledPrincipal: 5, interest: 0.5 })),
  );
  const line = (id: string, segment: string, remainingTerm: number) => ({
    id,
    segment,
    product: 'level-pay',
    balance: 50,
    rate: 0.12,
    originalTerm: 48,
    remainingTerm,
  });
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: zero }],
      principalRule: { normal: { type: 'sequential' } },
      revolving: {
        endPeriod: 1,
        profile: [line('P', 'prime', 10), line('N', 'near', 10), line('LONG', 'prime', 48)],
        eligibility: { maxRemainingTerm: 24 },
        concentrationLimits: [{ key: 'segment', value: 'near', maxShare: 0.02 }],
      },
      waterfall: [
        { pay: 'purchase', from: ['principal'] },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'residual' },
      ],
    },
    100000,
    [{ scheduledPrincipal: 10000 }, { scheduledPrincipal: 10000 }],
    { profile: [unit, unit, unit] },
  );

  it('excludes ineligible lines and reports them', () => {
    expect(r.revolving?.excludedProfileLines).toEqual([
      {
        id: 'LONG',
        reasons: ['remaining term 48 above 24'],
        reasonMessages: [
          {
            code: 'revolving.termAbove',
            params: { term: 48, max: 24 },
            message: 'remaining term 48 above 24',
          },
        ],
      },
    ]);
  });

  it('buys back to the initial balance, near-prime cut to 2% and the rest prime', () => {
    // Need 10,000; 5,000/5,000 by weight; near cap 2% × 100,000 = 2,000, so prime gets 8,000.
    expect(r.revolving?.purchases).toEqual([
      {
        period: 1,
        par: 10000,
        cash: 10000,
        limitedBy: ['segment:near'],
        lines: [
          { index: 0, par: 8000 },
          { index: 1, par: 2000 },
        ],
      },
    ]);
    expect(r.poolPeriods[0].purchases).toBe(10000);
    expect(r.poolPeriods[0].endBalance).toBe(100000);
    expect(cf(r, 'A', 1).principal).toBe(0);
    expect(r.waterfall[0].revolving).toBe(true);
    expect(r.revolvingEndPeriod).toBe(1);
  });

  it('adds the cohorts to the next period', () => {
    // Cohorts pay 10% a period: 1,000 of scheduled principal and 100 interest on 10,000 bought.
    expect(r.poolPeriods[1]).toMatchObject({
      beginBalance: 100000,
      scheduledPrincipal: 11000,
      interest: 100,
    });
    expect(r.waterfall[1].revolving).toBe(false);
    expect(cf(r, 'A', 2).principal).toBe(11100);
  });
});

describe('floating coupon and day counts', () => {
  it('bounds index + spread by the floor and cap over actual days (ACT/360)', () => {
    const pool = collections(100000, [{ interest: 5000 }, { interest: 5000 }]);
    const r = runWaterfall({
      structure: structure({
        tranches: [
          {
            id: 'A',
            seniority: 'senior',
            balance: 100000,
            dayCount: 'ACT/360',
            coupon: { type: 'floating', index: 'SOFR', spread: 0.01, floor: 0.045, cap: 0.055 },
          },
        ],
        principalRule: { normal: { type: 'sequential' } },
        waterfall: [{ pay: 'interest', tranches: ['A'] }, { pay: 'residual' }],
        lossAllocation: 'none',
      }),
      scenario: flatScenario({ indexCurves: { SOFR: { vector: [0.03, 0.05] } } }),
      dates: dates(2),
      pool,
    });
    // P1: 4% floored to 4.5%, 31 days: 100,000 × 0.045 × 31/360 = 387.50.
    // P2: 6% capped to 5.5%, 28 days (Feb 2026): 100,000 × 0.055 × 28/360 = 427.777… → 427.78.
    expect(r.tranches[0].cashflows.map((c) => c.interest)).toEqual([387.5, 427.78]);
    expect(r.tranches[0].couponDescription).toBe('SOFR + 1.00%, floor 4.50%, cap 5.50%');
  });
});

describe('reserve that may not cover principal at maturity', () => {
  // Same reserve as above but coversPrincipalAtMaturity false: on the final period the reserve still pays the
  // interest shortfall, but what is left goes to the seller, not to the notes.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: { type: 'fixed', rate: 0.12 } }],
      reserve: { initialBalance: 5000, target: { floor: 5000 }, coversPrincipalAtMaturity: false },
      principalRule: { normal: { type: 'sequential' } },
      lossAllocation: 'none',
      waterfall: [
        { pay: 'interest', tranches: ['A'], from: ['interest', 'reserve'] },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'residual', from: ['interest'] },
      ],
    },
    100000,
    [{ interest: 1000 }, { interest: 400, scheduledPrincipal: 90000, defaults: 10000, loss: 10000 }],
  );

  it('draws for interest, pays no principal from the reserve and releases the rest to the seller', () => {
    // P2: interest 1,000 due, 400 collected, 600 drawn; principal 90,000 of 100,000 paid; 4,400 to the seller.
    const last = r.waterfall[1];
    expect(last.steps[0]).toMatchObject({ due: 1000, paid: 1000, fromInterest: 400, fromReserve: 600 });
    expect(last.steps[1]).toMatchObject({ due: 100000, paid: 90000, fromReserve: 0 });
    expect(last.steps[3]).toMatchObject({ label: 'reserve returned to the seller', paid: 4400 });
    expect(last.reserve).toEqual({ begin: 5000, deposit: 0, draw: 5000, end: 0, target: 0 });
    expect(r.tranches[0].cashflows[1].balance).toBe(10000);
    // Unpaid at the legal final is a loss under `none` too.
    expect(r.tranches[0].principalLoss).toBe(10000);
  });
});

describe('negative coupons and rates', () => {
  it('accrue nothing instead of charging the noteholders', () => {
    const pool = collections(100000, [{ interest: 500 }]);
    const r = runWaterfall({
      structure: structure({
        tranches: [
          {
            id: 'A',
            seniority: 'senior',
            balance: 100000,
            coupon: { type: 'floating', index: 'EURIBOR', spread: 0.001 },
          },
        ],
        fees: [{ id: 'rebate', basis: { type: 'percentOfPool', rate: -0.01 } }],
        principalRule: { normal: { type: 'sequential' } },
        waterfall: [{ pay: 'fee', fee: 'rebate' }, { pay: 'interest', tranches: ['A'] }, { pay: 'residual' }],
        lossAllocation: 'none',
      }),
      scenario: flatScenario({ indexCurves: { EURIBOR: -0.005 } }),
      dates: dates(1),
      pool,
    });
    // Nothing accrues; the 500 collected goes to A's principal, due in full on this only (final) period.
    expect(r.waterfall[0].steps.map((s) => [s.due, s.paid])).toEqual([
      [0, 0],
      [0, 0],
      [100000, 500],
      [0, 0],
    ]);
    expect(r.checks.cashConserved).toBe(true);
  });
});
