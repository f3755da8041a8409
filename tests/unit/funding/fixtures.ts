/** Small funding cases for the tests: hand-checkable numbers, no files. */
import { FundingCase, type FundingCaseInput } from '../../../core/funding/schema';
import { Scenario, type ScenarioInput } from '../../../core/deal/schema';

export const flatScenario: ScenarioInput = {
  name: 'base',
  prepayment: { model: 'CPR', curve: 0 },
  default: { model: 'CDR', curve: 0 },
  severity: 0,
  recoveryLagMonths: 0,
};

export function scenario(s: ScenarioInput = flatScenario) {
  return Scenario.parse(s);
}

export function fundingCase(input: Partial<FundingCaseInput> & Pick<FundingCaseInput, 'fundingSources'>) {
  return FundingCase.parse({
    schemaVersion: 1,
    name: 'test',
    startDate: '2026-01-31',
    horizonMonths: 3,
    scenario: flatScenario,
    book: {
      currentPool: {
        kind: 'repLines',
        lines: [
          { id: 'a', product: 'bullet', balance: 1_000_000, rate: 0.2, originalTerm: 12, remainingTerm: 12 },
        ],
      },
    },
    ...input,
  });
}

export const equity = (over: Record<string, unknown> = {}) => ({
  id: 'eq',
  type: 'equity' as const,
  costOfEquity: 0.15,
  initialAmount: 0,
  maximumAmount: 1e9,
  maxRaisePerMonth: 1e9,
  ...over,
});
