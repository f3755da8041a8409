/**
 * The rating stresses' words in the user's language: a class's verdict at a level, and where a level's loss
 * multiple comes from. The engine's default levels cite their sources in English; those are translated by
 * level, while a level a user defined keeps the source as written.
 */
import type { TFunction } from 'i18next';
import { DEFAULT_RATING_LEVELS, type RatingStressResult } from '../../../core/scenario/ratingStress';

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

/** The S&P deal the default AAA to A multiples come from, named as it is (not translated). */
const SOURCE_DEAL = 'SoFi 2019-2';

export function ratingSourceText(t: TFunction, level: Pick<Level, 'rating' | 'source'>): string {
  const known = DEFAULT_RATING_LEVELS.find((d) => d.rating === level.rating && d.source === level.source);
  if (!known) return level.source;
  const params = { deal: SOURCE_DEAL, rating: known.rating };
  switch (known.rating) {
    case 'AAA':
      return t('stress:rating.source.AAA', params);
    case 'AA':
      return t('stress:rating.source.AA', params);
    case 'A':
      return t('stress:rating.source.A', params);
    case 'BBB':
      return t('stress:rating.source.BBB', params);
    case 'BB':
      return t('stress:rating.source.BB', params);
    default:
      return level.source;
  }
}
