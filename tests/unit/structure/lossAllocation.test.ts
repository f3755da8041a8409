/**
 * Issue 20: loss allocation and the conventions around it, each on a deal small enough to work by hand (zero
 * coupons unless stated, so only the loss rules move cash). Expected figures are derived in the comments from
 * the collections given, never read off the engine.
 */
import { describe, expect, it } from 'vitest';
import { allocateByLevel, writeDowns } from '../../../core/structure/lossAllocation';
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

const tranche = (r: ReturnType<typeof run>, id: string) => {
  const t = r.tranches.find((x) => x.id === id);
  if (!t) throw new Error(`no tranche ${id}`);
  return t;
};
const paid = (r: ReturnType<typeof run>, t: number, label: string): number =>
  r.waterfall[t - 1].steps.filter((s) => s.label === label).reduce((a, s) => a + s.paid, 0);

describe('item 1: only realised losses are written down, and written back up before the seller is paid', () => {
  // A 80,000 senior, B 20,000 subordinated on a 100,000 pool; no OC target (notes paid down to the pool).
  // P1: 10,000 defaults, awaiting liquidation. P2: liquidated at 50% severity (5,000 loss, 5,000 recovered) and
  // 2,000 of interest. P3: 4,000 of interest. P4: the pool's 90,000 repaid. Convention (European PDL / US
  // realised-loss write-down): a class is written down by defaulted balance less liquidation proceeds once
  // liquidated and not covered, and cured from later available funds, senior first, before the residual.
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 80000, coupon: zero },
        { id: 'B', seniority: 'subordinated', balance: 20000, coupon: zero },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [{ pay: 'principal', tranches: ['A', 'B'] }, { pay: 'residual' }],
    },
    100000,
    [
      { defaults: 10000, pendingDefaults: 10000 },
      { loss: 5000, recovery: 5000, interest: 2000 },
      { interest: 4000 },
      { scheduledPrincipal: 90000 },
    ],
  );
  const a = tranche(r, 'A').cashflows;
  const b = tranche(r, 'B').cashflows;

  it('does not write down a default before it is liquidated', () => {
    // P1: notes 100,000 against 90,000 performing + 10,000 awaiting liquidation: no write-down (the old rule
    // wrote B down by the whole 10,000 at default).
    expect([a[0].writedown, b[0].writedown]).toEqual([0, 0]);
  });

  it('writes down the realised loss not covered by the period', () => {
    // P2: 10,000 due (100,000 down to the 90,000 pool) from 5,000 recovered + 2,000 interest: A gets 7,000.
    // Notes 93,000 against 90,000 of collateral: B written down 3,000 (of the 5,000 realised, 2,000 was covered).
    expect(a[1].principal).toBe(7000);
    expect(b[1].writedown).toBe(3000);
    expect(b[1].balance).toBe(17000);
    expect(paid(r, 2, 'residual')).toBe(0);
  });

  it('writes B back up from the next period’s funds before the residual', () => {
    // P3: notes 90,000 = pool, no regular principal due; 3,000 of the 4,000 cures B (write-up paid as principal,
    // balance unchanged), 1,000 to the seller. The old rule paid all 4,000 (and P2's 7,000) to the seller.
    expect(b[2].writedown).toBe(-3000);
    expect(b[2].principal).toBe(3000);
    expect(b[2].balance).toBe(17000);
    expect(paid(r, 3, 'principal before the residual (uncured loss)')).toBe(3000);
    expect(paid(r, 3, 'residual')).toBe(1000);
  });

  it('leaves both classes whole', () => {
    // P4: 73,000 to A and 17,000 to B. Totals: A 80,000, B 3,000 + 17,000 = 20,000.
    expect(r.tranches.map((t) => t.principalLoss)).toEqual([0, 0]);
    expect(b.reduce((s, c) => s + c.principal, 0)).toBe(20000);
  });
});

describe('item 1: unpaid interest is paid before the residual', () => {
  // A 80,000 at 12% (800 a month) on a 100,000 pool, OC target 10% of the pool. The interest step may only use
  // interest collections; P1 collects 500, so 300 goes short. Principal: 80,000 is already below 90,000 − 9,000,
  // nothing due, so the 10,000 of principal collections would all go to the seller; the shortfall is paid first.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 80000, coupon: { type: 'fixed', rate: 0.12 } }],
      ocTarget: { percentOfCurrentPool: 0.1 },
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'interest', tranches: ['A'], from: ['interest'] },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'residual' },
      ],
    },
    100000,
    [
      { scheduledPrincipal: 10000, interest: 500 },
      { scheduledPrincipal: 90000, interest: 800 },
    ],
  );

  it('pays the 300 short from principal collections, then 9,700 to the seller', () => {
    expect(paid(r, 1, 'interest shortfall before the residual')).toBe(300);
    expect(r.tranches[0].cashflows[0]).toMatchObject({
      interestDue: 800,
      interest: 800,
      interestShortfall: 0,
    });
    expect(paid(r, 1, 'residual')).toBe(9700);
  });
});

