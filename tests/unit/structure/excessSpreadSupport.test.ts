/**
 * Excess spread net of hedge and liquidity-facility flows, hand-checked. Convention (as offering documents of
 * swapped deals define it, e.g. the BA Credit Card Trust BAseries prospectus, whose base rate nets the payments
 * under its derivative agreements into note interest): excess spread = (pool interest and fee collections − senior
 * fees − net swap payments, paid minus received − the liquidity facility's interest on draws and commitment fee −
 * note interest) × 12 / the pool at the start of the month, each expense as accrued for the period. Dates are
 * the 15th of each month and every day count here is 30/360, so a month accrues exactly a twelfth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWaterfall, type WaterfallSchedule } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

const SOFR = { SOFR: 0.03 };

function run(s: unknown, flows: PeriodFlows[], schedule?: WaterfallSchedule) {
  const pool = collections(100000, flows);
  const r = runWaterfall({
    structure: structure(s),
    scenario: flatScenario({ indexCurves: SOFR }),
    dates: dates(pool.periods),
    pool,
    ...(schedule ? { schedule } : {}),
  });
  expect(r.checks).toEqual({ cashConserved: true, failures: [] });
  return r;
}

// Class A 100,000 at SOFR flat (3%): 250 of interest a month. The deal pays 6% fixed on A's balance and receives
// SOFR: it pays 500 − 250 = 250 net a month. Excess-spread trigger at 5%, on the last completed month.
const swapped = (withSwap: boolean) => ({
  tranches: [
    {
      id: 'A',
      seniority: 'senior',
      balance: 100000,
      dayCount: '30/360',
      coupon: { type: 'floating', index: 'SOFR', spread: 0 },
    },
  ],
  principalRule: { normal: { type: 'sequential' } },
  ...(withSwap
    ? {
        hedges: [
          {
            type: 'swap',
            id: 'swap1',
            dealPays: 'fixed',
            fixedRate: 0.06,
            index: 'SOFR',
            dayCount: '30/360',
            notional: { type: 'tranche', tranche: 'A' },
          },
        ],
      }
    : {}),
  triggers: [
    {
      id: 'es',
      test: { type: 'excessSpread', schedule: [{ fromPeriod: 1, threshold: 0.05 }], averageMonths: 1 },
      effects: ['sequential'],
    },
  ],
  waterfall: [
    ...(withSwap ? [{ pay: 'hedge', hedge: 'swap1' }] : []),
    { pay: 'interest', tranches: ['A'] },
    { pay: 'principal', tranches: ['A'] },
    { pay: 'residual' },
  ],
});

// Pool interest falls by 100 a month; no principal until the last month.
const falling: PeriodFlows[] = [1000, 900, 800, 700, 600, 500, 400].map((interest, k) =>
  k === 6 ? { interest, scheduledPrincipal: 100000 } : { interest },
);

describe('a pay-fixed swap in the excess-spread trigger', () => {
  it('deducts the net swap payment: the trigger breaches in period 3', () => {
    const r = run(swapped(true), falling);
    expect(r.waterfall[0].hedges?.[0]).toMatchObject({ net: -250, paid: 250 });
    // (interest − 250 swap − 250 note) × 12 / 100,000: 500 → 6%, 400 → 4.8%, 300 → 3.6% …
    const es = r.excessSpread.map((e) => e.annualised);
    [0.06, 0.048, 0.036, 0.024, 0.012, 0, -0.012].forEach((v, k) => expect(es[k]).toBeCloseTo(v, 12));
    // P3 reads P2's 4.8% < 5%.
    expect(r.triggerEvents).toHaveLength(1);
    expect(r.triggerEvents[0]).toMatchObject({ id: 'es', period: 3, kind: 'breached', threshold: 0.05 });
    expect(r.triggerEvents[0].value).toBeCloseTo(0.048, 12);
  });

  it('without the swap the same pool keeps 3% more spread and breaches only in period 6', () => {
    const r = run(swapped(false), falling);
    // (interest − 250 note) × 12 / 100,000: 9%, 7.8%, 6.6%, 5.4%, 4.2% — P6 reads P5's 4.2%.
    expect(r.excessSpread[1].annualised).toBeCloseTo(0.078, 12);
    expect(r.triggerEvents.map((e) => e.period)).toEqual([6]);
    expect(r.triggerEvents[0].value).toBeCloseTo(0.042, 12);
  });

  it('adds a net receipt: a pay-floating swap at 6% against SOFR at 3% earns the deal 250 a month', () => {
    const s = swapped(true);
    const r = run(
      { ...s, hedges: s.hedges?.map((h) => ({ ...h, dealPays: 'floating' })) },
      falling.slice(0, 2).map((f, k) => (k === 1 ? { ...f, scheduledPrincipal: 100000 } : f)),
    );
    expect(r.waterfall[0].sources.hedgeReceipts).toBe(250);
    // (1,000 + 250 − 250) × 12 / 100,000 = 12%.
    expect(r.excessSpread[0].annualised).toBeCloseTo(0.12, 12);
  });

  it('counts the swap month by month between quarterly payment dates', () => {
    // Payment dates P3 and P6. P1, P2, P4, P5 estimate a month of swap (250) and of note interest (250); the
    // payment date settles the quarter, 100,000 × 3% × 90/360 = 750, and counts the 250 the estimates left.
    const schedule: WaterfallSchedule = {
      accrualDates: dates(6),
      firstPaymentPeriod: 3,
      revolvingMonths: 3,
      amortisingMonths: 3,
      reinvestmentRate: 0,
      triggersOnPaymentDates: true,
    };
    const flat: PeriodFlows[] = [1, 2, 3, 4, 5, 6].map((t) =>
      t === 6 ? { interest: 1000, scheduledPrincipal: 100000 } : { interest: 1000 },
    );
    const r = run(swapped(true), flat, schedule);
    expect(r.waterfall.map((w) => w.paymentDate)).toEqual([false, false, true, false, false, true]);
    expect(r.waterfall[2].hedges?.[0]).toMatchObject({ net: -750, paid: 750 });
    // (1,000 − 250 − 250) × 12 / 100,000 = 6% every month.
    r.excessSpread.forEach((e) => expect(e.annualised).toBeCloseTo(0.06, 12));
  });
});

describe('the liquidity facility in excess spread', () => {
  // A 100,000 at 12% (1,000 a month), servicing 100 a month; facility 5,000 at 6%, 0.5% on the undrawn part.
  const s = {
    tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: { type: 'fixed', rate: 0.12 } }],
    fees: [{ id: 'svc', basis: { type: 'fixed', amount: 100 } }],
    principalRule: { normal: { type: 'sequential' } },
    liquidityFacility: {
      commitment: { amount: 5000 },
      covers: { fees: true, interest: ['A'] },
      rate: { type: 'fixed', rate: 0.06 },
      commitmentFeeRate: 0.005,
      dayCount: '30/360',
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
  };

  it('deducts the commitment fee and the interest on draws', () => {
    const r = run(s, [{ interest: 600 }, { interest: 2000, scheduledPrincipal: 100000 }]);
    // P1: fee 5,000 × 0.5% / 12 = 2.08; A's 1,000 less the 497.92 revenue left draws 502.08.
    expect(r.waterfall[0].liquidity).toMatchObject({ draws: 502.08 });
    expect(r.excessSpread[0].annualised).toBeCloseTo(((600 - 100 - 2.08 - 1000) * 12) / 100000, 12);
    // P2: interest 502.08 × 6% / 12 = 2.51; fee 4,497.92 × 0.5% / 12 = 1.87.
    expect(r.excessSpread[1].annualised).toBeCloseTo(((2000 - 100 - 2.51 - 1.87 - 1000) * 12) / 100000, 12);
  });
});

describe('excess spread over a life, monthly or quarterly (property)', () => {
  it('adds up to pool interest less note interest and net swap payments: month estimates true up on payment dates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1500, max: 3000 }), { minLength: 4, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 800 }),
        fc.boolean(),
        fc.boolean(),
        (interest, sofrBp, fixedBp, quarterly, payFixed) => {
          const n = interest.length;
          const flows: PeriodFlows[] = interest.map((i, k) =>
            k === n - 1 ? { interest: i, scheduledPrincipal: 100000 } : { interest: i },
          );
          const s = swapped(true);
          const deal = {
            ...s,
            hedges: s.hedges?.map((h) => ({
              ...h,
              fixedRate: fixedBp / 10000,
              dealPays: payFixed ? 'fixed' : 'floating',
            })),
            triggers: [],
          };
          const pool = collections(100000, flows);
          const r = runWaterfall({
            structure: structure(deal),
            scenario: flatScenario({ indexCurves: { SOFR: { vector: sofrBp.map((b) => b / 10000) } } }),
            dates: dates(n),
            pool,
            ...(quarterly
              ? {
                  schedule: {
                    accrualDates: dates(n),
                    firstPaymentPeriod: 3,
                    revolvingMonths: 3,
                    amortisingMonths: 3,
                    reinvestmentRate: 0,
                    triggersOnPaymentDates: true,
                  },
                }
              : {}),
          });
          expect(r.checks.cashConserved).toBe(true);
          // The pool stays at 100,000 until the last month, so each month's spread × 100,000 / 12 is its amount.
          // Pool interest of 1,500 a month or more covers the swap and the notes at rates up to 8%: no shortfall
          // is carried, so the notes' interest due is what accrued.
          const spread = r.excessSpread.reduce((a, e) => a + (e.annualised * 100000) / 12, 0);
          const noteInterest = r.tranches[0].cashflows.reduce((a, c) => a + c.interestDue, 0);
          const swapNet = r.waterfall.reduce(
            (a, w) => a + (w.hedges ?? []).reduce((b, h) => b + h.net, 0),
            0,
          );
          const collected = interest.reduce((a, i) => a + i, 0);
          expect(spread).toBeCloseTo(collected - noteInterest + swapNet, 6);
        },
      ),
      { numRuns: 60 },
    );
  });
});
