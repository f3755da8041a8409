/**
 * The CLI's language for this process: `--lang en|zh-CN` anywhere on the command line, else the POSIX locale
 * (LC_ALL, LC_MESSAGES, LANG). Commands ask `cliT()` for their messages and pass `cliLang()` to the report.
 */
import { envLang, isLang, translator, type Lang, type TFunction } from '../../i18n';
import { CliError } from './errors';

let current: Lang = 'en';

export function cliLang(): Lang {
  return current;
}

export function cliT(): TFunction {
  return translator(current);
}

/**
 * Takes `--lang X` (or `--lang=X`) out of the arguments and sets the process's language; the rest is returned
 * for the command's own parser.
 */
export function takeLangFlag(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      flag = argv[++i];
      if (flag === undefined) throw new CliError('--lang needs a value: en or zh-CN', 2);
    } else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (flag !== undefined && !isLang(flag)) throw new CliError(`--lang ${flag}: use en or zh-CN`, 2);
  current = flag ?? envLang(env);
  return rest;
}
