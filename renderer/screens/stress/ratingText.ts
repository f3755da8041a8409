/**
 * The rating stresses' words in the user's language: a class's verdict at a level, and where a level's loss
 * multiple comes from (core/scenario/reportTable.ts, which the report's sheet uses too).
 */
import type { TFunction } from 'i18next';
import type { RatingStressResult } from '../../../core/scenario/ratingStress';

type Level = RatingStressResult['levels'][number];

export type Verdict = 'pass' | 'fail' | 'passAboveFailure';

/** Pass, fail, or pass at a level above a milder one that fails (its highest level passed ignores it). */
export function verdict(r: RatingStressResult, level: Level, id: string): Verdict {
  if (!level.passes[id]) return 'fail';
  return (r.passesAboveFailure[id] ?? []).includes(level.rating) ? 'passAboveFailure' : 'pass';
}

export function verdictText(t: TFunction, v: Verdict): string {
  return t(`stress:rating.result.${v}`);
}

/** Where a level's multiple comes from: the report's words (core), in the screen's language. */
export { ratingSourceText } from '../../../core/scenario/reportTable';
