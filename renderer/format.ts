/** Number formatting for a treasury audience: thousands separators, fixed decimals, no surprises. */
import { neutraliseText } from '../core/io/report/cellText';

const moneyFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const moneyWholeFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const DASH = '–';

export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  // Avoid "-0.00" for values that round to zero.
  const rounded = Math.round(v * 100) / 100;
  return moneyFmt.format(rounded === 0 ? 0 : rounded);
}

/** Large balances in headline figures: whole units. */
export function moneyWhole(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const rounded = Math.round(v);
  return moneyWholeFmt.format(rounded === 0 ? 0 : rounded);
}

/** A decimal rate as a percentage: 0.0525 → "5.25%". */
export function pct(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const r = Number((v * 100).toFixed(digits));
  const opts = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return `${(r === 0 ? 0 : r).toLocaleString('en-US', opts)}%`;
}

export function years(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return v.toFixed(digits);
}

export function integer(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return intFmt.format(Math.round(v));
}

/**
 * Parses what a user types into a money field: thousands separators, spaces and a trailing
 * k/m/bn multiplier are accepted ("1,250,000", "1.25m"). Returns null for anything else.
 */
export function parseAmount(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[,\s_]/g, '')
    .toLowerCase();
  const m = /^(-?\d+(?:\.\d*)?|-?\.\d+)(k|m|mm|bn|b)?$/.exec(cleaned);
  if (!m) return null;
  const base = Number(m[1]);
  const mult = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 }[m[2] ?? ''] ?? 1;
  const v = base * mult;
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : null;
}

/** Parses a percentage typed by a user ("5.25", "5.25%") into a decimal rate (0.0525). */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/[%\s]/g, '').replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  const v = Number(cleaned) / 100;
  return Number.isFinite(v) ? Math.round(v * 1e10) / 1e10 : null;
}

/** A table cell for CSV export: raw values, not display strings, so numbers stay numbers; text a spreadsheet would run is neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? neutraliseText(value) : String(value);
}
