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
  /** Interest collected: (performing − new defaults) × rate / 12. */
  readonly interest: Float64Array;
  /** Fee income (interest-free-fee products: monthly fee on original principal). */
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
