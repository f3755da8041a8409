/**
 * Issue 15: deal phases, events of default, separate revenue and redemption priorities of payments with a
 * principal deficiency ledger (PDL), and caps and targets on steps. Each deal is small enough to work by hand;
 * the expected figures are derived in the comments from the collections given, never read off the engine.
 * Coupons are 12% on 30/360 monthly dates, so a class's interest is exactly 1% of its beginning balance.
 */
import { describe, expect, it } from 'vitest';
import { runWaterfall, type WaterfallSchedule } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from './fixtures';

const twelve = { type: 'fixed', rate: 0.12 } as const;
const zero = { type: 'fixed', rate: 0 } as const;

function run(s: unknown, cutoff: number, flows: PeriodFlows[], schedule?: WaterfallSchedule) {
  const pool = collections(cutoff, flows);
  const r = runWaterfall({
    structure: structure(s),
    scenario: flatScenario(),
    dates: dates(pool.periods),
    pool,
    ...(schedule ? { schedule } : {}),
  });
  expect(r.checks).toEqual({ cashConserved: true, failures: [] });
  return r;
}
type Run = ReturnType<typeof run>;
const flows = (r: Run, id: string) => {
  const t = r.tranches.find((x) => x.id === id);
  if (!t) throw new Error(`no tranche ${id}`);
  return t.cashflows;
};
const principal = (r: Run, id: string) => flows(r, id).map((c) => c.principal);

