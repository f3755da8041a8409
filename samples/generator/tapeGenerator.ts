/**
 * A seeded consumer-receivables loan tape: instalment credit of an e-commerce lender, 3/6/12/24-month
 * terms, level-pay loans and interest-free instalments that earn a monthly fee on the original principal,
 * grades A–E, Chinese provinces, a cut-off date and some delinquent loans. Same seed, same tape.
 *
 * Where the figures come from (../shared/DOMAIN.md): APRs within Affirm's 0–30% range; monthly flat fees of
 * 0.5–1.2% on original principal for 3/6/12/24 instalments (JD Baitiao rule, 10 Apr 2016); about 2.5% of
 * balances 30+ days delinquent (Affirm), so ~3.5% of loans are 1+ days past due here. Amounts, grade mix and
 * regional mix are illustrative, not sourced.
 */
import { daysFromCivil, civilFromDays, dayToIso, isoToDay } from '../../core/io/tape/dates';

export const GENERATOR_HEADER = [
  'loan_id',
  'product',
  'grade',
  'region',
  'original_amount',
  'current_balance',
  'annual_rate',
  'monthly_fee_rate',
  'original_term',
  'remaining_term',
  'origination_date',
  'maturity_date',
  'cutoff_date',
  'days_past_due',
  'status',
  'score',
] as const;

export type BadRowKind =
  | 'negative-balance'
  | 'bad-date'
  | 'duplicate-id'
  | 'remaining-exceeds-original'
  | 'formula-id'
  | 'unknown-status'
  | 'charged-off';

export const BAD_ROW_KINDS: readonly BadRowKind[] = [
  'negative-balance',
  'bad-date',
  'duplicate-id',
  'remaining-exceeds-original',
  'formula-id',
  'unknown-status',
  'charged-off',
];

export interface GeneratorOptions {
  rows: number;
  seed: number;
  /** YYYY-MM-DD; default 2025-06-30. */
  cutoffDate?: string;
  /** Number of deliberately bad rows, cycling through BAD_ROW_KINDS, spread evenly through the tape. */
  badRows?: number;
}

/** sfc32: small, fast, good enough for sample data, and identical on every platform. */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

