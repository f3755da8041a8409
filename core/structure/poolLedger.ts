/**
 * The pool as the waterfall sees it: the base projection plus every receivable bought while revolving. The
 * projection is linear in balance, so a purchase is a unit projection of a profile line scaled to the amount
 * bought and shifted to start at the purchase period (a cohort's curves run from its own entry). Flows stay in
 * float64 here; the waterfall rounds each period's totals to cents as it reads them.
 */
import type { PoolProjection } from '../projection/types';

/** A slice of the base pool (one segment and product), for concentration limits. */
export interface PoolGroup {
  segment: string;
  product: string;
  endBalance: Float64Array;
}

export const groupKey = (key: 'segment' | 'product', value: string): string => `${key}:${value}`;

export class PoolLedger {
  readonly periods: number;
  readonly beginBalance: Float64Array;
  readonly defaults: Float64Array;
  readonly interest: Float64Array;
  readonly fees: Float64Array;
  readonly scheduledPrincipal: Float64Array;
  readonly prepayment: Float64Array;
  readonly loss: Float64Array;
  readonly recovery: Float64Array;
  readonly endBalance: Float64Array;
  readonly pendingDefaults: Float64Array;
  readonly count: Float64Array;
  /** Par bought in each period (already inside that period's end balance). */
  readonly purchases: Float64Array;
  /** End balance by `segment:…` / `product:…` key, tracked only for the keys concentration limits name. */
  private readonly groups = new Map<string, Float64Array>();
  private readonly readOnly: boolean;

  constructor(
    base: PoolProjection,
    trackedKeys: readonly string[] = [],
    composition: readonly PoolGroup[] = [],
    /**
     * Read the projection's own arrays instead of copies: for a pool that buys nothing (no cohort is ever
     * added, so nothing writes them), where copying eleven arrays was a cost on every run of a stress.
     */
    readOnly = false,
  ) {
    const n = base.periods + 1;
    this.periods = base.periods;
    this.readOnly = readOnly;
    const copy = (a: Float64Array): Float64Array =>
      readOnly ? a.subarray(0, n) : Float64Array.from(a.subarray(0, n));
    this.beginBalance = copy(base.beginBalance);
    this.defaults = copy(base.defaults);
    this.interest = copy(base.interest);
    this.fees = copy(base.fees);
    this.scheduledPrincipal = copy(base.scheduledPrincipal);
    this.prepayment = copy(base.prepayment);
    this.loss = copy(base.loss);
    this.recovery = copy(base.recovery);
    this.endBalance = copy(base.endBalance);
    this.pendingDefaults = copy(base.pendingDefaults);
    this.count = copy(base.count);
    this.purchases = new Float64Array(n);
    for (const k of trackedKeys) this.groups.set(k, new Float64Array(n));
    for (const g of composition) {
      for (const k of [groupKey('segment', g.segment), groupKey('product', g.product)]) {
        const arr = this.groups.get(k);
        if (!arr) continue;
        for (let t = 0; t < n; t++) arr[t] += g.endBalance[t];
      }
    }
  }

  /** End balance of a tracked group at `period` (0 when the group holds nothing). */
  groupEnd(key: string, period: number): number {
    const arr = this.groups.get(key);
    return arr ? arr[period] : 0;
  }

  /**
   * Adds `amount` of par bought at period `start`, shaped like `unit` (a projection of `unitBalance` entering
   * at its own period 0): the amount joins the pool end balance of `start`, its flows land in start+1…
   */
  addCohort(
    start: number,
    amount: number,
    unit: PoolProjection,
    unitBalance: number,
    segment: string,
    product: string,
  ): void {
    if (!(amount > 0) || !(unitBalance > 0)) return;
    if (this.readOnly) throw new Error('PoolLedger: a read-only ledger buys no receivables');
    const s = amount / unitBalance;
    this.purchases[start] += amount;
    this.endBalance[start] += amount;
    const last = Math.min(this.periods - start, unit.periods);
    for (let k = 1; k <= last; k++) {
      const t = start + k;
      this.beginBalance[t] += unit.beginBalance[k] * s;
      this.defaults[t] += unit.defaults[k] * s;
      this.interest[t] += unit.interest[k] * s;
      this.fees[t] += unit.fees[k] * s;
      this.scheduledPrincipal[t] += unit.scheduledPrincipal[k] * s;
      this.prepayment[t] += unit.prepayment[k] * s;
      this.loss[t] += unit.loss[k] * s;
      this.recovery[t] += unit.recovery[k] * s;
      this.endBalance[t] += unit.endBalance[k] * s;
      this.pendingDefaults[t] += unit.pendingDefaults[k] * s;
      this.count[t] += unit.count[k] * s;
    }
    this.count[start] += unit.count[0] * s;
    for (const key of [groupKey('segment', segment), groupKey('product', product)]) {
      const arr = this.groups.get(key);
      if (!arr) continue;
      arr[start] += amount;
      for (let k = 1; k <= last; k++) arr[start + k] += unit.endBalance[k] * s;
    }
  }
}
