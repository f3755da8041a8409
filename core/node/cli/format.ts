/**
 * Text tables and number formats for the CLI's human-readable output. Numbers are formatted in one fixed locale
 * (en-US: `,` thousands, `.` decimals) so output does not change with the machine's settings and tests can
 * compare it; missing values print as a dash.
 */

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
  const widths = cols.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cols
      .map((c, i) => {
        const cell = cells[i] ?? '';
        return (c.align ?? 'right') === 'left' ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [
    line(cols.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** Label/value pairs, labels padded to one width. */
export function renderPairs(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${(k + ':').padEnd(width + 1)}  ${v}`).join('\n');
}

/** A section title underlined, as the tables' headers are. */
export function heading(title: string): string {
  return `${title}\n${'='.repeat(title.length)}`;
}
