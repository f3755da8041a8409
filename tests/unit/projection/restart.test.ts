/**
 * The projection restarted from the pool as of period k (core/projection/restart.ts). The strongest check: the
 * state the pool's own projection reaches at k, projected on under the same scenario, gives that projection's
 * periods k+1… bit for bit (every series), for rep lines and loans, every product, rate models and CNL budgets,
 * curves by period and by age, recovery lags that differ by segment; and a small case worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RepLine, ScenarioInput } from '../../../core/deal/schema';
import { projectPool, type PoolInput } from '../../../core/projection/project';
import { advancePool, poolStateOf, projectFrom, RestartError } from '../../../core/projection/restart';
import { SHARD_LOANS } from '../../../core/projection/combine';
import { PROJECTION_SERIES, type PoolProjection } from '../../../core/projection/types';
import { asLoanPool, line, scenario } from './fixtures';

/** Periods k+1…k+n of `full` against periods 1…n of `restarted`, every series, to the bit. */
function expectSameFrom(full: PoolProjection, restarted: PoolProjection, k: number): void {
  for (const f of PROJECTION_SERIES) {
    const want = Array.from(full[f].subarray(k + 1, k + 1 + restarted.periods));
    const got = Array.from(restarted[f].subarray(1));
    expect({ series: f, values: got }).toEqual({ series: f, values: want });
  }
}

const products = [
  'level-pay',
  'equal-principal',
  'interest-free-fee',
  'bullet',
  'revolving',
  'single-payment',
] as const;

const lineArb = fc
  .record({
    product: fc.constantFrom(...products),
    segment: fc.constantFrom('A', 'B'),
    balance: fc.integer({ min: 1_000, max: 5_000_000 }),
    // Zero, near-zero (the kernel's other level-pay form) and ordinary rates.
    rate: fc.oneof(fc.constant(0), fc.constant(1e-6), per(10, 360, 1000)),
    originalTerm: fc.integer({ min: 1, max: 36 }),
    seasoning: fc.integer({ min: 0, max: 35 }),
    paymentRate: per(5, 50, 100),
  })
  .map((r): RepLine =>
    line({
      product: r.product,
      segment: r.segment,
      balance: r.balance / 100,
      originalBalance: r.product === 'interest-free-fee' ? r.balance / 50 : r.balance / 100,
      rate: r.product === 'interest-free-fee' ? 0 : r.rate,
      monthlyFeeRate: r.product === 'interest-free-fee' ? 0.006 : r.product === 'revolving' ? 0.01 : 0,
      originalTerm: r.originalTerm,
      remainingTerm: Math.max(1, r.originalTerm - Math.min(r.seasoning, r.originalTerm - 1)),
      paymentRate: r.product === 'revolving' ? r.paymentRate : 0,
      count: 10,
    }),
  );

/** A rate in [lo, hi] / scale, in whole steps (fast-check's doubles dwell on subnormals). */
function per(lo: number, hi: number, scale: number): fc.Arbitrary<number> {
  return fc.integer({ min: lo, max: hi }).map((x) => x / scale);
}

/** A constant, a vector by period since entry, or a vector by loan age. */
const curveArb = (hi: number) =>
  fc.oneof(
    per(0, 1000, 1000 / hi),
    fc
      .array(per(0, 1000, 1000 / hi), { minLength: 1, maxLength: 30 })
      .map((vector) => ({ vector, by: 'period' as const })),
    fc
      .array(per(0, 1000, 1000 / hi), { minLength: 1, maxLength: 40 })
      .map((vector) => ({ vector, by: 'age' as const })),
  );

