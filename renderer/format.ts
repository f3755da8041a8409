/**
 * Number formatting for a treasury audience: thousands separators, fixed decimals, no surprises. Amounts are
 * shown in the user's scale (元, 万元, 亿元, thousands, millions: renderer/i18n/settings.ts); the scale is set
 * here by the display settings before the screens re-render, so every grid and figure reads the same one.
 */
import { SCALE_FACTOR, type AmountScale } from '../core/i18n/amounts';
import { neutraliseText } from '../core/io/report/cellText';
import type { Lang } from '../core/i18n/lang';
import { i18n } from './i18n';

let scale: AmountScale = 'unit';

/** One formatter per language, built once: money() formats every cell of a million-row grid. */
const MONEY_FMT: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  'zh-CN': new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
let moneyFmt = MONEY_FMT.en;
const moneyWholeFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const DASH = '–';

/** Called by the display settings; screens re-render after it. */
export function setFormatSettings(s: { lang: Lang; scale: AmountScale }): void {
  scale = s.scale;
  moneyFmt = MONEY_FMT[s.lang];
}

export function amountScale(): AmountScale {
  return scale;
}

function fixed2(v: number): string {
  // Avoid "-0.00" for values that round to zero.
  const rounded = Math.round(v * 100) / 100;
  return moneyFmt.format(rounded === 0 ? 0 : rounded);
}

/** An amount in the user's scale, two decimals: 12,345,678.9 in 万元 → "1,234.57". */
export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return fixed2(v / SCALE_FACTOR[scale]);
}

/** An amount to the cent in currency units whatever the scale: reconciliation, and what a field edits. */
export function moneyExact(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return fixed2(v);
}

/** Large balances in headline figures: whole units, or two decimals of a larger scale. */
export function moneyWhole(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  if (scale !== 'unit') return money(v);
  const rounded = Math.round(v);
  return moneyWholeFmt.format(rounded === 0 ? 0 : rounded);
}

/** The unit line for a table of amounts in the user's scale: "万元", "USD millions". */
export function amountUnit(currency: string): string {
  const known = ['CNY', 'USD', 'HKD', 'EUR'].includes(currency);
  const name = i18n.t(known ? `common:currencyName.${currency}` : 'common:currencyName.other', {
    code: currency,
  });
  return i18n.t(`common:amountUnit.${scale}`, { currency: name });
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
 * Parses what a user types into a money field: thousands separators, spaces, a trailing k/m/bn multiplier
 * or a Chinese one (千, 万, 亿, with or without 元) are accepted ("1,250,000", "1.25m", "5000万", "1.2亿元").
 * Returns null for anything else.
 */
export function parseAmount(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[,，\s_]/g, '')
    .replace(/元$/, '')
    .toLowerCase();
  const m = /^(-?\d+(?:\.\d*)?|-?\.\d+)(k|m|mm|bn|b|千|万|亿)?$/.exec(cleaned);
  if (!m) return null;
  const base = Number(m[1]);
  const mult = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9, 千: 1e3, 万: 1e4, 亿: 1e8 }[m[2] ?? ''] ?? 1;
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
