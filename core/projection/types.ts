/**
 * A pool projection: period totals in float64 (DESIGN.md: the projection may run in float64; the waterfall
 * rounds each period's totals to cents). Every array has length `periods + 1`; index 0 is the cut-off
 * (zero flows, beginBalance = endBalance = cut-off balance), index t is period t.
 */
export interface PoolProjection {
  readonly periods: number;
  /** Performing balance at the start of the period. */
  readonly beginBalance: Float64Array;
  /** New defaults (charged off: leave the performing balance at default). */
  readonly defaults: Float64Array;
  /**
   * Interest collected: (performing − new defaults) × rate / 12; single-payment loans pay simple interest since
   * origination with the principal they repay (at maturity or prepayment).
   */
  readonly interest: Float64Array;
  /** Fee income (interest-free-fee products: monthly fee on original principal; revolving: on the balance). */
  readonly fees: Float64Array;
  readonly scheduledPrincipal: Float64Array;
  readonly prepayment: Float64Array;
  /** Loss realised at liquidation (`lag` months after default) = severity × defaulted balance. */
  readonly loss: Float64Array;
  /** Recovery at liquidation = defaulted balance − loss. */
  readonly recovery: Float64Array;
  /** Performing balance at the end of the period. */
  readonly endBalance: Float64Array;
  /** Defaulted balance awaiting liquidation at the end of the period. */
  readonly pendingDefaults: Float64Array;
  /** Expected number of performing receivables at the end of the period. */
  readonly count: Float64Array;
  /** Present when some loans follow a CNL budget: what the scenario states against what their defaults realise. */
  readonly cnlBudget?: CnlBudget;
}

/**
 * CNL budgets, as net loss amounts on the cut-off balance of the loans under a CNL model. Realised falls short of
 * stated when a month's budget exceeds what is still performing (fast prepayment, a budget timed late) or the
 * horizon ends first; loans whose curve ran past their maturity were re-timed inside their life (`retimed`).
 */
export interface CnlBudget {
  readonly stated: number;
  readonly realised: number;
  /** Loans or lines whose budget was re-timed within their remaining life. */
  readonly retimed: number;
  /** Cut-off balance of the loans under a CNL model. */
  readonly balance: number;
}

/** The per-period series of a PoolProjection, for code that treats them alike (summing slices, comparing runs). */
export const PROJECTION_SERIES = [
  'beginBalance',
  'defaults',
  'interest',
  'fees',
  'scheduledPrincipal',
  'prepayment',
  'loss',
  'recovery',
  'endBalance',
  'pendingDefaults',
  'count',
] as const satisfies readonly (keyof PoolProjection)[];
