/**
 * A seeded loan-level performance history of a consumer installment book with a KNOWN process, so an analysis
 * can be checked against the truth that made the data:
 * - each vintage originates `loansPerVintage` level-pay loans of `term` months at `monthlyRate`;
 * - every month a current loan prepays in full with probability `prepay`, else misses its payment (rolls to
 *   1–30 days) with probability `roll[0]` (by grade), else pays its installment (the last one pays it off);
 * - a loan 1–30 / 31–60 / 61–90 days late rolls one bucket further with probability `roll[1..3]`, else cures
 *   (back to current, paying one installment); 90+ is charged off the next month for its whole balance;
 * - a charged-off balance recovers `recoveryRate` of itself `recoveryLag` months later.
 * Closed loans (charged off, prepaid, matured) keep a row each month with a zero balance, as snapshot exports
 * do, so a history of L loans × M months has exactly L × M rows. Rows come month by month (all loans of one
 * as-of month, then the next), loans in a month in id order.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { prng } from './tapeGenerator';

export interface HistoryTruth {
  prepay: number;
  /** Roll probability from bucket b (0 current … 3 for 61–90) to b + 1, per grade. */
  roll: Readonly<Record<string, readonly [number, number, number, number]>>;
  recoveryRate: number;
  recoveryLag: number;
}

export const DEFAULT_TRUTH: HistoryTruth = {
  prepay: 0.03,
  roll: { A: [0.02, 0.35, 0.55, 0.75], B: [0.05, 0.45, 0.65, 0.85] },
  recoveryRate: 0.2,
  recoveryLag: 3,
};

export interface HistoryGeneratorOptions {
  seed: number;
  vintages: number;
  loansPerVintage: number;
  /** Rows per loan at most (months on book 1 … maxMob). */
  maxMob: number;
  /** The last as-of month, counted from the first vintage's origination month (default: all loans reach maxMob). */
  lastAsOf?: number;
  /** First vintage, YYYY-MM (default 2022-01). */
  start?: string;
  term?: number;
  monthlyRate?: number;
  truth?: HistoryTruth;
  /** Chinese headers and status codes (正常/逾期/核销/提前还清/结清), 贷款编号 ids: the same as layout 'zh'. */
  chinese?: boolean;
  /** How the file is written (HISTORY_LAYOUTS); the rows are the same in every layout. Default 'en'. */
  layout?: HistoryLayout;
}

/**
 * The layouts a history can be written in, for the import mapping's tests and samples: `en` and `zh` are what
 * the reader knows by name; `platform` is a platform export no synonym finds (abbreviated headers, YYYYMM
 * reporting months, YYYY/MM/DD dates, amounts in 万元, status codes C/D/CO/PP/PO) and needs a mapping
 * (samples/history/consumer-history-platform.mapping.json); `reg-ab-ii` is the US Schedule AL asset-level
 * layout (the reader's `reg-ab-ii` preset), without a grade column.
 */
export const HISTORY_LAYOUTS = ['en', 'zh', 'platform', 'reg-ab-ii'] as const;
export type HistoryLayout = (typeof HISTORY_LAYOUTS)[number];

export const HISTORY_HEADER_EN = [
  'loan_id',
  'as_of_month',
  'origination_date',
  'original_balance',
  'current_balance',
  'days_past_due',
  'status',
  'charge_off_amount',
  'recovery_amount',
  'original_term',
  'grade',
];
export const HISTORY_HEADER_ZH = [
  '贷款编号',
  '统计月份',
  '放款日期',
  '初始本金',
  '剩余本金',
  '逾期天数',
  '贷款状态',
  '核销金额',
  '回收金额',
  '合同期限',
  '等级',
];
export const HISTORY_HEADER_PLATFORM = [
  'acct_no',
  'rpt_prd',
  'disb_dt',
  'loan_amt_wan',
  'os_prin_wan',
  'ovd_days',
  'acct_stat',
  'wo_amt_wan',
  'recov_amt_wan',
  'tenor',
  'risk_grade',
];
export const HISTORY_HEADER_REG_AB = [
  'assetNumber',
  'reportingPeriodEndingDate',
  'originationDate',
  'originalLoanAmount',
  'reportingPeriodActualEndBalanceAmount',
  'currentDelinquencyStatus',
  'zeroBalanceCode',
  'chargedoffPrincipalAmount',
  'recoveredAmount',
  'originalLoanTerm',
];
const STATUS_EN = ['current', 'delinquent', 'charged off', 'prepaid', 'paid off'];
const STATUS_ZH = ['正常', '逾期', '核销', '提前还清', '结清'];
const STATUS_PLATFORM = ['C', 'D', 'CO', 'PP', 'PO'];
/** Zero-balance codes: blank while outstanding, 4 charged off, 1 prepaid or matured. */
const STATUS_REG_AB = ['', '', '4', '1', '1'];

