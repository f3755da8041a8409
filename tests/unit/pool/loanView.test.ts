import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  loanColumns,
  queryFields,
  queryLoans,
  textMatches,
  type LoanColumns,
  type LoanQuery,
} from '../../../core/pool/loanView';
import { NO_REGION, NO_STATUS, type ImportedPool } from '../../../core/pool/poolFile';

/** Five loans, hand-made so every expected order below can be read off this table. */
function smallPool(): ImportedPool {
  const nan = NaN;
  return {
    size: 5,
    ids: ['L3', 'L1', 'L5', 'L2', 'L4'],
    product: Uint8Array.of(0, 2, 0, 1, 2), // level-pay, interest-free-fee, level-pay, equal-principal, interest-free-fee
    segment: Uint16Array.of(1, 0, 2, 0, 1),
    segmentNames: ['B', 'A', 'C'],
    balance: Float64Array.of(500, 1500, 250, 1500, 900),
    originalBalance: Float64Array.of(600, 1600, 300, 2000, 1000),
    rate: Float64Array.of(0.12, 0, 0.2, 0.09, 0),
    monthlyFeeRate: Float64Array.of(0, 0.006, 0, 0, 0.008),
    originalTerm: Uint16Array.of(12, 6, 3, 24, 12),
    remainingTerm: Uint16Array.of(10, 2, 3, 20, 7),
    paymentRate: new Float64Array(5),
    cutoffDate: '2025-06-30',
    originationDay: new Float64Array(5).fill(nan),
    maturityDay: new Float64Array(5).fill(nan),
    daysPastDue: Float64Array.of(0, 35, nan, 0, 5),
    status: Uint8Array.of(0, 1, NO_STATUS, 0, 1), // current, delinquent, missing, current, delinquent
    region: Uint16Array.of(1, 0, 1, NO_REGION, 0),
    regionNames: ['Zhejiang', 'Beijing'],
    score: Float64Array.of(700, 640, nan, 720, 610),
  };
}

const q = (over: Partial<LoanQuery>): LoanQuery => ({ sort: [], filters: [], ...over });

function run(pool: ImportedPool, query: LoanQuery): number[] {
  return Array.from(queryLoans(pool.size, loanColumns(pool, queryFields(query)), query));
}

