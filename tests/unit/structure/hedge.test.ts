/**
 * Interest-rate hedges, hand-checked. Convention (ISDA, as ABS swap confirmations settle): each leg is rate ×
 * notional × days / basis under the hedge's day count, rounded to the cent, and the legs are netted; a net
 * receipt joins the period's interest funds, a net payment is paid by the senior `hedge` step and carried when
 * unpaid. A cap pays max(0, index − strike) × notional and costs nothing in the waterfall (premium at closing).
 */
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

const SOFR = { SOFR: { vector: [0.03, 0.05] } };

function run(s: unknown, flows: PeriodFlows[], cutoff = 100000) {
  const pool = collections(cutoff, flows);
  const r = runWaterfall({
    structure: structure(s),
    scenario: flatScenario({ indexCurves: SOFR }),
    dates: dates(pool.periods),
    pool,
  });
  expect(r.checks).toEqual({ cashConserved: true, failures: [] });
  return r;
}

const floatingA = {
  id: 'A',
  seniority: 'senior',
  balance: 100000,
  dayCount: 'ACT/360',
  coupon: { type: 'floating', index: 'SOFR', spread: 0.01 },
};

describe('a pay-fixed swap on the class balance (ACT/360)', () => {
  // Deal pays 4% fixed, receives SOFR on class A's beginning balance; SOFR 3% then 5%; Jan→Feb 31 days, Feb→Mar 28.
  const s = {
    tranches: [floatingA],
    principalRule: { normal: { type: 'sequential' } },
    hedges: [
      {
        type: 'swap',
        id: 'swap1',
        dealPays: 'fixed',
        fixedRate: 0.04,
        index: 'SOFR',
        notional: { type: 'tranche', tranche: 'A' },
      },
    ],
    waterfall: [
      { pay: 'hedge', hedge: 'swap1' },
      { pay: 'interest', tranches: ['A'] },
      { pay: 'principal', tranches: ['A'] },
      { pay: 'residual' },
    ],
  };

  it('pays the net to the counterparty senior, and adds a net receipt to interest funds', () => {
    const r = run(s, [{ interest: 1000 }, { interest: 500, scheduledPrincipal: 100000 }]);
    // P1: fixed 100,000 × 4% × 31/360 = 344.44; floating 100,000 × 3% × 31/360 = 258.33; the deal owes 86.11.
    expect(r.waterfall[0].hedges).toEqual([
      { id: 'swap1', notional: 100000, payRate: 0.04, receiveRate: 0.03, net: -86.11, paid: 86.11, owed: 0 },
    ]);
    expect(r.waterfall[0].steps[0]).toMatchObject({ label: 'hedge swap1', due: 86.11, paid: 86.11 });
    // A: (3% + 1%) × 31/360 = 344.44; residual 1,000 − 86.11 − 344.44 = 569.45.
    expect(r.tranches[0].cashflows[0].interest).toBe(344.44);
    expect(r.waterfall[0].steps[3].paid).toBe(569.45);
    // P2: floating 100,000 × 5% × 28/360 = 388.89, fixed 311.11: the deal receives 77.78.
    expect(r.waterfall[1].hedges?.[0]).toMatchObject({ net: 77.78, paid: 0, owed: 0 });
    expect(r.waterfall[1].sources.hedgeReceipts).toBe(77.78);
    expect(r.waterfall[1].sources.total).toBe(100577.78);
    // A: 6% × 28/360 = 466.67; residual 500 + 77.78 − 466.67 = 111.11.
    expect(r.tranches[0].cashflows[1].interest).toBe(466.67);
    expect(r.waterfall[1].steps[3].paid).toBe(111.11);
  });

  it('carries a net payment it could not make to the next payment date', () => {
    const r = run(s, [{ interest: 50 }, { interest: 1000, scheduledPrincipal: 100000 }]);
    // P1: 86.11 owed, 50 paid, 36.11 carried; A gets nothing.
    expect(r.waterfall[0].hedges?.[0]).toMatchObject({ net: -86.11, paid: 50, owed: 36.11 });
    // P2: the deal receives 77.78 and still pays the 36.11 carried.
    expect(r.waterfall[1].steps[0]).toMatchObject({ due: 36.11, paid: 36.11 });
    expect(r.waterfall[1].hedges?.[0]).toMatchObject({ net: 77.78, owed: 0 });
  });
});

describe('a cap on a schedule', () => {
  it('pays max(0, SOFR − strike) × the scheduled notional and nothing below the strike', () => {
    const r = run(
      {
        tranches: [floatingA],
        principalRule: { normal: { type: 'sequential' } },
        hedges: [
          {
            type: 'cap',
            id: 'cap1',
            index: 'SOFR',
            strike: 0.04,
            notional: { type: 'schedule', amounts: [100000, 80000] },
          },
        ],
        waterfall: [
          { pay: 'interest', tranches: ['A'] },
          { pay: 'principal', tranches: ['A'] },
          { pay: 'residual' },
        ],
      },
      [{ interest: 1000 }, { interest: 1000, scheduledPrincipal: 100000 }],
    );
    // P1: SOFR 3% under the 4% strike: nothing. P2: (5% − 4%) × 80,000 × 28/360 = 62.22.
    expect(r.waterfall[0].hedges?.[0]).toMatchObject({ net: 0, receiveRate: 0 });
    expect(r.waterfall[1].hedges?.[0]).toMatchObject({ notional: 80000, net: 62.22 });
    expect(r.waterfall[1].sources.hedgeReceipts).toBe(62.22);
  });
});

describe('a receive-fixed swap on the pool balance', () => {
  it('reverses the legs', () => {
    const r = run(
      {
        tranches: [floatingA],
        principalRule: { normal: { type: 'sequential' } },
        hedges: [
          {
            type: 'swap',
            id: 'sw',
            dealPays: 'floating',
            fixedRate: 0.04,
            index: 'SOFR',
            spread: 0.005,
            dayCount: '30/360',
            notional: { type: 'pool' },
          },
        ],
        waterfall: [
          { pay: 'hedge', hedge: 'sw' },
          { pay: 'interest', tranches: ['A'] },
          { pay: 'principal', tranches: ['A'] },
          { pay: 'residual' },
        ],
      },
      [
        { interest: 1000, scheduledPrincipal: 40000 },
        { interest: 1000, scheduledPrincipal: 60000 },
      ],
    );
    // P1: pool 100,000: receive 4% × 30/360 = 333.33, pay 3.5% = 291.67 → +41.66.
    // P2: pool 60,000: receive 200.00, pay 5.5% = 275.00 → −75.00.
    expect(r.waterfall.map((p) => p.hedges?.[0].net)).toEqual([41.66, -75]);
    expect(r.waterfall[1].steps[0]).toMatchObject({ due: 75, paid: 75 });
  });
});