describe('acceleration after an event of default', () => {
  // A 80,000 senior at 12%, B 20,000 subordinated at 0%, on a 100,000 pool; principal pro rata while the deal
  // performs. The event of default is one payment date with A's interest unpaid (UK/EU "non-payment of interest
  // on the most senior class"); after it the post-enforcement priority pools interest and principal and pays A
  // its interest and then its principal in full before B gets anything.
  const deal = (eventsOfDefault: unknown[]) => ({
    tranches: [
      { id: 'A', seniority: 'senior', balance: 80000, coupon: twelve },
      { id: 'B', seniority: 'subordinated', balance: 20000, coupon: zero },
    ],
    principalRule: { normal: { type: 'proRata' } },
    waterfall: [
      { pay: 'interest', tranches: ['A'], from: ['interest'] },
      { pay: 'principal', tranches: ['A', 'B'], from: ['principal'] },
      { pay: 'residual' },
    ],
    phases: { eventsOfDefault },
  });
  const month = { interest: 1000, scheduledPrincipal: 10000 };
  const pool: PeriodFlows[] = [
    { interest: 500, scheduledPrincipal: 10000 },
    month,
    month,
    { interest: 1000, scheduledPrincipal: 70000 },
  ];
  const r = run(deal([{ type: 'interestShortfall', tranches: ['A'], periods: 1 }]), 100000, pool);
  const base = run(deal([]), 100000, pool);

  it('tests the shortfall after the distribution and accelerates from the next period, for good', () => {
    // P1: A is due 800 and gets the 500 of interest collections: 300 short → event of default.
    expect(flows(r, 'A')[0].interestShortfall).toBe(300);
    expect(r.acceleration).toEqual({ period: 2, event: 0, type: 'interestShortfall', testedPeriod: 1 });
    expect(r.waterfall.map((p) => p.phase)).toEqual([
      'amortising',
      'accelerated',
      'accelerated',
      'accelerated',
    ]);
    expect(base.acceleration).toBeNull();
  });

  it('pays pro rata before the event and senior first, interest and principal pooled, after it', () => {
    // P1 (amortising): 10,000 principal pro rata 80:20 → A 8,000, B 2,000.
    // P2 (accelerated): A is due 720 (1% of 72,000) + 300 carried = 1,020, paid from 1,000 of interest and 20 of
    // principal; the other 9,980 of principal goes to A (all of A is due). B gets nothing.
    // P3: A due 620.20 (1% of 62,020) from interest; 379.80 of interest and 10,000 of principal to A → 51,640.20.
    // P4 (final): A due 516.40 → interest 1,000 − 516.40 = 483.60 and 70,000 of principal pay A's 51,640.20, then
    // B's 18,000; the 843.40 left goes to the residual.
    expect(principal(r, 'A')).toEqual([8000, 9980, 10379.8, 51640.2]);
    expect(principal(r, 'B')).toEqual([2000, 0, 0, 18000]);
    expect(flows(r, 'A').map((c) => c.interest)).toEqual([500, 1020, 620.2, 516.4]);
    // Without the event the deal keeps paying pro rata: B is paid 2,000 in P2.
    expect(principal(base, 'B')[1]).toBe(2000);
  });

  it('accelerates in the same period on a trigger tested before the distribution, the next one after it', () => {
    // A cumulative net loss trigger over 4% breaches in P2 (5,000 of loss on 100,000).
    const withLoss: PeriodFlows[] = [
      { interest: 1000, scheduledPrincipal: 10000 },
      { interest: 1000, scheduledPrincipal: 5000, defaults: 5000, loss: 5000 },
      month,
      { interest: 1000, scheduledPrincipal: 65000 },
    ];
    const trigger = (testedAt?: string) => ({
      id: 'cnl',
      test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: 0.04 }] },
      effects: ['trapCash'],
      ...(testedAt ? { testedAt } : {}),
    });
    const before = run(
      { ...deal([{ type: 'trigger', trigger: 'cnl' }]), triggers: [trigger()] },
      100000,
      withLoss,
    );
    const after = run(
      { ...deal([{ type: 'trigger', trigger: 'cnl' }]), triggers: [trigger('afterDistribution')] },
      100000,
      withLoss,
    );
    expect(before.acceleration).toEqual({ period: 2, event: 0, type: 'trigger', testedPeriod: 2 });
    expect(after.acceleration).toEqual({ period: 3, event: 0, type: 'trigger', testedPeriod: 2 });
    // Same period: in P2 A is paid its 720 of interest, then all of A is due: the other 280 of interest and the
    // 5,000 of principal go to A, nothing to B.
    expect(principal(before, 'A')[1]).toBe(5280);
    expect(principal(before, 'B')[1]).toBe(0);
    // Next period: P2 still pays pro rata from principal only: 5,000 split 4,000 / 1,000.
    expect(principal(after, 'B')[1]).toBe(1000);
  });

  it('pays every month once accelerated, whatever the payment frequency', () => {
    // Quarterly payment dates (3, 6); a trigger tested before distribution breaches on P3's date and accelerates
    // it: from then on P4, P5 and P6 are payment dates.
    const six: PeriodFlows[] = [
      month,
      { interest: 1000, scheduledPrincipal: 5000, defaults: 5000, loss: 5000 },
      month,
      month,
      month,
      { interest: 1000, scheduledPrincipal: 45000 },
    ];
    const schedule: WaterfallSchedule = {
      accrualDates: dates(6),
      firstPaymentPeriod: 3,
      revolvingMonths: 3,
      amortisingMonths: 3,
      reinvestmentRate: 0,
      triggersOnPaymentDates: true,
    };
    const s = {
      ...deal([{ type: 'trigger', trigger: 'cnl' }]),
      triggers: [
        {
          id: 'cnl',
          test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: 0.04 }] },
          effects: ['trapCash'],
        },
      ],
    };
    const q = run(s, 100000, six, schedule);
    const plain = run({ ...s, phases: { eventsOfDefault: [] } }, 100000, six, schedule);
    expect(q.waterfall.map((p) => p.paymentDate)).toEqual([false, false, true, true, true, true]);
    expect(plain.waterfall.map((p) => p.paymentDate)).toEqual([false, false, true, false, false, true]);
  });
});