describe('item 2: a reserve funded from principal collections is not a loss', () => {
  // A 100,000 on a 100,000 pool, no losses. Reserve target 2,000, deposited before principal from interest then
  // principal. P1: 10,000 principal, 500 interest → deposit 500 + 1,500; A gets the other 8,500 (91,500 left).
  // Notes 91,500 against 90,000 pool + 2,000 reserve: no write-down (the old rule wrote A down by 1,500).
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: zero }],
      reserve: { initialBalance: 0, target: { floor: 2000 } },
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [{ pay: 'reserveDeposit' }, { pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
    },
    100000,
    [{ scheduledPrincipal: 10000, interest: 500 }, { scheduledPrincipal: 90000 }],
  );

  it('keeps A whole and pays it from the released reserve at maturity', () => {
    expect(r.tranches[0].cashflows.map((c) => c.writedown)).toEqual([0, 0]);
    // P2 (final): 90,000 collected + 2,000 released; A's 91,500 paid, 500 to the seller.
    expect(r.tranches[0].cashflows.map((c) => c.principal)).toEqual([8500, 91500]);
    expect(r.tranches[0].principalLoss).toBe(0);
    expect(paid(r, 2, 'residual')).toBe(500);
  });
});

describe('item 1: a reserve that covers principal at maturity pays written-down classes', () => {
  // A 100,000 on a 100,000 pool; reserve 5,000 (target 5,000). P1: 10,000 lost outright, no cash: notes
  // 100,000 against 90,000 pool + 5,000 reserve, so A is written down 5,000 (the reserve is collateral; the old
  // rule ignored it and wrote down 10,000). P2 (final): 90,000 repaid.
  const deal = (coversPrincipalAtMaturity: boolean) => ({
    tranches: [{ id: 'A', seniority: 'senior', balance: 100000, coupon: zero }],
    reserve: { initialBalance: 5000, target: { floor: 5000 }, coversPrincipalAtMaturity },
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
  });
  const flows = [{ defaults: 10000, loss: 10000 }, { scheduledPrincipal: 90000 }];

  it('covers: the released 5,000 goes to A, nothing to the seller; A loses only the 5,000 the reserve could not cover', () => {
    const r = run(deal(true), 100000, flows);
    expect(r.tranches[0].cashflows[0].writedown).toBe(5000);
    // P2: 90,000 + 5,000 released pay A's 95,000; the 5,000 write-down stays uncured.
    expect(r.tranches[0].cashflows[1].principal).toBe(95000);
    expect(r.tranches[0].principalLoss).toBe(5000);
    expect(paid(r, 2, 'residual')).toBe(0);
  });

  it('does not cover: the reserve goes back to the seller and A loses 10,000', () => {
    const r = run(deal(false), 100000, flows);
    expect(r.tranches[0].cashflows[1].principal).toBe(90000);
    expect(paid(r, 2, 'reserve returned to the seller')).toBe(5000);
    expect(r.tranches[0].principalLoss).toBe(10000);
  });
});

describe('item 4: principal unpaid at the end is a loss in every mode', () => {
  // A 60,000, B 40,000; 30,000 defaults lost outright in P1, the other 70,000 repaid in P2 (final): A 60,000,
  // B 10,000, B short 30,000. Break-even and stresses read principalLoss, so `none` must report it too.
  const deal = (lossAllocation: 'none' | 'writeDown') => ({
    tranches: [
      { id: 'A', seniority: 'senior', balance: 60000, coupon: zero },
      { id: 'B', seniority: 'mezzanine', balance: 40000, coupon: zero },
    ],
    principalRule: { normal: { type: 'sequential' } },
    lossAllocation,
    waterfall: [{ pay: 'principal', tranches: ['A', 'B'] }, { pay: 'residual' }],
  });
  const flows = [{ defaults: 30000, loss: 30000 }, { scheduledPrincipal: 70000 }];

  it('under none: B keeps its balance and reports the 30,000 as its loss', () => {
    const r = run(deal('none'), 100000, flows);
    expect(r.tranches.map((t) => t.cashflows[1].balance)).toEqual([0, 30000]);
    expect(r.tranches.map((t) => t.principalLoss)).toEqual([0, 30000]);
  });

  it('under writeDown: the same 30,000', () => {
    const r = run(deal('writeDown'), 100000, flows);
    expect(r.tranches.map((t) => t.principalLoss)).toEqual([0, 30000]);
  });
});

