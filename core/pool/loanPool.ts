/**
 * A loan-level pool as struct-of-arrays: one typed array per field, one index per receivable. A million
 * loans stay a few dozen MB and the projection loop stays monomorphic; never materialise one object per loan.
 */
import { Product } from '../deal/schema';

/**
 * Product codes stored in `LoanPool.product` (index into this list): the schema's products in their order, so a
 * new product is appended to the enum, never inserted (pool files store the index).
 */
export const PRODUCT_CODES: readonly Product[] = Product.options;

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
