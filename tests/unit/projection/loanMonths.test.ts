/**
 * The month both the run-off kernel and the restart run (core/projection/loanMonths.ts), worked by hand on one
 * loan under the Standard Formulas: defaults = PERF × MDR; prepayment = PERF × r × SMM, on the balance after
 * scheduled amortisation and NOT net of the month's defaults (SIFMA SF), capped at what is left; amortisation =
 * (PERF − defaults) × (1 − r); interest = (PERF − defaults) × rate / 12.
 */
import { describe, expect, it } from 'vitest';
import {
  BULLET,
  F_COUNT,
  F_DEF,
  F_END,
  F_FEE,
  F_INT,
  F_PRE,
  F_SCHED,
  F_SEV_DEF,
  generalMonth,
  INTEREST_FREE_FEE,
  LEVEL_PAY,
  rateMonth,
  REVOLVING,
  SINGLE_PAYMENT,
  STRIDE,
} from '../../../core/projection/loanMonths';
import { PRODUCT_CODES } from '../../../core/pool/loanPool';

/** Period 1's accumulators. */
const period1 = (acc: Float64Array): Record<string, number> => ({
  defaults: acc[STRIDE + F_DEF]!,
  interest: acc[STRIDE + F_INT]!,
  fees: acc[STRIDE + F_FEE]!,
  scheduled: acc[STRIDE + F_SCHED]!,
  prepayment: acc[STRIDE + F_PRE]!,
  end: acc[STRIDE + F_END]!,
  count: acc[STRIDE + F_COUNT]!,
  severityDefaults: acc[STRIDE + F_SEV_DEF]!,
});

describe('one loan-month', () => {
  it('the product codes are the pool schema’s', () => {
    expect([LEVEL_PAY, INTEREST_FREE_FEE, BULLET, REVOLVING, SINGLE_PAYMENT]).toEqual(
      ['level-pay', 'interest-free-fee', 'bullet', 'revolving', 'single-payment'].map((p) =>
        PRODUCT_CODES.indexOf(p as (typeof PRODUCT_CODES)[number]),
      ),
    );
  });

  it('rate model: 1,000 performing, r 0.9, MDR 1%, SMM 2%, 12% a year, severity 50%', () => {
    const acc = new Float64Array(2 * STRIDE);
    // defaults 10; net 990; kept 990 × 0.9 = 891; prepayment 1,000 × 0.9 × 2% = 18 (not 990 × 0.9 × 2% =
    // 17.82: the SIFMA base is the balance before the month's defaults); end 891 − 18 = 873; amortisation
    // 990 − 891 = 99; interest 990 × 1% = 9.9; 200 receivables × the share still performing after (0.97).
    const end = rateMonth(acc, 1, 1000, 0.9, 0.01, 0.02, 0.5, 1, 0.97, 0.01, 0, 1, 0, 0, 200, null, 0, 2);
    expect(end).toBeCloseTo(873, 10);
    const p = period1(acc);
    expect(p.defaults).toBeCloseTo(10, 10);
    expect(p.prepayment).toBeCloseTo(18, 10);
    expect(p.scheduled).toBeCloseTo(99, 10);
    expect(p.interest).toBeCloseTo(9.9, 10);
    expect(p.end).toBeCloseTo(873, 10);
    expect(p.count).toBeCloseTo(194, 10);
    expect(p.severityDefaults).toBeCloseTo(5, 10);
    // Cash conserved: what left the performing balance is defaults + amortisation + prepayment.
    expect(p.defaults + p.scheduled + p.prepayment + p.end).toBeCloseTo(1000, 9);
  });

  it('the prepayment is capped at what is left after defaults and amortisation', () => {
    const acc = new Float64Array(2 * STRIDE);
    // SMM 99.5%: 1,000 × 0.9 × 0.995 = 895.5 > 891 kept, so 891 is prepaid and nothing is left.
    const end = rateMonth(acc, 1, 1000, 0.9, 0.01, 0.995, 0.5, 1, 0, 0.01, 0, 1, 0, 0, 1, null, 0, 2);
    expect(end).toBe(0);
    expect(period1(acc).prepayment).toBeCloseTo(891, 10);
  });

  it('general month: an instalment fee on original principal, paid by the share still performing', () => {
    const acc = new Float64Array(2 * STRIDE);
    // An interest-free plan: 1,200 original, 600 performing of a 800 contractual balance, fee 0.5% a month on
    // original = 6 for a plan paying in full; defaults 60 (given), net 540: fee 6 × 540 / 800 = 4.05.
    // r 0.75 (4 months left → 3): kept 405, prepayment 600 × 0.75 × 1% = 4.5, end 400.5.
    const defaulted = new Float64Array(3);
    const end = generalMonth(
      acc,
      1,
      600,
      60,
      0.75,
      0.01,
      0,
      800,
      600,
      0,
      0,
      1,
      6,
      0,
      10,
      null,
      0,
      2,
      defaulted,
    );
    expect(end).toBeCloseTo(400.5, 10);
    const p = period1(acc);
    expect(p.fees).toBeCloseTo(4.05, 10);
    expect(p.scheduled).toBeCloseTo(135, 10);
    // 10 receivables × PERF' / contractual balance after (400.5 / 600).
    expect(p.count).toBeCloseTo(6.675, 10);
    // Under servicer advancing the defaults go to the caller's array, not the charge-off pipeline.
    expect(defaulted[1]).toBe(60);
    expect(p.severityDefaults).toBe(0);
  });
});
