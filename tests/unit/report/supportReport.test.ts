/**
 * The report's Waterfall sheet for a deal with a liquidity facility and a swap: the new steps get their columns,
 * hedge receipts and liquidity draws are source columns, and the total-sources cell stays a live formula that adds
 * them (the engine counts both as cash entering the deal).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { runDeal } from '../../../core/run';
import {
  addHedge,
  addLiquidityFacility,
  setFlatIndex,
  setHedge,
  setLiquidity,
} from '../../../renderer/project/supportEdit';
import { at, find, readReport } from './readBack';

describe('Waterfall sheet with a facility and a swap', () => {
  it('shows the steps and the new sources, and sums them in the total', async () => {
    let deal = Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));
    deal = setLiquidity(addLiquidityFacility(deal), { commitmentFeeRate: 0.005 });
    deal = setHedge(addHedge(deal, 'swap'), 'swap1', (h) =>
      h.type === 'swap' ? { ...h, fixedRate: 0.02 } : h,
    );
    deal = setFlatIndex(deal, 'SOFR', 0.03);
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const result = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines });
    expect(result.checks.cashConserved).toBe(true);
    const wb = readReport(await buildTrancheReport({ deal, result }));
    const name = wb.SheetNames.find((n) => n.startsWith('Waterfall'));
    const ws = wb.Sheets[name ?? ''];
    if (!ws) throw new Error('no Waterfall sheet');
    // Steps are numbered in the deal's order: the swap first, then the facility's interest and fee.
    find(ws, '1. hedge swap1');
    find(ws, '2. liquidity interest');
    find(ws, '3. liquidity commitment fee');
    const receipts = find(ws, 'Source: net hedge receipts');
    find(ws, 'Source: liquidity facility draws');
    const total = find(ws, 'Total sources');
    const first = at(ws, total.r + 1, total.c);
    expect(first?.f).toContain(String.fromCharCode(65 + receipts.c));
    expect(first?.v).toBe(result.waterfall[0]?.sources.total);
    expect(at(ws, receipts.r + 1, receipts.c)?.v).toBe(result.waterfall[0]?.sources.hedgeReceipts);
  });
});
