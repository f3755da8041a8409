/**
 * The interface languages. The app, the CLI and the Excel report speak the same two; a locale tag from the
 * system (navigator.language, LANG) picks Chinese for any `zh` tag and English otherwise.
 */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans-CN` → zh-CN; anything else (or nothing) → en. */
export function langFromLocale(tag: string | undefined | null): Lang {
  return tag !== undefined && tag !== null && /^zh(?:[-_.@]|$)/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/**
 * The CLI's language: `--lang` when given (an unknown value is refused by the caller), else the POSIX locale
 * in the order the C library reads it (LC_ALL, LC_MESSAGES, LANG).
 */
export function envLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langFromLocale(tag);
}