function layoutOf(opts: HistoryGeneratorOptions): HistoryLayout {
  return opts.layout ?? (opts.chinese === true ? 'zh' : 'en');
}
const DPD = [0, 15, 45, 75, 105];

/** One generated row; the object is reused from row to row (copy what you keep). */
export interface GeneratedRow {
  loanId: string;
  /** Month indexes (year × 12 + month − 1), as core/history/months.ts counts them. */
  asOf: number;
  origination: number;
  originDay: number;
  originalBalance: number;
  currentBalance: number;
  daysPastDue: number;
  /** 0 current, 1 delinquent, 2 charged off, 3 prepaid, 4 paid off at maturity. */
  status: number;
  chargeOff: number;
  recovery: number;
  originalTerm: number;
  grade: string;
}

/**
 * Generates the rows in order, calling `emit` with one reused object; nothing grows with the row count but the
 * per-loan state (a few typed arrays and the ids).
 */
export function generateHistory(opts: HistoryGeneratorOptions, emit: (row: GeneratedRow) => void): number {
  const truth = opts.truth ?? DEFAULT_TRUTH;
  const term = opts.term ?? 24;
  const r = opts.monthlyRate ?? 0.015;
  const rand = prng(opts.seed);
  const [sy, sm] = (opts.start ?? '2022-01').split('-').map(Number) as [number, number];
  const start = sy * 12 + sm - 1;
  const V = opts.vintages;
  const N = V * opts.loansPerVintage;
  const lastAsOf = opts.lastAsOf ?? V - 1 + opts.maxMob;
  const grades = Object.keys(truth.roll);
  const prefix = layoutOf(opts) === 'zh' ? 'D' : 'L';

  // Per-loan state, balances in cents.
  const ids: string[] = new Array<string>(N);
  const orig = new Float64Array(N);
  const bal = new Float64Array(N);
  const inst = new Float64Array(N);
  const bucket = new Int8Array(N); // 0…4 delinquency, 5 charged off, 6 prepaid, 7 matured
  const coMob = new Int16Array(N);
  const coBal = new Float64Array(N);
  const grade = new Int8Array(N);
  const origDay = new Int8Array(N);
  for (let i = 0; i < N; i++) {
    const p = Math.round((2000 + rand() * 18000) * 100);
    ids[i] = `${prefix}${i + 1}`;
    orig[i] = p;
    bal[i] = p;
    inst[i] = Math.round((p * r) / (1 - Math.pow(1 + r, -term)));
    // 60 % in the first grade, 40 % in the second (a single-grade truth puts everyone in it).
    grade[i] = Math.min(rand() < 0.6 ? 0 : 1, grades.length - 1);
    origDay[i] = 1 + Math.floor(rand() * 28);
  }
  const pay = (i: number): void => {
    const interest = Math.round(bal[i]! * r);
    const principal = Math.min(bal[i]!, inst[i]! - interest);
    bal[i] = bal[i]! - principal;
    if (bal[i]! <= 0 || principal <= 0) bal[i] = 0;
  };
  const row: GeneratedRow = {
    loanId: '',
    asOf: 0,
    origination: 0,
    originDay: 1,
    originalBalance: 0,
    currentBalance: 0,
    daysPastDue: 0,
    status: 0,
    chargeOff: 0,
    recovery: 0,
    originalTerm: term,
    grade: '',
  };
  let rows = 0;
  for (let t = 1; t <= lastAsOf; t++) {
    for (let v = 0; v < V && v < t; v++) {
      const mob = t - v;
      if (mob > opts.maxMob) continue;
      for (let j = 0; j < opts.loansPerVintage; j++) {
        const i = v * opts.loansPerVintage + j;
        const b = bucket[i]!;
        const roll = truth.roll[grades[grade[i]!]!]!;
        let co = 0;
        let rec = 0;
        if (b === 0) {
          if (rand() < truth.prepay) {
            bucket[i] = 6;
            bal[i] = 0;
          } else if (rand() < roll[0]) bucket[i] = 1;
          else {
            pay(i);
            if (bal[i] === 0) bucket[i] = 7;
          }
        } else if (b >= 1 && b <= 3) {
          if (rand() < roll[b]!) bucket[i] = b + 1;
          else {
            bucket[i] = 0;
            pay(i);
            if (bal[i] === 0) bucket[i] = 7;
          }
        } else if (b === 4) {
          bucket[i] = 5;
          co = bal[i]!;
          coBal[i] = co;
          coMob[i] = mob;
          bal[i] = 0;
        } else if (b === 5 && mob === coMob[i]! + truth.recoveryLag) {
          rec = Math.round(coBal[i]! * truth.recoveryRate);
        }
        const nb = bucket[i]!;
        row.loanId = ids[i]!;
        row.asOf = start + t;
        row.origination = start + v;
        row.originDay = origDay[i]!;
        row.originalBalance = orig[i]! / 100;
        row.currentBalance = bal[i]! / 100;
        row.daysPastDue = nb <= 4 ? DPD[nb]! : 0;
        row.status = nb === 0 ? 0 : nb <= 4 ? 1 : nb - 3;
        row.chargeOff = co / 100;
        row.recovery = rec / 100;
        row.grade = grades[grade[i]!]!;
        emit(row);
        rows++;
      }
    }
  }
  return rows;
}