describe('queryLoans', () => {
  const pool = smallPool();

  it('no query: every loan in tape order', () => {
    expect(run(pool, q({}))).toEqual([0, 1, 2, 3, 4]);
  });

  it('sorts numbers both ways, ties in tape order', () => {
    expect(run(pool, q({ sort: [{ field: 'balance', desc: false }] }))).toEqual([2, 0, 4, 1, 3]);
    expect(run(pool, q({ sort: [{ field: 'balance', desc: true }] }))).toEqual([1, 3, 4, 0, 2]);
  });

  it('puts missing values last in either direction', () => {
    expect(run(pool, q({ sort: [{ field: 'score', desc: false }] }))).toEqual([4, 1, 0, 3, 2]);
    expect(run(pool, q({ sort: [{ field: 'score', desc: true }] }))).toEqual([3, 0, 1, 4, 2]);
    // Region: Beijing (code 1) before Zhejiang (code 0) alphabetically; loan 3 has none.
    expect(run(pool, q({ sort: [{ field: 'region', desc: false }] }))).toEqual([0, 2, 1, 4, 3]);
  });

  it('sorts categories by name, not by code, and ids as text', () => {
    // Segment names B, A, C at codes 0, 1, 2: A first means code 1 (loans 0 and 4).
    expect(run(pool, q({ sort: [{ field: 'segment', desc: false }] }))).toEqual([0, 4, 1, 3, 2]);
    expect(run(pool, q({ sort: [{ field: 'id', desc: false }] }))).toEqual([1, 3, 0, 4, 2]);
    expect(run(pool, q({ sort: [{ field: 'id', desc: true }] }))).toEqual([2, 4, 0, 3, 1]);
  });

  it('breaks ties with the next sort key', () => {
    const query = q({
      sort: [
        { field: 'balance', desc: true },
        { field: 'rate', desc: false },
      ],
    });
    expect(run(pool, query)).toEqual([1, 3, 4, 0, 2]);
    const byRateDesc = q({
      sort: [
        { field: 'balance', desc: true },
        { field: 'rate', desc: true },
      ],
    });
    expect(run(pool, byRateDesc)).toEqual([3, 1, 4, 0, 2]);
  });

  it('filters numbers, text and categories, and combines conditions', () => {
    const gt = q({
      filters: [
        { field: 'balance', join: 'AND', conditions: [{ kind: 'number', op: 'greaterThan', value: 500 }] },
      ],
    });
    expect(run(pool, gt)).toEqual([1, 3, 4]);
    const range = q({
      filters: [
        {
          field: 'balance',
          join: 'AND',
          conditions: [{ kind: 'number', op: 'inRange', value: 1500, to: 250 }],
        },
      ],
    });
    expect(run(pool, range)).toEqual([0, 4]);
    const product = q({
      filters: [
        { field: 'product', join: 'AND', conditions: [{ kind: 'text', op: 'contains', value: 'FREE' }] },
      ],
    });
    expect(run(pool, product)).toEqual([1, 4]);
    const either = q({
      filters: [
        {
          field: 'segment',
          join: 'OR',
          conditions: [
            { kind: 'text', op: 'equals', value: 'a' },
            { kind: 'text', op: 'equals', value: 'c' },
          ],
        },
      ],
    });
    expect(run(pool, either)).toEqual([0, 2, 4]);
    const noStatus = q({
      filters: [{ field: 'status', join: 'AND', conditions: [{ kind: 'text', op: 'blank', value: '' }] }],
    });
    expect(run(pool, noStatus)).toEqual([2]);
    const dpdKnown = q({
      filters: [
        { field: 'daysPastDue', join: 'AND', conditions: [{ kind: 'number', op: 'notBlank', value: 0 }] },
      ],
    });
    expect(run(pool, dpdKnown)).toEqual([0, 1, 3, 4]);
  });

  it('filters and sorts together, every filter must hold', () => {
    const query = q({
      sort: [{ field: 'balance', desc: true }],
      filters: [
        { field: 'region', join: 'AND', conditions: [{ kind: 'text', op: 'startsWith', value: 'zhe' }] },
        { field: 'rate', join: 'AND', conditions: [{ kind: 'number', op: 'lessThanOrEqual', value: 0.1 }] },
      ],
    });
    expect(run(pool, query)).toEqual([1, 4]);
  });

  it('refuses a query on a column it was not given', () => {
    expect(() => queryLoans(5, {}, q({ sort: [{ field: 'balance', desc: false }] }))).toThrow(/balance/);
  });
});

describe('textMatches', () => {
  it('treats a blank value as passing only the negations', () => {
    expect(textMatches('', 'notEqual', 'x')).toBe(true);
    expect(textMatches('', 'notContains', 'x')).toBe(true);
    expect(textMatches('', 'contains', '')).toBe(false);
    expect(textMatches('Level-Pay', 'endsWith', 'PAY')).toBe(true);
  });
});

describe('queryLoans invariants', () => {
  const arb = fc.array(fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }), { maxLength: 60 });
  it('a sort is a permutation ordered by the key, missing last, ties by index', () => {
    fc.assert(
      fc.property(arb, fc.boolean(), (vals, desc) => {
        const values = Float64Array.from(vals, (v) => (v === null ? NaN : v));
        const cols: LoanColumns = { score: { kind: 'number', values } };
        const rows = Array.from(queryLoans(values.length, cols, q({ sort: [{ field: 'score', desc }] })));
        expect([...rows].sort((a, b) => a - b)).toEqual(vals.map((_, i) => i));
        for (let k = 1; k < rows.length; k++) {
          const a = values[rows[k - 1]!]!;
          const b = values[rows[k]!]!;
          if (Number.isNaN(a)) expect(Number.isNaN(b)).toBe(true);
          else if (!Number.isNaN(b)) {
            expect(desc ? a >= b : a <= b).toBe(true);
            if (a === b) expect(rows[k - 1]!).toBeLessThan(rows[k]!);
          }
        }
      }),
    );
  });

  it('a filter keeps exactly the loans whose value passes, in tape order', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: -50, max: 50 }), (vals, cut) => {
        const values = Float64Array.from(vals, (v) => (v === null ? NaN : v));
        const cols: LoanColumns = { balance: { kind: 'number', values } };
        const query = q({
          filters: [
            {
              field: 'balance',
              join: 'AND',
              conditions: [{ kind: 'number', op: 'greaterThanOrEqual', value: cut }],
            },
          ],
        });
        const expected = vals.flatMap((v, i) => (v !== null && v >= cut ? [i] : []));
        expect(Array.from(queryLoans(values.length, cols, query))).toEqual(expected);
      }),
    );
  });
});
