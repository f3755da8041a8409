import { describe, expect, it } from 'vitest';
import { loanGridQuery } from '../../../renderer/screens/pool/loanGridQuery';

describe('loan grid sort and filter models as a loan query', () => {
  it('keeps the sort order of the columns clicked and drops unknown columns', () => {
    const q = loanGridQuery(
      [
        { colId: 'balance', sort: 'desc' },
        { colId: 'nope', sort: 'asc' },
        { colId: 'id', sort: 'asc' },
      ],
      {},
    );
    expect(q.sort).toEqual([
      { field: 'balance', desc: true },
      { field: 'id', desc: false },
    ]);
    expect(q.filters).toEqual([]);
  });

  it('reads text and number filters, and rates as percentages', () => {
    const q = loanGridQuery([], {
      segment: { filterType: 'text', type: 'equals', filter: 'E' },
      balance: { filterType: 'number', type: 'inRange', filter: 1000, filterTo: 5000 },
      rate: { filterType: 'number', type: 'greaterThan', filter: 12.5 },
    });
    expect(q.filters).toEqual([
      { field: 'segment', join: 'AND', conditions: [{ kind: 'text', op: 'equals', value: 'E' }] },
      {
        field: 'balance',
        join: 'AND',
        conditions: [{ kind: 'number', op: 'inRange', value: 1000, to: 5000 }],
      },
      { field: 'rate', join: 'AND', conditions: [{ kind: 'number', op: 'greaterThan', value: 0.125 }] },
    ]);
  });

  it('reads combined conditions and skips empty or malformed ones', () => {
    const q = loanGridQuery(null, {
      region: {
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { filterType: 'text', type: 'startsWith', filter: 'Zhe' },
          { filterType: 'text', type: 'contains', filter: '' },
          { filterType: 'text', type: 'blank' },
        ],
      },
      score: { filterType: 'number', type: 'lessThan', filter: null },
      daysPastDue: { filterType: 'number', type: 'inRange', filter: 30 },
      status: { filterType: 'text', type: 'regex', filter: '.*' },
    });
    expect(q).toEqual({
      sort: [],
      filters: [
        {
          field: 'region',
          join: 'OR',
          conditions: [
            { kind: 'text', op: 'startsWith', value: 'Zhe' },
            { kind: 'text', op: 'blank', value: '' },
          ],
        },
      ],
    });
  });
});
