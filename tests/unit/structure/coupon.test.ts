/**
 * Coupon features, hand-checked: step-up coupons, the available-funds (net WAC) cap with its carryover, and
 * interest-only / principal-only classes. Every figure is worked out from the collections in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

function run(s: unknown, flows: PeriodFlows[], cutoff: number) {
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
const cf = (r: ReturnType<typeof run>, id: string) => r.tranches.find((t) => t.id === id)?.cashflows ?? [];
const fixed = (rate: number) => ({ type: 'fixed', rate });

describe('step-up', () => {
  it('pays the new rate on payment dates on or after the step-up date', () => {
    // A 100,000 at 6% stepping up to 8% from 2026-03-01; payment dates 02-15 and 03-15 (30/360: a twelfth).
    const r = run(
      {
        tranches: [
          {
            id: 'A',
            seniority: 'senior',
            balance: 100000,
            coupon: fixed(0.06),
            stepUp: { from: '2026-03-01', coupon: fixed(0.08) },
          },
        ],
        principalRule: { normal: { type: 'sequential' } },
        waterfall: [
          { pay: 'interest', tranches: ['A'] },
          { pay: 'principal', tranches: ['A'] },
          { pay: 'residual' },
        ],
      },
      [{ interest: 2000 }, { interest: 2000, scheduledPrincipal: 100000 }],
      100000,
    );
    // 100,000 × 6% / 12 = 500.00, then × 8% / 12 = 666.67.
    expect(cf(r, 'A').map((c) => c.interestDue)).toEqual([500, 666.67]);
  });

  it('steps up after the first date the clean-up call could be exercised, even when it is not', () => {
    // Pool 100,000 falls to 5,000 (≤ 10%) in period 1, but the call cannot retire the 100,000 notes (loss 10,000):
    // not exercised. Period 2 pays 8% on A's 14,900 left (lossAllocation none): 99.33, not 6%'s 74.50.
    const r = run(
      {
        tranches: [
          {
            id: 'A',
            seniority: 'senior',
            balance: 100000,
            coupon: fixed(0.06),
            stepUp: { from: 'cleanUpCallDate', coupon: fixed(0.08) },
          },
        ],
        principalRule: { normal: { type: 'sequential' } },
        lossAllocation: 'none',
        cleanUpCall: { poolShare: 0.1 },
        waterfall: [
          { pay: 'interest', tranches: ['A'] },
          { pay: 'principal', tranches: ['A'] },
          { pay: 'residual' },
        ],
      },
      [
        { interest: 600, scheduledPrincipal: 85000, defaults: 10000, loss: 10000 },
        { interest: 300, scheduledPrincipal: 5000 },
      ],
      100000,
    );
    expect(r.cleanUpCallPeriod).toBeNull();
    // P1: 500 interest, then 100 of interest and 85,000 principal → 14,900 left.
    expect(cf(r, 'A')[0]).toMatchObject({ interestDue: 500, principal: 85100, balance: 14900 });
    expect(cf(r, 'A')[1].interestDue).toBe(99.33);
  });
});

describe('available-funds cap with carryover', () => {
  // A 100,000 at 12% and B 100,000 at 6%, both capped; servicing 100. Cap = (interest collections − fees) ×
  // class balance / notes balance: the net WAC of the pool × pool / notes.
  const s = {
    tranches: [
      { id: 'A', seniority: 'senior', balance: 100000, coupon: fixed(0.12), availableFundsCap: true },
      { id: 'B', seniority: 'mezzanine', balance: 100000, coupon: fixed(0.06), availableFundsCap: true },
    ],
    fees: [{ id: 'svc', basis: { type: 'fixed', amount: 100 } }],
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [
      { pay: 'fee', fee: 'svc' },
      { pay: 'interest', tranches: ['A'] },
      { pay: 'interest', tranches: ['B'] },
      { pay: 'principal', tranches: ['A', 'B'] },
      { pay: 'capCarryover', tranches: ['A', 'B'] },
      { pay: 'residual' },
    ],
  };
  const r = run(s, [{ interest: 1300 }, { interest: 3000, scheduledPrincipal: 200000 }], 200000);

  it('caps the coupon at the class share of net interest funds and carries the rest', () => {
    // P1: net funds 1,300 − 100 = 1,200; each class's cap 600. A's 1,000 → 600 due, 400 carried; B's 500 fits.
    expect(cf(r, 'A')[0].interestDue).toBe(600);
    expect(cf(r, 'B')[0].interestDue).toBe(500);
    // 100 is left after B: it pays A's carryover in part, subordinated, leaving 300 owed.
    expect(r.waterfall[0].steps[4]).toMatchObject({ label: 'cap carryover A, B', due: 400, paid: 100 });
    expect(cf(r, 'A')[0]).toMatchObject({ interest: 700, capCarryover: 300, interestShortfall: 0 });
  });

  it('pays the carryover later when funds allow', () => {
    // P2: net 2,900, cap 1,450 each: A 1,000 and B 500 in full; 1,400 left pays the 300 carried.
    expect(r.waterfall[1].steps[4]).toMatchObject({ due: 300, paid: 300 });
    expect(cf(r, 'A')[1]).toMatchObject({ interest: 1300, capCarryover: 0 });
    expect(r.waterfall[1].steps[5].paid).toBe(1100);
  });
});

describe('interest-only and principal-only classes', () => {
  it('pays the IO its coupon on the notional and the PO no interest', () => {
    // A 100,000 at 6%, X (IO) 2% on A's balance, P (PO) 50,000 with a 5% coupon it never earns.
    const r = run(
      {
        tranches: [
          { id: 'A', seniority: 'senior', balance: 100000, coupon: fixed(0.06) },
          {
            id: 'X',
            seniority: 'senior',
            balance: 0,
            coupon: fixed(0.02),
            interestOnly: { notional: { type: 'tranche', tranche: 'A' } },
          },
          { id: 'P', seniority: 'subordinated', balance: 50000, coupon: fixed(0.05), principalOnly: true },
        ],
        principalRule: { normal: { type: 'sequential' } },
        waterfall: [
          { pay: 'interest', tranches: ['A', 'X', 'P'] },
          { pay: 'principal', tranches: ['A', 'P'] },
          { pay: 'residual' },
        ],
      },
      [
        { interest: 1000, scheduledPrincipal: 30000 },
        { interest: 1000, scheduledPrincipal: 120000 },
      ],
      150000,
    );
    // P1: A 500; X 100,000 × 2% / 12 = 166.67; P nothing; A repaid 30,000.
    expect(cf(r, 'X')[0]).toMatchObject({ interest: 166.67, principal: 0, balance: 0 });
    expect(cf(r, 'P')[0]).toMatchObject({ interestDue: 0, interest: 0 });
    // P2: X on A's 70,000: 116.67; P repaid 50,000 with no interest.
    expect(cf(r, 'X')[1].interest).toBe(116.67);
    expect(cf(r, 'P')[1]).toMatchObject({ interest: 0, principal: 50000, balance: 0 });
    // Residual 1,000 − 350 − 116.67.
    expect(r.waterfall[1].steps[2].paid).toBe(533.33);
  });
});

describe('property: an available-funds cap never pays more interest than the coupon and conserves cash', () => {
  it('holds for random collections', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400000 }), { minLength: 1, maxLength: 6 }),
        (interests) => {
          // A last period that repays everything, with interest enough to pay what was carried.
          const flows = [
            ...interests.map((c) => ({ interest: c / 100 })),
            { interest: 5000, scheduledPrincipal: 200000 },
          ];
          const pool = collections(200000, flows);
          const r = runWaterfall({
            structure: structure({
              tranches: [
                {
                  id: 'A',
                  seniority: 'senior',
                  balance: 100000,
                  coupon: fixed(0.12),
                  availableFundsCap: true,
                },
                {
                  id: 'B',
                  seniority: 'mezzanine',
                  balance: 100000,
                  coupon: fixed(0.06),
                  availableFundsCap: true,
                },
              ],
              principalRule: { normal: { type: 'sequential' } },
              waterfall: [
                { pay: 'interest', tranches: ['A', 'B'] },
                { pay: 'principal', tranches: ['A', 'B'] },
                { pay: 'capCarryover', tranches: ['A', 'B'] },
                { pay: 'residual' },
              ],
            }),
            scenario: flatScenario(),
            dates: dates(pool.periods),
            pool,
          });
          expect(r.checks.cashConserved).toBe(true);
          for (const t of r.tranches) {
            const coupon = t.id === 'A' ? 1000 : 500;
            const periods = t.cashflows.length;
            const paid = t.cashflows.reduce((s, c) => s + c.interest, 0);
            expect(paid).toBeLessThanOrEqual(coupon * periods + 0.001);
            for (const c of t.cashflows) expect(c.capCarryover ?? 0).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
