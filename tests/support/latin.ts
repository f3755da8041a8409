/**
 * Latin words a Chinese practitioner writes as they are: market acronyms, units, file formats. Any other Latin
 * word in Chinese text (a catalog value, a screen, a sheet or header of the Chinese report) is untranslated.
 */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set(
  (
    'ABS CPR CDR SMM MDR WAL OC IC IRR APR CNL CGL LTV DPD PSA SDA SIFMA ACT SSE IB CN US USD CNY HKD EUR ' +
    'CSV XLSX XLS JSON PDF GBK UTF Excel Monte Carlo Vasicek Mack LP HiGHS ID Tab Ctrl Shift Enter Esc English ' +
    'bp bps Reg AB AL UTC'
  ).split(' '),
);

/**
 * The Latin words of `text` that are not on the list. Interpolation variables, nested terms and the tags a
 * `<Trans>` maps to elements (`<b>…</b>`, `<0>…</0>`) are not text.
 */
export function untranslatedWords(text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\$t\([^)]*\)/g, '')
    .replace(/<\/?[A-Za-z0-9]+\s*\/?>/g, '');
  // A single letter is an id or a key (class A, Ctrl+N), not a word.
  return (plain.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}

/** True when `s` holds a CJK ideograph or full-width punctuation (Chinese text on an English screen). */
export function hasChinese(s: string): boolean {
  return /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(s);
}