const enc = new TextEncoder();

/**
 * Writes rows as UTF-8 CSV bytes straight into a reused buffer, handed to `sink` every ~1 MiB (the view is
 * only valid during the call): what a file read gives an importer, without building ten million strings.
 */
export function historyCsvBytes(opts: HistoryGeneratorOptions, sink: (bytes: Uint8Array) => void): number {
  const layout = layoutOf(opts);
  const header = {
    en: HISTORY_HEADER_EN,
    zh: HISTORY_HEADER_ZH,
    platform: HISTORY_HEADER_PLATFORM,
    'reg-ab-ii': HISTORY_HEADER_REG_AB,
  }[layout];
  const status = { en: STATUS_EN, zh: STATUS_ZH, platform: STATUS_PLATFORM, 'reg-ab-ii': STATUS_REG_AB }[
    layout
  ].map((x) => enc.encode(x));
  const wan = layout === 'platform';
  const regAb = layout === 'reg-ab-ii';
  const buf = new Uint8Array(1 << 20);
  let pos = 0;
  const flush = (): void => {
    sink(buf.subarray(0, pos));
    pos = 0;
  };
  const bytes = (b: Uint8Array): void => {
    buf.set(b, pos);
    pos += b.length;
  };
  const int = (n: number, width = 0): void => {
    let len = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
    for (let k = len; k < width; k++) buf[pos++] = 48;
    for (let k = len - 1, x = n; k >= 0; k--, x = Math.floor(x / 10)) buf[pos + k] = 48 + (x % 10);
    pos += len;
  };
  // 万元 with six decimals keeps every cent: 13629.11 元 is 1.362911 万元.
  const [per, places] = wan ? [1e6, 6] : [100, 2];
  const money = (x: number): void => {
    const c = Math.round(x * 100);
    const whole = Math.floor(c / per);
    int(whole);
    buf[pos++] = 46;
    int(c - whole * per, places);
  };
  const month = (index: number): void => {
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    if (regAb) {
      // The reporting period's last day, MM-DD-YYYY.
      int(m, 2);
      buf[pos++] = 45;
      int(new Date(Date.UTC(y, m, 0)).getUTCDate(), 2);
      buf[pos++] = 45;
      int(y, 4);
      return;
    }
    int(y, 4);
    if (!wan) buf[pos++] = 45;
    int(m, 2);
  };
  const originated = (index: number, day: number): void => {
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    if (regAb) {
      int(m, 2);
      buf[pos++] = 47;
      int(y, 4);
      return;
    }
    const sep = wan ? 47 : 45;
    int(y, 4);
    buf[pos++] = sep;
    int(m, 2);
    buf[pos++] = sep;
    int(day, 2);
  };
  const COMMA = 44;
  bytes(enc.encode(header.join(',') + '\n'));
  const grades = new Map<string, Uint8Array>();
  const n = generateHistory(opts, (r) => {
    if (pos > buf.length - 512) flush();
    // Loan ids are ASCII (L123, D123): written byte by byte.
    for (let k = 0; k < r.loanId.length; k++) buf[pos++] = r.loanId.charCodeAt(k);
    buf[pos++] = COMMA;
    month(r.asOf);
    buf[pos++] = COMMA;
    originated(r.origination, r.originDay);
    buf[pos++] = COMMA;
    money(r.originalBalance);
    buf[pos++] = COMMA;
    money(r.currentBalance);
    buf[pos++] = COMMA;
    int(r.daysPastDue);
    buf[pos++] = COMMA;
    bytes(status[r.status]!);
    buf[pos++] = COMMA;
    if (r.chargeOff > 0) money(r.chargeOff);
    buf[pos++] = COMMA;
    if (r.recovery > 0) money(r.recovery);
    buf[pos++] = COMMA;
    int(r.originalTerm);
    if (regAb) {
      buf[pos++] = 10;
      return;
    }
    buf[pos++] = COMMA;
    let g = grades.get(r.grade);
    if (!g) grades.set(r.grade, (g = enc.encode(r.grade)));
    bytes(g);
    buf[pos++] = 10;
  });
  flush();
  return n;
}

