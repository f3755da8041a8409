/**
 * Pool summary and stratification tables: the cut-off summary a rating agency asks for (count, balance,
 * weighted averages, ranges) and the same measures split by grade, product, term, rate, balance, score,
 * delinquency and region. Weighted averages are by current balance, the market convention.
 */
import { STATUS_CODES } from '../io/tape/fields';
import { PRODUCT_CODES, type LoanPool } from './loanPool';
import { NO_REGION, NO_STATUS, type ImportedPool } from './poolFile';

export interface PoolSummary {
  cutoffDate: string | null;
  count: number;
  totalBalance: number;
  totalOriginalBalance: number;
  averageBalance: number;
  minBalance: number;
  maxBalance: number;
  /** Balance-weighted annual rate. */
  waRate: number;
  minRate: number;
  maxRate: number;
  /** Balance-weighted monthly fee rate (interest-free-fee products; 0 elsewhere). */
  waMonthlyFeeRate: number;
  waOriginalTerm: number;
  waRemainingTerm: number;
  /** Balance-weighted months since origination (original − remaining term). */
  waSeasoning: number;
  minRemainingTerm: number;
  maxRemainingTerm: number;
  /** Balance-weighted credit score over loans that have one; null when none has. */
  waScore: number | null;
  /** Share of balance 1+ days past due (or in a delinquent status); null when the tape says nothing. */
  delinquentShare: number | null;
}

export type StratKey =
  | 'segment'
  | 'product'
  | 'region'
  | 'status'
  | 'delinquency'
  | 'originalTerm'
  | 'remainingTerm'
  | 'seasoning'
  | 'rate'
  | 'balance'
  | 'score';

export interface StratRow {
  label: string;
  count: number;
  balance: number;
  /** Share of the pool's balance (0–1). */
  pctBalance: number;
  pctCount: number;
  averageBalance: number;
  waRate: number;
  waRemainingTerm: number;
  waOriginalTerm: number;
}

export interface StratTable {
  key: StratKey;
  title: string;
  rows: StratRow[];
  total: StratRow;
}

export interface StratOptions {
  /** Lower edges of rate buckets (annual decimals). */
  rateEdges?: readonly number[];
  balanceEdges?: readonly number[];
  /** Lower edges of remaining-term and seasoning buckets (months). */
  termEdges?: readonly number[];
  scoreEdges?: readonly number[];
}

const DEFAULT_RATE_EDGES = [0, 0.0000001, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.36];
const DEFAULT_BALANCE_EDGES = [0, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000];
const DEFAULT_TERM_EDGES = [0, 1, 4, 7, 13, 25, 37, 61];
const DEFAULT_SCORE_EDGES = [300, 550, 600, 650, 700, 750, 800];

function isImported(p: LoanPool): p is ImportedPool {
  return 'status' in p && 'daysPastDue' in p;
}

/**
 * The credit-score range a score must fall in to count (FICO's 300–850, which the default buckets cover):
 * a value outside it is a tape placeholder (0, 999, 9999), so it is 'not reported' in the score table and
 * carries no weight in the weighted-average score — one definition for both.
 */
export const SCORE_RANGE = { min: 300, max: 850 } as const;

export function validScore(s: number): boolean {
  return s >= SCORE_RANGE.min && s <= SCORE_RANGE.max;
}

/** Delinquency buckets, in the order the table shows them; index 0 is current. */
export const DELINQUENCY_LABELS = [
  'current (0 days)',
  '1–29 days',
  '30–59 days',
  '60–89 days',
  '90+ days',
  'delinquent status, days past due 0 or not reported',
] as const;

/**
 * A loan's delinquency bucket, the one definition the summary's delinquent share and the delinquency table
 * share: days past due above 0 decide the bucket; otherwise a delinquent status is delinquent (its days
 * unknown), and 0 days or a current status is current. -1 when the tape says nothing.
 */
