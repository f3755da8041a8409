/** Trigger tests, effects and cures on hand-made collections; expected values worked out in the comments. */
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

const zero = { type: 'fixed', rate: 0 } as const;

function run(s: unknown, cutoff: number, flows: PeriodFlows[]) {
  const pool = collections(cutoff, flows);
  const r = runWaterfall({
    structure: structure(s),
    scenario: flatScenario(),
    dates: dates(pool.periods),
    pool,
  });
  expect(r.checks).toEqual({ cashConserved: true, failures: [] });
  return r;
}

describe('OC-ratio trigger trapping cash, then curing', () => {
  // A 95,000 on a 100,000 pool; notes paid down to pool − 5,000 (5% floor); no write-downs. OC ratio below 1.02
  // traps residual cash in the reserve; the trigger is curable. The ratio reads pool and notes on one date: after
  // the previous period's distributions (closing balances in period 1), as note terms measure it.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 95000, coupon: zero }],
      reserve: { initialBalance: 0, target: {} },
      ocTarget: { floorPercentOfInitialPool: 0.05 },
      principalRule: { normal: { type: 'sequential' } },
      lossAllocation: 'none',
      triggers: [
        {
          id: 'oc',
          test: { type: 'ocRatio', schedule: [{ fromPeriod: 1, threshold: 1.02 }] },
          effects: ['trapCash'],
          curable: true,
        },
      ],
      waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
    },
    100000,
    [
      { scheduledPrincipal: 4000, defaults: 6000, loss: 6000 },
      { interest: 8000 },
      { interest: 1000 },
      { scheduledPrincipal: 90000 },
    ],
  );

  it('breaches on 90,000 / 91,000 after period 1 and cures on 90,000 / 85,000 after period 2', () => {
    // P1 tests the closing 100,000 / 95,000 = 1.053 (passes); P1 pays 4,000 of the 10,000 due (95,000 down to
    // 90,000 − 5,000), leaving A at 91,000: P2 reads 90,000 / 91,000 = 0.989, a breach; P2 pays A down to
    // 85,000, so P3 reads 90,000 / 85,000 = 1.059 and cures.
    expect(r.triggerEvents).toEqual([
      { id: 'oc', period: 2, date: '2026-03-15', value: 90000 / 91000, threshold: 1.02, kind: 'breached' },
      { id: 'oc', period: 3, date: '2026-04-15', value: 90000 / 85000, threshold: 1.02, kind: 'cured' },
    ]);
    expect(r.waterfall.map((w) => w.triggersBreached)).toEqual([[], ['oc'], [], []]);
  });

  it('traps the residual while breached and releases it once cured', () => {
    // P2: 6,000 principal due from 8,000 of interest: 2,000 trapped. P3: cured, the 2,000 is released and goes
    // with the 1,000 of interest to the seller (A is at its 85,000 target).
    expect(r.waterfall[1].steps[1]).toMatchObject({ label: 'residual (trapped in reserve)', paid: 2000 });
    expect(r.waterfall[1].reserve).toEqual({ begin: 0, deposit: 2000, draw: 0, end: 2000, target: 0 });
    expect(r.waterfall[1].uses.total).toBe(6000);
    expect(r.waterfall[2].reserve).toEqual({ begin: 2000, deposit: 0, draw: 2000, end: 0, target: 0 });
    expect(r.waterfall[2].steps[1]).toMatchObject({ label: 'residual', paid: 3000 });
    expect(r.tranches[0].cashflows.map((c) => c.principal)).toEqual([4000, 6000, 0, 85000]);
  });
});

describe('OC-ratio trigger on a deal whose OC target holds the ratio constant', () => {
  // A 95,000 on 100,000, paid down to 95% of the pool every period: pool / notes stays 100 / 95 = 1.0526 on every
  // payment date, above a 1.05 threshold, so the trigger never breaches. (Pool after this period's collections
  // over notes before this period's payment, 90,000 / 95,000 = 0.947, would breach in period 1 and never cure.)
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 95000, coupon: zero }],
      reserve: { initialBalance: 0, target: {} },
      ocTarget: { percentOfCurrentPool: 0.05 },
      principalRule: { normal: { type: 'sequential' } },
      triggers: [
        {
          id: 'oc',
          test: { type: 'ocRatio', schedule: [{ fromPeriod: 1, threshold: 1.05 }] },
          effects: ['trapCash'],
        },
      ],
      waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
    },
    100000,
    [
      { scheduledPrincipal: 10000, interest: 1000 },
      { scheduledPrincipal: 10000, interest: 1000 },
      { scheduledPrincipal: 80000 },
    ],
  );

  it('never breaches, and the residual is paid out', () => {
    // P1: 95,000 down to 90,000 × 95% = 85,500: 9,500 from 11,000, 1,500 residual; P2 likewise to 76,000.
    expect(r.triggerEvents).toEqual([]);
    expect(r.tranches[0].cashflows.map((c) => c.balance)).toEqual([85500, 76000, 0]);
    expect(r.waterfall.map((w) => w.steps[1].paid)).toEqual([1500, 1500, 4000]);
  });
});

