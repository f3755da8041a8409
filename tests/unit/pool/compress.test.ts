import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RepLine, Scenario } from '../../../core/deal/schema';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import { compareCompression, compressToRepLines } from '../../../core/pool/compress';
import { PRODUCT_CODES, type LoanPool } from '../../../core/pool/loanPool';
import { csvLine, generateTape } from '../../../samples/generator/tapeGenerator';

const scenario = Scenario.parse({
  name: 'base',
  prepayment: { model: 'CPR', curve: 0.1 },
  default: { model: 'CDR', curve: 0.05 },
  severity: 0.9,
  recoveryLagMonths: 3,
});

function tapePool(rows: number, seed: number): LoanPool {
  const lines: string[] = [];
  generateTape({ rows, seed }, (c) => lines.push(csvLine(c)));
  return importTapeText(lines.join('\n'), 'g.csv').pool;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

describe('compressToRepLines', () => {
  it('hand-checked: two loans in one line, one in another', () => {
    const pool: LoanPool = {
      size: 3,
      ids: ['a', 'b', 'c'],
      product: Uint8Array.of(0, 0, 2),
      segment: Uint16Array.of(0, 0, 0),
      segmentNames: ['A'],
      balance: Float64Array.of(1000, 3000, 600),
      originalBalance: Float64Array.of(1200, 4000, 600),
      rate: Float64Array.of(0.12, 0.16, 0),
      monthlyFeeRate: Float64Array.of(0, 0, 0.006),
      originalTerm: Uint16Array.of(12, 12, 6),
      remainingTerm: Uint16Array.of(10, 6, 6),
      paymentRate: new Float64Array(3),
    };
    const lines = compressToRepLines(pool, { keys: ['segment', 'originalTerm'] });
    expect(lines).toHaveLength(2);
    const lp = lines.find((l) => l.product === 'level-pay')!;
    expect(lp).toMatchObject({
      segment: 'A',
      balance: 4000,
      originalBalance: 5200,
      count: 2,
      originalTerm: 12,
    });
    expect(lp.rate).toBeCloseTo((1000 * 0.12 + 3000 * 0.16) / 4000, 12);
    // WA remaining (1000×10 + 3000×6)/4000 = 7.
    expect(lp.remainingTerm).toBe(7);
    const fee = lines.find((l) => l.product === 'interest-free-fee')!;
    expect(fee).toMatchObject({ balance: 600, monthlyFeeRate: 0.006, remainingTerm: 6, count: 1 });
    for (const l of lines) expect(RepLine.safeParse(l).success).toBe(true);
  });

  it('preserves total balance, count, WA rate and fee income; lines are valid RepLines (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.subarray(['segment', 'originalTerm', 'remainingTerm', 'rate', 'seasoning'] as const),
        (rows, seed, keys) => {
          const pool = tapePool(rows, seed);
          const lines = compressToRepLines(pool, { keys });
          const bal = sum(pool.balance);
          const lineBal = lines.reduce((s, l) => s + l.balance, 0);
          expect(lineBal).toBeCloseTo(bal, 6);
          expect(lines.reduce((s, l) => s + l.count, 0)).toBe(pool.size);
          let wr = 0;
          let fee = 0;
          for (let i = 0; i < pool.size; i++) {
            wr += pool.balance[i]! * pool.rate[i]!;
            fee += pool.originalBalance[i]! * pool.monthlyFeeRate[i]!;
          }
          const lineWr = lines.reduce((s, l) => s + l.balance * l.rate, 0);
          expect(lineWr / lineBal).toBeCloseTo(wr / bal, 12);
          expect(
            lines.reduce((s, l) => s + (l.originalBalance ?? l.balance) * l.monthlyFeeRate, 0),
          ).toBeCloseTo(fee, 6);
          expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
          for (const l of lines) expect(RepLine.safeParse(l).success).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('compareCompression', () => {
  it('homogeneous groups project exactly like the loans (the measure can read zero)', () => {
    // Same product, rate and terms within each group: the projection is linear in balance.
    const n = 40;
    const pool: LoanPool = {
      size: n,
      ids: Array.from({ length: n }, (_, i) => `x${i}`),
      product: new Uint8Array(n).map((_, i) => (i % 2 ? PRODUCT_CODES.indexOf('interest-free-fee') : 0)),
      segment: new Uint16Array(n),
      segmentNames: ['all'],
      balance: Float64Array.from({ length: n }, (_, i) => 100 + 37 * i),
      originalBalance: Float64Array.from({ length: n }, (_, i) => 150 + 37 * i),
      rate: Float64Array.from({ length: n }, (_, i) => (i % 2 ? 0 : 0.15)),
      monthlyFeeRate: Float64Array.from({ length: n }, (_, i) => (i % 2 ? 0.007 : 0)),
      originalTerm: new Uint16Array(n).fill(12),
      remainingTerm: Uint16Array.from({ length: n }, (_, i) => (i % 4 < 2 ? 9 : 5)),
      paymentRate: new Float64Array(n),
    };
    const lines = compressToRepLines(pool);
    expect(lines).toHaveLength(4);
    const c = compareCompression(pool, lines, scenario);
    expect(c.maxEndBalanceDiffShare).toBeLessThan(1e-12);
    for (const f of Object.values(c.totals)) expect(Math.abs(f.relativeDiff)).toBeLessThan(1e-12);
    expect(Math.abs(c.wal.diff)).toBeLessThan(1e-12);
  });

  it('coarse grouping of a realistic tape stays close and the measure shows the gap', () => {
    const pool = tapePool(2000, 5);
    const fine = compareCompression(pool, compressToRepLines(pool), scenario);
    const coarse = compareCompression(pool, compressToRepLines(pool, { keys: [] }), scenario);
    expect(fine.lines).toBeGreaterThan(coarse.lines);
    expect(coarse.lines).toBe(3); // one line per product
    // Grouping by terms keeps the run-off within 0.01% of the initial balance in every period.
    expect(fine.maxEndBalanceDiffShare).toBeLessThan(1e-4);
    // One line per product averages 3–24-month loans together: visibly off, and the measure says so.
    expect(coarse.maxEndBalanceDiffShare).toBeGreaterThan(fine.maxEndBalanceDiffShare);
    expect(coarse.maxEndBalanceDiffShare).toBeGreaterThan(0.01);
    expect(fine.totals.fees.relativeDiff).toBeCloseTo(0, 9);
    expect(fine.endBalanceDiff[0]).toBeCloseTo(0, 6);
  });
});
