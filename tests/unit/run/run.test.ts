import { describe, expect, it } from 'vitest';
import { Deal, Scenario, type DealInput } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import { PRODUCT_CODES, type LoanPool } from '../../../core/pool/loanPool';
import { projectPool, type PoolInput } from '../../../core/projection/project';
import { DealError, runDeal } from '../../../core/run';
import { fiveClassDeal } from './dealFixture';

const poolOf = (deal: Deal): PoolInput => {
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return { kind: 'repLines', lines: deal.pool.lines };
};

describe('runDeal on a five-class rep-line deal', () => {
  const deal = fiveClassDeal({ term: 36, cdr: 0 });
  const r = runDeal(deal, poolOf(deal));

  it('reconciles every period and dates periods on the payment day', () => {
    expect(r.checks).toEqual({ cashConserved: true, failures: [] });
    expect(r.pool.periods[0].date).toBe('2026-02-15');
    expect(r.waterfall[11].date).toBe('2027-01-15');
    expect(r.pool.initialBalance).toBe(1_000_000_000);
    expect(r.deal).toEqual({
      name: deal.name,
      currency: 'USD',
      cutoffDate: '2026-01-15',
      settlementDate: '2026-01-15',
      // The deal calendar: closing defaults to settlement, itself defaulting to the cut-off.
      closingDate: '2026-01-15',
    });
  });

  it('feeds the projection into the waterfall rounded to cents', () => {
    const p = projectPool(poolOf(deal), deal.scenarios[0], 36 + 3);
    for (const row of r.pool.periods.slice(0, 12)) {
      expect(row.interest).toBe(Math.round(p.interest[row.period] * 100) / 100);
      expect(row.scheduledPrincipal).toBe(Math.round(p.scheduledPrincipal[row.period] * 100) / 100);
    }
  });

  it('gives a class paid in full at par its coupon as yield (monthly pay, no delay)', () => {
    // No defaults: every class gets all interest and principal, so at par the mortgage yield is the coupon and
    // the bond-equivalent yield is 2((1 + c/12)^6 − 1).
    for (const tr of r.tranches) {
      const c = deal.structure.tranches.find((t) => t.id === tr.id)!.coupon;
      if (c.type !== 'fixed') throw new Error('fixed');
      expect(tr.principalLoss).toBe(0);
      expect(tr.interestShortfall).toBe(0);
      expect(tr.mortgageYield).toBeCloseTo(c.rate, 8);
      expect(tr.yield).toBeCloseTo(2 * ((1 + c.rate / 12) ** 6 - 1), 8);
      expect(tr.wal).toBeGreaterThan(0);
    }
  });

  it('charges accrued interest from cut-off to a later settlement, so a par class still yields its coupon', () => {
    // Settling a third of the way into the first 30/360 month, the buyer pays par plus a third of the first
    // coupon; without that accrual the full first coupon would inflate the yield by about accrued / WAL.
    const late = { ...deal, settlementDate: '2026-01-25' };
    const rl = runDeal(late, poolOf(late));
    for (const tr of rl.tranches) {
      const c = late.structure.tranches.find((t) => t.id === tr.id)!.coupon;
      if (c.type !== 'fixed') throw new Error('fixed');
      expect(tr.mortgageYield).toBeCloseTo(c.rate, 4);
    }
  });

  it('calls the deal at 10% of the initial pool', () => {
    const called = r.cleanUpCallPeriod!;
    expect(called).toBeGreaterThan(0);
    expect(r.pool.periods[called - 2].endBalance).toBeGreaterThan(100_000_000);
    expect(r.waterfall[called - 1].sources.cleanUpCallProceeds).toBeLessThanOrEqual(100_000_000);
    expect(r.tranches.every((t) => t.cashflows[t.cashflows.length - 1].balance === 0)).toBe(true);
  });

  it('skips analytics on request but keeps the principal window', () => {
    const fast = runDeal(deal, poolOf(deal), { analytics: false });
    expect(fast.tranches[0].wal).toBeNull();
    expect(fast.tranches[0].principalWindow).toEqual(r.tranches[0].principalWindow);
    expect(fast.waterfall).toEqual(r.waterfall);
  });
});

