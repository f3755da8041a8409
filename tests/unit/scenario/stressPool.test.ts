import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Deal, Scenario, type ScenarioInput } from '../../../core/deal/schema';
import type { LoanPool } from '../../../core/pool/loanPool';
import { defaultHorizon, projectPool } from '../../../core/projection/project';
import { PROJECTION_SERIES, type PoolProjection } from '../../../core/projection/types';
import { runDeal } from '../../../core/run';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { buildStressPool, projectStressPool, stressPoolHorizon } from '../../../core/scenario/stressPool';
import { fixtureInput } from './fixtures';

const FIELDS = PROJECTION_SERIES;

interface LoanSpec {
  product: number;
  segment: number;
  balance: number;
  rate: number;
  term: number;
  seasoning: number;
}

const loanSpec = fc.record({
  product: fc.constantFrom(0, 1, 2, 3),
  segment: fc.integer({ min: 0, max: 2 }),
  balance: fc.double({ min: 50, max: 20_000, noNaN: true }),
  rate: fc.double({ min: 0, max: 0.36, noNaN: true }),
  term: fc.constantFrom(3, 6, 12, 24, 36),
  seasoning: fc.integer({ min: 0, max: 30 }),
});

function poolOf(specs: LoanSpec[]): LoanPool {
  const n = specs.length;
  const pool: LoanPool = {
    size: n,
    ids: specs.map((_, i) => `L${i}`),
    product: Uint8Array.from(specs, (s) => s.product),
    segment: Uint16Array.from(specs, (s) => s.segment),
    segmentNames: ['prime', 'near', 'sub'],
    balance: Float64Array.from(specs, (s) => s.balance),
    originalBalance: Float64Array.from(specs, (s) => s.balance * 1.3),
    rate: Float64Array.from(specs, (s) => (s.product === 2 ? 0 : s.rate)),
    monthlyFeeRate: Float64Array.from(specs, (s) => (s.product === 2 ? 0.006 : 0)),
    originalTerm: Uint16Array.from(specs, (s) => s.term),
    remainingTerm: Uint16Array.from(specs, (s) => Math.max(1, s.term - Math.min(s.seasoning, s.term - 1))),
    paymentRate: new Float64Array(n),
  };
  return pool;
}

