/**
 * The rate conventions and the Standard Formulas' published worked examples, from
 * ../shared/reference/conventions.json (values rounded to 1e-6 there, to the digits shown in SF-4/7/13).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absSmm, cdrToMdr, cprToSmm, mdrToCdr, psaCpr, smmToCpr } from '../../core/rates';
import { projectPool } from '../../core/projection/project';
import { RepLine, Scenario, type ScenarioInput } from '../../core/deal/schema';

interface Conventions {
  cpr_to_smm: { cpr: number; smm: number }[];
  cdr_to_mdr: { cdr: number; mdr: number }[];
  psa_to_cpr: { speed: number; age: number; cpr: number }[];
  abs_to_smm: { abs: number; age: number; smm: number }[];
  standard_formula_examples: {
    sf4_month1: Record<string, number>;
    sf7_gnma: Record<string, number>;
    sf13_abs: { absPct?: number; month?: number; smmPct?: number }[];
    sifma_cashflow_a_month1: Record<string, number>;
  };
}
const ref = JSON.parse(
  readFileSync(new URL('../../../shared/reference/conventions.json', import.meta.url), 'utf8'),
) as Conventions;
const sf = ref.standard_formula_examples;

/** Values in the file are rounded to 1e-6: ours must round to the same figure. */
const near6 = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(5e-7 + 1e-12);

function line(over: Partial<RepLine>): RepLine {
  return RepLine.parse({
    id: 'L',
    product: 'level-pay',
    balance: 1,
    rate: 0.095,
    originalTerm: 360,
    remainingTerm: 360,
    ...over,
  });
}
function scenario(over: Partial<ScenarioInput>): Scenario {
  return Scenario.parse({
    name: 's',
    prepayment: { model: 'CPR', curve: 0 },
    default: { model: 'CDR', curve: 0 },
    severity: 0,
    recoveryLagMonths: 0,
    // The reference conventions are SIFMA's: no rate-model defaults in a loan's last `lag` months.
    defaultStop: 'lagBeforeMaturity',
    ...over,
  });
}

describe('rate conversion tables', () => {
  it.each(ref.cpr_to_smm)('CPR $cpr → SMM $smm and back', ({ cpr, smm }) => {
    near6(cprToSmm(cpr), smm);
    expect(smmToCpr(cprToSmm(cpr))).toBeCloseTo(cpr, 12);
  });
  it.each(ref.cdr_to_mdr)('CDR $cdr → MDR $mdr and back', ({ cdr, mdr }) => {
    near6(cdrToMdr(cdr), mdr);
    expect(mdrToCdr(cdrToMdr(cdr))).toBeCloseTo(cdr, 12);
  });
  it.each(ref.psa_to_cpr)('PSA $speed at age $age → CPR $cpr', ({ speed, age, cpr }) => {
    near6(psaCpr(speed, age), cpr);
  });
  it.each(ref.abs_to_smm)('ABS $abs at loan age $age → SMM $smm', ({ abs, age, smm }) => {
    near6(absSmm(abs, age), smm);
  });
});

