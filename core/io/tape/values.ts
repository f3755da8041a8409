/**
 * Numbers as tapes carry them: "1,234.50", "¥1,234", "RMB 1 234", "(250.00)" for −250, "10.65%",
 * " 36 months", "12期". Parsers return NaN for anything they cannot read whole: a cell is either read
 * exactly or rejected with a reason, never half-read.
 */

/** ESMA "no data" codes (Implementing Regulation 2020/1225): they import as missing, with the reason kept. */
export const NO_DATA_REASONS: Readonly<Record<string, string>> = {
  ND1: 'data not collected (not required by the lending criteria)',
  ND2: 'data collected at underwriting but not loaded into the reporting system',
  ND3: 'data collected but only loaded into a system other than the reporting system',
  ND4: 'data collected but will only be available from a later date',
  ND5: 'not applicable',
};

/** The ND code of a cell ("ND1"…"ND5", also "ND,1" as some templates write it), or null. */
export function noDataCode(raw: string): string | null {
  const s = raw.trim();
  if (s.length < 3 || s.length > 5) return null;
  const m = /^ND,?([1-5])$/i.exec(s);
  return m ? `ND${m[1]}` : null;
}

export interface ParsedNumber {
  value: number;
  /** The cell carried a '%' or '‰' sign (the value is already divided by 100 or 1,000). */
  percent: boolean;
  /**
   * The power of ten of the cell's own amount unit ("12.5万" 4, "3亿" 8, "1,200元" 0), already applied to
   * the value; -1 when the cell states none (its column's unit then applies, see `shiftDecimal`).
   */
  unit?: number;
}

/**
 * A number times 10^exp, exact to the decimal it was written as: 0.164067 万元 is 1640.67 元, not the
 * 1640.6699999999998 that multiplying by 10,000 gives.
 */
export function shiftDecimal(v: number, exp: number): number {
  if (exp === 0 || !Number.isFinite(v)) return v;
  const s = String(v);
  return s.includes('e') ? v * 10 ** exp : +`${s}e${exp}`;
}

// 元 after the number is an amount unit (see AMOUNT_UNIT), so a 万元 column can tell "1,200元" from "0.12".
const CURRENCY_WORDS = /^(RMB|CNY|USD|EUR|GBP|HKD)\s*|\s*(RMB|CNY|USD|EUR|GBP|HKD)$/i;

/** The decimal separator a column is written with: '.' (1,234.56) or ',' (1.234,56 — continental Europe). */
export type DecimalSeparator = '.' | ',';

/**
 * Reads a number; `out.percent` says whether it carried '%'. Accepts thousands separators (only in groups
 * of three after a first group that does not start with 0: "0,500" is never five hundred), currency
 * symbols and codes, a leading sign or parentheses for negatives, and exponent notation. With `decimal`
 * ',' the roles swap: "1.234,56" is 1234.56 and "12.500" is 12500. Returns NaN otherwise (so "0x10",
 * "1.2.3" and "12abc" are rejected).
 */
export function parseNumber(raw: string, out?: ParsedNumber, decimal: DecimalSeparator = '.'): number {
  if (out) {
    out.percent = false;
    out.unit = -1;
  }
  // Fast path: a plain decimal, as most machine-written tapes carry it.
  const len = raw.length;
  if (len > 0 && len < 32) {
    let plain = true;
    let dots = 0;
    for (let i = 0; i < len; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) continue;
      if (c === 46) {
        dots++;
        continue;
      }
      if (c === 45 && i === 0 && len > 1) continue;
      plain = false;
      break;
    }
    if (plain && (dots === 0 || (decimal === '.' && dots === 1 && len > 1))) return +raw;
  }
  return parseNumberSlow(raw, decimal, out);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number in text[from, to) when it is unsigned plain decimal digits with at most one point and at most 15
 * digits, else NaN (the caller then reads the cell with parseNumber). Equal to `+cell` bit for bit: the digits
 * form an integer below 2^53 and 10^k is exact, so one correctly rounded division gives the correctly rounded
 * value of the decimal, which is what the string conversion returns. Reads a line not yet split into cells.
 */