describe('separate revenue and redemption priorities of payments with a principal deficiency ledger', () => {
  // A 80,000 senior at 12%, B 20,000 subordinated at 0%, pool 100,000, sequential. Revenue: A interest, cure
  // the PDL, residual. Redemption: A interest (principal covering a revenue shortfall), principal A then B,
  // residual. As UK and Chinese deals write it: losses debit the PDL from the most junior class up; principal
  // spent on interest debits it too; excess spread credits it (cash moves to principal and pays the notes).
  const split = {
    interest: [
      { pay: 'interest', tranches: ['A'] },
      { pay: 'pdlCure', tranches: ['A', 'B'] },
      { pay: 'residual' },
    ],
    principal: [
      { pay: 'interest', tranches: ['A'] },
      { pay: 'principal', tranches: ['A', 'B'] },
      { pay: 'residual' },
    ],
  };
  const tranches = [
    { id: 'A', seniority: 'senior', balance: 80000, coupon: twelve },
    { id: 'B', seniority: 'subordinated', balance: 20000, coupon: zero },
  ];
  const combined = [
    { pay: 'interest', tranches: ['A'] },
    { pay: 'principal', tranches: ['A', 'B'] },
    { pay: 'residual' },
  ];
  const pool: PeriodFlows[] = [
    { interest: 2000, scheduledPrincipal: 5000, defaults: 5000, loss: 5000 },
    { interest: 500, scheduledPrincipal: 10000 },
    { interest: 5000 },
    { interest: 600, scheduledPrincipal: 80000 },
  ];
  const pdl = run(
    {
      tranches,
      principalRule: { normal: { type: 'sequential' } },
      waterfall: combined,
      phases: { waterfalls: { amortising: split } },
      principalDeficiencyLedger: true,
    },
    100000,
    pool,
  );
  const writeDown = run(
    { tranches, principalRule: { normal: { type: 'sequential' } }, waterfall: combined },
    100000,
    pool,
  );
  const ledger = (r: Run, id: string) => flows(r, id).map((c) => c.principalDeficiency);

  it('debits losses to the junior class and credits it from excess spread, senior first', () => {
    // P1: 5,000 loss → B's PDL 5,000. Revenue: A 800, then 1,200 cures B's PDL to 3,800 and moves to principal.
    // P2: A due 738 (1% of 73,800); revenue 500 → 238 short; redemption pays the 238 from principal and the PDL
    // is debited to 4,038. P3: 640.38 of A interest, then 4,038 cures the PDL in full; the rest (321.62) is
    // the residual. P4: all notes repaid; ledgers zero.
    expect(ledger(pdl, 'B')).toEqual([3800, 4038, 0, 0]);
    expect(ledger(pdl, 'A')).toEqual([0, 0, 0, 0]);
    const p2 = pdl.waterfall[1].steps;
    const p2Redemption = p2.find((s) => s.ledger === 'redemption' && s.step === 0);
    expect(p2Redemption).toMatchObject({ due: 238, paid: 238, fromPrincipal: 238 });
    expect(p2.find((s) => s.ledger === 'revenue' && s.step === 0)).toMatchObject({ due: 738, paid: 500 });
    // The cure is a transfer to principal, not cash leaving the deal: P3's uses are interest, principal, residual.
    const p3 = pdl.waterfall[2];
    expect(p3.steps.find((s) => s.ledger === 'revenue' && s.step === 1)).toMatchObject({
      due: 4038,
      paid: 4038,
    });
    expect(p3.uses.total).toBe(5000);
    expect(p3.steps.find((s) => s.ledger === 'revenue' && s.step === 2)?.paid).toBe(321.62);
  });

  it('keeps the notes at their balance (no write-down) and pays the cure to the senior class', () => {
    // PDL: the cured cash pays the notes in redemption order, A first: A gets 6,200, 9,762, 4,038, 60,000.
    expect(principal(pdl, 'A')).toEqual([6200, 9762, 4038, 60000]);
    expect(principal(pdl, 'B')).toEqual([0, 0, 0, 20000]);
    expect(flows(pdl, 'B').every((c) => c.writedown === 0)).toBe(true);
  });

  it('reaches the noteholders in the same amounts but at other times than writeDown', () => {
    // writeDown, one combined list (interest may draw principal): P1 writes B down 3,800 (notes 93,800 against a
    // 90,000 pool), P2 another 238 (the principal spent on A's interest). P3's excess spread writes B back up and
    // pays it 4,038 before the residual. A, still 64,038 in P4, is due 640.38 of interest: 600 of interest and
    // 40.38 of principal; the other 79,959.62 repays A's 64,038 and 15,921.62 of B, which loses 40.38.
    expect(flows(writeDown, 'B').map((c) => c.writedown)).toEqual([3800, 238, -4038, 40.38]);
    expect(principal(writeDown, 'A')).toEqual([6200, 9762, 0, 64038]);
    expect(principal(writeDown, 'B')).toEqual([0, 0, 4038, 15921.62]);
    // With the PDL the cure paid A down in P3, so A's P4 interest is 600 and B is repaid in full.
    expect(flows(pdl, 'A')[3].interest).toBe(600);
    expect(pdl.tranches.map((t) => t.principalLoss)).toEqual([0, 0]);
    expect(writeDown.tranches.map((t) => t.principalLoss)).toEqual([0, 40.38]);
    // The seller gets the same 321.62 in P3 either way.
    expect(writeDown.waterfall[2].steps.find((x) => x.label === 'residual')?.paid).toBe(321.62);
  });
});

