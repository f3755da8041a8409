/**
 * The user's display settings: interface language and amount scale. Remembered in the renderer's storage;
 * the first run follows the system locale. Pure apart from the storage it is handed, so it is unit-tested.
 */
import { isAmountScale, type AmountScale } from '../../core/i18n/amounts';
import { isLang, langFromLocale, type Lang } from '../../core/i18n/lang';

/** The part of Web Storage used here (typed locally: the settings are also loaded in Node tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DisplaySettings {
  lang: Lang;
  scale: AmountScale;
}

const KEY = 'abs-workbench.display';

export function loadDisplaySettings(
  storage: Pick<KeyValueStorage, 'getItem'> | null,
  systemLocale: string | undefined,
): DisplaySettings {
  const fallback: DisplaySettings = { lang: langFromLocale(systemLocale), scale: 'unit' };
  const text = storage?.getItem(KEY);
  if (!text) return fallback;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return fallback;
    const lang = 'lang' in v && typeof v.lang === 'string' && isLang(v.lang) ? v.lang : fallback.lang;
    const scale = 'scale' in v && typeof v.scale === 'string' && isAmountScale(v.scale) ? v.scale : 'unit';
    return { lang, scale };
  } catch {
    // A damaged entry is not worth an error at start-up: the system locale decides again.
    return fallback;
  }
}

export function saveDisplaySettings(
  storage: Pick<KeyValueStorage, 'setItem'> | null,
  s: DisplaySettings,
): void {
  storage?.setItem(KEY, JSON.stringify(s));
}
