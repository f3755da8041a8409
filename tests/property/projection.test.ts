/** Invariants of the pool projection over random lines and assumptions (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultHorizon, projectPool } from '../../core/projection/project';
import { PROJECTION_SERIES, type PoolProjection } from '../../core/projection/types';
import { Product, type RepLine, type Scenario } from '../../core/deal/schema';
import { asLoanPool, line, scenario, sum } from '../unit/projection/fixtures';

const PRODUCTS: readonly Product[] = Product.options;
const FIELDS = PROJECTION_SERIES;

const lineArb = (products: readonly Product[] = PRODUCTS): fc.Arbitrary<RepLine> =>
  fc
    .record({
      product: fc.constantFrom(...products),
      balance: fc.double({ min: 1, max: 1e6, noNaN: true }),
      // Zero, near-zero (the annuity-factor branch) and ordinary rates.
      rate: fc.oneof(
        fc.constant(0),
        fc.double({ min: 1e-6, max: 1e-3, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.36, noNaN: true }),
      ),
      originalTerm: fc.integer({ min: 1, max: 60 }),
      seasoning: fc.double({ min: 0, max: 0.99, noNaN: true }),
      monthlyFeeRate: fc.double({ min: 0, max: 0.02, noNaN: true }),
      paymentRate: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      segment: fc.constantFrom('a', 'b', 'c'),
      count: fc.integer({ min: 1, max: 100 }),
    })
    .map((r) =>
      line({
        id: 'L',
        product: r.product,
        balance: r.balance,
        rate: r.rate,
        originalTerm: r.originalTerm,
        remainingTerm: Math.max(1, r.originalTerm - Math.floor(r.seasoning * r.originalTerm)),
        monthlyFeeRate: r.product === 'interest-free-fee' ? r.monthlyFeeRate : 0,
        paymentRate: r.paymentRate,
        segment: r.segment,
        count: r.count,
      }),
    );

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    prepay: fc.oneof(
      fc.record({ model: fc.constant('CPR' as const), curve: fc.double({ min: 0, max: 0.6, noNaN: true }) }),
      fc.record({ model: fc.constant('ABS' as const), curve: fc.double({ min: 0, max: 0.05, noNaN: true }) }),
      fc.record({ model: fc.constant('PSA' as const), curve: fc.double({ min: 0, max: 800, noNaN: true }) }),
    ),
    def: fc.oneof(
      fc.record({ model: fc.constant('CDR' as const), curve: fc.double({ min: 0, max: 0.6, noNaN: true }) }),
      fc.record({ model: fc.constant('SDA' as const), curve: fc.double({ min: 0, max: 2000, noNaN: true }) }),
    ),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    lag: fc.integer({ min: 0, max: 6 }),
    subprimeCdr: fc.double({ min: 0, max: 0.6, noNaN: true }),
    advancing: fc.boolean(),
  })
  .map((s) =>
    scenario({
      prepayment: s.prepay,
      default: s.def,
      severity: s.severity,
      recoveryLagMonths: s.lag,
      servicerAdvancing: s.advancing,
      overrides: [
        { segment: 'b', default: { model: 'CDR', curve: s.subprimeCdr }, recoveryLagMonths: s.lag + 1 },
      ],
    }),
  );

const total = (lines: readonly RepLine[]) => lines.reduce((s, l) => s + l.balance, 0);

/** Largest gap between two projections, with where it is (one expect per case keeps 100s of runs fast). */
function worstGap(a: PoolProjection, b: (f: (typeof FIELDS)[number], t: number) => number): [number, string] {
  let worst: [number, string] = [0, ''];
  for (const f of FIELDS) {
    for (let t = 0; t < a[f].length; t++) {
      const gap = Math.abs((a[f][t] as number) - b(f, t));
      if (!(gap <= worst[0])) worst = [gap, `${f}[${t}]`];
    }
  }
  return worst;
}

