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
  // A 95,000 on a 100,000 pool; notes paid down to pool − 5,000 (5% floor). OC ratio below 1.02 traps residual
  // cash in the reserve; the trigger is curable.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 95000, coupon: zero }],
      reserve: { initialBalance: 0, target: {} },
      ocTarget: { floorPercentOfInitialPool: 0.05 },
      principalRule: { normal: { type: 'sequential' } },
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
      { scheduledPrincipal: 10000, interest: 1000 },
      { scheduledPrincipal: 5000, interest: 2000 },
      { interest: 3000 },
      { scheduledPrincipal: 85000 },
    ],
  );

  it('breaches at 90,000 / 95,000 and cures at 85,000 / 80,000', () => {
    expect(r.triggerEvents).toEqual([
      { id: 'oc', period: 1, date: '2026-02-15', value: 90000 / 95000, threshold: 1.02, kind: 'breached' },
      { id: 'oc', period: 3, date: '2026-04-15', value: 85000 / 80000, threshold: 1.02, kind: 'cured' },
    ]);
    expect(r.waterfall.map((w) => w.triggersBreached)).toEqual([['oc'], ['oc'], [], []]);
  });

  it('traps the residual while breached and releases it once cured', () => {
    // P1: 10,000 principal due (95,000 → 85,000) from 11,000 of cash: 1,000 trapped. P2: 5,000 due, 2,000 trapped.
    expect(r.waterfall[0].steps[1]).toMatchObject({ label: 'residual (trapped in reserve)', paid: 1000 });
    expect(r.waterfall[0].reserve).toEqual({ begin: 0, deposit: 1000, draw: 0, end: 1000, target: 0 });
    expect(r.waterfall[0].uses.total).toBe(10000);
    expect(r.waterfall[1].reserve.end).toBe(3000);
    // P3: cured, the 3,000 is released and goes with the 3,000 of interest to the seller.
    expect(r.waterfall[2].reserve).toEqual({ begin: 3000, deposit: 0, draw: 3000, end: 0, target: 0 });
    expect(r.waterfall[2].steps[1]).toMatchObject({ label: 'residual', paid: 6000 });
    expect(r.tranches[0].cashflows.map((c) => c.principal)).toEqual([10000, 5000, 0, 80000]);
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