describe('excess-spread trigger before its averaging window is full', () => {
  // The deal below, averageMonths 3 and threshold 6%: period excess spreads 11.0%, 0.33%, 0.50% (see the test
  // after this one for the arithmetic).
  const deal = (beforeFullWindow?: 'notTested') => ({
    tranches: [
      { id: 'A', seniority: 'senior', balance: 50000, coupon: zero },
      { id: 'B', seniority: 'mezzanine', balance: 50000, coupon: zero },
    ],
    fees: [{ id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } }],
    principalRule: { normal: { type: 'proRata' } },
    triggers: [
      {
        id: 'es',
        test: {
          type: 'excessSpread',
          schedule: [{ fromPeriod: 1, threshold: 0.06 }],
          averageMonths: 3,
          ...(beforeFullWindow ? { beforeFullWindow } : {}),
        },
        effects: ['sequential'],
      },
    ],
    waterfall: [
      { pay: 'fee', fee: 'servicing' },
      { pay: 'interest', tranches: ['A', 'B'] },
      { pay: 'principal', tranches: ['A', 'B'] },
      { pay: 'residual' },
    ],
  });
  const flows = [
    { scheduledPrincipal: 10000, interest: 1000 },
    { scheduledPrincipal: 10000, interest: 100 },
    { scheduledPrincipal: 10000, interest: 100 },
    { scheduledPrincipal: 10000, interest: 100 },
    { scheduledPrincipal: 60000 },
  ];

  it('averages the periods completed so far by default', () => {
    // P3 reads (11.0% + 0.33%) / 2 = 5.67% < 6%: breach.
    expect(run(deal(), 100000, flows).triggerEvents.map((e) => e.period)).toEqual([3]);
  });

  it('waits for a full window with notTested', () => {
    // P2 and P3 are untested; P4 reads (11.0% + 0.33% + 0.50%) / 3 = 3.94% < 6%: breach.
    const r = run(deal('notTested'), 100000, flows);
    expect(r.triggerEvents.map((e) => e.period)).toEqual([4]);
    expect(r.triggerEvents[0].value).toBeCloseTo((0.1100004 + 0.0033333333 + 0.0049995) / 3, 9);
  });
});

describe('excess-spread trigger averaged over completed periods', () => {
  // A and B 50,000 each, pro rata, zero coupons; servicing 1% a year of the beginning pool.
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 50000, coupon: zero },
        { id: 'B', seniority: 'mezzanine', balance: 50000, coupon: zero },
      ],
      fees: [{ id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } }],
      principalRule: { normal: { type: 'proRata' } },
      triggers: [
        {
          id: 'es',
          test: { type: 'excessSpread', schedule: [{ fromPeriod: 1, threshold: 0.05 }], averageMonths: 2 },
          effects: ['sequential'],
        },
      ],
      waterfall: [
        { pay: 'fee', fee: 'servicing' },
        { pay: 'interest', tranches: ['A', 'B'] },
        { pay: 'principal', tranches: ['A', 'B'] },
        { pay: 'residual' },
      ],
    },
    100000,
    [
      { scheduledPrincipal: 10000, interest: 1000 },
      { scheduledPrincipal: 10000, interest: 100 },
      { scheduledPrincipal: 10000, interest: 100 },
      { scheduledPrincipal: 10000, interest: 100 },
      { scheduledPrincipal: 60000 },
    ],
  );

  it('annualises each period: (interest − fees − coupons) × 12 / pool begin', () => {
    // P1 (1,000 − 83.33) × 12 / 100,000; P2 (100 − 75) × 12 / 90,000; P3 (100 − 66.67) × 12 / 80,000.
    expect(r.excessSpread[0].annualised).toBeCloseTo(0.1100004, 10);
    expect(r.excessSpread[1].annualised).toBeCloseTo(0.0033333333, 10);
    expect(r.excessSpread[2].annualised).toBeCloseTo(0.0049995, 10);
  });

  it('breaches in P4 on the average of P2 and P3, and turns principal sequential', () => {
    expect(r.triggerEvents).toHaveLength(1);
    expect(r.triggerEvents[0]).toMatchObject({ id: 'es', period: 4, kind: 'breached', threshold: 0.05 });
    expect(r.triggerEvents[0].value).toBeCloseTo((0.0033333333 + 0.0049995) / 2, 9);
    const [a, b] = r.tranches.map((t) => t.cashflows.map((c) => c.principal));
    expect(a.slice(2, 4)).toEqual([5000, 10000]);
    expect(b.slice(2, 4)).toEqual([5000, 0]);
  });
});

describe('delinquency trigger on the charge-off pipeline', () => {
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: zero }],
      principalRule: { normal: { type: 'sequential' } },
      triggers: [
        {
          id: 'dq',
          test: { type: 'delinquency', schedule: [{ fromPeriod: 1, threshold: 0.03 }], pipelineMonths: 2 },
          effects: ['sequential'],
        },
      ],
      waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
    },
    100000,
    [
      { scheduledPrincipal: 10000 },
      {},
      { defaults: 2000, loss: 2000 },
      { defaults: 2000, loss: 2000 },
      { scheduledPrincipal: 86000 },
    ],
  );

  it('measures the next two periods of defaults over the pool end balance', () => {
    // P1: (0 + 2,000) / 90,000 = 2.2% passes; P2: (2,000 + 2,000) / 90,000 = 4.4% breaches.
    expect(r.triggerEvents).toEqual([
      { id: 'dq', period: 2, date: '2026-03-15', value: 4000 / 90000, threshold: 0.03, kind: 'breached' },
    ]);
  });
});