describe('Standard Formulas worked examples', () => {
  it('SF-4: month 1 of a new 9.5% 30-year pool at 150% PSA', () => {
    const ex = sf.sf4_month1;
    const p = projectPool(
      { kind: 'repLines', lines: [line({ rate: ex.grossCouponPct! / 100, originalTerm: ex.originalTerm! })] },
      scenario({ prepayment: { model: 'PSA', curve: 150 } }),
      1,
    );
    const servicing = (((ex.grossCouponPct! - ex.netCouponPct!) / 100) * 1) / 12;
    expect(p.scheduledPrincipal[1]).toBeCloseTo(ex.scheduledAmortization!, 8);
    expect(p.prepayment[1]).toBeCloseTo(ex.prepaymentOfPar!, 8);
    expect(p.interest[1]).toBeCloseTo(ex.grossInterest!, 8);
    expect(servicing).toBeCloseTo(ex.servicing!, 8);
    expect(p.scheduledPrincipal[1]! + p.prepayment[1]!).toBeCloseTo(ex.principalPassedThrough!, 7);
    expect(p.interest[1]! - servicing).toBeCloseTo(ex.interestPassedThrough!, 8);
    expect(p.scheduledPrincipal[1]! + p.prepayment[1]! + p.interest[1]! - servicing).toBeCloseTo(
      ex.cashflow!,
      7,
    );
  });

  it('SF-7: a seasoned GNMA pool (loan age 17) at 150% PSA', () => {
    const ex = sf.sf7_gnma;
    const p = projectPool(
      {
        kind: 'repLines',
        lines: [
          line({
            balance: ex.factorBefore!,
            rate: ex.grossCouponPct! / 100,
            remainingTerm: ex.remainingTermBefore!,
          }),
        ],
      },
      scenario({ prepayment: { model: 'PSA', curve: ex.psa! } }),
      1,
    );
    expect(psaCpr(ex.psa!, ex.loanAge!)).toBeCloseTo(ex.cprPct! / 100, 12);
    expect(cprToSmm(ex.cprPct! / 100) * 100).toBeCloseTo(ex.smmPct!, 5);
    expect(ex.factorBefore! - p.scheduledPrincipal[1]!).toBeCloseTo(ex.scheduledFactor!, 8);
    expect(p.scheduledPrincipal[1]).toBeCloseTo(ex.amortization!, 8);
    expect(p.prepayment[1]).toBeCloseTo(ex.prepayments!, 8);
    expect(p.endBalance[1]).toBeCloseTo(ex.factorAfter!, 8);
  });

  it('SF-13: ABS 2% in month 11 is SMM 2.5%', () => {
    const ex = sf.sf13_abs[0]!;
    expect(absSmm(ex.absPct! / 100, ex.month!) * 100).toBeCloseTo(ex.smmPct!, 12);
  });

  it('SF-13: 36-month 10% car loans, 2 months seasoned (WAM 34), 1.7% ABS: factor 0.64140448 after 9 months', () => {
    const ex = sf.sf13_abs[1]!;
    const sc = scenario({ prepayment: { model: 'ABS', curve: ex.absPct! / 100 } });
    const seasoned = projectPool(
      { kind: 'repLines', lines: [line({ rate: 0.1, originalTerm: 36, remainingTerm: 34 })] },
      sc,
      9,
    );
    expect(seasoned.endBalance[9]).toBeCloseTo(0.64140448, 8);
    // Reading ABS by pool age (as if the loans were new) is the classic error: it gives another figure.
    const byPoolAge = projectPool(
      { kind: 'repLines', lines: [line({ rate: 0.1, originalTerm: 34, remainingTerm: 34 })] },
      sc,
      9,
    );
    expect(Math.abs(byPoolAge.endBalance[9]! - 0.64140448)).toBeGreaterThan(1e-3);
  });

  it('SIFMA cash flow example A, month 1: $100m, 8% WAC, SMM 1%, MDR 1% — prepayment on the balance before defaults', () => {
    const ex = sf.sifma_cashflow_a_month1;
    const p = projectPool(
      { kind: 'repLines', lines: [line({ balance: 100_000_000, rate: 0.08 })] },
      scenario({
        prepayment: { model: 'SMM', curve: 0.01 },
        default: { model: 'MDR', curve: 0.01 },
        recoveryLagMonths: 12,
      }),
      1,
    );
    expect(Math.round(p.defaults[1]!)).toBe(ex.newDefaults);
    expect(Math.round(p.prepayment[1]!)).toBe(ex.prepayments);
    expect(Math.round(p.scheduledPrincipal[1]!)).toBe(ex.actualAmortization);
    expect(Math.round(p.interest[1]!)).toBe(ex.actualInterest);
    expect(Math.round(p.endBalance[1]!)).toBe(ex.performingAfter);
  });
});
