/**
 * The deal calendar through runDeal: closing and first payment dates (stub periods), payment frequency per phase
 * with a collection account between payment dates, business-day rolling on published holiday lists, and the
 * accrual reported per class cash flow. Every expected figure is worked by hand below; coupons and balances are
 * chosen so the accruals are whole cents where the convention allows.
 */
import { describe, expect, it } from 'vitest';
import { Deal, type DealInput } from '../../../core/deal/schema';
import { DealError, runDeal } from '../../../core/run';
import type { RunResult } from '../../../core/result';

type CalendarInput = NonNullable<DealInput['calendar']>;

/**
 * One senior class of 1,000,000 on a 2,000,000 level-pay pool with no defaults or prepayments: with no OC target
 * the class is paid down only to the pool balance, so it keeps its full balance for the first year and its
 * interest is balance × coupon × accrual fraction.
 */
function deal(
  over: Partial<DealInput> & { dayCount?: '30/360' | 'ACT/360' | 'ACT/365F' | 'ACT/ACT'; coupon?: number },
) {
  const { dayCount = 'ACT/360', coupon = 0.036, ...rest } = over;
  const input: DealInput = {
    schemaVersion: 1,
    name: 'calendar test',
    currency: 'CNY',
    cutoffDate: '2025-01-31',
    paymentDay: 26,
    pool: {
      kind: 'repLines',
      lines: [
        {
          id: 'L',
          product: 'level-pay',
          balance: 2_000_000,
          rate: 0.12,
          originalTerm: 24,
          remainingTerm: 24,
        },
      ],
    },
    scenarios: [
      {
        name: 'flat',
        prepayment: { model: 'CPR', curve: 0 },
        default: { model: 'CDR', curve: 0 },
        severity: 0,
        recoveryLagMonths: 0,
      },
    ],
    structure: {
      tranches: [
        {
          id: 'A',
          seniority: 'senior',
          balance: 1_000_000,
          coupon: { type: 'fixed', rate: coupon },
          dayCount,
        },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'interest', tranches: ['A'] },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'residual' },
      ],
    },
    ...rest,
  };
  return Deal.parse(input);
}

function run(d: Deal): RunResult {
  if (d.pool.kind !== 'repLines') throw new Error('rep lines');
  return runDeal(d, { kind: 'repLines', lines: d.pool.lines });
}

const classA = (r: RunResult) => {
  const a = r.tranches.find((t) => t.id === 'A');
  if (!a) throw new Error('no A');
  return a;
};

