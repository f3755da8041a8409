/**
 * The projection runs on one struct-of-arrays shape for both pool kinds: a rep line is projected exactly as a
 * loan whose balance is the line's balance, so the rep-line and loan-level paths cannot drift apart.
 */
import type { RepLine } from '../deal/schema';
import { PRODUCT_CODES, type LoanPool } from '../pool/loanPool';

export interface LoanArrays extends Omit<LoanPool, 'ids'> {
  /** Receivables each entry stands for (rep lines); null means one each (loan level). */
  readonly count: Float64Array | null;
}

export function loanPoolArrays(pool: LoanPool): LoanArrays {
  return { ...pool, count: null };
}

export function repLineArrays(lines: readonly RepLine[]): LoanArrays {
  const n = lines.length;
  const segmentNames: string[] = [];
  const segmentIndex = new Map<string, number>();
  const a = {
    size: n,
    product: new Uint8Array(n),
    segment: new Uint16Array(n),
    segmentNames,
    balance: new Float64Array(n),
    originalBalance: new Float64Array(n),
    rate: new Float64Array(n),
    monthlyFeeRate: new Float64Array(n),
    originalTerm: new Uint16Array(n),
    remainingTerm: new Uint16Array(n),
    paymentRate: new Float64Array(n),
    count: new Float64Array(n),
  };
  lines.forEach((l, i) => {
    const segment = l.segment ?? 'all';
    let s = segmentIndex.get(segment);
    if (s === undefined) {
      s = segmentNames.length;
      segmentNames.push(segment);
      segmentIndex.set(segment, s);
    }
    a.product[i] = PRODUCT_CODES.indexOf(l.product);
    a.segment[i] = s;
    a.balance[i] = l.balance;
    a.originalBalance[i] = l.originalBalance ?? l.balance;
    a.rate[i] = l.rate;
    a.monthlyFeeRate[i] = l.monthlyFeeRate ?? 0;
    a.originalTerm[i] = l.originalTerm;
    a.remainingTerm[i] = l.remainingTerm;
    a.paymentRate[i] = l.paymentRate ?? 0;
    a.count[i] = l.count ?? 1;
  });
  return a;
}
