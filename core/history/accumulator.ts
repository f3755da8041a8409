/**
 * Loan-level performance history → per-vintage monthly sums, one row at a time. Nothing is kept per row: a loan
 * keeps a few numbers in typed arrays (last month, last balance, last bucket, whether it has left the pool) and
 * each vintage (or vintage × segment) keeps one sum per month on book, so 10 million loan-months need memory for
 * the loans and the curves only.
 *
 * Definitions (Reg AB Item 1105 static-pool data; SIFMA Standard Formulas for the rates, see ./analysis.ts):
 * - Vintage: the origination month. Month on book (MOB) m = as-of month − origination month (the origination
 *   month itself is MOB 0).
 * - Start balance S of a loan in month m: its balance on its previous accepted row, or its original balance on
 *   its first row. A loan is performing at the start of m unless an earlier row charged it off or paid it off;
 *   `perfStart[m]` sums S over performing loans with a row at m.
 * - Default (gross, charge-off view): the charge-off amount on the row; on a row whose status is charged off
 *   without an amount, the reported balance if positive, else S. The loan then leaves the performing pool.
 * - Recovery: the recovery amount on any row, charged off or not, counted in the month it is received.
 * - Prepayment: S of a loan whose status is prepaid (or paid off before its original term, when the term is
 *   given): the whole balance paid early. Partial prepayments cannot be told from scheduled principal without
 *   the schedule and count as principal collections only.
 * - Principal collections: S − end balance − default (payment rate numerator, scheduled + prepaid).
 * - Delinquency: the end-of-month balance of performing loans by days-past-due bucket; the charged-off bucket
 *   holds the month's new defaults.
 * - Roll rates: loans counted from their bucket at m − 1 to their bucket at m, for loans with rows in both.
 */
import { B_CHARGED_OFF, B_PAID, BUCKETS, dpdBucket, type HistoryStatus } from './fields';
import { monthLabel } from './months';
import { cli as cliEn } from '../i18n/locales/en/cli';

/** One parsed row, reused by the reader (never retained). */
export interface HistoryRow {
  loanId: string;
  asOf: number;
  origination: number;
  originalBalance: number;
  currentBalance: number;
  /** NaN when the history has no days-past-due column or the cell is blank. */
  daysPastDue: number;
  /** Undefined when the history has no status column: derived from days past due and balance. */
  status: HistoryStatus | undefined;
  chargeOff: number;
  recovery: number;
  /** NaN when not given. */
  originalTerm: number;
  segment: string;
}

/** Why a history row was rejected, in English: the CLI catalog's words, so the report and the CLI never differ. */
export const HISTORY_REJECT_REASONS = cliEn.vintage.reasons;
export type HistoryRejectReason = keyof typeof HISTORY_REJECT_REASONS;

export interface HistoryReject {
  /** 1-based physical line (CSV) or sheet row. */
  line: number;
  loanId: string;
  reason: HistoryRejectReason;
  /** Column and value, or the previous month, for the message. */
  detail: string;
}

/** Sums for one vintage (or vintage × segment), indexed by month on book. */
export interface VintageSums {
  vintage: string;
  segment: string;
  loans: number;
  originalBalance: number;
  /** Highest month on book with a row. */
  maxMob: number;
  perfStart: number[];
  defaults: number[];
  recoveries: number[];
  prepayments: number[];
  principal: number[];
  /** Loans with a row at m. */
  rows: number[];
  /** Bucket balances at the end of m: buckets[b][m], b over BUCKETS minus `paid`. */
  buckets: number[][];
  /** Loan counts from bucket i at m − 1 to bucket j at m, row-major 7 × 7, summed over m. */
  transitions: number[];
}

const TOL = 0.005;
const NB = BUCKETS.length;

class Grow {
  lastMonth = new Int32Array(1024);
  lastBalance = new Float64Array(1024);
  origBalance = new Float64Array(1024);
  origMonth = new Int32Array(1024);
  lastBucket = new Int8Array(1024);
  group = new Int32Array(1024);
  ensure(n: number): void {
    if (n <= this.lastMonth.length) return;
    let cap = this.lastMonth.length;
    while (cap < n) cap *= 2;
    const g = <T extends Int32Array | Float64Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.lastMonth = g(this.lastMonth, (k) => new Int32Array(k));
    this.lastBalance = g(this.lastBalance, (k) => new Float64Array(k));
    this.origBalance = g(this.origBalance, (k) => new Float64Array(k));
    this.origMonth = g(this.origMonth, (k) => new Int32Array(k));
    this.lastBucket = g(this.lastBucket, (k) => new Int8Array(k));
    this.group = g(this.group, (k) => new Int32Array(k));
  }
}

