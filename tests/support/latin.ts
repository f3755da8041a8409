/**
 * Latin words a Chinese practitioner writes as they are: market acronyms, units, file formats. Anything else
 * in a Chinese value (a catalog entry, a sheet or header of the Chinese report) is an untranslated word.
 */
export const LATIN_ALLOWED = new Set(
  (
    'ABS CPR CDR SMM MDR WAL OC IC IRR APR CNL CGL LTV DPD PSA SDA SIFMA ACT SSE IB CN US USD CNY HKD EUR ' +
    'CSV XLSX XLS JSON PDF GBK UTF Excel Monte Carlo Vasicek Mack LP HiGHS ID Tab Ctrl Shift Enter Esc English ' +
    'x bp bps Q M Y'
  ).split(' '),
);

/**
 * The Latin words of `text` that are not on the list. Interpolation variables, nested terms and the tags a
 * `<Trans>` maps to elements (`<b>…</b>`) are not text.
 */
export function latinWords(text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\$t\([^)]*\)/g, '')
    .replace(/<\/?[A-Za-z0-9]+\s*\/?>/g, '');
  return (plain.match(/[A-Za-z]+/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}
