/**
 * The liquidity facility, hand-checked. Convention (as consumer ABS with a liquidity facility write it): the
 * facility is drawn automatically for what the covered fees and senior interest could not get from their
 * sources, after the reserve by default; draws are repaid senior to principal; the drawn balance bears interest
 * and the undrawn commitment a commitment fee, each rate × balance × days / basis, and unpaid amounts carry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

function run(s: unknown, flows: PeriodFlows[], cutoff = 100000) {
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

// A 100,000 at 12% (1,000 a month on 30/360), servicing 100 a month; facility 5,000 at 6%, fee 0.5% undrawn.
const deal = (facility: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: { type: 'fixed', rate: 0.12 } }],
  fees: [{ id: 'svc', basis: { type: 'fixed', amount: 100 } }],
  principalRule: { normal: { type: 'sequential' } },
  liquidityFacility: {
    commitment: { amount: 5000 },
    covers: { fees: true, interest: ['A'] },
    rate: { type: 'fixed', rate: 0.06 },
    commitmentFeeRate: 0.005,
    dayCount: '30/360',
    ...facility,
  },
  waterfall: [
    { pay: 'liquidity', part: 'interest' },
    { pay: 'liquidity', part: 'commitmentFee' },
    { pay: 'fee', fee: 'svc' },
    { pay: 'interest', tranches: ['A'] },
    { pay: 'liquidity', part: 'repay' },
    { pay: 'principal', tranches: ['A'] },
    { pay: 'residual' },
  ],
  ...extra,
});

describe('a draw, its interest and fee, and its repayment', () => {
  const r = run(deal(), [{ interest: 600 }, { interest: 2000, scheduledPrincipal: 100000 }]);

  it('draws for the senior interest shortfall after the fee on the undrawn commitment', () => {
    // P1: fee on undrawn 5,000 × 0.5% / 12 = 2.08; servicing 100; 497.92 left for A's 1,000: 502.08 drawn.
    expect(r.waterfall[0].steps[1]).toMatchObject({ due: 2.08, paid: 2.08 });
    expect(r.waterfall[0].steps[3]).toMatchObject({
      due: 1000,
      paid: 1000,
      fromInterest: 497.92,
      fromLiquidity: 502.08,
    });
    expect(r.waterfall[0].liquidity).toMatchObject({
      commitment: 5000,
      begin: 0,
      draws: 502.08,
      repaid: 0,
      end: 502.08,
    });
    expect(r.waterfall[0].sources.liquidityDraws).toBe(502.08);
    expect(r.tranches[0].cashflows[0].interestShortfall).toBe(0);
  });

  it('charges interest on the draw and the fee on what is undrawn, and repays it before principal', () => {
    // P2: interest 502.08 × 6% / 12 = 2.51; fee (5,000 − 502.08) × 0.5% / 12 = 1.87; repay 502.08 from interest.
    expect(r.waterfall[1].liquidity).toEqual({
      commitment: 5000,
      begin: 502.08,
      draws: 0,
      repaid: 502.08,
      end: 0,
      interestDue: 2.51,
      interestPaid: 2.51,
      commitmentFeeDue: 1.87,
      commitmentFeePaid: 1.87,
    });
    // Residual 2,000 − 2.51 − 1.87 − 100 − 1,000 − 502.08 = 393.54.
    expect(r.waterfall[1].steps[6].paid).toBe(393.54);
  });
});

describe('the order of reserve and facility', () => {
  const reserve = { initialBalance: 300, target: { floor: 300 } };
  it('draws the reserve first by default', () => {
    const r = run(deal({}, { reserve }), [{ interest: 600 }, { interest: 2000, scheduledPrincipal: 100000 }]);
    // 497.92 from interest, the reserve's 300, then 202.08 from the facility.
    expect(r.waterfall[0].steps[3]).toMatchObject({
      fromInterest: 497.92,
      fromReserve: 300,
      fromLiquidity: 202.08,
    });
  });
  it('draws the facility first when the deal says so, and leaves the reserve', () => {
    const r = run(deal({ order: 'facilityFirst' }, { reserve }), [
      { interest: 600 },
      { interest: 2000, scheduledPrincipal: 100000 },
    ]);
    expect(r.waterfall[0].steps[3]).toMatchObject({
      fromInterest: 497.92,
      fromReserve: 0,
      fromLiquidity: 502.08,
    });
    expect(r.waterfall[0].reserve.end).toBe(300);
  });
});

describe('a commitment as a reducing share of the notes', () => {
  it('limits the draw to 1% of the notes outstanding', () => {
    // Fees, interest and the repayment from interest collections only, so principal cannot hide the draw.
    const fromInterest = {
      waterfall: [
        { pay: 'liquidity', part: 'interest' },
        { pay: 'fee', fee: 'svc', from: ['interest'] },
        { pay: 'interest', tranches: ['A'], from: ['interest'] },
        { pay: 'liquidity', part: 'repay', from: ['interest'] },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'residual' },
      ],
    };
    const r = run(
      deal({ commitment: { percentOfNotes: 0.01, reducing: true }, commitmentFeeRate: 0 }, fromInterest),
      [
        { interest: 100, scheduledPrincipal: 50000 },
        { interest: 0 },
        { interest: 5000, scheduledPrincipal: 50000 },
      ],
    );
    // P1: commitment 1,000; A 1,000 due, 0 left after servicing: 1,000 drawn (the whole commitment).
    expect(r.waterfall[0].liquidity).toMatchObject({ commitment: 1000, draws: 1000 });
    // P2: notes 50,000 → commitment 500, below the 1,000 drawn: no new draw, A is short.
    expect(r.waterfall[1].liquidity).toMatchObject({ commitment: 500, draws: 0, end: 1000 });
    expect(r.tranches[0].cashflows[1].interestShortfall).toBe(500);
    expect(r.waterfall[2].liquidity?.end).toBe(0);
  });
});

describe('properties', () => {
  it('conserves cash, never goes negative, and closes the facility when the deal pays in full', () => {
    const flow = fc.record({
      interest: fc.integer({ min: 0, max: 300000 }).map((c) => c / 100),
      scheduledPrincipal: fc.integer({ min: 0, max: 2000000 }).map((c) => c / 100),
    });
    fc.assert(
      fc.property(fc.array(flow, { minLength: 1, maxLength: 6 }), fc.boolean(), (flows, facilityFirst) => {
        const paid = flows.reduce((s, f) => s + f.scheduledPrincipal, 0);
        const rest = Math.max(0, 100000 - paid);
        // A last period that collects the rest of the pool and ample interest: the deal pays in full.
        const all = [...flows, { interest: 20000, scheduledPrincipal: rest }];
        const pool = collections(Math.max(100000, paid), all);
        const r = runWaterfall({
          structure: structure(
            deal(
              { order: facilityFirst ? 'facilityFirst' : 'reserveFirst' },
              { reserve: { initialBalance: 200, target: { floor: 200 } } },
            ),
          ),
          scenario: flatScenario(),
          dates: dates(pool.periods),
          pool,
        });
        expect(r.checks.cashConserved).toBe(true);
        for (const p of r.waterfall) {
          expect(p.liquidity?.end ?? 0).toBeGreaterThanOrEqual(0);
          expect(p.liquidity?.end ?? 0).toBeLessThanOrEqual(5000);
        }
        const last = r.waterfall[r.waterfall.length - 1].liquidity;
        expect(last).toMatchObject({ end: 0 });
        expect(last?.interestPaid).toBe(last?.interestDue);
      }),
      { numRuns: 100 },
    );
  });
});
