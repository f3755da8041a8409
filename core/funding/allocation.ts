/**
 * An allocation: how much each source funds in each month of one scenario. The rule simulator and the LP
 * both produce one; the report reads nothing else, so a mix and an optimum are measured the same way.
 */
import type { SourceType } from './schema';
import type { ScenarioTerms, SourceTerms } from './terms';

export interface SourcePath {
  id: string;
  type: SourceType;
  /** Funding outstanding at the end of month t: drawn, notes sold, retail balance, receivables sold, equity. */
  balance: Float64Array;
  /** New money in month t: retail raised, pool securitised, receivables sold, equity raised (0 for lines). */
  added: Float64Array;
}

export interface Allocation {
  /** Mix name, or 'optimal'. */
  mix: string;
  scenario: string;
  paths: SourcePath[];
}

/** Receivables tied up by a source in month t: pledged to a line (drawn / advance), securitised, sold. */
export function assetsUsed(terms: SourceTerms, path: SourcePath, t: number): number {
  const b = path.balance[t] ?? 0;
  switch (terms.type) {
    case 'bankLine': {
      const adv = terms.advance[t] ?? 0;
      return adv > 0 ? b / adv : 0;
    }
    case 'securitization': {
      // What the trust holds for each issue, as the deal run says (it keeps the retained classes' collateral
      // and, paying sequentially, more receivables than notes ÷ sold share once the senior amortises).
      let held = 0;
      for (let m = 1; m <= t; m++) held += (path.added[m] ?? 0) * (terms.collateralFactor[t - m] ?? 0);
      return held;
    }
    case 'forwardFlow':
      return b;
    default:
      return 0;
  }
}

/** Equity the secured sources need in month t: bank haircuts (if so configured) and retained notes. */
export function equityRequired(sc: ScenarioTerms, paths: readonly SourcePath[], t: number): number {
  let req = 0;
  sc.sources.forEach((terms, i) => {
    const path = paths[i];
    if (!path) return;
    const b = path.balance[t] ?? 0;
    if (terms.type === 'securitization') req += assetsUsed(terms, path, t) - b;
    if (terms.type === 'bankLine' && sc.haircutsFromEquity) req += assetsUsed(terms, path, t) - b;
  });
  return Math.max(0, req);
}

/**
 * Receivables that may be pledged, securitised or sold in month t: the strictest bank-line eligibility (one
 * pool of receivables backs every use), or all receivables when there is no line. The LP says the same.
 */
export function pledgeable(sc: ScenarioTerms, t: number): number {
  let min = Infinity;
  for (const s of sc.sources) if (s.type === 'bankLine') min = Math.min(min, s.eligible[t] ?? 0);
  return min === Infinity ? (sc.book.receivables[t] ?? 0) : min;
}

export function emptyPath(id: string, type: SourceType, months: number): SourcePath {
  return { id, type, balance: new Float64Array(months + 1), added: new Float64Array(months + 1) };
}
