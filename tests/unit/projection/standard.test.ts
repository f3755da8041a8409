/**
 * The Standard Formulas as DESIGN.md states them, and the classic misreadings each test would catch:
 * prepayment on the balance net of defaults, recovery on face when advancing, ABS/PSA by pool age.
 */
import { describe, expect, it } from 'vitest';
import { defaultHorizon, projectPool } from '../../../core/projection/project';
import { cprToSmm, psaCpr } from '../../../core/rates';
import { asLoanPool, line, scenario, sum } from './fixtures';

/** Contractual balance of 1,000 at 12% over 12 months after p payments. */
const S = (p: number) => (1000 * (1.01 ** 12 - 1.01 ** p)) / (1.01 ** 12 - 1);

describe('one period', () => {
  it('prepayment = PERF × r × SMM on the balance BEFORE new defaults', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [line()] },
      scenario({ prepayment: { model: 'SMM', curve: 0.02 }, default: { model: 'MDR', curve: 0.05 } }),
      1,
    );
    const r = S(1) / 1000;
    expect(p.defaults[1]).toBeCloseTo(50, 10);
    expect(p.prepayment[1]).toBeCloseTo(1000 * r * 0.02, 10); // 18.423024
    expect(Math.abs(p.prepayment[1]! - 950 * r * 0.02)).toBeGreaterThan(0.9); // the misreading: 17.501873
    expect(p.scheduledPrincipal[1]).toBeCloseTo(950 * (1 - r), 10);
    expect(p.interest[1]).toBeCloseTo(950 * 0.01, 10);
    expect(p.endBalance[1]).toBeCloseTo(1000 - 50 - 1000 * r * 0.02 - 950 * (1 - r), 10);
  });

  it('caps prepayment when defaults + prepayment + amortisation would exceed PERF', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [line()] },
      scenario({ prepayment: { model: 'SMM', curve: 0.9 }, default: { model: 'MDR', curve: 0.6 } }),
      2,
    );
    const r = S(1) / 1000;
    expect(p.defaults[1]).toBeCloseTo(600, 10);
    expect(p.prepayment[1]).toBeCloseTo(400 * r, 10); // not 1,000 × r × 0.9
    expect(p.endBalance[1]).toBe(0);
    expect(p.defaults[1]! + p.prepayment[1]! + p.scheduledPrincipal[1]!).toBeCloseTo(1000, 10);
  });
});

