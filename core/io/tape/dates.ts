/**
 * Dates as tapes carry them. A date is held as a day number (days since 1970-01-01, UTC calendar) so a
 * million of them fit in a Float64Array and compare as numbers; NaN is "missing".
 *
 * Slash dates (03/04/2023) are the one format that cannot be read cell by cell: DD/MM and MM/DD differ only
 * once a day above 12 shows up somewhere in the column. The parser therefore returns such a cell as an
 * unresolved pair and the column decides later (see `resolveSlashOrder`); nothing is guessed silently.
 */

/** ISO = YYYY-MM-DD; YMD = year first with '/', '.' or 年月日 (never ambiguous); the rest as named. */
export type DateFormat = 'ISO' | 'YMD' | 'DMY' | 'MDY' | 'YMD-compact' | 'MON-YYYY' | 'EXCEL-SERIAL';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidCivil(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= DAYS_IN_MONTH[m - 1]!;
}

export function dayToIso(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Strict YYYY-MM-DD to a day number, or NaN. */
export function isoToDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return NaN;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : NaN;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes 1900-03-01 onwards line up from there). */
const EXCEL_EPOCH = daysFromCivil(1899, 12, 30);
export function excelSerialToDay(serial: number): number {
  return EXCEL_EPOCH + Math.floor(serial);
}

/**
 * The result of reading one date cell. `pair` is an unresolved slash date: the column decides whether `a`
 * is the day (DMY) or the month (MDY).
 */
export type DateCell =
  | { kind: 'day'; day: number; format: DateFormat }
  | { kind: 'pair'; y: number; a: number; b: number }
  | { kind: 'bad' };

const BAD: DateCell = { kind: 'bad' };

/**
 * Reads a date cell. `format` forces a reading (the mapping stated it); without it every unambiguous
 * format is accepted and slash dates come back as pairs.
 */
export function readDate(raw: string, format?: DateFormat): DateCell {
  let s = raw.trim();
  // Full-width digits and separators (２０２４／３／１５) as Chinese spreadsheets may type them.
  if (/[\uff01-\uff5e\u3000]/.test(s)) s = s.normalize('NFKC').trim();
  if (s.length === 0 || s.length > 40) return BAD;
  const c0 = s.charCodeAt(0);
  // ISO date, optionally with a time part (ignored: the cut-off convention is calendar days).
  if (s.length >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && c0 >= 48 && c0 <= 57) {
    if (format && format !== 'ISO' && format !== 'YMD') return BAD;
    const y = toInt(s, 0, 4);
    const m = toInt(s, 5, 7);
    const d = toInt(s, 8, 10);
    // A time part is read whole or the cell is rejected: '2023-01-15 garbage' or '2023-01-15T25:99' is
    // not a date with a time, and taking its first ten characters would be a guess.
    if (s.length > 10 && !isTimeOfDay(s.slice(10))) return BAD;
    return isValidCivil(y, m, d) ? { kind: 'day', day: daysFromCivil(y, m, d), format: 'ISO' } : BAD;
  }
  const slash = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$/.exec(s);
  if (slash) {
    const p1 = +slash[1]!;
    const p2 = +slash[2]!;
    const p3 = +slash[3]!;
    if (slash[1]!.length === 4) {
      // Year first (2023/12/31) is never ambiguous.
      return isValidCivil(p1, p2, p3) ? { kind: 'day', day: daysFromCivil(p1, p2, p3), format: 'YMD' } : BAD;
    }
    if (slash[3]!.length !== 4) return BAD; // two-digit years would be a guess about the century
    if (format === 'DMY') return civilOrBad(p3, p2, p1, 'DMY');
    if (format === 'MDY') return civilOrBad(p3, p1, p2, 'MDY');
    if (format) return BAD;
    const dmyOk = isValidCivil(p3, p2, p1);
    const mdyOk = isValidCivil(p3, p1, p2);
    if (!dmyOk && !mdyOk) return BAD;
    return { kind: 'pair', y: p3, a: p1, b: p2 };
  }
  const cn = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(s);
  if (cn) {
    if (format && format !== 'YMD' && format !== 'ISO') return BAD;
    return civilOrBad(+cn[1]!, +cn[2]!, +cn[3]!, 'YMD');
  }
  const mon = /^([A-Za-z]{3,4})[- ](\d{4})$/.exec(s);
  if (mon) {
    if (format && format !== 'MON-YYYY') return BAD;
    const m = MONTHS[mon[1]!.toLowerCase()];
    return m === undefined ? BAD : civilOrBad(+mon[2]!, m, 1, 'MON-YYYY');
  }
  const ym = /^(\d{4})-(\d{2})$/.exec(s);
  if (ym) return civilOrBad(+ym[1]!, +ym[2]!, 1, 'MON-YYYY');
  if (/^\d{8}$/.test(s) && format !== 'EXCEL-SERIAL') {
    return civilOrBad(toInt(s, 0, 4), toInt(s, 4, 6), toInt(s, 6, 8), 'YMD-compact');
  }
  if (/^\d{1,7}(\.\d+)?$/.test(s)) {
    if (format && format !== 'EXCEL-SERIAL') return BAD;
    const serial = +s;
    // 1 = 1900-01-01 … 2958465 = 9999-12-31; below 60 Excel's phantom 1900-02-29 would shift the day.
    if (serial < 61 || serial > 2958465) return BAD;
    const day = excelSerialToDay(serial);
    const { y } = civilFromDays(day);
    return y >= 1900 && y <= 2200 ? { kind: 'day', day, format: 'EXCEL-SERIAL' } : BAD;
  }
  return BAD;
}