export function delinquencyBucket(pool: ImportedPool, i: number): number {
  const d = pool.daysPastDue[i]!;
  if (d > 0) return d < 30 ? 1 : d < 60 ? 2 : d < 90 ? 3 : 4;
  const s = pool.status[i]!;
  if (s === DELINQUENT) return 5;
  return d === 0 || s === CURRENT ? 0 : -1;
}
const DELINQUENT = STATUS_CODES.indexOf('delinquent');
const CURRENT = STATUS_CODES.indexOf('current');

export function poolSummary(pool: LoanPool | ImportedPool): PoolSummary {
  const n = pool.size;
  let bal = 0;
  let ob = 0;
  let wr = 0;
  let wf = 0;
  let wot = 0;
  let wrt = 0;
  let minB = Infinity;
  let maxB = -Infinity;
  let minR = Infinity;
  let maxR = -Infinity;
  let minT = Infinity;
  let maxT = -Infinity;
  let scoreBal = 0;
  let wScore = 0;
  let dqBal = 0;
  let dqKnown = false;
  const imp = isImported(pool) ? pool : null;
  for (let i = 0; i < n; i++) {
    const b = pool.balance[i]!;
    bal += b;
    ob += pool.originalBalance[i]!;
    wr += b * pool.rate[i]!;
    wf += b * pool.monthlyFeeRate[i]!;
    wot += b * pool.originalTerm[i]!;
    wrt += b * pool.remainingTerm[i]!;
    if (b < minB) minB = b;
    if (b > maxB) maxB = b;
    const r = pool.rate[i]!;
    if (r < minR) minR = r;
    if (r > maxR) maxR = r;
    const t = pool.remainingTerm[i]!;
    if (t < minT) minT = t;
    if (t > maxT) maxT = t;
    if (imp) {
      const s = imp.score[i]!;
      if (validScore(s)) {
        scoreBal += b;
        wScore += b * s;
      }
      const dq = delinquencyBucket(imp, i);
      if (dq >= 0) dqKnown = true;
      if (dq > 0) dqBal += b;
    }
  }
  const w = (x: number): number => (bal > 0 ? x / bal : 0);
  return {
    cutoffDate: imp?.cutoffDate ?? null,
    count: n,
    totalBalance: bal,
    totalOriginalBalance: ob,
    averageBalance: n > 0 ? bal / n : 0,
    minBalance: n > 0 ? minB : 0,
    maxBalance: n > 0 ? maxB : 0,
    waRate: w(wr),
    minRate: n > 0 ? minR : 0,
    maxRate: n > 0 ? maxR : 0,
    waMonthlyFeeRate: w(wf),
    waOriginalTerm: w(wot),
    waRemainingTerm: w(wrt),
    waSeasoning: w(wot - wrt),
    minRemainingTerm: n > 0 ? minT : 0,
    maxRemainingTerm: n > 0 ? maxT : 0,
    waScore: scoreBal > 0 ? wScore / scoreBal : null,
    delinquentShare: dqKnown ? w(dqBal) : null,
  };
}

function bucketLabels(edges: readonly number[], fmt: (x: number) => string): string[] {
  return edges.map((lo, i) => (i + 1 < edges.length ? `${fmt(lo)} – <${fmt(edges[i + 1]!)}` : `${fmt(lo)}+`));
}

function bucketOf(x: number, edges: readonly number[]): number {
  if (Number.isNaN(x) || x < edges[0]!) return -1;
  let k = 0;
  while (k + 1 < edges.length && x >= edges[k + 1]!) k++;
  return k;
}

const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const int = (x: number): string => String(Math.round(x));

const TITLES: Record<StratKey, string> = {
  segment: 'Segment (credit grade)',
  product: 'Product',
  region: 'Region',
  status: 'Loan status',
  delinquency: 'Delinquency (days past due)',
  originalTerm: 'Original term (months)',
  remainingTerm: 'Remaining term (months)',
  seasoning: 'Seasoning (months)',
  rate: 'Annual interest rate',
  balance: 'Current balance',
  score: 'Credit score',
};