describe('defaults and liquidation', () => {
  const oneDefault = scenario({
    default: { model: 'MDR', curve: { vector: [0.05, 0], by: 'period' } },
    severity: 0.5,
    recoveryLagMonths: 3,
  });

  it('charge-off view: 50 defaults in month 1 leave the pool; month 4 books loss 25 and recovery 25', () => {
    const p = projectPool({ kind: 'repLines', lines: [line()] }, oneDefault, 12);
    expect(p.defaults[1]).toBeCloseTo(50, 10);
    expect(p.pendingDefaults[1]).toBeCloseTo(50, 10);
    expect(p.pendingDefaults[3]).toBeCloseTo(50, 10);
    expect(p.loss[3]).toBe(0);
    expect(p.loss[4]).toBeCloseTo(25, 10);
    expect(p.recovery[4]).toBeCloseTo(25, 10);
    expect(p.pendingDefaults[4]).toBeCloseTo(0, 10);
    expect(p.interest[2]).toBeCloseTo(950 * (S(1) / 1000) * 0.01, 10);
  });

  it('servicer advancing: the defaulted balance amortises until liquidation; recovery = AMORTISED balance − loss', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [line()] },
      { ...oneDefault, servicerAdvancing: true },
      12,
    );
    // 50 defaults in month 1 and amortises in months 1, 2 and 3 on the contractual schedule (the Standard
    // Formulas' amortization from defaults starts in the month of default): 50 × S(3) / S(0), S(0) = 1,000.
    const amortised = (50 * S(3)) / 1000; // 38.054…
    expect(p.loss[4]).toBeCloseTo(25, 10); // severity × balance at default
    expect(p.recovery[4]).toBeCloseTo(amortised - 25, 10); // 13.054…, not face − loss = 25
    expect(p.pendingDefaults[1]).toBeCloseTo((50 * S(1)) / 1000, 10);
    expect(p.pendingDefaults[2]).toBeCloseTo((50 * S(2)) / 1000, 10);
    // Advanced interest and principal are collected in months 2 and 3, on the balance amortised in month 1.
    const performing = 950 * (S(1) / 1000);
    expect(p.interest[2]).toBeCloseTo(performing * 0.01 + ((50 * S(1)) / 1000) * 0.01, 10);
    expect(p.scheduledPrincipal[2]).toBeCloseTo(S(1) - S(2), 10);
    // Principal is conserved: collected + loss + recovery + what is left = the cut-off balance.
    const out =
      sum(p.scheduledPrincipal) + sum(p.prepayment) + sum(p.loss) + sum(p.recovery) + p.endBalance[12]!;
    expect(out).toBeCloseTo(1000, 9);
  });

  it('rate-model defaults stop in the last `lag` months; a CNL curve is spent as given', () => {
    const cdr = projectPool(
      { kind: 'repLines', lines: [line()] },
      scenario({
        defaultStop: 'lagBeforeMaturity',
        default: { model: 'CDR', curve: 0.1 },
        severity: 0.5,
        recoveryLagMonths: 4,
      }),
      16,
    );
    expect(cdr.defaults[8]).toBeGreaterThan(0);
    expect(Array.from(cdr.defaults.subarray(9, 13))).toEqual([0, 0, 0, 0]);
    expect(sum(cdr.loss) + sum(cdr.recovery)).toBeCloseTo(sum(cdr.defaults), 9);
    const cnl = projectPool(
      { kind: 'repLines', lines: [line()] },
      scenario({
        default: { model: 'CNL', lifetimeNetLoss: 0.01, timing: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
        severity: 0.5,
        recoveryLagMonths: 4,
      }),
      16,
    );
    expect(cnl.defaults[12]).toBeCloseTo(20, 10); // 1,000 × 1% / 0.5
    expect(cnl.loss[16]).toBeCloseTo(10, 10);
  });

  it('defaults not liquidated by the horizon stay pending', () => {
    const p = projectPool({ kind: 'repLines', lines: [line()] }, oneDefault, 2);
    expect(sum(p.loss)).toBe(0);
    expect(p.pendingDefaults[2]).toBeCloseTo(50, 10);
  });
});

describe('age of the LOANS, not of the pool', () => {
  const fresh = line({ originalTerm: 24, remainingTerm: 12 }); // 12 months seasoned
  const asNew = line({ originalTerm: 12, remainingTerm: 12 }); // same remaining schedule, new loans

  it('ABS speed: a seasoned pool prepays faster than a new one with the same remaining schedule', () => {
    const sc = scenario({ prepayment: { model: 'ABS', curve: 0.015 } });
    const seasoned = projectPool({ kind: 'repLines', lines: [fresh] }, sc, 12);
    const newer = projectPool({ kind: 'repLines', lines: [asNew] }, sc, 12);
    // Month 1: loan age 13 → SMM = 0.015 / (1 − 0.015 × 12) = 1.829%; age 1 → 1.5%.
    const r1 = S(1) / 1000;
    expect(seasoned.prepayment[1]).toBeCloseTo(1000 * r1 * (0.015 / (1 - 0.015 * 12)), 10);
    expect(newer.prepayment[1]).toBeCloseTo(1000 * r1 * 0.015, 10);
  });

  it('PSA: a loan aged 29 at cut-off is at the 30-month plateau in month 1', () => {
    const sc = scenario({ prepayment: { model: 'PSA', curve: 100 } });
    const p = projectPool(
      { kind: 'repLines', lines: [line({ originalTerm: 41, remainingTerm: 12 })] },
      sc,
      1,
    );
    expect(p.prepayment[1]).toBeCloseTo(1000 * (S(1) / 1000) * cprToSmm(psaCpr(100, 30)), 10);
  });

  it('CPR does not depend on age: seasoning changes nothing', () => {
    const sc = scenario({ prepayment: { model: 'CPR', curve: 0.2 }, default: { model: 'CDR', curve: 0.05 } });
    const a = projectPool({ kind: 'repLines', lines: [fresh] }, sc, 12);
    const b = projectPool({ kind: 'repLines', lines: [asNew] }, sc, 12);
    expect(Array.from(a.endBalance)).toEqual(Array.from(b.endBalance));
  });
});

