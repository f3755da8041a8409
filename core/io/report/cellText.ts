/**
 * Formula injection: a spreadsheet evaluates text that starts with `= + - @` (and, after import, tab or CR) as a
 * formula, so a deal, tranche, scenario or loan name typed by a user could run `=HYPERLINK(...)` or DDE on a
 * reader's machine. We prefix such text with an apostrophe, the OWASP-recommended form: it is visible, survives
 * CSV (where no cell type can protect the text), and no reader treats it as a formula. Full-width forms count too,
 * because East Asian spreadsheet input converts them to their ASCII equivalents.
 */
const DANGEROUS_START = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\uff1d',
  '\uff0b',
  '\uff0d',
  '\uff20',
]);

/** True when `text` would be read as a formula (its first character, or first after leading spaces, is a trigger). */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  if (DANGEROUS_START.has(text[0] as string)) return true;
  const trimmed = text.replace(/^ +/, '');
  return trimmed.length > 0 && trimmed !== text && DANGEROUS_START.has(trimmed[0] as string);
}

/** `text` made safe to write as a spreadsheet or CSV cell. */
export function neutraliseText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
