import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import { PRODUCT_CODES, type LoanPool } from '../../../core/pool/loanPool';
import {
  PoolFile,
  loanPoolToPoolFile,
  poolFileJsonChunks,
  poolFileToImportedPool,
  poolFileToLoanPool,
  type PoolProvenance,
} from '../../../core/pool/poolFile';
import { formatStratTable, poolSummary, standardStrats, stratify } from '../../../core/pool/strat';
import { MAPPING_PRESETS } from '../../../core/io/tape/mapping';
import { csvLine, generateTape } from '../../../samples/generator/tapeGenerator';

/** Three loans checked by hand. */
const TAPE = [
  'loan_id,product,grade,region,original_amount,current_balance,annual_rate,monthly_fee_rate,original_term,remaining_term,origination_date,maturity_date,cutoff_date,days_past_due,status,score',
  'A,level-pay,A,广东,1200,1000,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,720',
  'B,level-pay,B,江苏,4000,3000,0.18,0,24,12,2024-06-10,2026-06-10,2025-06-30,45,delinquent,650',
  'C,interest-free-fee,A,广东,600,600,0,0.006,6,6,2025-06-20,2025-12-20,2025-06-30,0,current,',
].join('\n');

describe('poolSummary', () => {
  it('hand-checked three-loan pool', () => {
    const { pool } = importTapeText(TAPE, 't.csv');
    const s = poolSummary(pool);
    expect(s.cutoffDate).toBe('2025-06-30');
    expect(s.count).toBe(3);
    expect(s.totalBalance).toBe(4600);
    expect(s.totalOriginalBalance).toBe(5800);
    expect(s.averageBalance).toBeCloseTo(4600 / 3, 10);
    expect([s.minBalance, s.maxBalance]).toEqual([600, 3000]);
    // WA rate = (1000×0.12 + 3000×0.18 + 600×0) / 4600 = 660 / 4600.
    expect(s.waRate).toBeCloseTo(660 / 4600, 12);
    expect(s.waOriginalTerm).toBeCloseTo((1000 * 12 + 3000 * 24 + 600 * 6) / 4600, 12);
    expect(s.waRemainingTerm).toBeCloseTo((1000 * 10 + 3000 * 12 + 600 * 6) / 4600, 12);
    expect(s.waSeasoning).toBeCloseTo((1000 * 2 + 3000 * 12) / 4600, 12);
    expect(s.waMonthlyFeeRate).toBeCloseTo((600 * 0.006) / 4600, 12);
    // C has no score: WA over A and B only.
    expect(s.waScore).toBeCloseTo((1000 * 720 + 3000 * 650) / 4000, 10);
    expect(s.delinquentShare).toBeCloseTo(3000 / 4600, 12);
    expect([s.minRemainingTerm, s.maxRemainingTerm]).toEqual([6, 12]);
  });
});

