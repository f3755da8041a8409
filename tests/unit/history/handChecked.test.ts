/**
 * A 3-vintage × 4-month history worked on paper. Months on book (MOB) = as-of month − origination month.
 *
 * Vintage 2023-01 (original 1,000 + 2,000 = 3,000):
 *   A1 1,000: MOB1 900, MOB2 800, MOB3 700 at 15 dpd, MOB4 charged off 700 with 100 recovered.
 *   A2 2,000: MOB1 1,800, MOB2 prepaid (status 提前还清), no later rows.
 *   MOB1: performing start 3,000, principal 100 + 200 = 300 → payment rate 300 / 3,000 = 10%.
 *   MOB2: start 900 + 1,800 = 2,700; prepaid 1,800 → SMM 1,800 / 2,700 = 2/3, CPR 1 − (1/3)^12,
 *         ABS = SMM / (1 + SMM × (2 − 1)) = (2/3) / (5/3) = 0.4; principal 100 + 1,800 = 1,900.
 *   MOB3: start 800, 1–30 bucket 700 of 700 performing = 100%.
 *   MOB4: start 700, default 700 → MDR 1, CDR 1; recovery 100.
 *   Cumulative at MOB4: gross default 700 / 3,000 = 23.333%, net loss 600 / 3,000 = 20%, prepaid 1,800 / 3,000 = 60%.
 * Vintage 2023-02 (500 + 1,500 = 2,000), no loss:
 *   B1 500: MOB1 450, MOB2 400 at 45 dpd, MOB3 400 at 75 dpd, MOB4 350 at 0 dpd (cured).
 *   B2 1,500: 1,400, 1,300, 1,200, 1,100.
 *   MOB2: 31–60 share 400 / (400 + 1,300) = 23.529%; MOB3: 61–90 share 400 / 1,600 = 25%.
 *   Payment rate MOB3: (0 + 100) / (400 + 1,300) = 5.882%.
 * Vintage 2023-03 (1,200):
 *   C1: MOB1 1,100, MOB2 1,000, MOB3 charged off (核销) with no amount and balance 0 → default = start 1,000,
 *   MOB4 recovery 250. CNL MOB3 1,000 / 1,200 = 83.333%, MOB4 750 / 1,200 = 62.5%; MDR MOB3 1.
 * Roll rates, all vintages (loan counts month to month):
 *   from current: → current A1, B2 ×3, C1 = 5; → 1–30 A1; → 31–60 B1; → charged off C1; → paid A2: 9 in all.
 *   from 1–30: → charged off 1 of 1. 31–60 → 61–90 1 of 1. 61–90 → current 1 of 1. charged off → charged off 1.
 */
import { describe, expect, it } from 'vitest';
import { poolSums, rollRates, vintageCurves } from '../../../core/history/analysis';
import { readHistoryText } from '../../../core/history/reader';
import { HAND_HISTORY } from './handHistory';

describe('hand-checked history: 3 vintages × 4 months', () => {
  const acc = readHistoryText(HAND_HISTORY);
  const sums = acc.result();
  const [v1, v2, v3] = sums.map(vintageCurves);

  it('accepts every row, three vintages, seven loans', () => {
    expect(acc.rowsRejected).toBe(0);
    expect(acc.rowsAccepted).toBe(18);
    expect(sums.map((s) => s.vintage)).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(sums.map((s) => s.originalBalance)).toEqual([3000, 2000, 1200]);
    expect(sums.map((s) => s.maxMob)).toEqual([4, 4, 4]);
  });

  it('vintage 2023-01: payment rate, SMM/CPR/ABS, delinquency, MDR/CDR, cumulative curves', () => {
    expect(v1!.paymentRate[1]).toBeCloseTo(0.1, 12);
    expect(v1!.smm[2]).toBeCloseTo(2 / 3, 12);
    expect(v1!.cpr[2]).toBeCloseTo(1 - (1 / 3) ** 12, 12);
    expect(v1!.absSpeed[2]).toBeCloseTo(0.4, 12);
    expect(v1!.paymentRate[2]).toBeCloseTo(1900 / 2700, 12);
    expect(v1!.delinquency[3]!.dpd1_30).toBeCloseTo(1, 12);
    expect(v1!.mdr[4]).toBe(1);
    expect(v1!.cdr[4]).toBe(1);
    expect(v1!.cumDefaultPct[4]).toBeCloseTo(700 / 3000, 12);
    expect(v1!.cumNetLossPct[4]).toBeCloseTo(0.2, 12);
    expect(v1!.cumPrepaymentPct[4]).toBeCloseTo(0.6, 12);
    expect(v1!.cumNetLoss).toEqual([0, 0, 0, 0, 600]);
    // MOB 0 had no row: no performing balance observed, so no rate (null), not zero.
    expect(v1!.mdr[0]).toBeNull();
  });

  it('vintage 2023-02: delinquency shares and payment rate; no loss', () => {
    expect(v2!.delinquency[2]!.dpd31_60).toBeCloseTo(400 / 1700, 12);
    expect(v2!.delinquency[3]!.dpd61_90).toBeCloseTo(0.25, 12);
    expect(v2!.delinquency[4]!.current).toBe(1);
    expect(v2!.paymentRate[3]).toBeCloseTo(100 / 1700, 12);
    expect(v2!.cumNetLossPct.every((x) => x === 0)).toBe(true);
  });

  it('vintage 2023-03: charge-off without an amount takes the start balance; recovery after it', () => {
    expect(v3!.mdr[3]).toBe(1);
    expect(v3!.cumNetLossPct[3]).toBeCloseTo(1000 / 1200, 12);
    expect(v3!.cumNetLossPct[4]).toBeCloseTo(750 / 1200, 12);
    expect(v3!.cumDefault[4]).toBe(1000);
  });

  it('roll-rate matrix over all vintages', () => {
    const m = rollRates(poolSums(sums, 'all').transitions);
    expect(m[0]).toEqual([5 / 9, 1 / 9, 1 / 9, 0, 0, 1 / 9, 1 / 9]);
    expect(m[1]).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(m[2]).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(m[3]).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(m[4]).toBeNull();
    expect(m[5]).toEqual([0, 0, 0, 0, 0, 1, 0]);
  });
});
