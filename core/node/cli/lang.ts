/**
 * The CLI's language for this process: `--lang en|zh-CN` anywhere on the command line, else the POSIX locale
 * (LC_ALL, LC_MESSAGES, LANG). Commands ask `cliT()` for their messages and pass `cliLang()` to the report;
 * zod's own schema messages follow the same language (its configuration is per process).
 */
import { envLang, isLang, translator, type Lang, type TFunction } from '../../i18n';
import { setZodLanguage } from '../../i18n/zodLocale';
import { CliError } from './errors';

let current: Lang = 'en';

export function cliLang(): Lang {
  return current;
}

export function cliT(): TFunction {
  return translator(current);
}

/** Sets the process's language: the CLI's messages and zod's. */
export function setCliLang(lang: Lang): void {
  current = lang;
  setZodLanguage(lang);
}

/**
 * Takes `--lang X` (or `--lang=X`) out of the arguments and sets the process's language; the rest is returned
 * for the command's own parser. A bad `--lang` is reported in the locale's language.
 */
export function takeLangFlag(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const rest: string[] = [];
  let flag: string | undefined;
  const fromEnv = envLang(env);
  const t = translator(fromEnv);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      flag = argv[++i];
      if (flag === undefined)
        throw new CliError(
          t('cli:error.langValue', {
            flag: '--lang',
            values: t('cli:error.langChoices', { en: 'en', zh: 'zh-CN' }),
          }),
          2,
        );
    } else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (flag !== undefined && !isLang(flag))
    throw new CliError(
      t('cli:error.langUnknown', {
        flag: '--lang',
        value: flag,
        values: t('cli:error.langChoices', { en: 'en', zh: 'zh-CN' }),
      }),
      2,
    );
  setCliLang(flag ?? fromEnv);
  return rest;
}