/**
 * ISO 8601 time of day after a date: 'T' or one space, hh:mm[:ss[.fff]], an optional 'Z' or ±hh:mm offset.
 * 24:00 is not accepted (it names the next day's midnight, which would move the calendar day).
 */
function isTimeOfDay(t: string): boolean {
  const m = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/.exec(t);
  if (!m) return false;
  if (+m[1]! > 23 || +m[2]! > 59 || (m[3] !== undefined && +m[3] > 59)) return false;
  if (m[5] !== undefined && (+m[5] > 14 || +m[6]! > 59)) return false;
  return true;
}

function civilOrBad(y: number, m: number, d: number, format: DateFormat): DateCell {
  return isValidCivil(y, m, d) ? { kind: 'day', day: daysFromCivil(y, m, d), format } : BAD;
}

function toInt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Evidence a column of slash dates has gathered about its order. */
export interface SlashEvidence {
  /** Cells whose first part is above 12 (so it must be the day: DMY). */
  firstAbove12: number;
  /** Cells whose second part is above 12 (MDY). */
  secondAbove12: number;
  /** Slash cells seen. */
  cells: number;
}

export type SlashOrder = { order: 'DMY' | 'MDY' } | { order: null; why: 'ambiguous' | 'conflicting' };

/** The rule: any day above 12 decides; both orders seen, or neither, is reported, never guessed. */
export function resolveSlashOrder(e: SlashEvidence): SlashOrder {
  if (e.firstAbove12 > 0 && e.secondAbove12 > 0) return { order: null, why: 'conflicting' };
  if (e.firstAbove12 > 0) return { order: 'DMY' };
  if (e.secondAbove12 > 0) return { order: 'MDY' };
  return { order: null, why: 'ambiguous' };
}

/** Resolves a pair once the column's order is known; NaN when the pair is not a date in that order. */
export function pairToDay(y: number, a: number, b: number, order: 'DMY' | 'MDY'): number {
  const [m, d] = order === 'DMY' ? [b, a] : [a, b];
  return isValidCivil(y, m, d) ? daysFromCivil(y, m, d) : NaN;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

/**
 * The payment date `months` months from an anchor date, by the end-of-month rule of consumer and
 * mortgage schedules: an anchor on the last day of its month pays on the last day of every month, and a
 * day past the end of a shorter month rolls back to that month's last day (Jan 31 → Feb 28 → Mar 31).
 */
export function addMonthsEom(day: number, months: number): number {
  const a = civilFromDays(day);
  const idx = a.y * 12 + (a.m - 1) + months;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  const last = daysInMonth(y, m);
  const d = a.d === daysInMonth(a.y, a.m) ? last : Math.min(a.d, last);
  return daysFromCivil(y, m, d);
}

/**
 * Payment dates left after `from` (a cut-off) up to and including `to` (the maturity): the dates are the
 * maturity stepped back month by month with end-of-month rolling, so a loan maturing 2025-07-31 has one
 * payment left at a 2025-06-30 cut-off (2025-06-30 itself, the month-end before, is already paid).
 */
export function monthsBetweenCeil(from: number, to: number): number {
  const a = civilFromDays(from);
  const b = civilFromDays(to);
  const diff = (b.y - a.y) * 12 + (b.m - a.m);
  return Math.max(0, addMonthsEom(to, -diff) > from ? diff + 1 : diff);
}

/**
 * Payment dates from `from` (origination) that fall on or before `to` (the cut-off): the seasoning in whole
 * months, with end-of-month rolling (a loan originated 2025-01-31 has paid once by 2025-02-28).
 */
export function monthsBetweenFloor(from: number, to: number): number {
  const a = civilFromDays(from);
  const b = civilFromDays(to);
  const diff = (b.y - a.y) * 12 + (b.m - a.m);
  return addMonthsEom(from, diff) <= to ? diff : diff - 1;
}
