/**
 * Issue 23 item 14: the report of a deal on an imported (loan-level) pool states the pool's receivables count and
 * weighted-average APR, which the report cannot work out from the deal file alone (its pool is a file path).
 */
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { mappingFrom } from '../../../core/io/tape/mapping';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import { runDeal } from '../../../core/run';
import { DEAL_INPUT } from './fixture';
import { at, find, readReport, sheet } from './readBack';

describe('Summary of a deal on an imported pool', () => {
  it('shows the loan count and the balance-weighted APR instead of n/a', async () => {
    const mapping = mappingFrom({
      name: 'crafted',
      columns: {
        id: 'id',
        balance: 'balance',
        rate: 'rate',
        originalTerm: 'term',
        remainingTerm: 'remaining',
      },
      rateScale: { rate: 'decimal' },
    });
    const { pool } = importTapeText(
      ['id,balance,rate,term,remaining', 'A,1000,0.12,12,12', 'B,3000,0.18,12,12'].join('\n'),
      'two.csv',
      { mapping },
    );
    const deal = Deal.parse({ ...DEAL_INPUT, pool: { kind: 'file', path: 'two.pool.json' } });
    const result = runDeal(deal, { kind: 'loans', pool });
    const ws = sheet(readReport(await buildTrancheReport({ deal, result })), 'Summary');
    expect(at(ws, find(ws, 'Number of receivables').r, 1)?.v).toBe(2);
    // Weighted by current balance, the market convention: (1,000 × 12% + 3,000 × 18%) / 4,000 = 16.5%.
    expect(at(ws, find(ws, 'Weighted average APR (by balance)').r, 1)?.v).toBeCloseTo(0.165, 12);
  });
});
