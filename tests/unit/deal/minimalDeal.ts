/** A small valid deal document (as a file holds it: defaults omitted) for the deal-file tests. */
export function minimalDeal(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'Test deal',
    currency: 'CNY',
    cutoffDate: '2025-01-31',
    pool: {
      kind: 'repLines',
      lines: [
        { id: 'L1', product: 'level-pay', balance: 1000000, rate: 0.18, originalTerm: 12, remainingTerm: 12 },
      ],
    },
    scenarios: [
      {
        name: 'base',
        prepayment: { model: 'CPR', curve: 0.1 },
        default: { model: 'CDR', curve: 0.05 },
        severity: 0.9,
        recoveryLagMonths: 3,
      },
    ],
    structure: {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 750000, coupon: { type: 'fixed', rate: 0.051 } },
        { id: 'B', seniority: 'mezzanine', balance: 150000, coupon: { type: 'fixed', rate: 0.073 } },
      ],
      fees: [{ id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } }],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'fee', fee: 'servicing' },
        { pay: 'interest', tranches: ['A'] },
        { pay: 'interest', tranches: ['B'] },
        { pay: 'principal', tranches: ['A', 'B'] },
        { pay: 'residual' },
      ],
    },
  };
}
