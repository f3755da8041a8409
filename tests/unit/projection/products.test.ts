/** Each product's contractual run-off, checked against figures worked by hand (in the comments). */
import { describe, expect, it } from 'vitest';
import { projectPool } from '../../../core/projection/project';
import { line, scenario, sum } from './fixtures';

const rows = (a: Float64Array) => Array.from(a.subarray(1), (x) => Math.round(x * 1e6) / 1e6);

describe('level pay', () => {
  it('1,000 at 12% over 12 months: payment 88.85, month 1 = 10.00 interest + 78.85 principal', () => {
    const p = projectPool({ kind: 'repLines', lines: [line()] }, scenario(), 12);
    // payment = 1000 × 0.01 / (1 − 1.01^−12) = 88.848789
    expect(p.interest[1]).toBeCloseTo(10, 10);
    expect(p.scheduledPrincipal[1]).toBeCloseTo(78.848789, 6);
    expect(p.interest[2]! + p.scheduledPrincipal[2]!).toBeCloseTo(88.848789, 6);
    expect(p.interest[12]! + p.scheduledPrincipal[12]!).toBeCloseTo(88.848789, 6);
    expect(p.endBalance[12]).toBe(0);
    expect(sum(p.scheduledPrincipal)).toBeCloseTo(1000, 9);
  });

  it('a zero-rate level-pay loan repays in equal parts', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [line({ rate: 0, originalTerm: 4, remainingTerm: 4 })] },
      scenario(),
      4,
    );
    expect(rows(p.scheduledPrincipal)).toEqual([250, 250, 250, 250]);
  });
});

describe('equal principal', () => {
  it('1,200 at 12% over 4 months: 300 principal a month, interest 12, 9, 6, 3', () => {
    const p = projectPool(
      {
        kind: 'repLines',
        lines: [line({ product: 'equal-principal', balance: 1200, originalTerm: 4, remainingTerm: 4 })],
      },
      scenario(),
      4,
    );
    expect(rows(p.scheduledPrincipal)).toEqual([300, 300, 300, 300]);
    expect(rows(p.interest)).toEqual([12, 9, 6, 3]);
    expect(rows(p.endBalance)).toEqual([900, 600, 300, 0]);
    expect(rows(p.beginBalance)).toEqual([1200, 900, 600, 300]);
  });
});

describe('bullet', () => {
  it('1,000 at 12% over 3 months: interest 10 a month, all principal at maturity', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [line({ product: 'bullet', originalTerm: 3, remainingTerm: 3 })] },
      scenario(),
      4,
    );
    expect(rows(p.interest)).toEqual([10, 10, 10, 0]);
    expect(rows(p.scheduledPrincipal)).toEqual([0, 0, 1000, 0]);
    expect(rows(p.endBalance)).toEqual([1000, 1000, 0, 0]);
  });
});

describe('interest-free with a monthly fee on original principal', () => {
  const fee = line({
    product: 'interest-free-fee',
    balance: 1200,
    rate: 0.2, // ignored: the product earns no interest
    monthlyFeeRate: 0.005,
    count: 10,
  });

  it('1,200 over 12 months at 0.5%: 100 principal and a 6.00 fee every month, no interest', () => {
    const p = projectPool({ kind: 'repLines', lines: [fee] }, scenario(), 12);
    expect(rows(p.scheduledPrincipal)).toEqual(Array(12).fill(100));
    expect(rows(p.fees)).toEqual(Array(12).fill(6));
    expect(rows(p.interest)).toEqual(Array(12).fill(0));
    expect(p.count[11]).toBeCloseTo(10, 10);
    expect(p.count[12]).toBe(0);
  });

  it('a seasoned plan keeps paying the full fee on ORIGINAL principal (600 left of 1,200: still 6.00)', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [{ ...fee, balance: 600, originalBalance: 1200, remainingTerm: 6 }] },
      scenario(),
      6,
    );
    expect(rows(p.fees)).toEqual(Array(6).fill(6));
    expect(rows(p.scheduledPrincipal)).toEqual(Array(6).fill(100));
  });

  it('fee and count follow the loans still performing: MDR 1% → month 1 fee 5.94, 9.9 loans left', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [fee] },
      scenario({ default: { model: 'MDR', curve: 0.01 }, recoveryLagMonths: 2 }),
      12,
    );
    // defaults 12; performing 1,188 pays 1,188 / 12 = 99 principal; fee 6 × 1,188 / 1,200 = 5.94
    expect(p.defaults[1]).toBeCloseTo(12, 10);
    expect(p.scheduledPrincipal[1]).toBeCloseTo(99, 10);
    expect(p.fees[1]).toBeCloseTo(5.94, 10);
    // 10 loans × 1,089 performing / 1,100 contractual = 9.9
    expect(p.count[1]).toBeCloseTo(9.9, 10);
  });
});

describe('revolving', () => {
  const card = line({ product: 'revolving', balance: 1000, rate: 0.24, paymentRate: 0.1, count: 100 });

  it('payment rate 10% at 24%: principal 100 then 90, interest 20 then 18', () => {
    const p = projectPool({ kind: 'repLines', lines: [card] }, scenario(), 3);
    expect(rows(p.scheduledPrincipal)).toEqual([100, 90, 81]);
    expect(rows(p.interest)).toEqual([20, 18, 16.2]);
    expect(rows(p.endBalance)).toEqual([900, 810, 729]);
    expect(p.count[3]).toBeCloseTo(100, 10);
  });

  it('never matures, so the last-months default cut-off does not apply (remainingTerm 1 is ignored)', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [{ ...card, remainingTerm: 1, originalTerm: 1 }] },
      scenario({ default: { model: 'MDR', curve: 0.02 }, recoveryLagMonths: 6 }),
      3,
    );
    // 2% of 1,000; of 1,000 − 20 − 98 = 882; of 882 − 17.64 − 86.436 = 777.924
    expect(rows(p.defaults)).toEqual([20, 17.64, 15.55848]);
  });

  it('SMM 5%: prepayment 1,000 × 0.9 × 5% = 45, 95 accounts left of 100', () => {
    const p = projectPool(
      { kind: 'repLines', lines: [card] },
      scenario({ prepayment: { model: 'SMM', curve: 0.05 } }),
      1,
    );
    expect(p.prepayment[1]).toBeCloseTo(45, 10);
    expect(p.endBalance[1]).toBeCloseTo(855, 10);
    expect(p.count[1]).toBeCloseTo(95, 10);
  });
});