function pick<T>(rnd: () => number, items: readonly T[], weights: readonly number[]): T {
  let u = rnd() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < items.length; i++) {
    u -= weights[i]!;
    if (u < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
const GRADE_WEIGHTS = [0.25, 0.3, 0.25, 0.13, 0.07];
/** APR range by grade (level-pay). */
const APR: Record<string, [number, number]> = {
  A: [0.08, 0.12],
  B: [0.12, 0.16],
  C: [0.16, 0.2],
  D: [0.2, 0.24],
  E: [0.24, 0.3],
};
/** Monthly flat fee range by grade (interest-free instalments). */
const FEE: Record<string, [number, number]> = {
  A: [0.005, 0.006],
  B: [0.006, 0.0075],
  C: [0.0075, 0.009],
  D: [0.009, 0.0105],
  E: [0.0105, 0.012],
};
const SCORE: Record<string, [number, number]> = {
  A: [720, 850],
  B: [680, 740],
  C: [640, 700],
  D: [600, 660],
  E: [550, 620],
};
const TERMS = [3, 6, 12, 24] as const;
const TERM_WEIGHTS = [0.15, 0.3, 0.35, 0.2];
const PRODUCTS = ['level-pay', 'interest-free-fee', 'equal-principal'] as const;
const PRODUCT_WEIGHTS = [0.55, 0.4, 0.05];
const REGIONS = [
  '广东',
  '江苏',
  '浙江',
  '山东',
  '河南',
  '四川',
  '湖北',
  '湖南',
  '河北',
  '福建',
  '上海',
  '北京',
  '安徽',
  '辽宁',
  '陕西',
];
const REGION_WEIGHTS = [12, 10, 9, 8, 7, 6, 5, 5, 5, 5, 4, 4, 4, 3, 3];

function addMonths(day: number, months: number): number {
  const { y, m, d } = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const dim = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return daysFromCivil(ny, nm, Math.min(d, dim));
}

const cents = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/**
 * Calls `onRow` with the header, then each row's cells (strings, as a CSV writer would write them).
 * Returns the ids and kinds of the bad rows it injected (row numbers are 1-based lines, header = 1).
 */
export function generateTape(
  opts: GeneratorOptions,
  onRow: (cells: string[]) => void,
): { line: number; kind: BadRowKind }[] {
  const rnd = prng(opts.seed);
  const cutoff = isoToDay(opts.cutoffDate ?? '2025-06-30');
  if (Number.isNaN(cutoff)) throw new Error(`bad cutoffDate ${opts.cutoffDate}`);
  const cutoffIso = dayToIso(cutoff);
  const bad = Math.min(opts.badRows ?? 0, opts.rows);
  const every = bad > 0 ? Math.floor(opts.rows / bad) : 0;
  const injected: { line: number; kind: BadRowKind }[] = [];
  onRow([...GENERATOR_HEADER]);
  let previousId = 'L00000000';
  for (let i = 0; i < opts.rows; i++) {
    const grade = pick(rnd, GRADES, GRADE_WEIGHTS);
    const product = pick(rnd, PRODUCTS, PRODUCT_WEIGHTS);
    const term = pick(rnd, TERMS, TERM_WEIGHTS);
    const region = pick(rnd, REGIONS, REGION_WEIGHTS);
    // Log-normal amounts, median about 3,000, kept within 200–50,000.
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const amount = Math.min(50_000, Math.max(200, Math.round(3000 * Math.exp(0.8 * z))));
    const [r0, r1] = APR[grade]!;
    const [f0, f1] = FEE[grade]!;
    const rate = product === 'interest-free-fee' ? 0 : Math.round((r0 + (r1 - r0) * rnd()) * 10000) / 10000;
    const fee = product === 'interest-free-fee' ? Math.round((f0 + (f1 - f0) * rnd()) * 10000) / 10000 : 0;
    const seasoning = Math.floor(rnd() * term);
    const remaining = term - seasoning;
    // Originated `seasoning` whole months (and a few days) before the cut-off.
    const origination = addMonths(cutoff, -seasoning) - 1 - Math.floor(rnd() * 27);
    const maturity = addMonths(origination, term);
    let balance: number;
    if (product === 'level-pay') {
      const r = rate / 12;
      balance =
        r === 0
          ? (amount * remaining) / term
          : (amount * (Math.pow(1 + r, term) - Math.pow(1 + r, seasoning))) / (Math.pow(1 + r, term) - 1);
    } else {
      balance = (amount * remaining) / term;
    }
    const late = rnd() < 0.035;
    const dpd = late ? 1 + Math.floor(rnd() * 89) : 0;
    const [s0, s1] = SCORE[grade]!;
    const score = Math.round(s0 + (s1 - s0) * rnd());
    const id = `L${String(i + 1).padStart(8, '0')}`;
    const cells = [
      id,
      product,
      grade,
      region,
      cents(amount),
      cents(balance),
      String(rate),
      String(fee),
      String(term),
      String(remaining),
      dayToIso(origination),
      dayToIso(maturity),
      cutoffIso,
      String(dpd),
      late ? 'delinquent' : 'current',
      String(score),
    ];
    const isBad = every > 0 && i % every === every - 1 && injected.length < bad;
    if (isBad) {
      const kind = BAD_ROW_KINDS[injected.length % BAD_ROW_KINDS.length]!;
      injected.push({ line: i + 2, kind });
      if (kind === 'negative-balance') cells[5] = `-${cells[5]}`;
      else if (kind === 'bad-date') cells[10] = '2025-02-30';
      else if (kind === 'duplicate-id') cells[0] = previousId;
      else if (kind === 'remaining-exceeds-original') cells[9] = String(term + 6);
      else if (kind === 'formula-id') cells[0] = `=HYPERLINK("http://example.invalid/?x=${i}","click")`;
      else if (kind === 'unknown-status') cells[14] = 'frozen';
      else cells[14] = 'charged-off';
    }
    // A duplicate copies the id of a good row, so it is the duplicate that gets rejected.
    if (!isBad) previousId = id;
    onRow(cells);
  }
  return injected;
}

/** A CSV line (quotes only where needed). */
export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}