describe('caps and targets on steps', () => {
  // A 80,000 senior, B 20,000 subordinated at 0%, pool 100,000. A principal step pays A only down to a target
  // balance of 70,000 (a targeted amortisation class); B takes the rest of the principal due.
  const s = (limit: unknown) => ({
    tranches: [
      { id: 'A', seniority: 'senior', balance: 80000, coupon: zero },
      { id: 'B', seniority: 'subordinated', balance: 20000, coupon: zero },
    ],
    fees: [{ id: 'svc', basis: { type: 'fixed', amount: 100 } }],
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [
      { pay: 'fee', fee: 'svc', limit: { shareOfDue: 0.5 } },
      { pay: 'principal', tranches: ['A'], limit },
      { pay: 'principal', tranches: ['B'] },
      { pay: 'residual', limit: { maxAmount: 30 } },
    ],
  });
  const pool: PeriodFlows[] = [{ interest: 100, scheduledPrincipal: 15000 }, { scheduledPrincipal: 85000 }];
  const r = run(s({ toTargetBalance: { schedule: [{ fromPeriod: 1, balance: 70000 }] } }), 100000, pool);

  it('pays a class down to its target balance and no further; the final period pays everything', () => {
    // P1: 15,000 is due to A (notes 100,000 − pool 85,000) but the target allows 80,000 − 70,000 = 10,000; B's
    // step is due 90,000 − 85,000 = 5,000.
    expect(r.waterfall[0].steps[1]).toMatchObject({ due: 15000, limitedTo: 10000, paid: 10000 });
    // P2 (final): the target gives way and A's 70,000 is due; B gets the 85,000 less A and P2's fee (75, below).
    expect(principal(r, 'A')).toEqual([10000, 70000]);
    expect(principal(r, 'B')).toEqual([5000, 14925]);
  });

  it('pays a share of what is due (the rest carried) and at most an amount', () => {
    // The fee is due 100 and half of it is paid: 50; the 50 unpaid is carried, so P2 is due 150 and pays 75
    // (from principal: P2 has no interest, and a fee step draws on principal when interest runs out).
    expect(r.waterfall[0].steps[0]).toMatchObject({ due: 100, limitedTo: 50, paid: 50 });
    expect(r.waterfall[1].steps[0]).toMatchObject({ due: 150, limitedTo: 75, paid: 75 });
    // P1 residual: 100 − 50 = 50 of interest left, at most 30 to the seller; the other 20 leaves as unallocated.
    expect(r.waterfall[0].steps[3]).toMatchObject({ due: 50, limitedTo: 30, paid: 30 });
  });

  it('a target of a share of the pool', () => {
    // 80% of the 85,000 pool end = 68,000: A may be paid down to 68,000, so 12,000 (≤ 15,000 due); B 3,000.
    const p = run(s({ toTargetBalance: { percentOfPool: 0.8 } }), 100000, pool);
    expect(principal(p, 'A')[0]).toBe(12000);
    expect(principal(p, 'B')[0]).toBe(3000);
  });
});