describe('item 5: equal-seniority classes share a write-down pro rata', () => {
  // A 60,000 senior; M1 30,000 and M2 10,000 both mezzanine. 20,000.01 lost in P1 with no cash: the mezzanine
  // level takes it 3:1 by balance, largest remainder for the odd cent (M1 15,000.0075 → 15,000.01; M2
  // 5,000.0025 → 5,000.00). The old rule took M2's whole 10,000 first because it was listed later.
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 60000, coupon: zero },
        { id: 'M1', seniority: 'mezzanine', balance: 30000, coupon: zero },
        { id: 'M2', seniority: 'mezzanine', balance: 10000, coupon: zero },
      ],
      principalRule: { normal: { type: 'proRata' } },
      waterfall: [{ pay: 'principal', tranches: ['A', 'M1', 'M2'] }, { pay: 'residual' }],
    },
    100000,
    [{ defaults: 20000.01, loss: 20000.01 }, { scheduledPrincipal: 79999.99 }],
  );

  it('writes M1 and M2 down 3:1', () => {
    expect(r.tranches.map((t) => t.cashflows[0].writedown)).toEqual([0, 15000.01, 5000]);
  });

  it('splits by level with largest remainder (unit)', () => {
    // Junior level [1, 2] first: 2,000,001 cents over weights 3,000,000 and 1,000,000.
    expect(writeDowns([6_000_000, 3_000_000, 1_000_000], [[1, 2], [0]], 7_999_999)).toEqual([
      0, 1_500_001, 500_000,
    ]);
    // Cures go senior level first: 50 cents to level [0] (owed 40) then 10 pro rata 1:1 to [1, 2].
    expect(allocateByLevel(50, [40, 30, 30], [[0], [1, 2]])).toEqual([40, 5, 5]);
  });
});

describe('interest on interest shortfall (option)', () => {
  // A 100,000 at 12% (1% a month on 30/360 whole months). P1 collects nothing: 1,000 short. P2: 1,000 current +
  // 1,000 carried + 1% of the 1,000 carried = 2,010 with interestOnShortfall (many US deals pay it "to the
  // extent lawful"); 2,000 without (the default, as the reference waterfall).
  const deal = (interestOnShortfall: boolean) => ({
    tranches: [
      {
        id: 'A',
        seniority: 'senior',
        balance: 100000,
        coupon: { type: 'fixed', rate: 0.12 },
        interestOnShortfall,
      },
    ],
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [
      { pay: 'interest', tranches: ['A'] },
      { pay: 'principal', tranches: ['A'] },
      { pay: 'residual' },
    ],
  });
  const flows = [{}, { interest: 5000, scheduledPrincipal: 100000 }];

  it('accrues at the coupon on the carried shortfall when asked', () => {
    expect(run(deal(true), 100000, flows).tranches[0].cashflows[1].interestDue).toBe(2010);
    expect(run(deal(false), 100000, flows).tranches[0].cashflows[1].interestDue).toBe(2000);
  });
});

describe('fee cap excess paid in a subordinated step (option)', () => {
  // Servicing 1,000 a period capped at 600 in the senior step; the 400 above the cap is paid after principal
  // instead of being forfeited. A 10,000 = pool, so no regular principal is due in P1.
  const r = run(
    {
      tranches: [{ id: 'A', seniority: 'senior', balance: 10000, coupon: zero }],
      fees: [{ id: 'servicing', basis: { type: 'fixed', amount: 1000 }, capPerPeriod: 600 }],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'fee', fee: 'servicing' },
        { pay: 'principal', tranches: ['A'] },
        { pay: 'fee', fee: 'servicing', part: 'capExcess' },
        { pay: 'residual' },
      ],
    },
    10000,
    [{ interest: 2000 }, { interest: 700, scheduledPrincipal: 10000 }],
  );

  it('pays 600 senior and 400 subordinated, carrying what it cannot pay', () => {
    // P1: 600 + 400 from 2,000, 1,000 residual. P2: 600 senior; 10,000 principal; 100 of the 400 excess, 300 carried.
    expect(r.waterfall[0].steps.map((s) => [s.label, s.due, s.paid])).toEqual([
      ['fee servicing', 600, 600],
      ['principal A', 0, 0],
      ['fee servicing (above cap)', 400, 400],
      ['residual', 1000, 1000],
    ]);
    expect(r.waterfall[1].steps[2]).toMatchObject({ due: 400, paid: 100 });
  });
});