describe('scenario choice and errors', () => {
  const deal = fiveClassDeal({ term: 24 });
  it('picks a scenario by name, or takes a scenario object', () => {
    const stressed = Scenario.parse({ ...deal.scenarios[0], name: 'stress', defaultMultiple: 3 });
    const base = runDeal(deal, poolOf(deal), { scenario: 'base', analytics: false });
    const s = runDeal(deal, poolOf(deal), { scenario: stressed, analytics: false });
    expect(s.scenario.name).toBe('stress');
    const def = (x: typeof base) => x.pool.periods.reduce((a, p) => a + p.default, 0);
    expect(def(s)).toBeGreaterThan(def(base) * 2);
  });

  it('throws DealError for an unknown scenario or a missing index curve', () => {
    expect(() => runDeal(deal, poolOf(deal), { scenario: 'nope' })).toThrow(DealError);
    const floating = Deal.parse({
      ...deal,
      structure: {
        ...deal.structure,
        tranches: deal.structure.tranches.map((t, i) =>
          i === 0 ? { ...t, coupon: { type: 'floating', index: 'SOFR', spread: 0.02 } } : t,
        ),
      },
    });
    try {
      runDeal(floating, poolOf(floating));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DealError);
      expect((e as DealError).problems).toMatchObject([
        {
          path: 'scenarios[0].indexCurves',
          message: "scenario 'base' has no index curve 'SOFR' (tranche A)",
        },
      ]);
    }
  });
});

describe('principal loss under lossAllocation none (what break-even, grids and stresses read)', () => {
  // 8 × 4% CDR at 100% severity on the five-class deal: about 30% of the pool defaults over its 24 months, more
  // than the 25% of E, D, C and B together plus the OC, so the junior classes end the run owed principal. Under
  // `none` nothing is written down, but the principal still unpaid after the final period is their loss, as it
  // is under `writeDown` (it used to read 0, so a break-even search called these classes whole).
  const deal = fiveClassDeal({ term: 24, cdr: 0.04, defaultMultiple: 8 });
  const none = Deal.parse({ ...deal, structure: { ...deal.structure, lossAllocation: 'none' } });
  const scenario = Scenario.parse({ ...deal.scenarios[0], severity: 1 });
  const r = runDeal(none, poolOf(none), { scenario, analytics: false });

  it('reports original balance − principal received as the loss, with no write-downs', () => {
    expect(r.checks.cashConserved).toBe(true);
    for (const t of r.tranches) {
      const received = t.cashflows.reduce((a, c) => a + c.principal, 0);
      expect(t.cashflows.every((c) => c.writedown === 0)).toBe(true);
      expect(t.principalLoss).toBeCloseTo(t.originalBalance - received, 2);
      expect(t.principalLoss).toBeCloseTo(t.cashflows[t.cashflows.length - 1].balance, 2);
    }
    expect(r.tranches.find((t) => t.id === 'E')!.principalLoss).toBeGreaterThan(0);
  });
});

