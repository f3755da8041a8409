/**
 * A small rep-line deal for stress tests: senior : mezzanine : subordinated = 75 : 15 : 10 as in JD Baitiao's
 * 2015 exchange ABS (DOMAIN.md: senior AAA 5.1%, mezzanine AA- 7.3%), on 18% APR level-pay installment lines.
 * Sequential principal with no OC target, so excess spread turbo-pays losses and write-downs hit the
 * subordinated class first.
 */
import { Deal, type DealInput } from '../../../core/deal/schema';
import type { PoolInput } from '../../../core/projection/project';

export const fixtureInput: DealInput = {
  schemaVersion: 1,
  name: 'Stress fixture 75/15/10',
  sources: ['JD Baitiao exchange ABS (Oct 2015) 75:15:10 tranching, AAA 5.1%, AA- 7.3% (DOMAIN.md)'],
  cutoffDate: '2025-01-31',
  paymentDay: 15,
  pool: {
    kind: 'repLines',
    lines: [
      { id: 'L12', product: 'level-pay', balance: 400_000, rate: 0.18, originalTerm: 12, remainingTerm: 12 },
      { id: 'L24', product: 'level-pay', balance: 600_000, rate: 0.18, originalTerm: 24, remainingTerm: 20 },
    ],
  },
  scenarios: [
    {
      name: 'base',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: 0.06 },
      severity: 0.9,
      recoveryLagMonths: 2,
    },
    {
      name: 'cnl',
      prepayment: { model: 'ABS', curve: 0.01 },
      default: {
        model: 'CNL',
        lifetimeNetLoss: 0.083,
        timing: [
          0.05, 0.08, 0.1, 0.1, 0.1, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.03, 0.02, 0.01, 0.01, 0.01,
        ],
      },
      severity: 0.9,
      recoveryLagMonths: 0,
    },
  ],
  structure: {
    tranches: [
      {
        id: 'A',
        seniority: 'senior',
        rating: 'AAA',
        balance: 750_000,
        coupon: { type: 'fixed', rate: 0.051 },
      },
      {
        id: 'B',
        seniority: 'mezzanine',
        rating: 'AA-',
        balance: 150_000,
        coupon: { type: 'fixed', rate: 0.073 },
      },
      { id: 'C', seniority: 'subordinated', balance: 100_000, coupon: { type: 'fixed', rate: 0.1 } },
    ],
    fees: [{ id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } }],
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [
      { pay: 'fee', fee: 'servicing' },
      { pay: 'interest', tranches: ['A'] },
      { pay: 'interest', tranches: ['B'] },
      { pay: 'interest', tranches: ['C'] },
      { pay: 'principal', tranches: ['A', 'B', 'C'] },
      { pay: 'residual' },
    ],
  },
};

export function fixtureDeal(): { deal: Deal; pool: PoolInput } {
  const deal = Deal.parse(fixtureInput);
  if (deal.pool.kind !== 'repLines') throw new Error('fixture pool is rep lines');
  return { deal, pool: { kind: 'repLines', lines: deal.pool.lines } };
}