describe('first-priority principal before junior interest (US auto layout)', () => {
  // A 80,000 senior, B 20,000 subordinated, both 12% (A 800, B 200 a month). Order: A interest; first allocation
  // of principal to A (A above the pool); B interest; regular principal; residual.
  const r = run(
    {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 80000, coupon: { type: 'fixed', rate: 0.12 } },
        { id: 'B', seniority: 'subordinated', balance: 20000, coupon: { type: 'fixed', rate: 0.12 } },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'interest', tranches: ['A'] },
        { pay: 'principal', tranches: ['A'], amount: 'firstPriority' },
        { pay: 'interest', tranches: ['B'] },
        { pay: 'principal', tranches: ['A', 'B'] },
        { pay: 'residual' },
      ],
    },
    100000,
    [
      { defaults: 10000, loss: 10000, interest: 1000 },
      { defaults: 15000, loss: 15000, interest: 1000 },
      { scheduledPrincipal: 75000 },
    ],
  );
  const step = (t: number, k: number) => r.waterfall[t - 1].steps[k];

  it('pays B its interest while A is still covered by the pool', () => {
    // P1: pool 90,000 ≥ A 80,000, first allocation 0, so B's 200 is paid from the 200 left after A's 800 (a
    // regular principal step in that place would have taken it for the 10,000 turbo amount).
    expect(step(1, 1)).toMatchObject({ due: 0, paid: 0 });
    expect(step(1, 2)).toMatchObject({ due: 200, paid: 200 });
  });

  it('pays A first once A exceeds the pool', () => {
    // P1 wrote B down 10,000 (notes 100,000 against a 90,000 pool). P2: pool 75,000 < A 80,000: the first
    // allocation is 5,000, paid 200 after A's 800 interest; B's 100 (1% of 10,000) goes short.
    expect(step(2, 1)).toMatchObject({ due: 5000, paid: 200 });
    expect(step(2, 2)).toMatchObject({ due: 100, paid: 0 });
  });
});

describe('clean-up call only when its price retires the notes (default)', () => {
  // A 95,000 on 100,000. P1: 40,000 repaid, 15,000 lost: A paid 40,000 of the 50,000 due (95,000 down to the
  // 45,000 pool) and written down 10,000 to the 45,000 collateral. P2: 36,000 repaid, 500 interest: the pool
  // (9,000) is below 10% of the initial, but 9,000 + 36,500 = 45,500 cannot pay A's 45,000 and its 10,000
  // write-down. US optional redemption: exercised only when the price retires the notes.
  const deal = (requireNotesRetired?: boolean) => ({
    tranches: [{ id: 'A', seniority: 'senior', balance: 95000, coupon: zero }],
    principalRule: { normal: { type: 'sequential' } },
    cleanUpCall: { poolShare: 0.1, ...(requireNotesRetired === undefined ? {} : { requireNotesRetired }) },
    waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
  });
  const flows = [
    { scheduledPrincipal: 40000, defaults: 15000, loss: 15000 },
    { scheduledPrincipal: 36000, interest: 500 },
    { scheduledPrincipal: 9000 },
  ];

  it('is not exercised while the price falls short', () => {
    // P2 pays A 36,000 (to the pool) and cures 500 of the write-down; P3 pays the last 9,000: 9,500 lost.
    const r = run(deal(), 100000, flows);
    expect(r.cleanUpCallPeriod).toBeNull();
    expect(r.cleanUpCallShortfall).toBeNull();
    expect(r.tranches[0].principalLoss).toBe(9500);
    expect(paid(r, 2, 'residual')).toBe(0);
  });

  it('states the shortfall when the deal calls regardless', () => {
    // P2 called: 36,000 + 9,000 pay A's 45,000 and the 500 of interest cures 500 of the write-down: 9,500 short.
    const r = run(deal(false), 100000, flows);
    expect(r.cleanUpCallPeriod).toBe(2);
    expect(r.cleanUpCallShortfall).toBe(9500);
    expect(r.tranches[0].principalLoss).toBe(9500);
  });
});