describe('defaultHorizon', () => {
  it('longest remaining term plus the recovery lag of its segment', () => {
    const sc = scenario({
      recoveryLagMonths: 3,
      overrides: [{ segment: 'slow', recoveryLagMonths: 9 }],
    });
    const lines = [
      line({ remainingTerm: 12 }),
      line({ id: 'b', segment: 'slow', remainingTerm: 6, originalTerm: 6 }),
    ];
    expect(defaultHorizon({ kind: 'repLines', lines }, sc)).toBe(15);
  });

  it('revolving: until the contractual balance is under half a cent, at most 360 months', () => {
    const sc = scenario({ recoveryLagMonths: 2 });
    const card = line({ product: 'revolving', paymentRate: 0.1 });
    // 1,000 × 0.9^t < 0.005 ⇔ t > ln(5e−6) / ln(0.9) = 115.9
    expect(defaultHorizon({ kind: 'repLines', lines: [card] }, sc)).toBe(116 + 2);
    expect(defaultHorizon({ kind: 'repLines', lines: [{ ...card, paymentRate: 0.01 }] }, sc)).toBe(360 + 2);
  });
});

describe('loan-level edge cases', () => {
  it('a loan with 0 months left is due in full in month 1; a segment index without a name is refused', () => {
    const pool = asLoanPool([line({ product: 'equal-principal' })]);
    const due = { ...pool, remainingTerm: Uint16Array.of(0) };
    const p = projectPool({ kind: 'loans', pool: due }, scenario(), 2);
    expect(p.scheduledPrincipal[1]).toBe(1000);
    expect(p.endBalance[1]).toBe(0);
    const bad = { ...pool, segment: Uint16Array.of(3) };
    expect(() => projectPool({ kind: 'loans', pool: bad }, scenario(), 2)).toThrow(/segment index 3/);
  });
});

describe('exact zeros', () => {
  it('no prepayment assumption gives exactly zero prepayment, whatever the defaults', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [line(), line({ id: 'b', product: 'equal-principal', rate: 0.07 })] },
      scenario({ default: { model: 'CDR', curve: 0.3 }, severity: 0.7, recoveryLagMonths: 2 }),
      14,
    );
    expect(p.defaults[1]).toBeGreaterThan(0);
    expect(Array.from(p.prepayment).every((x) => x === 0)).toBe(true);
  });
});

describe('SDA through the projection', () => {
  it('uses each loan’s age and stops defaulting `lag` months before its maturity', () => {
    // 12 months left, 18 months seasoned: month 1 is age 19 → CDR 0.02% × 19 = 0.38% at 100% SDA.
    const seasoned = line({ originalTerm: 30, remainingTerm: 12 });
    const p = projectPool(
      { kind: 'repLines', lines: [seasoned] },
      scenario({
        defaultStop: 'lagBeforeMaturity',
        default: { model: 'SDA', curve: 100 },
        severity: 1,
        recoveryLagMonths: 5,
      }),
      17,
    );
    expect(p.defaults[1]).toBeCloseTo(1000 * (1 - (1 - 0.0038) ** (1 / 12)), 10);
    expect(p.defaults[7]).toBeGreaterThan(0);
    expect(Array.from(p.defaults.subarray(8, 13))).toEqual([0, 0, 0, 0, 0]);
    expect(sum(p.loss)).toBeCloseTo(sum(p.defaults), 10);
  });
});