const scenario = fc
  .record({
    prepay: fc.oneof(
      fc.record({ model: fc.constant('CPR' as const), curve: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      fc.record({ model: fc.constant('ABS' as const), curve: fc.double({ min: 0, max: 0.03, noNaN: true }) }),
      fc.record({ model: fc.constant('PSA' as const), curve: fc.double({ min: 0, max: 400, noNaN: true }) }),
      fc.record({
        model: fc.constant('SMM' as const),
        curve: fc.record({
          vector: fc.array(fc.double({ min: 0, max: 0.05, noNaN: true }), { minLength: 1, maxLength: 12 }),
          by: fc.constantFrom('age' as const, 'period' as const),
        }),
      }),
    ),
    dflt: fc.oneof(
      fc.record({ model: fc.constant('CDR' as const), curve: fc.double({ min: 0, max: 0.6, noNaN: true }) }),
      fc.record({ model: fc.constant('SDA' as const), curve: fc.double({ min: 0, max: 2000, noNaN: true }) }),
      fc.record({
        model: fc.constant('MDR' as const),
        curve: fc.record({
          vector: fc.array(fc.double({ min: 0, max: 0.05, noNaN: true }), { minLength: 1, maxLength: 12 }),
          by: fc.constantFrom('age' as const, 'period' as const),
        }),
      }),
    ),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    lag: fc.integer({ min: 0, max: 6 }),
    multiple: fc.double({ min: 0, max: 4, noNaN: true }),
    subLag: fc.integer({ min: 0, max: 6 }),
    subCdr: fc.double({ min: 0, max: 0.4, noNaN: true }),
  })
  .map((r) =>
    Scenario.parse({
      name: 'random',
      prepayment: r.prepay,
      default: r.dflt,
      severity: r.severity,
      recoveryLagMonths: r.lag,
      defaultMultiple: r.multiple,
      overrides: [
        { segment: 'sub', default: { model: 'CDR', curve: r.subCdr }, recoveryLagMonths: r.subLag },
      ],
    } satisfies ScenarioInput),
  );

function expectClose(a: PoolProjection, b: PoolProjection, scale: number): void {
  expect(b.periods).toBe(a.periods);
  for (const f of FIELDS) {
    for (let p = 0; p <= a.periods; p++) {
      expect(Math.abs(a[f][p]! - b[f][p]!)).toBeLessThanOrEqual(1e-9 * scale);
    }
  }
}

describe('grouped stress projection', () => {
  it('equals projectPool for random loan pools and rate-model scenarios', () => {
    fc.assert(
      fc.property(fc.array(loanSpec, { minLength: 1, maxLength: 60 }), scenario, (specs, s) => {
        const pool = poolOf(specs);
        const input = { kind: 'loans' as const, pool };
        const h = defaultHorizon(input, s);
        const sp = buildStressPool(pool);
        expect(stressPoolHorizon(sp, s)).toBe(h);
        const fast = projectStressPool(sp, s, h);
        expect(fast).not.toBeNull();
        const scale = specs.reduce((a, x) => a + x.balance * 1.3, 0);
        expectClose(projectPool(input, s, h), fast!, scale);
      }),
      { numRuns: 60 },
    );
  });

  it('declines what it does not cover: CNL budgets, servicer advancing, revolving balances', () => {
    const pool = poolOf([{ product: 0, segment: 0, balance: 1000, rate: 0.2, term: 12, seasoning: 2 }]);
    const sp = buildStressPool(pool);
    const base = Scenario.parse({
      name: 'x',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CNL', lifetimeNetLoss: 0.05, timing: [1] },
      severity: 0.9,
      recoveryLagMonths: 0,
    });
    expect(projectStressPool(sp, base, 12)).toBeNull();
    expect(
      projectStressPool(sp, { ...base, default: { model: 'CDR', curve: 0.1 }, servicerAdvancing: true }, 12),
    ).toBeNull();
    const revolving = { ...pool, product: Uint8Array.from([4]), paymentRate: Float64Array.from([0.1]) };
    expect(buildStressPool(revolving).supported).toBe(false);
  });

  it('a deal run on the grouped projection matches runDeal to the cent', () => {
    const specs: LoanSpec[] = Array.from({ length: 300 }, (_, i) => ({
      product: i % 7 === 0 ? 1 : 0,
      segment: i % 3,
      balance: 1000 + ((i * 7919) % 5000),
      rate: 0.08 + ((i * 104729) % 200) / 1000,
      term: [6, 12, 24][i % 3]!,
      seasoning: i % 5,
    }));
    const pool = poolOf(specs);
    const total = specs.reduce((a, s) => a + s.balance, 0);
    const deal = Deal.parse({
      ...fixtureInput,
      pool: { kind: 'file', path: 'unused.pool.json' },
      structure: {
        ...fixtureInput.structure,
        tranches: [
          {
            id: 'A',
            seniority: 'senior',
            balance: Math.floor(total * 0.75),
            coupon: { type: 'fixed', rate: 0.051 },
          },
          {
            id: 'B',
            seniority: 'mezzanine',
            balance: Math.floor(total * 0.15),
            coupon: { type: 'fixed', rate: 0.073 },
          },
          {
            id: 'C',
            seniority: 'subordinated',
            balance: Math.floor(total * 0.1),
            coupon: { type: 'fixed', rate: 0.1 },
          },
        ],
      },
    });
    const input = { kind: 'loans' as const, pool };
    const engine = dealEngine(deal, input);
    for (const s of [deal.scenarios[0]!, { ...deal.scenarios[0]!, defaultMultiple: 5 }]) {
      const fast = engine.run(s, { analytics: true });
      const slow = runDeal(deal, input, { scenario: s, analytics: true });
      expect(fast.checks.cashConserved).toBe(true);
      expect(fast.pool.periods.length).toBe(slow.pool.periods.length);
      fast.pool.periods.forEach((row, i) => {
        expect(Math.abs(row.endBalance - slow.pool.periods[i]!.endBalance)).toBeLessThanOrEqual(0.01);
        expect(Math.abs(row.loss - slow.pool.periods[i]!.loss)).toBeLessThanOrEqual(0.01);
      });
      fast.tranches.forEach((t, j) => {
        const u = slow.tranches[j]!;
        expect(Object.keys(t).sort()).toEqual(Object.keys(u).sort());
        expect(Math.abs(t.principalLoss - u.principalLoss)).toBeLessThanOrEqual(0.02);
        expect(t.wal!).toBeCloseTo(u.wal!, 6);
        t.cashflows.forEach((c, k) => {
          expect(Math.abs(c.principal - u.cashflows[k]!.principal)).toBeLessThanOrEqual(0.02);
          expect(Math.abs(c.interest - u.cashflows[k]!.interest)).toBeLessThanOrEqual(0.02);
        });
      });
      // The 5× case must actually hurt the subordinated class, or the comparison proves little.
      if (s.defaultMultiple === 5) expect(slow.tranches[2]!.principalLoss).toBeGreaterThan(0);
    }
    expect(engine.poolLoss(deal.scenarios[0]!)).toBeCloseTo(
      dealEngine(deal, input, { groupedProjection: false }).poolLoss(deal.scenarios[0]!),
      10,
    );
  });
});