export function plainNumberAt(text: string, from: number, to: number): number {
  if (to - from > 16) return NaN;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      m = m * 10 + c;
      digits++;
      if (frac >= 0) frac++;
    } else if (c === -2 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return frac > 0 ? m / POW10[frac]! : m;
}

const POINT_NUMBER = /^([1-9]\d{0,2}([,' \u00a0]\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?$|^\.\d+$/;
const COMMA_NUMBER = /^([1-9]\d{0,2}([.' \u00a0]\d{3})+|\d+)(,\d+)?([eE][-+]?\d+)?$|^,\d+$/;

/**
 * Full-width digits, comma, point and percent (１２，３４５．６７, ５％) as Chinese input methods type them, made
 * ASCII. Full-width signs (＋ －) and ＝ are left alone: a cell starting with one reads like a formula and is
 * rejected as not a number, as the formula neutraliser treats it.
 */
export function halfWidthDigits(raw: string): string {
  return raw.replace(/[\uff10-\uff19\uff0c\uff0e\uff05\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** An amount unit written after the number: 万 / 万元 (10^4), 亿 / 亿元 (10^8), 元. */
const AMOUNT_UNIT = /(万元|万|亿元|亿|元)$/;

function parseNumberSlow(raw: string, decimal: DecimalSeparator, out?: ParsedNumber): number {
  let s = halfWidthDigits(raw).trim();
  if (s.length === 0 || s.length > 64) return NaN;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    if (negative) return NaN;
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  s = s.replace(CURRENCY_WORDS, '');
  const sym = s.charAt(0);
  if (sym === '¥' || sym === '$' || sym === '€' || sym === '£' || sym === '￥') s = s.slice(1).trim();
  // A sign may also follow the currency symbol: "$-12".
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1);
  }
  let unit = -1;
  const u = AMOUNT_UNIT.exec(s);
  if (u) {
    unit = u[1]!.startsWith('万') ? 4 : u[1]!.startsWith('亿') ? 8 : 0;
    s = s.slice(0, -u[1]!.length).trim();
    const cur = s.charAt(0);
    if (cur === '¥' || cur === '￥') s = s.slice(1).trim();
  }
  let percent = false;
  let permille = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('‰')) {
    permille = true;
    s = s.slice(0, -1).trim();
  }
  if (unit >= 0 && (percent || permille)) return NaN;
  let clean: string;
  if (decimal === '.') {
    if (!POINT_NUMBER.test(s)) return NaN;
    clean = s.replace(/[,' \u00a0]/g, '');
  } else {
    if (!COMMA_NUMBER.test(s)) return NaN;
    clean = s.replace(/[.' \u00a0]/g, '').replace(',', '.');
  }
  const n = +clean;
  if (!Number.isFinite(n)) return NaN;
  if (out) {
    out.percent = percent || permille;
    out.unit = unit;
  }
  // Units and per mille shift the written decimal, so 12.5万 is exactly 125000 and 0.55‰ exactly 0.00055.
  const v = percent ? n / 100 : permille ? shiftDecimal(n, -3) : unit > 0 ? shiftDecimal(n, unit) : n;
  return negative ? -v : v;
}

/**
 * How a rate column's bare numbers become annual decimals ('%' cells are always percentages). `percent`:
 * every bare value is a percentage; `decimal`: already a decimal; `auto`: the column decides as a whole
 * (see PoolBuilder.scaleRates), never cell by cell.
 */
export type RateScale = 'auto' | 'percent' | 'decimal';

/** Reads a term in months: "36", " 36 months", "36m", "36期", "36个月", "3 years" → 36. NaN otherwise. */
export function parseTerm(raw: string): number {
  const s = halfWidthDigits(raw).trim();
  const fast = parseNumber(s);
  if (!Number.isNaN(fast)) return Number.isInteger(fast) ? fast : NaN;
  const m = /^(\d{1,4})\s*(months?|mos?|m|期|个月|月)$/i.exec(s);
  if (m) return +m[1]!;
  const y = /^(\d{1,3})\s*(years?|yrs?|y|年)$/i.exec(s);
  if (y) return +y[1]! * 12;
  return NaN;
}