describe('stratify', () => {
  const { pool } = importTapeText(TAPE, 't.csv');
  it('by grade, product, region and delinquency', () => {
    const g = stratify(pool, 'segment');
    expect(g.rows.map((r) => [r.label, r.count, r.balance])).toEqual([
      ['A', 2, 1600],
      ['B', 1, 3000],
    ]);
    expect(g.rows[0]!.waRate).toBeCloseTo(120 / 1600, 12);
    expect(g.rows[0]!.pctBalance).toBeCloseTo(1600 / 4600, 12);
    expect(g.rows[0]!.waRemainingTerm).toBeCloseTo((10000 + 3600) / 1600, 12);
    expect(g.total).toMatchObject({ label: 'Total', count: 3, balance: 4600, pctBalance: 1 });
    expect(stratify(pool, 'product').rows.map((r) => r.label)).toEqual(['level-pay', 'interest-free-fee']);
    expect(stratify(pool, 'region').rows.map((r) => [r.label, r.balance])).toEqual([
      ['江苏', 3000],
      ['广东', 1600],
    ]);
    expect(stratify(pool, 'delinquency').rows.map((r) => [r.label, r.count])).toEqual([
      ['current (0 days)', 2],
      ['30–59 days', 1],
    ]);
    expect(stratify(pool, 'score').rows.map((r) => [r.label, r.count])).toEqual([
      ['650 – <700', 1],
      ['700 – <750', 1],
      ['not reported', 1],
    ]);
    expect(stratify(pool, 'rate').rows.map((r) => r.label)).toEqual([
      '0% (interest-free)',
      '10.00% – <15.00%',
      '15.00% – <20.00%',
    ]);
    expect(stratify(pool, 'remainingTerm').rows.map((r) => r.label)).toEqual(['4–6', '7–12']);
    expect(formatStratTable(g)).toMatch(/Total\s+3\s+4,600\.00\s+100\.00%/);
  });

  it('every table sums to the pool (property over generated tapes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 1e6 }), (rows, seed) => {
        const lines: string[] = [];
        generateTape({ rows, seed }, (c) => lines.push(csvLine(c)));
        const { pool } = importTapeText(lines.join('\n'), 'g.csv');
        const s = poolSummary(pool);
        let bal = 0;
        for (const b of pool.balance) bal += b;
        expect(s.totalBalance).toBeCloseTo(bal, 6);
        for (const t of standardStrats(pool)) {
          expect(t.rows.reduce((x, r) => x + r.count, 0)).toBe(pool.size);
          expect(t.rows.reduce((x, r) => x + r.balance, 0)).toBeCloseTo(s.totalBalance, 6);
          expect(t.rows.reduce((x, r) => x + r.pctBalance, 0)).toBeCloseTo(1, 9);
          expect(t.total.waRate).toBeCloseTo(s.waRate, 12);
          // WA of the rows, re-weighted, is the pool WA.
          expect(t.rows.reduce((x, r) => x + r.waRate * r.balance, 0) / s.totalBalance).toBeCloseTo(
            s.waRate,
            12,
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('pool file', () => {
  const provenance: PoolProvenance = {
    sourceFile: 't.csv',
    format: 'csv',
    mapping: MAPPING_PRESETS.generator!,
    importedAt: '2025-07-01T00:00:00.000Z',
    rowsRead: 3,
    accepted: 3,
    rejected: 0,
    byReason: {},
    rules: [],
  };

  it('round-trips an imported pool through JSON with its descriptive columns', () => {
    const { pool } = importTapeText(TAPE, 't.csv');
    const pf = loanPoolToPoolFile(pool, provenance);
    const back = PoolFile.parse(JSON.parse(JSON.stringify(pf)));
    expect(back.columns.originationDate).toEqual(['2025-04-10', '2024-06-10', '2025-06-20']);
    expect(back.columns.score).toEqual([720, 650, null]);
    expect(back.columns.status).toEqual(['current', 'delinquent', 'current']);
    const imp = poolFileToImportedPool(back);
    expect(poolSummary(imp)).toEqual(poolSummary(pool));
    const lp = poolFileToLoanPool(back);
    expect(Array.from(lp.remainingTerm)).toEqual([10, 12, 6]);
    expect(lp.segmentNames).toEqual(['A', 'B']);
  });

  it('writes a plain LoanPool with missing descriptive columns as nulls', () => {
    const lp: LoanPool = {
      size: 1,
      ids: ['x'],
      product: Uint8Array.of(PRODUCT_CODES.indexOf('bullet')),
      segment: Uint16Array.of(0),
      segmentNames: ['all'],
      balance: Float64Array.of(5),
      originalBalance: Float64Array.of(5),
      rate: Float64Array.of(0.1),
      monthlyFeeRate: Float64Array.of(0),
      originalTerm: Uint16Array.of(3),
      remainingTerm: Uint16Array.of(2),
      paymentRate: Float64Array.of(0),
    };
    const pf = PoolFile.parse(loanPoolToPoolFile(lp, provenance, '2025-06-30'));
    expect([...poolFileJsonChunks(lp, provenance, '2025-06-30')].join('')).toBe(
      JSON.stringify(loanPoolToPoolFile(lp, provenance, '2025-06-30')),
    );
    expect(pf.columns.status).toEqual([null]);
    expect(pf.cutoffDate).toBe('2025-06-30');
  });

  it('streamed JSON is exactly JSON.stringify of the pool file (property over generated tapes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 1e6 }), (rows, seed) => {
        const lines: string[] = [];
        generateTape({ rows, seed, badRows: 3 }, (c) => lines.push(csvLine(c)));
        const { pool } = importTapeText(lines.join('\n'), 'g.csv');
        const text = [...poolFileJsonChunks(pool, provenance)].join('');
        expect(text).toBe(JSON.stringify(loanPoolToPoolFile(pool, provenance)));
        expect(PoolFile.safeParse(JSON.parse(text)).success).toBe(true);
      }),
      { numRuns: 15 },
    );
    const { pool } = importTapeText(TAPE, 't.csv');
    expect([...poolFileJsonChunks(pool, provenance, null)].join('')).toBe(
      JSON.stringify(loanPoolToPoolFile(pool, provenance, null)),
    );
  });

  it('rejects inconsistent files: column lengths, indexes, remaining > original', () => {
    const { pool } = importTapeText(TAPE, 't.csv');
    const pf = loanPoolToPoolFile(pool, provenance);
    expect(PoolFile.safeParse({ ...pf, size: 4 }).success).toBe(false);
    const bad = structuredClone(pf);
    bad.columns.segment[0] = 9;
    expect(PoolFile.safeParse(bad).success).toBe(false);
    const bad2 = structuredClone(pf);
    bad2.columns.remainingTerm[0] = 13;
    expect(PoolFile.safeParse(bad2).error?.issues[0]?.message).toMatch(/exceeds originalTerm/);
  });
});

describe('issue 23 items 7 and 8: one definition per measure, rows in a natural order', () => {
  const row = (
    id: string,
    grade: string,
    region: string,
    bal: number,
    dpd: string,
    status: string,
    score: string,
  ) =>
    `${id},level-pay,${grade},${region},${bal},${bal},0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,${dpd},${status},${score}`;
  const tape = [
    TAPE.split('\n')[0]!,
    row('A', 'B', '广东', 1000, '0', 'current', '700'),
    // Delinquent by status with 0 days past due: delinquent in both the summary and the table.
    row('B', 'A', '', 1000, '0', 'delinquent', '0'),
    row('C', 'C', '江苏', 2000, '35', 'delinquent', '999'),
    row('D', 'A10', '', 800, '', 'current', ''),
    row('E', 'A2', '', 500, '0', 'current', '650'),
  ].join('\n');

  it('the summary’s delinquent share and the table’s current row add up to the whole pool', () => {
    const { pool } = importTapeText(tape, 't.csv');
    const s = poolSummary(pool);
    // Balance 5,300: delinquent B (status, 1,000) + C (35 days, 2,000) = 3,000; current A + D + E = 2,300.
    expect(s.delinquentShare).toBeCloseTo(3000 / 5300, 12);
    const t = stratify(pool, 'delinquency');
    expect(t.rows.map((r) => [r.label, r.balance])).toEqual([
      ['current (0 days)', 2300],
      ['30–59 days', 2000],
      ['delinquent status, days past due 0 or not reported', 1000],
    ]);
    expect(t.rows[0]!.pctBalance + s.delinquentShare!).toBeCloseTo(1, 12);
  });

  it('scores outside 300–850 are not reported in the table and carry no weight in the average', () => {
    const { pool } = importTapeText(tape, 't.csv');
    // Valid: A 700 × 1,000 and E 650 × 500 → (700,000 + 325,000) / 1,500 = 683.33; 0 and 999 are placeholders.
    expect(poolSummary(pool).waScore).toBeCloseTo(1_025_000 / 1500, 9);
    const t = stratify(pool, 'score');
    expect(t.rows.map((r) => [r.label, r.count, r.balance])).toEqual([
      ['650 – <700', 1, 500],
      ['700 – <750', 1, 1000],
      ['not reported', 3, 3800],
    ]);
  });

  it('grades in natural order, regions by balance, not reported last', () => {
    const { pool } = importTapeText(tape, 't.csv');
    expect(stratify(pool, 'segment').rows.map((r) => r.label)).toEqual(['A', 'A2', 'A10', 'B', 'C']);
    // 江苏 2,000 and 广东 1,000; the 2,300 without a region come after them, not first.
    expect(stratify(pool, 'region').rows.map((r) => [r.label, r.balance])).toEqual([
      ['江苏', 2000],
      ['广东', 1000],
      ['not reported', 2300],
    ]);
  });
});
