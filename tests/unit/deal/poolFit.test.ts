/**
 * Notes that exceed the pool they are secured on: the deal passes its schema and structure checks, runs, and
 * reconciles to the cent while showing a −190% yield. The check Run and Results share refuses it. Convention:
 * the capital structure (every class, equity included) is funded by the pool at cut-off, so notes ≤ pool.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poolFitProblems, runProblems } from '../../../core/deal/poolFit';
import { Deal } from '../../../core/deal/schema';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

describe('notes against the pool', () => {
  it('flags the 800m sample structure over a 23.4m tape: 800 / 23.4 = 34.19, about 34× the pool', () => {
    expect(poolFitProblems(sample(), 23_400_000)).toMatchObject([
      {
        path: 'structure.tranches',
        message: 'the notes total 800,000,000.00 but the pool is 23,400,000.00 (34× the pool)',
      },
    ]);
  });

  it('accepts notes equal to the pool (A 600m + B 120m + S 80m = 800m of rep lines) and a cent of rounding', () => {
    expect(runProblems(sample(), 800_000_000)).toEqual([]);
    expect(poolFitProblems(sample(), 799_999_999.996)).toEqual([]);
  });

  it('flags notes a cent above the pool, with the ratio to two places', () => {
    // 800,000,000 / 799,999,999.99 = 1.0000000000125 → "1.00×".
    expect(poolFitProblems(sample(), 799_999_999.99)[0]?.message).toBe(
      'the notes total 800,000,000.00 but the pool is 799,999,999.99 (1.00× the pool)',
    );
  });

  it('flags a pool with no balance, and lists structure problems first', () => {
    expect(poolFitProblems(sample(), 0)[0]?.path).toBe('pool');
    const d = sample();
    const broken: Deal = {
      ...d,
      structure: { ...d.structure, waterfall: [...d.structure.waterfall, { pay: 'fee', fee: 'nope' }] },
    };
    expect(runProblems(broken, 1e6).map((p) => p.path)).toEqual([
      `structure.waterfall[${d.structure.waterfall.length}].fee`,
      'structure.tranches',
    ]);
  });
});