describe('validateDeal', () => {
  it('lists every structural problem with its path', () => {
    const deal = fiveClassDeal({ term: 12 });
    const input = JSON.parse(JSON.stringify(deal)) as DealInput & { structure: Record<string, unknown> };
    const bad = Deal.parse({
      ...input,
      structure: {
        ...input.structure,
        tranches: [...deal.structure.tranches, { ...deal.structure.tranches[4], id: 'A' }],
        triggers: [
          {
            id: 'x',
            test: {
              type: 'ocRatio',
              schedule: [
                { fromPeriod: 5, threshold: 1 },
                { fromPeriod: 2, threshold: 1 },
              ],
            },
            effects: ['endRevolving'],
          },
        ],
        waterfall: [
          { pay: 'fee', fee: 'nope' },
          { pay: 'interest', tranches: ['A', 'B', 'Z'] },
          { pay: 'interest', tranches: ['B'] },
          { pay: 'principal', tranches: ['A', 'B', 'C', 'D'] },
          { pay: 'purchase' },
          { pay: 'residual' },
        ],
      },
    });
    expect(validateDeal(bad)).toMatchObject([
      { path: 'structure.tranches[5].id', message: "duplicate tranche id 'A'" },
      { path: 'structure.waterfall[0].fee', message: "no fee 'nope'" },
      { path: 'structure.waterfall[1].tranches[2]', message: "no tranche 'Z'" },
      { path: 'structure.waterfall[2].tranches[0]', message: "tranche 'B' already earns interest in step 1" },
      { path: 'structure.waterfall[4].pay', message: 'a purchase step needs structure.revolving' },
      { path: 'structure.tranches[2]', message: "tranche 'C' is in no interest step" },
      { path: 'structure.tranches[3]', message: "tranche 'D' is in no interest step" },
      { path: 'structure.tranches[4]', message: "tranche 'E' is in no interest step" },
      { path: 'structure.tranches[4]', message: "tranche 'E' is in no principal step" },
      {
        path: 'structure.triggers[0].test.schedule[1].fromPeriod',
        message: 'schedule must be sorted by fromPeriod',
      },
      { path: 'structure.triggers[0].effects', message: 'endRevolving on a deal that does not revolve' },
    ]);
    expect(() => runDeal(bad, poolOf(bad))).toThrow(/structure.waterfall\[0\].fee: no fee 'nope'/);
  });

  it('rejects a cap-excess fee step for a fee without a cap', () => {
    const deal = fiveClassDeal({ term: 12 });
    const bad = Deal.parse({
      ...deal,
      structure: {
        ...deal.structure,
        fees: [...deal.structure.fees, { id: 'other', basis: { type: 'fixed', amount: 100 } }],
        waterfall: [...deal.structure.waterfall, { pay: 'fee', fee: 'other', part: 'capExcess' }],
      },
    });
    expect(validateDeal(bad)).toMatchObject([
      {
        path: `structure.waterfall[${deal.structure.waterfall.length}].part`,
        message: "fee 'other' has no capPerPeriod, so it has no excess to pay",
      },
    ]);
  });

  it('requires a purchase step on a revolving deal', () => {
    const deal = fiveClassDeal({ term: 12 });
    const rev = Deal.parse({
      ...deal,
      structure: {
        ...deal.structure,
        revolving: { endPeriod: 3, profile: [deal.pool.kind === 'repLines' ? deal.pool.lines[0] : null] },
      },
    });
    expect(validateDeal(rev)).toMatchObject([
      {
        path: 'structure.waterfall',
        message: 'the deal revolves but no step buys receivables (add { "pay": "purchase" })',
      },
    ]);
  });
});

describe('revolving deal through runDeal', () => {
  const base = fiveClassDeal({ term: 12, cdr: 0.02 });
  const lines = base.pool.kind === 'repLines' ? base.pool.lines : [];
  const make = (cnlThreshold: number) =>
    Deal.parse({
      ...base,
      pool: { kind: 'repLines', lines: lines.map((l, i) => ({ ...l, segment: i === 0 ? 'prime' : 'near' })) },
      structure: {
        ...base.structure,
        triggers: [
          {
            id: 'early',
            test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: cnlThreshold }] },
            effects: ['endRevolving', 'sequential'],
          },
        ],
        revolving: {
          endPeriod: 6,
          profile: [
            { ...lines[0], id: 'P1', segment: 'prime', balance: 1000, remainingTerm: 12, originalTerm: 12 },
            { ...lines[1], id: 'N1', segment: 'near', balance: 1000, remainingTerm: 12, originalTerm: 12 },
          ],
          concentrationLimits: [{ key: 'segment', value: 'near', maxShare: 0.38 }],
        },
        waterfall: [
          ...base.structure.waterfall.slice(0, 8),
          { pay: 'purchase' },
          ...base.structure.waterfall.slice(8),
        ],
      },
    });

  it('keeps the pool level while revolving, within the concentration limit, then amortises', () => {
    const deal = make(0.5);
    const r = runDeal(deal, poolOf(deal), { analytics: false });
    expect(r.checks.cashConserved).toBe(true);
    expect(r.revolvingEndPeriod).toBe(6);
    for (const p of r.pool.periods.slice(0, 6)) expect(p.endBalance).toBe(1_000_000_000);
    expect(r.pool.periods[6].purchases).toBe(0);
    expect(r.revolving?.purchases.length).toBe(6);
    // The base pool starts at 40% near-prime; purchases (half near-prime) would lift it past 38% though it pays down faster (6 months left).
    expect(r.revolving?.purchases.some((p) => p.limitedBy.includes('segment:near'))).toBe(true);
    // With the pool held at 1,000,000,000 the notes sit exactly at pool − OC target (5.15% of the pool).
    for (let t = 0; t < 6; t++) {
      expect(r.tranches.reduce((a, tr) => a + tr.cashflows[t].balance, 0)).toBeCloseTo(948_500_000, 2);
    }
  });

  it('ends revolving early when an endRevolving trigger breaches', () => {
    const deal = make(0.0001);
    const r = runDeal(deal, poolOf(deal), { analytics: false });
    expect(r.triggerEvents[0]).toMatchObject({ id: 'early', kind: 'breached', period: 1 });
    expect(r.revolvingEndPeriod).toBe(0);
    expect(r.revolving?.purchases).toEqual([]);
    expect(r.checks.cashConserved).toBe(true);
  });
});

