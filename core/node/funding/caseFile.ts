/**
 * Funding-case files from disk: size limit, JSON syntax errors with line and column, schema errors with field
 * paths, unknown fields, and the deal files the case points at (its current pool, its securitization
 * template), read relative to the case file. Every failure is a DealFileError naming the file and the field.
 */
import { dirname, resolve } from 'node:path';
import { DealFileError, unknownKeys, zodIssues } from '../../deal/load';
import type { Deal, RepLine } from '../../deal/schema';
import type { FundingInputs } from '../../funding/analyse';
import { FundingCase } from '../../funding/schema';
import { loadDeal, readJsonFile } from '../dealFile';

export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;

/** Parses a funding case document; throws DealFileError listing every problem as `file: field: reason`. */
export function parseFundingCase(json: unknown, file: string): FundingCase {
  const result = FundingCase.safeParse(json);
  if (!result.success) throw new DealFileError(file, zodIssues(result.error.issues));
  const unknown = unknownKeys(json, result.data);
  if (unknown.length > 0) throw new DealFileError(file, unknown);
  return result.data;
}

async function dealAt(caseFile: string, label: string, rel: string, field: string): Promise<Deal> {
  try {
    return (await loadDeal(resolve(dirname(caseFile), rel))).deal;
  } catch (e) {
    if (e instanceof DealFileError)
      throw new DealFileError(label, [{ path: field, message: `deal file '${rel}': ${e.message}` }]);
    throw e;
  }
}

/** Reads a funding case and everything it refers to. */
export async function loadFundingCase(path: string): Promise<FundingInputs> {
  const file = resolve(path);
  const fundingCase = parseFundingCase(await readJsonFile(file, MAX_CASE_FILE_BYTES, path), path);
  let poolLines: readonly RepLine[];
  let scenario = fundingCase.scenario;
  const pool = fundingCase.book.currentPool;
  if (pool.kind === 'repLines') poolLines = pool.lines;
  else {
    const deal = await dealAt(file, path, pool.path, 'book.currentPool.path');
    if (deal.pool.kind !== 'repLines')
      throw new DealFileError(path, [
        {
          path: 'book.currentPool.path',
          message: `deal file '${pool.path}' has a loan-level pool file; give rep lines`,
        },
      ]);
    poolLines = deal.pool.lines;
    scenario ??= deal.scenarios[0];
  }
  if (!scenario) throw new DealFileError(path, [{ path: 'scenario', message: 'no scenario given or found' }]);
  const deals: Record<string, Deal> = {};
  for (const [i, s] of fundingCase.fundingSources.entries())
    if (s.type === 'securitization' && s.deal)
      deals[s.id] = await dealAt(file, path, s.deal, `fundingSources[${i}].deal`);
  return { fundingCase, poolLines, scenario, deals };
}