describe('stub periods: closing 2025-02-12, each day count', () => {
  // Short first stub: first payment 2025-02-26, 14 days after closing (30/360: 30 × 0 + 26 − 12 = 14 as well).
  // Long first stub: first payment 2025-03-26; actual days 16 (12 → 28 February) + 26 = 42; 30/360: 30 × 1 + 26 − 12 = 44.
  // Interest = 1,000,000 × 6% × fraction, rounded half-even to the cent.
  const cases: [string, '30/360' | 'ACT/360' | 'ACT/365F' | 'ACT/ACT', number, number][] = [
    // short: 60,000 × 14/360 = 2,333.33; long: 60,000 × 44/360 = 7,333.33
    ['30/360', '30/360', 2333.33, 7333.33],
    // short: 60,000 × 14/360 = 2,333.33; long: 60,000 × 42/360 = 7,000.00
    ['ACT/360', 'ACT/360', 2333.33, 7000],
    // short: 60,000 × 14/365 = 2,301.37; long: 60,000 × 42/365 = 6,904.11
    ['ACT/365F', 'ACT/365F', 2301.37, 6904.11],
    // 2025 is not a leap year, so ACT/ACT is days/365 here (the year-end split is checked below).
    ['ACT/ACT', 'ACT/ACT', 2301.37, 6904.11],
  ];
  for (const [name, dayCount, short, long] of cases) {
    it(`${name}: short stub ${short}, long stub ${long}`, () => {
      const s = classA(run(deal({ dayCount, coupon: 0.06, closingDate: '2025-02-12' })));
      expect(s.cashflows[0]).toMatchObject({
        period: 1,
        date: '2025-02-26',
        interestDue: short,
        interest: short,
        accrualStart: '2025-02-12',
        accrualEnd: '2025-02-26',
        accrualDays: 14,
      });
      const l = classA(
        run(deal({ dayCount, coupon: 0.06, closingDate: '2025-02-12', firstPaymentDate: '2025-03-26' })),
      );
      // February's collections wait in the collection account: nothing is paid on 2025-02-26.
      expect(l.cashflows[0]).toMatchObject({ period: 1, interest: 0, principal: 0, accrualStart: null });
      expect(l.cashflows[1]).toMatchObject({
        period: 2,
        date: '2025-03-26',
        interestDue: long,
        accrualStart: '2025-02-12',
        accrualEnd: '2025-03-26',
        accrualDays: dayCount === '30/360' ? 44 : 42,
      });
    });
  }

  it('ACT/ACT (ISDA) splits a stub across a leap-year end', () => {
    // Closing 2023-12-11, first payment 2024-01-26: 21 days of 2023 over 365 and 25 days of 2024 over 366.
    // 60,000 × (21/365 + 25/366) = 3,452.05 + 4,098.36 = 7,550.42 (7,550.4155 rounded).
    const r = run(
      deal({
        dayCount: 'ACT/ACT',
        coupon: 0.06,
        cutoffDate: '2023-11-30',
        closingDate: '2023-12-11',
        firstPaymentDate: '2024-01-26',
      }),
    );
    expect(classA(r).cashflows[1]).toMatchObject({ interestDue: 7550.42, accrualDays: 46 });
    expect(r.checks.cashConserved).toBe(true);
  });
});

