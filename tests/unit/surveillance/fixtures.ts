/** A sample deal's run, and the servicer reports that would publish exactly what it projected. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeal } from '../../../core/deal/load';
import type { Deal } from '../../../core/deal/schema';
import { runDeal } from '../../../core/run';
import type { RunResult } from '../../../core/result';
import { readReportSources } from '../../../core/surveillance/reportFile';
import type { ServicerReport } from '../../../core/surveillance/servicerReport';
import { servicerReportsFromRun } from '../../../samples/generator/servicerReports';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export function sampleDeal(file: string): Deal {
  return parseDeal(JSON.parse(readFileSync(here(`../../../samples/deals/${file}`), 'utf8')), file);
}

export function sampleRun(file: string, scenario?: string): RunResult {
  const deal = sampleDeal(file);
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(
    deal,
    { kind: 'repLines', lines: deal.pool.lines },
    scenario === undefined ? {} : { scenario },
  );
}

/** The reports of a servicer whose pool did exactly what the run projected. */
export function reportsOf(run: RunResult, periods: number): ServicerReport[] {
  return servicerReportsFromRun(run, { periods });
}

/** The bundled surveillance sample's reports (JSON and the Chinese CSV), read as the CLI reads a folder. */
export function sampleReports(): ServicerReport[] {
  const dir = here('../../../samples/surveillance/level-pay-consumer/');
  const names = readdirSync(dir)
    .filter((n) => /\.(json|csv)$/.test(n))
    .sort();
  const read = readReportSources(
    names.map((name) => ({
      name,
      kind: name.endsWith('.csv') ? ('csv' as const) : ('json' as const),
      text: readFileSync(join(dir, name), 'utf8'),
    })),
  );
  if (read.problems.length > 0)
    throw new Error(`the sample's reports do not read: ${JSON.stringify(read.problems)}`);
  return read.reports.map((r) => r.report);
}
