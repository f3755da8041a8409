/**
 * Every case of ../shared/reference/projection.json, period by period: our float64 projection rounded to
 * cents must be within a cent of each published cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPool, defaultHorizon, type PoolInput } from '../../core/projection/project';
import { RepLine, Scenario } from '../../core/deal/schema';
import type { PoolProjection } from '../../core/projection/types';

interface Row {
  period: number;
  beginBalance: number;
  default: number;
  interest: number;
  scheduledPrincipal: number;
  prepayment: number;
  loss: number;
  recovery: number;
  endBalance: number;
}
interface Case {
  name: string;
  line: { balance: number; annualRate: number; remainingTerm: number; product: string };
  assumptions: { cpr: number; cdr: number; severity: number; recoveryLagMonths: number };
  periods: Row[];
}
const ref = JSON.parse(
  readFileSync(new URL('../../../shared/reference/projection.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const cents = (x: number) => Math.round(x * 100) / 100;
const column: Record<Exclude<keyof Row, 'period'>, keyof PoolProjection> = {
  beginBalance: 'beginBalance',
  default: 'defaults',
  interest: 'interest',
  scheduledPrincipal: 'scheduledPrincipal',
  prepayment: 'prepayment',
  loss: 'loss',
  recovery: 'recovery',
  endBalance: 'endBalance',
};

describe.each(ref.cases)('reference projection $name', (c) => {
  const pool: PoolInput = {
    kind: 'repLines',
    lines: [
      RepLine.parse({
        id: c.name,
        product: 'level-pay',
        balance: c.line.balance,
        rate: c.line.annualRate,
        originalTerm: c.line.remainingTerm,
        remainingTerm: c.line.remainingTerm,
      }),
    ],
  };
  const scenario = Scenario.parse({
    name: c.name,
    prepayment: { model: 'CPR', curve: c.assumptions.cpr },
    default: { model: 'CDR', curve: c.assumptions.cdr },
    severity: c.assumptions.severity,
    recoveryLagMonths: c.assumptions.recoveryLagMonths,
    // The reference cases follow SIFMA's Standard Formulas: no defaults in the last `lag` months.
    defaultStop: 'lagBeforeMaturity',
  });
  const projection = projectPool(pool, scenario, c.periods.length);

  it('covers the published horizon (remaining term; defaults stop `lag` months before maturity)', () => {
    expect(c.line.product).toBe('level-pay installment');
    expect(defaultHorizon(pool, scenario)).toBe(c.line.remainingTerm + c.assumptions.recoveryLagMonths);
    expect(c.periods.length).toBe(c.line.remainingTerm);
  });

  it.each(c.periods)('period $period within a cent in every column', (row) => {
    for (const [key, field] of Object.entries(column)) {
      const got = (projection[field] as Float64Array)[row.period] as number;
      const want = row[key as keyof Row];
      expect(Math.abs(cents(got) - want), `${key} in period ${row.period}`).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });
});
