/**
 * Consumer-product conventions found by the independent projection audit (issue 22). Every expected figure is
 * worked by hand in the comment above it.
 */
import { describe, expect, it } from 'vitest';
import { effectiveDefaultStop } from '../../../core/assumptions/scenarioTables';
import { PRODUCT_SYNONYMS } from '../../../core/io/tape/fields';
import { defaultHorizon, projectPool } from '../../../core/projection/project';
import { asLoanPool, line, scenario, sum } from './fixtures';

describe('revolving fee (item 1)', () => {
  it('1,000,000 at a 10% payment rate and a 0.5% fee: fees 5,000 then 4,500 — on the balance, not the original', () => {
    // Card and Huabei-style fees are charged on the balance outstanding: month 1 0.5% × 1,000,000 = 5,000; month 2
    // 0.5% × 900,000 = 4,500. Lifetime 0.5% × Σ 1,000,000 × 0.9^(t−1) < 0.5% × 1,000,000 / 0.1 = 50,000 (the old
    // fee on the original balance earned 5,000 every month: 920,000 over 184 months).
    const l = line({
      product: 'revolving',
      balance: 1_000_000,
      rate: 0,
      paymentRate: 0.1,
      monthlyFeeRate: 0.005,
    });
    const pool = { kind: 'repLines' as const, lines: [l] };
    const H = defaultHorizon(pool, scenario());
    const p = projectPool(pool, scenario(), H);
    expect(p.fees[1]).toBeCloseTo(5000, 8);
    expect(p.fees[2]).toBeCloseTo(4500, 8);
    expect(p.fees[100]).toBeCloseTo(0.005 * 1_000_000 * 0.9 ** 99, 8);
    expect(sum(p.fees)).toBeLessThan(50_000);
  });

  it('a revolving line’s fee follows the balance net of the month’s defaults: MDR 1% → month 2 fee 4.41', () => {
    // Month 1: 1,000 − 10 defaulted = 990, 10% repaid → 891. Month 2: 891 − 8.91 = 882.09 net of defaults,
    // fee 0.5% × 882.09 = 4.41045 (a share of plans still paying would have kept 0.5% × 1,000 × 0.99² = 4.90).
    const l = line({ product: 'revolving', balance: 1000, rate: 0, paymentRate: 0.1, monthlyFeeRate: 0.005 });
    const sc = scenario({ default: { model: 'MDR', curve: 0.01 } });
    const fast = projectPool({ kind: 'repLines', lines: [l] }, sc, 2);
    // The CNL/advancing loop must agree: advancing with lag 0 is the charge-off view.
    const general = projectPool({ kind: 'repLines', lines: [l] }, { ...sc, servicerAdvancing: true }, 2);
    expect(fast.fees[2]).toBeCloseTo(4.41045, 10);
    expect(general.fees[2]).toBeCloseTo(4.41045, 10);
  });
});

describe('CNL budget after a line’s maturity (item 2)', () => {
  const cnl = (timing: number[]) =>
    scenario({ default: { model: 'CNL', lifetimeNetLoss: 0.06, timing }, severity: 1, recoveryLagMonths: 0 });

  it('a 6-month curve on a 3-month plan is re-timed within its life: 6% of 1,200 = 72, not 36', () => {
    // Timing 1/6 a month, half of it inside the plan's 3 months, so each month's share doubles: month 1 defaults
    // 1,200 × 6% × 1/6 × 2 = 24, and the three months 72 = the stated 6% (the old kernel dropped months 4-6: 36).
    const l = line({ product: 'equal-principal', balance: 1200, rate: 0, originalTerm: 3, remainingTerm: 3 });
    const p = projectPool({ kind: 'repLines', lines: [l] }, cnl([1, 1, 1, 1, 1, 1].map((x) => x / 6)), 3);
    expect(p.defaults[1]).toBeCloseTo(24, 9);
    expect(sum(p.defaults)).toBeCloseTo(72, 9);
    expect(p.cnlBudget).toEqual({
      stated: expect.closeTo(72, 9),
      realised: expect.closeTo(72, 9),
      retimed: 1,
      balance: 1200,
    });
  });

  it('a curve that starts after maturity brings the whole budget to the maturity month', () => {
    // Nothing of [0, 0, 0, 0, 1] falls in 3 months: the 72 falls due in month 3 (the balance then is 400 ≥ 72).
    const l = line({ product: 'equal-principal', balance: 1200, rate: 0, originalTerm: 3, remainingTerm: 3 });
    const p = projectPool({ kind: 'repLines', lines: [l] }, cnl([0, 0, 0, 0, 1]), 3);
    expect(Array.from(p.defaults.subarray(1))).toEqual([0, 0, expect.closeTo(72, 9)]);
  });

  it('a budget the balance cannot bear is reported as realised below stated', () => {
    // 100% CPR repays the plan in month 1, so the month-2 budget finds nothing performing: realised 0 of 72.
    const l = line({ product: 'equal-principal', balance: 1200, rate: 0, originalTerm: 2, remainingTerm: 2 });
    const sc = { ...cnl([0, 1]), prepayment: { model: 'CPR' as const, curve: 1 } };
    const p = projectPool({ kind: 'repLines', lines: [l] }, sc, 2);
    expect(p.cnlBudget?.stated).toBeCloseTo(72, 9);
    expect(p.cnlBudget?.realised).toBe(0);
  });
});