const prepaymentArb = fc.oneof(
  curveArb(0.4).map((curve) => ({ model: 'CPR' as const, curve })),
  curveArb(0.05).map((curve) => ({ model: 'SMM' as const, curve })),
  per(0, 300, 1).map((curve) => ({ model: 'PSA' as const, curve })),
  per(0, 300, 10_000).map((curve) => ({ model: 'ABS' as const, curve })),
);
const defaultArb = fc.oneof(
  curveArb(0.3).map((curve) => ({ model: 'CDR' as const, curve })),
  curveArb(0.03).map((curve) => ({ model: 'MDR' as const, curve })),
  per(0, 500, 100).map((curve) => ({ model: 'SDA' as const, curve })),
  fc
    .record({
      lifetimeNetLoss: per(0, 200, 1000),
      timing: fc.array(per(0, 100, 100), { minLength: 1, maxLength: 24 }),
    })
    .map((c) => ({ model: 'CNL' as const, ...c })),
);

const scenarioArb = fc
  .record({
    prepayment: prepaymentArb,
    default: defaultArb,
    severity: curveArb(1),
    recoveryLagMonths: fc.integer({ min: 0, max: 6 }),
    defaultStop: fc.constantFrom('maturity' as const, 'lagBeforeMaturity' as const),
    servicerAdvancing: fc.boolean(),
    overrideB: fc.option(
      fc.record({ default: defaultArb, recoveryLagMonths: fc.integer({ min: 0, max: 6 }) }),
      { nil: undefined },
    ),
    prepaymentMultiple: per(0, 30, 10),
    defaultMultiple: per(0, 30, 10),
  })
  .map(({ overrideB, ...s }) =>
    scenario({
      ...(s as Partial<ScenarioInput>),
      overrides: overrideB ? [{ segment: 'B', ...overrideB }] : [],
    }),
  );

describe('projectFrom(poolStateOf(k)) continues the projection', () => {
  it('reproduces periods k+1… to the bit for random pools, scenarios and k (rep lines and loans)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        scenarioArb,
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 48 }),
        (rawLines, s, kRaw, loanLevel, H) => {
          const lines = rawLines.map((l, i) => ({ ...l, id: `L${i}` }));
          const pool: PoolInput = loanLevel
            ? { kind: 'loans', pool: asLoanPool(lines, ['A', 'B']) }
            : { kind: 'repLines', lines };
          const k = Math.min(kRaw, H);
          const full = projectPool(pool, s, H);
          const state = poolStateOf(pool, s, k, H);
          expect(state.period).toBe(k);
          expectSameFrom(full, projectFrom(state, s, H - k), k);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('restarting twice (k, then k + j) is the same as restarting once', () => {
    const lines = [
      line({
        id: 'a',
        product: 'level-pay',
        balance: 90_000,
        rate: 0.18,
        originalTerm: 24,
        remainingTerm: 20,
      }),
      line({ id: 'b', segment: 'B', product: 'equal-principal', balance: 50_000, originalTerm: 12 }),
    ];
    const s = scenario({
      prepayment: { model: 'CPR', curve: { vector: [0.05, 0.1, 0.2], by: 'period' } },
      default: { model: 'CDR', curve: { vector: [0.02, 0.04, 0.08, 0.1], by: 'age' } },
      severity: 0.7,
      recoveryLagMonths: 3,
      overrides: [{ segment: 'B', recoveryLagMonths: 1 }],
    });
    const pool: PoolInput = { kind: 'repLines', lines };
    const full = projectPool(pool, s, 26);
    const at5 = poolStateOf(pool, s, 5, 26);
    const at9 = advancePool(at5, s, 4);
    expect(at9.period).toBe(9);
    expectSameFrom(full, projectFrom(at9, s, 17), 9);
  });

  it('restarts a loan-level pool projected in shards (more than one shard)', () => {
    const n = SHARD_LOANS + 300;
    const lines = Array.from({ length: n }, (_, i) =>
      line({
        id: `L${i}`,
        product: i % 3 === 0 ? 'equal-principal' : 'level-pay',
        balance: 1000 + (i % 97),
        rate: 0.1 + (i % 7) / 100,
        originalTerm: 6,
        remainingTerm: 1 + (i % 6),
      }),
    );
    const pool: PoolInput = { kind: 'loans', pool: asLoanPool(lines, ['all']) };
    const s = scenario({
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: 0.2 },
      severity: 0.8,
      recoveryLagMonths: 2,
    });
    const full = projectPool(pool, s, 8);
    const state = poolStateOf(pool, s, 3, 8);
    expect(state.parts.length).toBe(2);
    expectSameFrom(full, projectFrom(state, s, 5), 3);
  });

  it('refuses a period outside the projection, with a coded message', () => {
    const pool: PoolInput = { kind: 'repLines', lines: [line()] };
    try {
      poolStateOf(pool, scenario(), 13, 12);
      expect.unreachable();
    } catch (e) {
      expect((e as RestartError).problem.code).toBe('restart.badPeriod');
      expect((e as RestartError).message).toBe('period 13 is outside the projection (0 to 12)');
    }
  });
});