// Per month on book, a group keeps its sums side by side in one growable Float64Array (row m at m × NF): one
// bounds check and no array growth per loan-month.
const F_PERF = 0;
const F_DEF = 1;
const F_REC = 2;
const F_PRE = 3;
const F_PRIN = 4;
const F_ROWS = 5;
const F_BUCKET = 6; // 6 … 11: end-of-month balances of buckets current … charged off
const NF = 12;

class Group {
  loans = 0;
  originalBalance = 0;
  maxMob = -1;
  f = new Float64Array(64 * NF);
  readonly transitions = new Float64Array(NB * NB);
  constructor(
    readonly vintage: string,
    readonly segment: string,
  ) {}

  /** The index of month `m`'s first field, growing the store when needed. */
  row(m: number): number {
    const need = (m + 1) * NF;
    if (need > this.f.length) {
      let cap = this.f.length;
      while (cap < need) cap *= 2;
      const g = new Float64Array(cap);
      g.set(this.f);
      this.f = g;
    }
    if (m > this.maxMob) this.maxMob = m;
    return m * NF;
  }

  sums(): VintageSums {
    const n = this.maxMob + 1;
    const col = (field: number): number[] => Array.from({ length: n }, (_, m) => this.f[m * NF + field]!);
    return {
      vintage: this.vintage,
      segment: this.segment,
      loans: this.loans,
      originalBalance: this.originalBalance,
      maxMob: this.maxMob,
      perfStart: col(F_PERF),
      defaults: col(F_DEF),
      recoveries: col(F_REC),
      prepayments: col(F_PRE),
      principal: col(F_PRIN),
      rows: col(F_ROWS),
      buckets: Array.from({ length: B_PAID }, (_, b) => col(F_BUCKET + b)),
      transitions: Array.from(this.transitions),
    };
  }
}

export class HistoryAccumulator {
  private readonly ids = new Map<string, number>();
  /** Loan ids by index, and the index of the last row's loan: see `loanIndex`. */
  private readonly idList: string[] = [];
  private lastK = -1;
  private readonly loans = new Grow();
  private readonly groups: Group[] = [];
  private readonly groupIndex = new Map<string, number>();
  rowsAccepted = 0;
  rowsRejected = 0;
  readonly rejectCounts: Partial<Record<HistoryRejectReason, number>> = {};
  readonly rejects: HistoryReject[] = [];
  /** Latest as-of month seen (the history's data date). */
  lastAsOf = -Infinity;
  /** Status codes neither the mapping nor the built-in table knows → rows carrying them (as the tape lists them). */
  readonly unknownStatusCodes = new Map<string, number>();

  constructor(private readonly maxListedRejects = 10_000) {}

  reject(line: number, loanId: string, reason: HistoryRejectReason, detail: string): void {
    this.rowsRejected++;
    this.rejectCounts[reason] = (this.rejectCounts[reason] ?? 0) + 1;
    if (this.rejects.length < this.maxListedRejects) this.rejects.push({ line, loanId, reason, detail });
  }

  /** Counts a row's unknown status code; a file with endless distinct codes lists the first thousand. */
  unknownStatus(code: string): void {
    const n = this.unknownStatusCodes.get(code);
    if (n !== undefined) this.unknownStatusCodes.set(code, n + 1);
    else if (this.unknownStatusCodes.size < 1000) this.unknownStatusCodes.set(code, 1);
  }

