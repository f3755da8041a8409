/** Small builders for projection tests: a rep line and a scenario with every default filled in. */
import { RepLine, Scenario, type ScenarioInput } from '../../../core/deal/schema';
import type { LoanPool } from '../../../core/pool/loanPool';
import { PRODUCT_CODES } from '../../../core/pool/loanPool';

export function line(over: Partial<RepLine> = {}): RepLine {
  return RepLine.parse({
    id: 'L',
    product: 'level-pay',
    balance: 1000,
    rate: 0.12,
    originalTerm: 12,
    remainingTerm: 12,
    ...over,
  });
}

export function scenario(over: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    name: 's',
    prepayment: { model: 'CPR', curve: 0 },
    default: { model: 'CDR', curve: 0 },
    severity: 0,
    recoveryLagMonths: 0,
    ...over,
  });
}

/** The same receivables as a loan-level pool (one loan per line, `count` ignored). */
export function asLoanPool(lines: readonly RepLine[], segmentNames?: readonly string[]): LoanPool {
  const names = segmentNames ? [...segmentNames] : [...new Set(lines.map((l) => l.segment))];
  const n = lines.length;
  return {
    size: n,
    ids: lines.map((l) => l.id),
    product: Uint8Array.from(lines, (l) => PRODUCT_CODES.indexOf(l.product)),
    segment: Uint16Array.from(lines, (l) => names.indexOf(l.segment)),
    segmentNames: names,
    balance: Float64Array.from(lines, (l) => l.balance),
    originalBalance: Float64Array.from(lines, (l) => l.originalBalance ?? l.balance),
    rate: Float64Array.from(lines, (l) => l.rate),
    monthlyFeeRate: Float64Array.from(lines, (l) => l.monthlyFeeRate),
    originalTerm: Uint16Array.from(lines, (l) => l.originalTerm),
    remainingTerm: Uint16Array.from(lines, (l) => l.remainingTerm),
    paymentRate: Float64Array.from(lines, (l) => l.paymentRate),
  };
}

export const sum = (a: Float64Array, from = 1): number => a.subarray(from).reduce((s, x) => s + x, 0);
