/**
 * Engine failures as the CLI prints them, in the process's language: each problem carries a code the `core`
 * catalog words (core/i18n/messages.ts); its English `message` is what logs and `--json` keep.
 */
import type { TFunction } from '../../i18n';
import { coreText } from '../../i18n/messages';
import type { DealError } from '../../run';

/** A deal that cannot run, one line per problem: `<file>: <field path>: <reason>`. */
export function dealErrorLines(t: TFunction, file: string, e: DealError): string {
  return e.problems.map((p) => `${file}: ${p.path}: ${coreText(t, p)}`).join('\n');
}

/** The same without a file: `the deal cannot run:` and the problems indented, as DealError's English says. */
export function dealErrorText(t: TFunction, e: DealError): string {
  return [t('cli:error.dealCannotRun'), ...e.problems.map((p) => `  ${p.path}: ${coreText(t, p)}`)].join(
    '\n',
  );
}