/** One stratification table; loans without a value for the key fall in a 'not reported' row. */
export function stratify(pool: LoanPool | ImportedPool, key: StratKey, opts: StratOptions = {}): StratTable {
  const n = pool.size;
  const imp = isImported(pool) ? pool : null;
  let labels: string[];
  let groupOf: (i: number) => number;
  let sortByBalance = false;
  switch (key) {
    case 'segment':
      labels = [...pool.segmentNames];
      groupOf = (i) => pool.segment[i]!;
      break;
    case 'product':
      labels = [...PRODUCT_CODES];
      groupOf = (i) => pool.product[i]!;
      break;
    case 'region':
      labels = imp ? [...imp.regionNames] : [];
      groupOf = (i) => (imp && imp.region[i] !== NO_REGION ? imp.region[i]! : -1);
      sortByBalance = true;
      break;
    case 'status':
      labels = [...STATUS_CODES];
      groupOf = (i) => (imp && imp.status[i] !== NO_STATUS ? imp.status[i]! : -1);
      break;
    case 'delinquency':
      labels = [...DELINQUENCY_LABELS];
      groupOf = (i) => (imp ? delinquencyBucket(imp, i) : -1);
      break;
    case 'originalTerm': {
      const terms = [...new Set(pool.originalTerm)].sort((a, b) => a - b);
      const index = new Map(terms.map((t, k) => [t, k]));
      labels = terms.map(String);
      groupOf = (i) => index.get(pool.originalTerm[i]!)!;
      break;
    }
    case 'remainingTerm':
    case 'seasoning': {
      const edges = opts.termEdges ?? DEFAULT_TERM_EDGES;
      labels = edges.map((lo, i) =>
        i + 1 < edges.length ? (edges[i + 1]! - 1 === lo ? int(lo) : `${lo}–${edges[i + 1]! - 1}`) : `${lo}+`,
      );
      groupOf =
        key === 'remainingTerm'
          ? (i) => bucketOf(pool.remainingTerm[i]!, edges)
          : (i) => bucketOf(pool.originalTerm[i]! - pool.remainingTerm[i]!, edges);
      break;
    }
    case 'rate': {
      const edges = opts.rateEdges ?? DEFAULT_RATE_EDGES;
      labels = bucketLabels(edges, pct);
      if (edges === DEFAULT_RATE_EDGES) labels[0] = '0% (interest-free)';
      groupOf = (i) => bucketOf(pool.rate[i]!, edges);
      break;
    }
    case 'balance': {
      const edges = opts.balanceEdges ?? DEFAULT_BALANCE_EDGES;
      labels = bucketLabels(edges, (x) => x.toLocaleString('en-US'));
      groupOf = (i) => bucketOf(pool.balance[i]!, edges);
      break;
    }
    case 'score': {
      const edges = opts.scoreEdges ?? DEFAULT_SCORE_EDGES;
      labels = bucketLabels(edges, int);
      groupOf = (i) => (imp && validScore(imp.score[i]!) ? bucketOf(imp.score[i]!, edges) : -1);
      break;
    }
  }
  const g = labels.length + 1; // the last slot collects 'not reported'
  const count = new Float64Array(g);
  const bal = new Float64Array(g);
  const wr = new Float64Array(g);
  const wrt = new Float64Array(g);
  const wot = new Float64Array(g);
  for (let i = 0; i < n; i++) {
    let k = groupOf(i);
    if (k < 0 || k >= labels.length) k = labels.length;
    const b = pool.balance[i]!;
    count[k]!++;
    bal[k]! += b;
    wr[k]! += b * pool.rate[i]!;
    wrt[k]! += b * pool.remainingTerm[i]!;
    wot[k]! += b * pool.originalTerm[i]!;
  }
  let totalBal = 0;
  for (let k = 0; k < g; k++) totalBal += bal[k]!;
  const row = (label: string, c: number, b: number, r: number, rt: number, ot: number): StratRow => ({
    label,
    count: c,
    balance: b,
    pctBalance: totalBal > 0 ? b / totalBal : 0,
    pctCount: n > 0 ? c / n : 0,
    averageBalance: c > 0 ? b / c : 0,
    waRate: b > 0 ? r / b : 0,
    waRemainingTerm: b > 0 ? rt / b : 0,
    waOriginalTerm: b > 0 ? ot / b : 0,
  });
  const rows: StratRow[] = [];
  for (let k = 0; k < labels.length; k++) {
    if (count[k] === 0) continue;
    rows.push(row(labels[k]!, count[k]!, bal[k]!, wr[k]!, wrt[k]!, wot[k]!));
  }
  // Grades in their natural order (A, B, … ; A2 before A10), regions largest first; buckets already run by
  // value. 'Not reported' is never a segment or region among others: it goes last.
  if (key === 'segment') rows.sort((a, b) => NATURAL.compare(a.label, b.label));
  if (sortByBalance) rows.sort((a, b) => b.balance - a.balance || NATURAL.compare(a.label, b.label));
  const last = labels.length;
  if (count[last]! > 0)
    rows.push(row('not reported', count[last]!, bal[last]!, wr[last]!, wrt[last]!, wot[last]!));
  const sum = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);
  return { key, title: TITLES[key], rows, total: row('Total', n, totalBal, sum(wr), sum(wrt), sum(wot)) };
}

