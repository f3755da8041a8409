/**
 * Text tables and number formats for the CLI's human-readable output. Numbers are formatted in one fixed locale
 * (en-US: `,` thousands, `.` decimals — what Chinese financial tables use too) so output does not change with
 * the machine's settings and tests can compare it; missing values print as a dash. Columns are padded by the
 * width a terminal gives each character: a Chinese character takes two cells.
 */
import type { TFunction } from '../../i18n';

/** East Asian wide and fullwidth characters: CJK, Hangul, fullwidth forms and punctuation. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Terminal cells `s` takes. */
export function displayWidth(s: string): number {
  return s.length + (s.match(WIDE)?.length ?? 0);
}

export function padEndTo(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStartTo(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

export const MISSING = '-';

const formatters = new Map<number, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  return f;
}

/** 1234567.891 → "1,234,567.89". */
export function formatNumber(x: number | null | undefined, decimals = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  // Avoid printing "-0.00" for a value that rounds to zero.
  const v = Math.abs(x) < 0.5 * 10 ** -decimals ? 0 : x;
  return formatter(decimals).format(v);
}

/** Money with cents: 1234567.8 → "1,234,567.80". */
export function formatMoney(x: number | null | undefined): string {
  return formatNumber(x, 2);
}

/** A decimal rate as a percentage: 0.051 → "5.10%". */
export function formatPercent(x: number | null | undefined, decimals = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return `${formatNumber(x * 100, decimals)}%`;
}

export interface Column {
  header: string;
  /** Numbers align right (the default), text left. */
  align?: 'left' | 'right';
}

/** A plain-text table: header, a rule, rows; columns padded to their widest cell. */
export function renderTable(
  columns: readonly (Column | string)[],
  rows: readonly (readonly string[])[],
): string {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const widths = cols.map((c, i) =>
    Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cols
      .map((c, i) => {
        const cell = cells[i] ?? '';
        return (c.align ?? 'right') === 'left' ? padEndTo(cell, widths[i]!) : padStartTo(cell, widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [
    line(cols.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** Label/value pairs, labels padded to one width; `colon` is the language's (`：` in Chinese). */
export function renderPairs(pairs: readonly (readonly [string, string])[], colon = ':'): string {
  const width = Math.max(0, ...pairs.map(([k]) => displayWidth(k + colon)));
  return pairs.map(([k, v]) => `${padEndTo(k + colon, width)}  ${v}`).join('\n');
}

/** A section title underlined, as the tables' headers are. */
export function heading(title: string): string {
  return `${title}\n${'='.repeat(displayWidth(title))}`;
}

/** One option of a command's help: the flag as typed, and what it does (lines after the first are indented). */
export type HelpOption = readonly [flag: string, description: string];

/**
 * A command's help: `usage:` line, an optional paragraph, then sections of options with their descriptions in
 * one column (`flagWidth` cells from the indent).
 */
export function helpText(
  t: TFunction,
  synopsis: string,
  sections: readonly { title?: string; about?: string; options: readonly HelpOption[] }[],
  flagWidth: number,
): string {
  const out = [t('cli:usage', { synopsis })];
  for (const s of sections) {
    if (s.about !== undefined) out.push(s.about);
    if (s.title !== undefined) out.push(s.title);
    for (const [flag, description] of s.options) {
      const [first, ...rest] = description.split('\n');
      out.push(`  ${padEndTo(flag, flagWidth)} ${first}`.trimEnd());
      for (const r of rest) out.push(`  ${' '.repeat(flagWidth)} ${r}`);
    }
  }
  return out.join('\n') + '\n';
}