describe('the projection is linear in balance (revolving cohorts are scaled unit projections)', () => {
  it('doubles every flow when the balance doubles', () => {
    const deal = fiveClassDeal({ term: 24, cdr: 0.06 });
    const line = deal.pool.kind === 'repLines' ? deal.pool.lines[0] : null;
    if (!line) throw new Error('rep lines expected');
    const one = projectPool({ kind: 'repLines', lines: [{ ...line, balance: 1000 }] }, deal.scenarios[0], 30);
    const two = projectPool({ kind: 'repLines', lines: [{ ...line, balance: 2000 }] }, deal.scenarios[0], 30);
    for (const f of [
      'interest',
      'scheduledPrincipal',
      'prepayment',
      'defaults',
      'recovery',
      'endBalance',
    ] as const) {
      for (let t = 0; t <= 30; t++) expect(two[f][t]).toBeCloseTo(2 * one[f][t], 9);
    }
  });
});

describe('loan-level pools', () => {
  it('run exactly as the same receivables given as rep lines, including the sliced projection for limits', () => {
    const base = fiveClassDeal({ term: 12, cdr: 0.03 });
    const lines = (base.pool.kind === 'repLines' ? base.pool.lines : []).map((l, i) => ({
      ...l,
      segment: i === 0 ? 'prime' : 'near',
    }));
    const deal = Deal.parse({
      ...base,
      pool: { kind: 'repLines', lines },
      structure: {
        ...base.structure,
        revolving: {
          endPeriod: 4,
          profile: [
            { ...lines[0], id: 'P1', balance: 1000, remainingTerm: 12, originalTerm: 12 },
            { ...lines[1], id: 'N1', balance: 1000, remainingTerm: 12, originalTerm: 12 },
          ],
          concentrationLimits: [{ key: 'segment', value: 'near', maxShare: 0.38 }],
        },
        waterfall: [
          ...base.structure.waterfall.slice(0, 8),
          { pay: 'purchase' },
          ...base.structure.waterfall.slice(8),
        ],
      },
    });
    const loans: LoanPool = {
      size: 2,
      ids: ['L1', 'L2'],
      product: Uint8Array.from(lines.map((l) => PRODUCT_CODES.indexOf(l.product))),
      segment: Uint16Array.from([1, 0]),
      segmentNames: ['near', 'prime'],
      balance: Float64Array.from(lines.map((l) => l.balance)),
      originalBalance: Float64Array.from(lines.map((l) => l.originalBalance ?? l.balance)),
      rate: Float64Array.from(lines.map((l) => l.rate)),
      monthlyFeeRate: Float64Array.from(lines.map((l) => l.monthlyFeeRate)),
      originalTerm: Uint16Array.from(lines.map((l) => l.originalTerm)),
      remainingTerm: Uint16Array.from(lines.map((l) => l.remainingTerm)),
      paymentRate: Float64Array.from(lines.map((l) => l.paymentRate)),
    };
    const a = runDeal(deal, poolOf(deal), { analytics: false });
    const b = runDeal(deal, { kind: 'loans', pool: loans }, { analytics: false });
    expect(b.checks.cashConserved).toBe(true);
    expect(b.revolving?.purchases).toEqual(a.revolving?.purchases);
    expect(b.revolving?.purchases[0].limitedBy).toEqual(['segment:near']);
    expect(b.tranches.map((t) => t.cashflows)).toEqual(a.tranches.map((t) => t.cashflows));
    expect(b.pool.periods.map((p) => p.endBalance)).toEqual(a.pool.periods.map((p) => p.endBalance));
  });
});