/** The standard cut-off stratification set. */
export function standardStrats(pool: LoanPool | ImportedPool, opts?: StratOptions): StratTable[] {
  const keys: StratKey[] = [
    'segment',
    'product',
    'originalTerm',
    'remainingTerm',
    'seasoning',
    'rate',
    'balance',
  ];
  if (isImported(pool)) keys.push('score', 'delinquency', 'region');
  return keys.map((k) => stratify(pool, k, opts));
}

const money = (x: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatSummary(s: PoolSummary): string {
  return [
    `pool summary${s.cutoffDate ? ` at cut-off ${s.cutoffDate}` : ''}:`,
    `  loans ${s.count}   balance ${money(s.totalBalance)}   original balance ${money(s.totalOriginalBalance)}`,
    `  average balance ${money(s.averageBalance)}   min ${money(s.minBalance)}   max ${money(s.maxBalance)}`,
    `  WA rate ${pct(s.waRate)} (min ${pct(s.minRate)}, max ${pct(s.maxRate)})   WA monthly fee ${pct(s.waMonthlyFeeRate)}`,
    `  WA original term ${s.waOriginalTerm.toFixed(2)}   WA remaining term ${s.waRemainingTerm.toFixed(2)} (min ${s.minRemainingTerm}, max ${s.maxRemainingTerm})   WA seasoning ${s.waSeasoning.toFixed(2)} months`,
    `  WA score ${s.waScore === null ? 'n/a' : s.waScore.toFixed(0)}   delinquent (1+ days) ${s.delinquentShare === null ? 'n/a' : pct(s.delinquentShare)} of balance`,
  ].join('\n');
}

export function formatStratTable(t: StratTable): string {
  const head = ['', 'count', 'balance', '% bal', 'WA rate', 'WA rem. term'];
  const cells = [...t.rows, t.total].map((r) => [
    r.label,
    String(r.count),
    money(r.balance),
    pct(r.pctBalance),
    pct(r.waRate),
    r.waRemainingTerm.toFixed(1),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j]!.length)));
  const fmt = (c: string[]): string =>
    '  ' + c.map((x, j) => (j === 0 ? x.padEnd(widths[j]!) : x.padStart(widths[j]!))).join('  ');
  return [`${t.title}:`, fmt(head), ...cells.map(fmt)].join('\n');
}
