/**
 * Discount-curve files from disk (`price --curve FILE`, `solve --curve FILE`): a size limit, JSON syntax errors with
 * line and column, and schema errors with the field path, each naming the file, like deal files.
 */
import { buildCurve, CurveFile, type DiscountCurve } from '../analytics/curve';
import { DealFileError, zodIssues } from '../deal/load';
import { readJsonFile } from './dealFile';

/** A curve has a few dozen pillars; anything near this is not a curve. */
export const MAX_CURVE_FILE_BYTES = 1024 * 1024;

export async function loadCurveFile(path: string): Promise<{ file: CurveFile; curve: DiscountCurve }> {
  const json = await readJsonFile(path, MAX_CURVE_FILE_BYTES);
  const parsed = CurveFile.safeParse(json);
  if (!parsed.success) throw new DealFileError(path, zodIssues(parsed.error.issues));
  try {
    return { file: parsed.data, curve: buildCurve(parsed.data) };
  } catch (e) {
    if (e instanceof RangeError) throw new DealFileError(path, [{ path: 'pillars', message: e.message }]);
    throw e;
  }
}
