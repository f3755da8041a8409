/**
 * Actual against projected. A servicer that reports exactly what the closing run projected must show no gap in
 * any measure (both sides use one definition), and its reports must reconcile; a hand-worked month checks each
 * definition: MDR = defaults / begin, SMM = prepayments / (begin − scheduled), both annualised over 12 months.
 */
import { describe, expect, it } from 'vitest';
import { actualAgainstProjected } from '../../../core/surveillance/compare';
import { historyProblems, ServicerReport } from '../../../core/surveillance/servicerReport';
import { reportsOf, sampleRun } from './fixtures';

describe('actual against projected', () => {
  // The revolving sample pays quarterly while it revolves: a month that is not a payment date has accrual estimates in its excess
  // spread that no report states, so that measure is compared on the monthly-paying sample only.
  for (const [file, spread] of [
    ['level-pay-consumer.deal.json', true],
    ['revolving-installment.deal.json', false],
  ] as const) {
    it(`${file}: a servicer reporting the projection shows no gap, and its reports reconcile`, () => {
      const run = sampleRun(file);
      const reports = reportsOf(run, 12);
      expect(
        historyProblems(
          reports,
          run.tranches.map((t) => t.id),
        ),
      ).toEqual([]);
      const rows = actualAgainstProjected(run, reports);
      expect(rows).toHaveLength(12);
      for (const row of rows) {
        const p = row.projected!;
        expect(Math.abs(row.actual.poolEndBalance - p.poolEndBalance)).toBeLessThanOrEqual(0.01 * row.period);
        expect(row.actual.cdr!).toBeCloseTo(p.cdr!, 9);
        expect(row.actual.cpr!).toBeCloseTo(p.cpr!, 9);
        expect(row.actual.cumulativeNetLoss).toBeCloseTo(p.cumulativeNetLoss, 9);
        if (spread) expect(row.actual.excessSpread!).toBeCloseTo(p.excessSpread!, 9);
      }
    });
  }

  it('a hand-worked month: CDR, CPR and CNL from the report’s own figures', () => {
    const run = sampleRun('level-pay-consumer.deal.json');
    const first = run.pool.periods[0]!;
    const [row] = actualAgainstProjected(run, [
      ServicerReport.parse({
        period: 1,
        paymentDate: first.date,
        pool: {
          beginBalance: 100_000_000,
          principalCollections: 8_000_000,
          prepayments: 1_500_000,
          interestCollections: 1_200_000,
          defaults: 500_000,
          recoveries: 100_000,
          endBalance: 91_500_000,
          delinquent: { dpd61_90: 150_000, dpd90plus: 50_000 },
        },
        feesPaid: 100_000,
        classes: [
          {
            id: 'A',
            beginBalance: 80_000_000,
            interestPaid: 300_000,
            principalPaid: 7_000_000,
            endBalance: 73_000_000,
          },
        ],
      }),
    ]);
    // MDR 0.5 %, SMM = 1.5m / (100m − 6.5m scheduled).
    expect(row!.actual.cdr).toBeCloseTo(1 - 0.995 ** 12, 15);
    expect(row!.actual.cpr).toBeCloseTo(1 - (1 - 1_500_000 / 93_500_000) ** 12, 15);
    expect(row!.actual.cumulativeNetLoss).toBeCloseTo(400_000 / run.pool.initialBalance, 15);
    // (1.2m − 0.1m fees − 0.3m note interest) × 12 / 100m = 9.6 %.
    expect(row!.actual.excessSpread).toBeCloseTo(0.096, 15);
    expect(row!.actual.delinquent60Plus).toBeCloseTo(200_000 / 91_500_000, 15);
  });
});