/** The CSV text (header first), built whole: for samples and tests (a large file: `historyCsvBytes` to disk). */
export function historyCsv(opts: HistoryGeneratorOptions): string {
  const td = new TextDecoder();
  let s = '';
  historyCsvBytes(opts, (b) => {
    s += td.decode(b, { stream: true });
  });
  return s + td.decode();
}

/**
 * `npx tsx samples/generator/historyGenerator.ts --out FILE [--chinese | --layout en|zh|platform|reg-ab-ii]
 * [--seed N] [--vintages N] [--loans N] [--max-mob N] [--last-as-of N] [--term N]`: writes a history CSV (UTF-8).
 */
export function main(args: readonly string[]): void {
  const get = (flag: string, dflt: number): number => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const oi = args.indexOf('--out');
  if (oi < 0 || args[oi + 1] === undefined) throw new Error('--out FILE is required');
  const li = args.indexOf('--layout');
  const layout = li >= 0 ? args[li + 1] : args.includes('--chinese') ? 'zh' : 'en';
  if (!(HISTORY_LAYOUTS as readonly (string | undefined)[]).includes(layout))
    throw new Error(`--layout ${layout ?? ''}: use one of ${HISTORY_LAYOUTS.join(', ')}`);
  const fd = openSync(args[oi + 1]!, 'w');
  try {
    historyCsvBytes(
      {
        seed: get('--seed', 11),
        vintages: get('--vintages', 18),
        loansPerVintage: get('--loans', 30),
        maxMob: get('--max-mob', 18),
        lastAsOf: get('--last-as-of', 24),
        term: get('--term', 12),
        layout: layout as HistoryLayout,
      },
      (b) => writeSync(fd, b),
    );
  } finally {
    closeSync(fd);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