describe('a rep line stopped at month 2, month 3 worked on paper', () => {
  // Equal principal (balance / months left each month), 1,200 over 12 months at 12% a year; MDR 1%, SMM 2%,
  // severity 50%, recovery lag 2 months. Standard Formulas (DESIGN.md): defaults = PERF × MDR, prepayment =
  // PERF × r × SMM (not net of new defaults), amortisation = (PERF − defaults)(1 − r), interest =
  // (PERF − defaults) × 1%. Month 1: PERF 1,200, r = 11/12 → defaults 12, prepayment 22, amortisation 99,
  // end 1,067. Month 2: r = 10/11 → defaults 10.67, prepayment 19.40, amortisation 96.03, end 940.90.
  // State at 2: PERF 940.90, 10 months left, age 2, defaults of months 1 and 2 (12, 10.67) awaiting liquidation.
  // Month 3: r = 9/10 → defaults 9.409, prepayment 940.90 × 0.9 × 2% = 16.9362, amortisation
  // (940.90 − 9.409) × 0.1 = 93.1491, interest 9.31491, end 821.4057; month 1's 12 is liquidated: loss 6,
  // recovery 6; 10.67 + 9.409 = 20.079 still awaits liquidation.
  const s = scenario({
    prepayment: { model: 'SMM', curve: 0.02 },
    default: { model: 'MDR', curve: 0.01 },
    severity: 0.5,
    recoveryLagMonths: 2,
  });
  const pool: PoolInput = {
    kind: 'repLines',
    lines: [line({ product: 'equal-principal', balance: 1200, originalTerm: 12, remainingTerm: 12 })],
  };
  const state = poolStateOf(pool, s, 2, 12);

  it('holds the line as written by hand', () => {
    const [part] = state.parts;
    const l = part!.loans;
    expect(l.balance[0]).toBeCloseTo(940.9, 9);
    expect(l.remainingTerm[0]).toBe(10);
    expect(l.age[0]).toBe(2);
    expect(l.monthsInPool[0]).toBe(2);
    expect(part!.pipeline.map((g) => [g.lag, Array.from(g.defaults)])).toEqual([[2, [12, 10.67]]]);
    expect(part!.pending).toBeCloseTo(22.67, 9);
  });

  it('projects month 3 as on paper', () => {
    const p = projectFrom(state, s, 1);
    const month3 = {
      beginBalance: p.beginBalance[1],
      defaults: p.defaults[1],
      prepayment: p.prepayment[1],
      scheduledPrincipal: p.scheduledPrincipal[1],
      interest: p.interest[1],
      endBalance: p.endBalance[1],
      loss: p.loss[1],
      recovery: p.recovery[1],
      pendingDefaults: p.pendingDefaults[1],
    };
    const paper = {
      beginBalance: 940.9,
      defaults: 9.409,
      prepayment: 16.9362,
      scheduledPrincipal: 93.1491,
      interest: 9.31491,
      endBalance: 821.4057,
      loss: 6,
      recovery: 6,
      pendingDefaults: 20.079,
    };
    for (const [k, v] of Object.entries(paper))
      expect([k, month3[k as keyof typeof month3]]).toEqual([k, expect.closeTo(v, 9)]);
  });
});
