/**
 * Latin words a Chinese practitioner writes as they are: market acronyms, units, file formats, product names.
 * Any other Latin word in Chinese text (a catalog value, a screen, a report) is an untranslated word.
 */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set(
  (
    'ABS CPR CDR SMM MDR WAL OC IC IRR APR CNL CGL LTV DPD PSA SIFMA ACT SSE IB CN US USD CNY HKD EUR ' +
    'CSV XLSX XLS JSON PDF GBK UTF Excel Monte Carlo Vasicek Mack LP HiGHS ID Tab Ctrl Shift Enter Esc English ' +
    'SDA x bp bps Q M Y'
  ).split(' '),
);

/** The Latin words in `s` that are not allowed in Chinese text (interpolation variables are not text). */
export function untranslatedWords(s: string): string[] {
  const text = s.replace(/\{\{[^}]*\}\}/g, '').replace(/\$t\([^)]*\)/g, '');
  return (text.match(/[A-Za-z]+/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}

/** True when `s` holds a CJK ideograph or full-width punctuation (Chinese text on an English screen). */
export function hasChinese(s: string): boolean {
  return /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(s);
}