describe('payment frequency', () => {
  it('a quarterly deal pays the sum of its three months of accrual, and the collection account reconciles', () => {
    // ACT/360 at 3.6% on 1,000,000 is 100.00 a day; the class keeps its balance (see deal()), so the sum is exact.
    // Quarterly, closing on the cut-off 2025-01-31, first payment 2025-04-26: 31 Jan → 26 Apr = 85 days = 8,500.00.
    // The same deal paying monthly accrues 26 (31 Jan → 26 Feb) + 28 + 31 = 85 days: 2,600 + 2,800 + 3,100.
    const cal: CalendarInput = { paymentFrequency: { revolving: 'quarterly', amortising: 'quarterly' } };
    const q = run(deal({ calendar: cal, closingDate: '2025-01-31', firstPaymentDate: '2025-04-26' }));
    const m = run(deal({ closingDate: '2025-01-31' }));
    const qa = classA(q).cashflows;
    const ma = classA(m).cashflows;
    expect(ma.slice(0, 3).map((c) => c.interestDue)).toEqual([2600, 2800, 3100]);
    expect(qa.slice(0, 3).map((c) => c.interestDue)).toEqual([0, 0, 8500]);
    expect(qa[2].interestDue).toBe(ma[0].interestDue + ma[1].interestDue + ma[2].interestDue);
    // The next quarter: 26 Apr → 26 Jul = 4 + 31 + 30 + 26 = 91 days = 9,100.00 = 3,000 + 3,100 + 3,000.
    expect(qa[5]).toMatchObject({
      date: '2025-07-26',
      interestDue: 9100,
      accrualStart: '2025-04-26',
      accrualDays: 91,
    });
    expect(ma.slice(3, 6).reduce((s, c) => s + c.interestDue, 0)).toBe(9100);
    // Collections wait between payment dates, and every period reconciles with the account's change.
    const w = q.waterfall;
    expect(w[0].paymentDate).toBe(false);
    expect(w[0].collectionAccount?.end).toBe(w[0].sources.total);
    expect(w[2].paymentDate).toBe(true);
    expect(w[2].collectionAccount).toEqual({ begin: w[0].sources.total + w[1].sources.total, end: 0 });
    expect(q.checks).toEqual({ cashConserved: true, failures: [] });
  });

  it('quarterly while revolving, monthly once amortising: payment dates follow the phase', () => {
    const input = deal({});
    const d = Deal.parse({
      ...input,
      firstPaymentDate: '2025-04-26',
      calendar: { paymentFrequency: { revolving: 'quarterly', amortising: 'monthly' } },
      structure: {
        ...input.structure,
        revolving: {
          endPeriod: 6,
          profile: [
            { id: 'N', product: 'level-pay', balance: 1, rate: 0.12, originalTerm: 12, remainingTerm: 12 },
          ],
        },
        waterfall: [
          { pay: 'interest', tranches: ['A'] },
          { pay: 'purchase' },
          { pay: 'principal', tranches: ['A'] },
          { pay: 'residual' },
        ],
      },
    });
    const r = run(d);
    // First payment 2025-04-26 is collection month 3; quarterly while revolving gives month 6, the last revolving
    // month; amortising starts in month 7 and pays monthly: 7, 8, 9…
    const paid = r.waterfall.filter((p) => p.paymentDate).map((p) => p.period);
    expect(paid.slice(0, 5)).toEqual([3, 6, 7, 8, 9]);
    // Purchases still run every collection month while revolving.
    expect(r.revolving?.purchases.map((p) => p.period).slice(0, 3)).toEqual([1, 2, 3]);
    expect(r.checks.cashConserved).toBe(true);
  });

  it('tests triggers every collection month, or on payment dates only when the deal says so', () => {
    // A cumulative-net-loss trigger at 0.01% breaches as soon as any loss is realised: with 10% CDR, 100% severity
    // and no lag, in collection month 1. Paying quarterly from month 3, a deal testing on payment dates sees it
    // first on 2025-04-26 (month 3).
    const withTrigger = (triggerTests: 'collectionMonths' | 'paymentDates') => {
      const d = deal({
        closingDate: '2025-01-31',
        firstPaymentDate: '2025-04-26',
        calendar: { paymentFrequency: { revolving: 'quarterly', amortising: 'quarterly' }, triggerTests },
      });
      return run(
        Deal.parse({
          ...d,
          scenarios: [{ ...d.scenarios[0], default: { model: 'CDR', curve: 0.1 }, severity: 1 }],
          structure: {
            ...d.structure,
            principalRule: { normal: { type: 'proRata' } },
            triggers: [
              {
                id: 'cnl',
                test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: 0.0001 }] },
                effects: ['sequential'],
              },
            ],
          },
        }),
      );
    };
    expect(withTrigger('collectionMonths').triggerEvents.map((e) => e.period)).toEqual([1]);
    expect(withTrigger('paymentDates').triggerEvents.map((e) => [e.period, e.date])).toEqual([
      [3, '2025-04-26'],
    ]);
  });

  it('a monthly deal with an explicit calendar and closing on its cut-off gives the same run as before', () => {
    const plain = run(deal({}));
    const explicit = run(
      deal({
        closingDate: '2025-01-31',
        calendar: { paymentFrequency: { revolving: 'monthly', amortising: 'monthly' } },
      }),
    );
    expect(explicit.waterfall).toEqual(plain.waterfall);
    expect(explicit.tranches).toEqual(plain.tranches);
  });
});

