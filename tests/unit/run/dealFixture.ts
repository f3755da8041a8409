/** A five-class rep-line deal for run tests and the bench (figures in the style of ../shared/DOMAIN.md). */
import { Deal, type DealInput } from '../../../core/deal/schema';

export function fiveClassDeal(over: { term?: number; cdr?: number; defaultMultiple?: number } = {}): Deal {
  const term = over.term ?? 360;
  const input: DealInput = {
    schemaVersion: 1,
    name: 'Five-class installment deal',
    cutoffDate: '2026-01-15',
    paymentDay: 15,
    pool: {
      kind: 'repLines',
      lines: [
        {
          id: 'L1',
          product: 'level-pay',
          balance: 600_000_000,
          rate: 0.18,
          originalTerm: term,
          remainingTerm: term,
        },
        {
          id: 'L2',
          product: 'level-pay',
          balance: 400_000_000,
          rate: 0.22,
          originalTerm: term,
          remainingTerm: term - 6,
        },
      ],
    },
    scenarios: [
      {
        name: 'base',
        prepayment: { model: 'CPR', curve: 0.08 },
        default: { model: 'CDR', curve: over.cdr ?? 0.04 },
        severity: 0.9,
        recoveryLagMonths: 3,
        defaultMultiple: over.defaultMultiple ?? 1,
      },
    ],
    structure: {
      // Affirm 2023-B class shares (DOMAIN.md): 79.0 / 6.6 / 5.6 / 4.3 / 4.4 % of notes; 2024-A coupons.
      tranches: [
        { id: 'A', seniority: 'senior', balance: 750_500_000, coupon: { type: 'fixed', rate: 0.0561 } },
        { id: 'B', seniority: 'mezzanine', balance: 62_700_000, coupon: { type: 'fixed', rate: 0.0593 } },
        { id: 'C', seniority: 'mezzanine', balance: 53_200_000, coupon: { type: 'fixed', rate: 0.0616 } },
        { id: 'D', seniority: 'subordinated', balance: 40_850_000, coupon: { type: 'fixed', rate: 0.0689 } },
        { id: 'E', seniority: 'subordinated', balance: 41_800_000, coupon: { type: 'fixed', rate: 0.0917 } },
      ],
      fees: [
        { id: 'trustee', basis: { type: 'fixed', amount: 5000 } },
        { id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } },
      ],
      // Reserve 0.25% of the initial pool (Affirm 2023-B, DOMAIN.md).
      reserve: { initialBalance: 2_500_000, target: { percentOfInitialPool: 0.0025 } },
      ocTarget: { percentOfCurrentPool: 0.0515, floorPercentOfInitialPool: 0.005 },
      principalRule: { normal: { type: 'proRata' }, afterTrigger: { type: 'sequential' } },
      triggers: [
        {
          id: 'cnl',
          // SoFi 2019-2 style step-up schedule (DOMAIN.md): 3% in year one, 5% next half-year, then 7%.
          test: {
            type: 'cumulativeNetLoss',
            schedule: [
              { fromPeriod: 1, threshold: 0.03 },
              { fromPeriod: 13, threshold: 0.05 },
              { fromPeriod: 19, threshold: 0.07 },
            ],
          },
          effects: ['sequential'],
        },
      ],
      cleanUpCall: { poolShare: 0.1 },
      waterfall: [
        { pay: 'fee', fee: 'trustee' },
        { pay: 'fee', fee: 'servicing' },
        { pay: 'interest', tranches: ['A'] },
        { pay: 'interest', tranches: ['B'] },
        { pay: 'interest', tranches: ['C'] },
        { pay: 'interest', tranches: ['D'] },
        { pay: 'interest', tranches: ['E'] },
        { pay: 'reserveDeposit' },
        { pay: 'principal', tranches: ['A', 'B', 'C', 'D', 'E'] },
        { pay: 'residual' },
      ],
    },
  };
  return Deal.parse(input);
}
