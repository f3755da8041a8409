/**
 * Calendar months as integers (year × 12 + month − 1) so months on book is a subtraction. A history's as-of
 * month and a loan's origination are read from an ISO date, a YYYY-MM / YYYYMM / YYYY/MM month, or any date the
 * tape reader accepts (core/io/tape/dates.ts).
 */
import { civilFromDays, isValidCivil, readDate } from '../io/tape/dates';

export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}

/** 2023 × 12 + 0 → "2023-01". */
export function monthLabel(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

const YM = /^(\d{4})[-/.]?(\d{1,2})$/;
const ZH_YM = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/;

/**
 * The month in text[from, to) when it is written as machine exports write it, YYYY-MM, YYYYMM or YYYY-MM-DD (the day
 * checked), else NaN: the fast path of readMonth, also used on a line not yet split into cells.
 */
export function monthAt(text: string, from: number, to: number): number {
  const n = to - from;
  if (n === 6) {
    // YYYYMM, as platform exports write a reporting month (202303).
    const y = digits(text, from, from + 4);
    const m = digits(text, from + 4, from + 6);
    if (y >= 0 && m >= 1 && m <= 12) return monthIndex(y, m);
  }
  if (n === 7 && text.charCodeAt(from + 4) === 45) {
    const y = digits(text, from, from + 4);
    const m = digits(text, from + 5, from + 7);
    if (y >= 0 && m >= 1 && m <= 12) return monthIndex(y, m);
  }
  if (n === 10 && text.charCodeAt(from + 4) === 45 && text.charCodeAt(from + 7) === 45) {
    const y = digits(text, from, from + 4);
    const m = digits(text, from + 5, from + 7);
    const d = digits(text, from + 8, from + 10);
    if (y >= 0 && m >= 1 && d >= 1 && isValidCivil(y, m, d)) return monthIndex(y, m);
  }
  return NaN;
}

/** The month a cell names, or NaN. Unresolved slash dates (day/month order unknown) are NaN, not a guess. */
export function readMonth(raw: string): number {
  const fast = monthAt(raw, 0, raw.length);
  if (!Number.isNaN(fast)) return fast;
  const s = raw.trim();
  const ym = YM.exec(s);
  if (ym) {
    const m = Number(ym[2]);
    return m >= 1 && m <= 12 ? monthIndex(Number(ym[1]), m) : NaN;
  }
  const zh = ZH_YM.exec(s);
  if (zh) {
    const m = Number(zh[2]);
    return m >= 1 && m <= 12 ? monthIndex(Number(zh[1]), m) : NaN;
  }
  const cell = readDate(s);
  if (cell.kind !== 'day') return NaN;
  const { y, m } = civilFromDays(cell.day);
  return monthIndex(y, m);
}

/** The decimal number in s[from, to), or −1 if a character is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * How a mapping says a month column is written when the automatic reading would not do: `MM/YYYY` (Reg AB II's
 * originationDate), `MDY` / `DMY` dates with any separator (a US reporting-period end, 03-31-2023), `MON-YYYY`
 * (Dec-2011). `auto` is readMonth's own reading.
 */
export const MONTH_FORMATS = ['auto', 'MM/YYYY', 'MDY', 'DMY', 'MON-YYYY'] as const;
export type MonthFormat = (typeof MONTH_FORMATS)[number];

const MY = /^(\d{1,2})[-/.](\d{4})$/;
const PAIR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** The month a cell names in a stated format, or NaN (a cell in another format is not guessed at). */
export function readMonthAs(raw: string, format: MonthFormat): number {
  if (format === 'auto') return readMonth(raw);
  const s = raw.trim();
  if (format === 'MM/YYYY') {
    const my = MY.exec(s);
    const m = my ? Number(my[1]) : NaN;
    return m >= 1 && m <= 12 ? monthIndex(Number(my![2]), m) : NaN;
  }
  if (format === 'MON-YYYY') {
    const cell = readDate(s, 'MON-YYYY');
    if (cell.kind !== 'day') return NaN;
    const { y, m } = civilFromDays(cell.day);
    return monthIndex(y, m);
  }
  const p = PAIR.exec(s);
  if (!p) return NaN;
  const y = Number(p[3]);
  const [m, d] = format === 'MDY' ? [Number(p[1]), Number(p[2])] : [Number(p[2]), Number(p[1])];
  return isValidCivil(y, m, d) ? monthIndex(y, m) : NaN;
}