describe('single payment: 到期一次性还本付息 (item 3)', () => {
  it('is its own product in the tape synonyms; 先息后本 stays a bullet', () => {
    expect(PRODUCT_SYNONYMS['到期一次还本付息']).toBe('single-payment');
    expect(PRODUCT_SYNONYMS['到期一次性还本付息']).toBe('single-payment');
    expect(PRODUCT_SYNONYMS['利随本清']).toBe('single-payment');
    expect(PRODUCT_SYNONYMS['先息后本']).toBe('bullet');
  });

  it('1,000 at 12% for 6 months, 3 left: nothing until month 3, then 1,000 + 1,000 × 1% × 6 = 60 interest', () => {
    // Simple interest since origination (6 months at 1% a month), paid with the principal at maturity.
    const l = line({
      product: 'single-payment',
      balance: 1000,
      rate: 0.12,
      originalTerm: 6,
      remainingTerm: 3,
    });
    const p = projectPool({ kind: 'repLines', lines: [l] }, scenario(), 3);
    expect(Array.from(p.interest.subarray(1))).toEqual([0, 0, expect.closeTo(60, 9)]);
    expect(Array.from(p.scheduledPrincipal.subarray(1))).toEqual([0, 0, expect.closeTo(1000, 9)]);
  });

  it('a prepayment brings its accrued interest; a default loses it', () => {
    // SMM 10% and MDR 1%, 3 of 6 months seasoned. Month 1: defaults 1,000 × 1% = 10 (no interest: it is lost);
    // prepayment 1,000 × 10% = 100 with 100 × 1% × 4 months = 4.00 of interest. Month 2: performing 890, defaults
    // 8.90, prepaid 89.00 with 89 × 1% × 5 = 4.45.
    const l = line({
      product: 'single-payment',
      balance: 1000,
      rate: 0.12,
      originalTerm: 6,
      remainingTerm: 3,
    });
    const sc = scenario({ prepayment: { model: 'SMM', curve: 0.1 }, default: { model: 'MDR', curve: 0.01 } });
    const p = projectPool({ kind: 'repLines', lines: [l] }, sc, 6);
    expect(p.defaults[1]).toBeCloseTo(10, 9);
    expect(p.prepayment[1]).toBeCloseTo(100, 9);
    expect(p.interest[1]).toBeCloseTo(4, 9);
    expect(p.prepayment[2]).toBeCloseTo(89, 9);
    expect(p.interest[2]).toBeCloseTo(4.45, 9);
    // Loan level and rep line agree.
    const loans = projectPool({ kind: 'loans', pool: asLoanPool([l]) }, sc, 6);
    expect(loans.interest[2]).toBeCloseTo(4.45, 9);
  });
});

describe('default stop (item 5)', () => {
  const plan = line({
    product: 'equal-principal',
    balance: 1200,
    rate: 0,
    originalTerm: 3,
    remainingTerm: 3,
  });
  const mdr = (defaultStop: 'maturity' | 'lagBeforeMaturity') =>
    scenario({ default: { model: 'MDR', curve: 0.01 }, severity: 1, recoveryLagMonths: 3, defaultStop });

  it('a 3-month plan with a 3-month lag defaults to maturity by default: 12, 7.92, 3.92; liquidated by month 6', () => {
    // Month 1: 1,200 × 1% = 12; performing 1,188 repays 1,188/3 = 396 → 792. Month 2: 7.92; 784.08/2 → 392.04.
    // Month 3: 3.9204. The horizon runs the 3-month lag past maturity: 6 months, every default liquidated.
    const pool = { kind: 'repLines' as const, lines: [plan] };
    const sc = mdr('maturity');
    expect(sc.defaultStop).toBe('maturity');
    expect(scenario().defaultStop).toBe('maturity');
    const H = defaultHorizon(pool, sc);
    expect(H).toBe(6);
    const p = projectPool(pool, sc, H);
    expect(Array.from(p.defaults.subarray(1, 4))).toEqual([
      expect.closeTo(12, 9),
      expect.closeTo(7.92, 9),
      expect.closeTo(3.9204, 9),
    ]);
    expect(sum(p.loss)).toBeCloseTo(12 + 7.92 + 3.9204, 9);
  });

  it('SIFMA’s rule (kept for the reference cases) removes every default of that plan', () => {
    const p = projectPool({ kind: 'repLines', lines: [plan] }, mdr('lagBeforeMaturity'), 6);
    expect(sum(p.defaults)).toBe(0);
  });

  it('a bullet defaults in its maturity month: 1,000 × 0.99² × 1% = 9.801', () => {
    const b = line({ product: 'bullet', balance: 1000, originalTerm: 3, remainingTerm: 3 });
    const p = projectPool({ kind: 'repLines', lines: [b] }, mdr('maturity'), 6);
    expect(p.defaults[3]).toBeCloseTo(9.801, 9);
  });

  it('servicer advancing keeps the SIFMA stop: an advanced loan needs a balance to liquidate', () => {
    expect(effectiveDefaultStop({ defaultStop: 'maturity', servicerAdvancing: true })).toBe(
      'lagBeforeMaturity',
    );
    expect(effectiveDefaultStop({ defaultStop: 'maturity', servicerAdvancing: false })).toBe('maturity');
  });
});
