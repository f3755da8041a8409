/**
 * A `t` for one language over every renderer namespace, without the app's shared instance: what pure modules
 * fall back to (English) when no caller's `t` is given, and what unit tests check both languages with.
 */
import { fixedTranslator, type Lang, type TFunction } from '../../core/i18n';
import { resources } from './index';

const cache = new Map<Lang, TFunction>();

export function fixedT(lang: Lang): TFunction {
  const hit = cache.get(lang);
  if (hit) return hit;
  const t = fixedTranslator(resources, 'app', lang);
  cache.set(lang, t);
  return t;
}

/** English, for callers outside the UI (tests, logs) that do not pass a `t`. */
export const enT: TFunction = ((...args: Parameters<TFunction>) => fixedT('en')(...args)) as TFunction;
