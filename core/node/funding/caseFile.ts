/**
 * Funding-case files from disk: size limit, JSON syntax errors with line and column, schema errors with field
 * paths, unknown fields, and the deal files the case points at (its current pool, its securitization
 * template), read relative to the case file. Every failure is a DealFileError naming the file and the field.
 */
import { dirname, resolve } from 'node:path';
import { DealFileError, unknownKeys, zodIssues } from '../../deal/load';
import { coreMessage } from '../../i18n/messages';
import type { Deal } from '../../deal/schema';
import type { FundingInputs } from '../../funding/analyse';
import { FundingInputError, referencedDealPaths, resolveFundingInputs } from '../../funding/inputs';
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

/** Reads a funding case and every deal file it refers to. */
export async function loadFundingCase(path: string): Promise<FundingInputs> {
  const file = resolve(path);
  const fundingCase = parseFundingCase(await readJsonFile(file, MAX_CASE_FILE_BYTES, path), path);
  const deals: Record<string, Deal> = {};
  for (const ref of referencedDealPaths(fundingCase)) {
    if (deals[ref.path]) continue;
    try {
      deals[ref.path] = (await loadDeal(resolve(dirname(file), ref.path))).deal;
    } catch (e) {
      if (e instanceof DealFileError)
        throw new DealFileError(path, [
          {
            path: ref.field,
            ...coreMessage('file.dealFileError', { path: ref.path, message: e.message }),
            inner: { file: e.file, issues: e.issues },
          },
        ]);
      throw e;
    }
  }
  try {
    return resolveFundingInputs(fundingCase, deals);
  } catch (e) {
    if (e instanceof FundingInputError) throw new DealFileError(path, [{ path: e.field, ...e.problem }]);
    throw e;
  }
}
