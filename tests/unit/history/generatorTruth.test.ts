/**
 * The generator's known process recovered from its history within sampling error (4 binomial standard
 * errors): grade A's roll rates, its prepayment rate from current, and the charge-off of every 90+ loan.
 */
import { describe, expect, it } from 'vitest';
import { poolSums, rollRates } from '../../../core/history/analysis';
import { readHistoryText } from '../../../core/history/reader';
import { DEFAULT_TRUTH, historyCsv } from '../../../samples/generator/historyGenerator';

describe('generated history: the truth comes back', () => {
  // Term 24 > 18 months on book: no loan matures, so current → paid is prepayment alone.
  const text = historyCsv({ seed: 7, vintages: 12, loansPerVintage: 500, maxMob: 18, lastAsOf: 24 });
  const acc = readHistoryText(text, { segment: 'grade' });
  const a = acc.result().filter((s) => s.segment === 'A');
  const sums = poolSums(a, 'A');
  const m = rollRates(sums.transitions);
  const n = (i: number): number => sums.transitions.slice(i * 7, i * 7 + 7).reduce((x, y) => x + y, 0);
  const within = (est: number, p: number, count: number): void => {
    const sd = Math.sqrt((p * (1 - p)) / count);
    expect(Math.abs(est - p)).toBeLessThanOrEqual(4 * sd + 1e-12);
  };
  const t = DEFAULT_TRUTH;
  const roll = t.roll['A']!;

  it('reads every row', () => {
    expect(acc.rowsRejected).toBe(0);
  });

  it('current → prepaid = prepay, current → 1–30 = (1 − prepay) × roll₀', () => {
    within(m[0]![6]!, t.prepay, n(0));
    within(m[0]![1]!, (1 - t.prepay) * roll[0], n(0));
  });

  it('1–30 → 31–60, 31–60 → 61–90, 61–90 → 90+ at the rolls; the rest cure', () => {
    within(m[1]![2]!, roll[1], n(1));
    within(m[1]![0]!, 1 - roll[1], n(1));
    within(m[2]![3]!, roll[2], n(2));
    within(m[3]![4]!, roll[3], n(3));
  });

  it('90+ is charged off the next month, always', () => {
    expect(m[4]![5]).toBe(1);
  });

  it('recoveries are the recovery rate of the charged-off balance', () => {
    // Vintages old enough for the lag to have passed on every charge-off are not separated here; the ratio of
    // all recoveries to all defaults is bounded by the rate.
    const d = sums.defaults.reduce((x, y) => x + y, 0);
    const r = sums.recoveries.reduce((x, y) => x + y, 0);
    expect(r / d).toBeLessThanOrEqual(t.recoveryRate + 1e-9);
    expect(r / d).toBeGreaterThan(t.recoveryRate * 0.6);
  });
});