function expectClose(a: PoolProjection, b: PoolProjection, scale: number): void {
  expect(a.periods).toBe(b.periods);
  const [gap, where] = worstGap(a, (f, t) => b[f][t] as number);
  expect(gap, where).toBeLessThanOrEqual(1e-9 * scale);
}

describe('pool projection invariants', () => {
  it('balances and flows are never negative', () => {
    fc.assert(
      fc.property(fc.array(lineArb(), { minLength: 1, maxLength: 5 }), scenarioArb, (lines, sc) => {
        const p = projectPool(
          { kind: 'repLines', lines },
          sc,
          defaultHorizon({ kind: 'repLines', lines }, sc),
        );
        const tol = 1e-9 * total(lines);
        let lowest: [number, string] = [0, ''];
        for (const f of FIELDS) {
          p[f].forEach((x, t) => {
            if (!(x >= lowest[0])) lowest = [x, `${f}[${t}]`];
          });
        }
        expect(lowest[0], lowest[1]).toBeGreaterThanOrEqual(-tol);
      }),
      { numRuns: 150 },
    );
  });

  it('scheduled + prepaid + defaulted principal = the starting balance; loss + recovery = defaults liquidated', () => {
    const amortising: Product[] = [
      'level-pay',
      'equal-principal',
      'interest-free-fee',
      'bullet',
      'single-payment',
    ];
    fc.assert(
      fc.property(
        fc.array(lineArb(amortising), { minLength: 1, maxLength: 5 }),
        scenarioArb,
        (lines, sc0) => {
          const sc = { ...sc0, servicerAdvancing: false };
          const pool = { kind: 'repLines' as const, lines };
          const H = defaultHorizon(pool, sc);
          const p = projectPool(pool, sc, H);
          const b = total(lines);
          expect(sum(p.scheduledPrincipal) + sum(p.prepayment) + sum(p.defaults)).toBeCloseTo(b, 6);
          expect(
            Math.abs(sum(p.scheduledPrincipal) + sum(p.prepayment) + sum(p.defaults) - b),
          ).toBeLessThanOrEqual(1e-9 * b);
          expect(p.endBalance[H]).toBe(0);
          // Defaults stop `lag` months before maturity, so the horizon liquidates all of them.
          expect(Math.abs(sum(p.loss) + sum(p.recovery) - sum(p.defaults))).toBeLessThanOrEqual(1e-9 * b);
          expect(p.pendingDefaults[H]).toBeLessThanOrEqual(1e-9 * b);
          let pending = 0;
          let worst = 0;
          for (let t = 1; t <= H; t++) {
            pending += p.defaults[t]! - p.loss[t]! - p.recovery[t]!;
            worst = Math.max(worst, Math.abs(p.pendingDefaults[t]! - pending));
          }
          expect(worst).toBeLessThanOrEqual(1e-9 * b);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with servicer advancing, collections + loss + recovery still add up to the starting balance', () => {
    const amortising: Product[] = [
      'level-pay',
      'equal-principal',
      'interest-free-fee',
      'bullet',
      'single-payment',
    ];
    fc.assert(
      fc.property(
        fc.array(lineArb(amortising), { minLength: 1, maxLength: 5 }),
        scenarioArb,
        (lines, sc0) => {
          const sc = { ...sc0, servicerAdvancing: true };
          const pool = { kind: 'repLines' as const, lines };
          const H = defaultHorizon(pool, sc);
          const p = projectPool(pool, sc, H);
          const b = total(lines);
          const out = sum(p.scheduledPrincipal) + sum(p.prepayment) + sum(p.loss) + sum(p.recovery);
          expect(Math.abs(out - b)).toBeLessThanOrEqual(1e-9 * b);
          // Loss is severity × balance at default, so it never exceeds the defaults.
          expect(sum(p.loss)).toBeLessThanOrEqual(sum(p.defaults) * (1 + 1e-12));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the fast rate-model loop agrees with the general loop (advancing with lag 0 is the charge-off view)', () => {
    fc.assert(
      fc.property(fc.array(lineArb(), { minLength: 1, maxLength: 5 }), scenarioArb, (lines, sc0) => {
        const sc = { ...sc0, recoveryLagMonths: 0, overrides: [] };
        const pool = { kind: 'repLines' as const, lines };
        const H = defaultHorizon(pool, sc);
        const fast = projectPool(pool, { ...sc, servicerAdvancing: false }, H);
        const general = projectPool(pool, { ...sc, servicerAdvancing: true }, H);
        expectClose(fast, general, total(lines));
      }),
      { numRuns: 150 },
    );
  });

  it('zero CDR and CPR reproduce the contractual amortisation schedule', () => {
    fc.assert(
      fc.property(lineArb(), (l) => {
        const H = Math.min(l.remainingTerm + 2, 80);
        const p = projectPool({ kind: 'repLines', lines: [l] }, scenario(), H);
        const n = l.remainingTerm;
        const i = l.product === 'interest-free-fee' ? 0 : l.rate / 12;
        for (let t = 0; t <= H; t++) {
          let want: number;
          if (l.product === 'revolving') want = l.balance * (1 - l.paymentRate) ** t;
          else if (t >= n) want = 0;
          else if (l.product === 'bullet' || l.product === 'single-payment') want = l.balance;
          else if (l.product === 'level-pay' && i > 0) {
            // (1 + i)^k − 1 through expm1/log1p keeps small rates exact.
            const g = (k: number) => Math.expm1(k * Math.log1p(i));
            want = (l.balance * (g(n) - g(t))) / g(n);
          } else want = (l.balance * (n - t)) / n;
          expect(Math.abs(p.endBalance[t]! - want), `end balance ${t}`).toBeLessThanOrEqual(1e-9 * l.balance);
          if (t >= 1 && t <= n && l.product === 'single-payment') {
            // Nothing until maturity, then simple interest for the whole original term with the principal.
            expect(p.interest[t]).toBeCloseTo(t === n ? l.balance * i * l.originalTerm : 0, 6);
          } else if (t >= 1 && t <= n && l.product !== 'revolving') {
            expect(p.interest[t]).toBeCloseTo(p.beginBalance[t]! * i, 6);
          }
        }
        expect(sum(p.defaults) + sum(p.prepayment)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('raising CDR never raises end balances', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb(), { minLength: 1, maxLength: 4 }),
        scenarioArb,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (lines, sc, c1, extra) => {
          const pool = { kind: 'repLines' as const, lines };
          const H = defaultHorizon(pool, sc);
          const low = projectPool(pool, { ...sc, default: { model: 'CDR', curve: c1 }, overrides: [] }, H);
          const high = projectPool(
            pool,
            { ...sc, default: { model: 'CDR', curve: c1 + extra }, overrides: [] },
            H,
          );
          const rises = Array.from(high.endBalance).filter(
            (x, t) => x > low.endBalance[t]! * (1 + 1e-12) + 1e-9,
          );
          expect(rises).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('loan level = rep lines for the same loans, whatever the order of segment names', () => {
    fc.assert(
      fc.property(fc.array(lineArb(), { minLength: 1, maxLength: 8 }), scenarioArb, (lines0, sc) => {
        const lines = lines0.map((l, k) => ({ ...l, id: `L${k}`, count: 1 }));
        const H = defaultHorizon({ kind: 'repLines', lines }, sc);
        const rep = projectPool({ kind: 'repLines', lines }, sc, H);
        const loans = projectPool({ kind: 'loans', pool: asLoanPool(lines, ['c', 'b', 'a']) }, sc, H);
        expectClose(rep, loans, total(lines));
      }),
      { numRuns: 150 },
    );
  });

  it('a mixed pool projects as the sum of its loans projected one by one (segments and seasonings grouped right)', () => {
    fc.assert(
      fc.property(fc.array(lineArb(), { minLength: 2, maxLength: 8 }), scenarioArb, (lines0, sc) => {
        const lines = lines0.map((l, k) => ({ ...l, id: `L${k}`, count: 1 }));
        const H = defaultHorizon({ kind: 'repLines', lines }, sc);
        const whole = projectPool({ kind: 'loans', pool: asLoanPool(lines) }, sc, H);
        const parts = lines.map((l) => projectPool({ kind: 'repLines', lines: [l] }, sc, H));
        const [gap, where] = worstGap(whole, (f, t) =>
          parts.reduce((acc, p) => acc + (p[f][t] as number), 0),
        );
        expect(gap, where).toBeLessThanOrEqual(1e-9 * total(lines));
      }),
      { numRuns: 100 },
    );
  });

  it('a rep line of N receivables = N identical loans of 1/N the balance', () => {
    fc.assert(
      fc.property(lineArb(), fc.integer({ min: 1, max: 20 }), scenarioArb, (l, n, sc) => {
        const rep = { ...l, count: n };
        const loan = {
          ...l,
          balance: l.balance / n,
          originalBalance: (l.originalBalance ?? l.balance) / n,
          count: 1,
        };
        const H = defaultHorizon({ kind: 'repLines', lines: [rep] }, sc);
        const a = projectPool({ kind: 'repLines', lines: [rep] }, sc, H);
        const b = projectPool({ kind: 'loans', pool: asLoanPool(Array(n).fill(loan)) }, sc, H);
        expectClose(a, b, l.balance);
      }),
      { numRuns: 100 },
    );
  });
});

describe('consumer-product conventions (issue 22)', () => {
  it('defaults running to maturity never default less than the SIFMA stop, and the horizon liquidates them all', () => {
    const amortising: Product[] = [
      'level-pay',
      'equal-principal',
      'interest-free-fee',
      'bullet',
      'single-payment',
    ];
    fc.assert(
      fc.property(
        fc.array(lineArb(amortising), { minLength: 1, maxLength: 5 }),
        scenarioArb,
        (lines, sc0) => {
          const pool = { kind: 'repLines' as const, lines };
          const toMaturity = { ...sc0, servicerAdvancing: false, defaultStop: 'maturity' as const };
          const sifma = { ...toMaturity, defaultStop: 'lagBeforeMaturity' as const };
          const H = defaultHorizon(pool, toMaturity);
          const a = projectPool(pool, toMaturity, H);
          const b = projectPool(pool, sifma, H);
          const scale = total(lines);
          // Identical months until a loan's last `lag` months, where only the first rule adds defaults.
          expect(sum(a.defaults)).toBeGreaterThanOrEqual(sum(b.defaults) - 1e-9 * scale);
          expect(a.pendingDefaults[H]).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a CNL budget is realised in full when nothing prepays, however its timing runs past a loan’s maturity', () => {
    const amortising: Product[] = [
      'level-pay',
      'equal-principal',
      'interest-free-fee',
      'bullet',
      'single-payment',
    ];
    fc.assert(
      fc.property(
        fc.array(lineArb(amortising), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 48 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (lines, cnl, months, severity) => {
          const sc = scenario({
            default: {
              model: 'CNL',
              lifetimeNetLoss: cnl,
              timing: Array.from({ length: months }, () => 1 / months),
            },
            severity,
            recoveryLagMonths: 2,
          });
          const pool = { kind: 'repLines' as const, lines };
          const p = projectPool(pool, sc, defaultHorizon(pool, sc));
          const stated = cnl * total(lines);
          expect(p.cnlBudget?.stated ?? 0).toBeCloseTo(stated, 6);
          expect(Math.abs((p.cnlBudget?.realised ?? 0) - stated)).toBeLessThanOrEqual(1e-9 * total(lines));
          expect(Math.abs(sum(p.loss) - stated)).toBeLessThanOrEqual(1e-9 * total(lines));
        },
      ),
      { numRuns: 100 },
    );
  });
});
