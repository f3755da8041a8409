/** The book: cohorts scaled from one unit projection must equal projecting each cohort on its own. */
import { describe, expect, it } from 'vitest';
import { bookFromArrays, eligibleReceivables, projectBook } from '../../../core/funding/book';
import { defaultProjector } from '../../../core/funding/analyse';
import { Book } from '../../../core/funding/schema';
import { RepLine } from '../../../core/deal/schema';
import { scenario } from './fixtures';

const sc = scenario({
  name: 'base',
  prepayment: { model: 'CPR', curve: 0.1 },
  default: { model: 'CDR', curve: 0.06 },
  severity: 0.9,
  recoveryLagMonths: 2,
});

describe('projectBook', () => {
  const line = RepLine.parse({
    id: 'n',
    product: 'level-pay',
    balance: 0,
    rate: 0.18,
    originalTerm: 6,
    remainingTerm: 6,
  });
  const current = [
    RepLine.parse({
      id: 'c',
      product: 'level-pay',
      balance: 500_000,
      rate: 0.2,
      originalTerm: 12,
      remainingTerm: 8,
    }),
  ];
  const book = Book.parse({
    currentPool: { kind: 'repLines', lines: current },
    origination: [{ id: 'n', line, monthlyVolume: 100_000, annualGrowth: 0.12 }],
    cashBuffer: { percentOfReceivables: 0.02, minimum: 1_000 },
  });
  const H = 10;
  const b = projectBook(book, current, sc, H, defaultProjector);

  it('adds every month’s cohort, grown monthly, to the run-off of the current pool', () => {
    const cur = defaultProjector(current, sc, H);
    for (let t = 1; t <= H; t++) {
      let expected = cur.endBalance[t]!;
      let defaults = cur.defaults[t]!;
      for (let m = 1; m <= t; m++) {
        const v = 100_000 * Math.pow(1.12, (m - 1) / 12);
        const p = defaultProjector([{ ...line, balance: v, originalBalance: v }], sc, H);
        expected += p.endBalance[t - m]!;
        if (t > m) defaults += p.defaults[t - m]!;
      }
      expect(b.receivables[t]).toBeCloseTo(expected, 6);
      expect(b.defaults[t]).toBeCloseTo(defaults, 6);
      expect(b.originations[t]).toBeCloseTo(100_000 * Math.pow(1.12, (t - 1) / 12), 6);
      expect(b.need[t]).toBeCloseTo(expected + Math.max(1_000, 0.02 * expected), 6);
    }
  });

  it('a loss stress and an origination cut from month 4 lower the book from month 4 and leave months 1–3 alone', () => {
    const s = projectBook(book, current, sc, H, defaultProjector, {
      startMonth: 4,
      lossMultiple: 2,
      originationMultiple: 0.5,
    });
    for (let t = 1; t <= 3; t++) expect(s.receivables[t]!).toBeCloseTo(b.receivables[t]!, 6);
    for (let t = 4; t <= H; t++) expect(s.receivables[t]!).toBeLessThan(b.receivables[t]!);
    expect(s.originations[3]).toBeCloseTo(b.originations[3]!, 9);
    expect(s.originations[4]).toBeCloseTo(b.originations[4]! / 2, 9);
  });
});

describe('eligibleReceivables', () => {
  it('drops what charges off within (120 − dpd) / 30 months', () => {
    const b = bookFromArrays({ receivables: [100, 100, 100, 100, 100, 100], defaults: [0, 1, 2, 3, 4, 5] });
    // 30 dpd → the next 3 months' charge-offs are delinquent now; past the horizon the last month's rate holds.
    expect(Array.from(eligibleReceivables(b, 30))).toEqual([94, 91, 88, 86, 85, 85]);
    // 90 dpd → only next month's.
    expect(Array.from(eligibleReceivables(b, 90))).toEqual([99, 98, 97, 96, 95, 95]);
  });
});