  /** Applies one row that parsed; the loan-level checks (order, duplicates, balance) happen here. */
  push(r: HistoryRow, line: number): void {
    const mob = r.asOf - r.origination;
    if (mob < 0) {
      this.reject(
        line,
        r.loanId,
        'asOfBeforeOrigination',
        `${monthLabel(r.asOf)} < ${monthLabel(r.origination)}`,
      );
      return;
    }
    if (r.currentBalance > r.originalBalance + TOL) {
      this.reject(line, r.loanId, 'balanceAboveOriginal', `${r.currentBalance} > ${r.originalBalance}`);
      return;
    }
    const L = this.loans;
    let k = this.loanIndex(r.loanId);
    const first = k === undefined;
    if (k === undefined) {
      k = this.ids.size;
      L.ensure(k + 1);
    } else {
      if (L.origMonth[k] !== r.origination || Math.abs(L.origBalance[k]! - r.originalBalance) > TOL) {
        this.reject(line, r.loanId, 'loanChanged', `${monthLabel(L.origMonth[k]!)} ${L.origBalance[k]}`);
        return;
      }
      const prev = L.lastMonth[k]!;
      if (r.asOf === prev) {
        this.reject(line, r.loanId, 'duplicateLoanMonth', monthLabel(r.asOf));
        return;
      }
      if (r.asOf < prev) {
        this.reject(line, r.loanId, 'outOfOrder', `${monthLabel(r.asOf)} after ${monthLabel(prev)}`);
        return;
      }
      if (r.currentBalance > L.lastBalance[k]! + TOL) {
        this.reject(line, r.loanId, 'balanceRose', `${L.lastBalance[k]} → ${r.currentBalance}`);
        return;
      }
    }
    // Bucket at the end of this month.
    let status = r.status;
    if (status === undefined) {
      if (r.chargeOff > 0) status = 'charged-off';
      else if (r.currentBalance <= TOL) status = 'paid-off';
      else status = r.daysPastDue > 0 ? 'delinquent' : 'current';
    }
    if (status === 'paid-off' && Number.isFinite(r.originalTerm) && mob < r.originalTerm) status = 'prepaid';
    let bucket: number;
    if (status === 'charged-off') bucket = B_CHARGED_OFF;
    else if (status === 'prepaid' || status === 'paid-off') bucket = B_PAID;
    else if (Number.isNaN(r.daysPastDue)) {
      if (status === 'delinquent') {
        this.reject(line, r.loanId, 'delinquentWithoutDays', r.loanId);
        return;
      }
      bucket = 0;
    } else bucket = dpdBucket(r.daysPastDue);

    // Accepted: the loan's state and its vintage's sums move.
    let g: number;
    if (first) {
      this.ids.set(r.loanId, k);
      this.idList.push(r.loanId);
      this.lastK = k;
      L.origMonth[k] = r.origination;
      L.origBalance[k] = r.originalBalance;
      L.lastBucket[k] = 0;
      const key = r.segment === '' ? String(r.origination) : `${r.origination}\u0000${r.segment}`;
      let gi = this.groupIndex.get(key);
      if (gi === undefined) {
        gi = this.groups.length;
        this.groups.push(new Group(monthLabel(r.origination), r.segment));
        this.groupIndex.set(key, gi);
      }
      L.group[k] = gi;
      const s = this.groups[gi]!;
      s.loans++;
      s.originalBalance += r.originalBalance;
      g = gi;
    } else g = L.group[k]!;
    const s = this.groups[g]!;
    const prevBucket = L.lastBucket[k]!;
    const wasOut = !first && (prevBucket === B_CHARGED_OFF || prevBucket === B_PAID);
    const S = first ? r.originalBalance : L.lastBalance[k]!;
    const i = s.row(mob);
    const v = s.f;
    v[i + F_ROWS]! += 1;
    if (r.recovery !== 0) v[i + F_REC]! += r.recovery;
    if (!wasOut) {
      v[i + F_PERF]! += S;
      let def = r.chargeOff;
      let end = r.currentBalance;
      if (bucket === B_CHARGED_OFF) {
        if (def <= 0) def = end > TOL ? end : S;
        end = 0;
      } else if (bucket === B_PAID) {
        if (status === 'prepaid') v[i + F_PRE]! += Math.max(0, S - def);
        end = 0;
      }
      v[i + F_DEF]! += def;
      v[i + F_PRIN]! += Math.max(0, S - end - def);
      if (bucket === B_CHARGED_OFF) v[i + F_BUCKET + B_CHARGED_OFF]! += def;
      else if (bucket < B_CHARGED_OFF) v[i + F_BUCKET + bucket]! += end;
      if (!first && L.lastMonth[k] === r.asOf - 1) s.transitions[prevBucket * NB + bucket]! += 1;
    } else {
      // Out of the pool already: later charge-offs (fees written off after the event) still count as loss.
      v[i + F_DEF]! += r.chargeOff;
      if (L.lastMonth[k] === r.asOf - 1) s.transitions[prevBucket * NB + prevBucket]! += 1;
      bucket = prevBucket;
    }
    L.lastMonth[k] = r.asOf;
    L.lastBalance[k] = r.currentBalance;
    L.lastBucket[k] = bucket;
    if (r.asOf > this.lastAsOf) this.lastAsOf = r.asOf;
    this.rowsAccepted++;
  }

  /**
   * A monthly snapshot tape lists the loans in the same order every month, so the loan after the last row's
   * is usually the next row's: one string comparison instead of a hash lookup, ten million times.
   */
  private loanIndex(id: string): number | undefined {
    const guess = this.lastK + 1;
    const k = this.idList[guess] === id ? guess : this.ids.get(id);
    if (k !== undefined) this.lastK = k;
    return k;
  }

  get loanCount(): number {
    return this.ids.size;
  }

  /** The sums, vintages in order (then segments by name). */
  result(): VintageSums[] {
    return this.groups
      .map((g) => g.sums())
      .sort((a, b) =>
        a.vintage < b.vintage
          ? -1
          : a.vintage > b.vintage
            ? 1
            : a.segment < b.segment
              ? -1
              : a.segment > b.segment
                ? 1
                : 0,
      );
  }
}
