/**
 * A loan-level pool as struct-of-arrays: one typed array per field, one index per receivable. A million
 * loans stay a few dozen MB and the projection loop stays monomorphic; never materialise one object per loan.
 */
import type { Product } from '../deal/schema';

/** Product codes stored in `LoanPool.product` (index into this list). */
export const PRODUCT_CODES: readonly Product[] = [
  'level-pay',
  'equal-principal',
  'interest-free-fee',
  'bullet',
  'revolving',
  // Appended, not inserted: pool files store the index.
  'single-payment',
];

export interface LoanPool {
  readonly size: number;
  /** Loan identifiers as given by the tape. */
  readonly ids: readonly string[];
  /** Index into PRODUCT_CODES. */
  readonly product: Uint8Array;
  /** Index into `segmentNames` (credit grade, product group…): assumptions may differ by segment. */
  readonly segment: Uint16Array;
  readonly segmentNames: readonly string[];
  /** Current performing principal at cut-off. */
  readonly balance: Float64Array;
  readonly originalBalance: Float64Array;
  /** Annual rate (decimal). */
  readonly rate: Float64Array;
  /** Monthly fee as a share of original principal (interest-free-fee products). */
  readonly monthlyFeeRate: Float64Array;
  readonly originalTerm: Uint16Array;
  readonly remainingTerm: Uint16Array;
  /** Monthly principal payment rate (revolving balances). */
  readonly paymentRate: Float64Array;
}