describe('business days on the published holiday lists', () => {
  it('National Day 2025 on the exchange calendar: 1 October rolls to Thursday the 9th', () => {
    // Payment day 1 from the cut-off 2025-08-31: 1 Sep (Mon), 1 Oct (holiday 1–8 Oct) → 9 Oct, 1 Nov (Sat) → 3 Nov.
    // ACT/360 at 3.6%: 100.00 a day. Adjusted accrual: 1 Sep → 9 Oct 38 days = 3,800.00; 9 Oct → 3 Nov 25 days = 2,500.00.
    const r = run(
      deal({
        cutoffDate: '2025-08-31',
        paymentDay: 1,
        calendar: { holidays: 'CN-SSE', businessDayRule: 'following' },
      }),
    );
    const a = classA(r).cashflows;
    expect(a.slice(0, 3).map((c) => c.date)).toEqual(['2025-09-01', '2025-10-09', '2025-11-03']);
    expect(a[1]).toMatchObject({
      accrualStart: '2025-09-01',
      accrualEnd: '2025-10-09',
      accrualDays: 38,
      interestDue: 3800,
    });
    expect(a[2]).toMatchObject({ accrualDays: 25, interestDue: 2500 });
    expect(r.pool.periods[1].date).toBe('2025-10-09');
    // Unadjusted accrual: the scheduled 1 Sep → 1 Oct is 30 days (3,000.00), though cash moves on 9 Oct.
    const u = run(
      deal({
        cutoffDate: '2025-08-31',
        paymentDay: 1,
        calendar: { holidays: 'CN-SSE', businessDayRule: 'following', accrualDates: 'unadjusted' },
      }),
    );
    expect(classA(u).cashflows[1]).toMatchObject({
      date: '2025-10-09',
      accrualEnd: '2025-10-01',
      interestDue: 3000,
    });
  });

  it('Spring Festival 2026: Saturday 28 February is an interbank working day but not an exchange day', () => {
    // State Council 2026 notice: holiday 15–23 February, Saturdays 14 and 28 February worked. Modified following
    // from Saturday 28 February: interbank stays on the 28th; the exchanges' next day is Monday 2 March, in the
    // next month, so they go back to Friday 27 February. ACT/360 from the cut-off 31 January: 28 vs 27 days.
    const on = (holidays: string) =>
      classA(
        run(
          deal({
            cutoffDate: '2026-01-31',
            paymentDay: 28,
            calendar: { holidays, businessDayRule: 'modifiedFollowing' },
          }),
        ),
      ).cashflows[0];
    expect(on('CN-IB')).toMatchObject({ date: '2026-02-28', accrualDays: 28, interestDue: 2800 });
    expect(on('CN-SSE')).toMatchObject({ date: '2026-02-27', accrualDays: 27, interestDue: 2700 });
  });

  it('says when payment dates fall beyond the calendar’s published years, and names an unknown calendar', () => {
    const r = run(deal({ cutoffDate: '2026-06-30', calendar: { holidays: 'CN-SSE' } }));
    expect(r.calendarNotes).toEqual([
      'Payment dates in 2027 and later are rolled on weekends and fixed-date holidays only: the CN-SSE calendar lists published holidays for 2015–2026.',
    ]);
    expect(run(deal({})).calendarNotes).toEqual([]);
    // Before the first listed year, likewise: a 2014 cut-off's first payment dates fall in 2014.
    expect(
      run(deal({ cutoffDate: '2014-06-30', calendar: { holidays: 'US-SIFMA' } })).calendarNotes?.[0],
    ).toBe(
      'Payment dates before 2015 are rolled on weekends and fixed-date holidays only: the US-SIFMA calendar lists published holidays for 2015–2026.',
    );
    expect(() => run(deal({ calendar: { holidays: 'CN-XX' } }))).toThrow(DealError);
    expect(() => run(deal({ calendar: { holidays: 'CN-XX' } }))).toThrow(
      /calendar\.holidays: no holiday calendar 'CN-XX'/,
    );
  });

  it('reports expected and legal final dates per class', () => {
    const r = run(deal({ calendar: { legalFinalDate: '2028-01-26' } }));
    const a = classA(r);
    expect(a.legalFinalDate).toBe('2028-01-26');
    // The last principal payment of A is its expected final date (the last cash-flow row paying principal).
    const last = [...a.cashflows].reverse().find((c) => c.principal > 0);
    expect(a.expectedFinalDate).toBe(last?.date);
  });
});

describe('deal calendar validation', () => {
  it('names the field when the first payment date is off the payment day or before closing', () => {
    const bad = deal({ firstPaymentDate: '2025-03-25', closingDate: '2025-02-12' });
    expect(() => run(bad)).toThrow(/firstPaymentDate: falls on day 25, not on paymentDay 26/);
    expect(() => run(deal({ firstPaymentDate: '2025-02-26', closingDate: '2025-03-01' }))).toThrow(
      /firstPaymentDate: 2025-02-26 is not after the closing date 2025-03-01/,
    );
  });
});
