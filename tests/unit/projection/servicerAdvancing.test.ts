/**
 * Servicer advancing on the SIFMA Standard Formulas' Cash Flow A: $100m of new 30-year loans at 8%, SMM 1%, MDR 1%,
 * 20% loss severity, 12-month liquidation lag, servicer advancing. The Standard Formulas' amortization from
 * defaults starts in the month of default, so the 1,000,000 defaulting in month 1 amortises in months 1–12 and is
 * liquidated in month 13:
 *   scheduled balance factor after k months, S(k) = ((1 + r)^360 − (1 + r)^k) / ((1 + r)^360 − 1), r = 0.08 / 12;
 *   S(12) = 0.99164636, so the balance at liquidation is 1,000,000 × S(12) = 991,646.36;
 *   loss = 20% × the balance at default = 200,000; recovery = 991,646.36 − 200,000 = 791,646.36 (SF: 791,646).
 * Amortising only from the month after default (months 2–12) would give 1,000,000 × S(12) / S(1) − 200,000 = 792,312.18.
 */
import { describe, expect, it } from 'vitest';
import { projectPool } from '../../../core/projection/project';
import { line, scenario, sum } from './fixtures';

const r = 0.08 / 12;
const S = (k: number) => ((1 + r) ** 360 - (1 + r) ** k) / ((1 + r) ** 360 - 1);

describe('SIFMA Cash Flow A with servicer advancing', () => {
  const p = projectPool(
    {
      kind: 'repLines',
      lines: [line({ balance: 100_000_000, rate: 0.08, originalTerm: 360, remainingTerm: 360 })],
    },
    scenario({
      prepayment: { model: 'SMM', curve: 0.01 },
      default: { model: 'MDR', curve: 0.01 },
      severity: 0.2,
      recoveryLagMonths: 12,
      servicerAdvancing: true,
    }),
    360,
  );

  it('recovers 791,646 in month 13 on the balance amortised from the month of default', () => {
    expect(p.defaults[1]).toBeCloseTo(1_000_000, 6);
    expect(p.loss[13]).toBeCloseTo(200_000, 6);
    expect(p.recovery[13]).toBeCloseTo(1_000_000 * S(12) - 200_000, 4);
    expect(Math.round(p.recovery[13]!)).toBe(791_646);
    // Month 1's principal includes the defaulted balance's own amortisation, 1,000,000 × (1 − S(1)) = 670.98.
    const performingAmortisation = (100_000_000 - 1_000_000) * (1 - S(1)); // 66,427 (SF month 1)
    expect(p.scheduledPrincipal[1]).toBeCloseTo(performingAmortisation + 1_000_000 * (1 - S(1)), 4);
    // Pending at the end of month 1 is the defaulted balance after that month's amortisation.
    expect(p.pendingDefaults[1]).toBeCloseTo(1_000_000 * S(1), 4);
  });

  it('conserves principal over the whole run: collected + loss + recovery + what is left = 100m', () => {
    const out =
      sum(p.scheduledPrincipal) + sum(p.prepayment) + sum(p.loss) + sum(p.recovery) + p.endBalance[360]!;
    expect(out).toBeCloseTo(100_000_000, 3);
  });
});
