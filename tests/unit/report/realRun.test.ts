/**
 * The report on real engine runs: every sample deal with a rep-line pool, and the fixture deal, run through
 * `runDeal`, written, read back with SheetJS, and opened by LibreOffice with recalculation forced.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeal } from '../../../core/deal/load';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { trancheReportSheetNames } from '../../../core/io/report/sheetName';
import type { RunResult } from '../../../core/result';
import { runDeal } from '../../../core/run';
import { DEAL_INPUT } from './fixture';
import { convertToCsv, type Converted, sofficeVersion } from './libreoffice';
import { readReport } from './readBack';
import { expectEngineNumbers, expectRecalculatedTotals } from './reportChecks';

const SAMPLES = join(import.meta.dirname, '../../../samples/deals');

interface Case {
  name: string;
  deal: Deal;
}

function cases(): Case[] {
  const out: Case[] = [{ name: 'fixture-deal', deal: Deal.parse(DEAL_INPUT) }];
  if (!existsSync(SAMPLES)) return out;
  for (const f of readdirSync(SAMPLES)
    .filter((x) => x.endsWith('.deal.json'))
    .sort()) {
    const file = join(SAMPLES, f);
    const deal = parseDeal(JSON.parse(readFileSync(file, 'utf8')), file);
    if (deal.pool.kind === 'repLines') out.push({ name: f.replace(/\.deal\.json$/, ''), deal });
    else console.log(`report real-run test: ${f} skipped (its pool is a file, not rep lines)`);
  }
  return out;
}

const runs = await Promise.all(
  cases()
    .map((c) => {
      const pool = c.deal.pool;
      if (pool.kind !== 'repLines') throw new Error('rep lines only');
      // Every scenario of the deal, so stressed runs (losses, write-downs, triggers) are covered too.
      return c.deal.scenarios.map((s) => {
        const result: RunResult = runDeal(
          c.deal,
          { kind: 'repLines', lines: pool.lines },
          { scenario: s.name },
        );
        return {
          name: `${c.name}-${s.name}`.replace(/[^A-Za-z0-9_-]/g, '_'),
          deal: c.deal,
          result,
        };
      });
    })
    .flat()
    .map(async (r) => ({ ...r, bytes: await buildTrancheReport({ deal: r.deal, result: r.result }) })),
);

describe('report on real engine runs', () => {
  it('covers the fixture deal and the samples', () => {
    expect(runs.length).toBeGreaterThanOrEqual(1);
    console.log(`report real runs: ${runs.map((r) => r.name).join(', ')}`);
  });

  for (const run of runs) {
    it(`${run.name}: reads back to the cent`, () => {
      const wb = readReport(run.bytes);
      // Every sheet by name and in order: the Export screen lists the same names before writing.
      expect(wb.SheetNames).toEqual(trancheReportSheetNames(run.result));
      expect(wb.SheetNames.slice(0, 5)).toEqual([
        'Contents',
        'Summary',
        'Investor summary',
        'Assumptions',
        'Pool cash flows',
      ]);
      expect(wb.SheetNames).toHaveLength(6 + run.result.tranches.length + (run.result.revolving ? 1 : 0));
      expectEngineNumbers(wb, run.result, run.name);
    });
  }

  const version = sofficeVersion();
  describe.skipIf(!version)('LibreOffice recalculation', () => {
    let lo: Converted;
    beforeAll(() => {
      lo = convertToCsv(Object.fromEntries(runs.map((r) => [r.name, r.bytes])));
    }, 300_000);
    for (const run of runs) {
      it(`${run.name}: recalculated totals equal the engine's`, () => {
        expectRecalculatedTotals(lo.files.get(run.name), run.result, run.name);
      });
    }
  });
});
