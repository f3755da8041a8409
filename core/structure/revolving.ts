/**
 * Revolving purchases. While the deal revolves, the purchase step buys new receivables shaped like the
 * replenishment profile: each eligible profile line gets its share of the purchase by its `balance` weight.
 * Lines failing the eligibility criteria are excluded (and reported). Concentration limits bound a segment's or
 * product's share of the pool after the purchase; a line in a group at its limit is cut back and the rest of the
 * purchase goes to the other lines, and when every line is cut back the purchase shrinks (the cash flows on down
 * the waterfall).
 */
import type { Eligibility, RepLine, Revolving } from '../deal/schema';
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { groupKey } from './poolLedger';

export interface ExcludedLine {
  id: string;
  reasons: string[];
  /** `reasons` coded (the same English in `message`), for the reader's language. */
  reasonMessages?: CoreMessage[];
}

/** Why a profile line fails the eligibility criteria, coded (empty when it is eligible). */
export function eligibilityFailureMessages(line: RepLine, e: Eligibility): CoreMessage[] {
  const out: CoreMessage[] = [];
  if (e.maxRemainingTerm !== undefined && line.remainingTerm > e.maxRemainingTerm) {
    out.push(coreMessage('revolving.termAbove', { term: line.remainingTerm, max: e.maxRemainingTerm }));
  }
  if (e.minRate !== undefined && line.rate < e.minRate)
    out.push(coreMessage('revolving.rateBelow', { rate: line.rate, min: e.minRate }));
  if (e.maxRate !== undefined && line.rate > e.maxRate)
    out.push(coreMessage('revolving.rateAbove', { rate: line.rate, max: e.maxRate }));
  if (e.products !== undefined && !e.products.includes(line.product)) {
    out.push(coreMessage('revolving.productNotEligible', { product: line.product }));
  }
  if (e.segments !== undefined && !e.segments.includes(line.segment)) {
    out.push(coreMessage('revolving.segmentNotEligible', { segment: line.segment }));
  }
  return out;
}

/** The same in English. */
export function eligibilityFailures(line: RepLine, e: Eligibility): string[] {
  return eligibilityFailureMessages(line, e).map((m) => m.message);
}

/** Keys (`segment:…`, `product:…`) the concentration limits name: the ledger tracks these. */
export function limitKeys(revolving: Revolving): string[] {
  return [...new Set(revolving.concentrationLimits.map((l) => groupKey(l.key, l.value)))];
}

export interface PurchasePlan {
  /** Par bought per candidate line (same order as the candidates). */
  amounts: number[];
  /** Concentration limits that cut the purchase back (`segment:X`, `product:Y`). */
  limitedBy: string[];
}

/**
 * Splits `par` among `lines` by weight under the concentration limits, given the pool end balance before the
 * purchase and each tracked group's balance in it.
 */
export function planPurchase(
  par: number,
  lines: readonly RepLine[],
  poolEnd: number,
  groupEnd: (key: string) => number,
  limits: Revolving['concentrationLimits'],
): PurchasePlan {
  const n = lines.length;
  const weights = lines.map((l) => l.balance);
  const members = limits.map((lim) =>
    lines.map((l) => (lim.key === 'segment' ? l.segment : l.product) === lim.value),
  );
  const limitedBy = new Set<string>();
  // Split `total` by weight, cutting each group over its cap (caps grow with the purchase total).
  const split = (total: number): { amounts: number[]; bought: number } => {
    const amounts = new Array<number>(n).fill(0);
    const frozen = new Array<boolean>(n).fill(false);
    for (let pass = 0; pass <= limits.length; pass++) {
      let frozenSum = 0;
      let freeWeight = 0;
      for (let i = 0; i < n; i++) {
        if (frozen[i]) frozenSum += amounts[i];
        else freeWeight += weights[i];
      }
      if (freeWeight > 0) {
        const share = Math.max(0, total - frozenSum) / freeWeight;
        for (let i = 0; i < n; i++) if (!frozen[i]) amounts[i] = weights[i] * share;
      }
      let cut = false;
      limits.forEach((lim, j) => {
        const key = groupKey(lim.key, lim.value);
        const cap = Math.max(0, lim.maxShare * (poolEnd + total) - groupEnd(key));
        let inGroup = 0;
        for (let i = 0; i < n; i++) if (members[j][i]) inGroup += amounts[i];
        if (inGroup > cap * (1 + 1e-12) + 1e-9) {
          const f = inGroup > 0 ? cap / inGroup : 0;
          for (let i = 0; i < n; i++) {
            if (!members[j][i]) continue;
            amounts[i] *= f;
            frozen[i] = true;
          }
          limitedBy.add(key);
          cut = true;
        }
      });
      if (!cut || freeWeight === 0) break;
    }
    return { amounts, bought: amounts.reduce((a, b) => a + b, 0) };
  };
  const fits = (total: number, bought: number): boolean => bought >= total * (1 - 1e-12);
  // The purchase total T must satisfy T = bought(T). bought(T) − T falls as T grows, so the answer is the largest
  // T that fits: below it every cap holds with room, above it some cap cuts. Plain iteration T ← bought(T)
  // converges only geometrically (ratio maxShare: 50 rounds left a 70% cap breached by 0.0003), so bracket the
  // root — any T that fits is a lower bound, and bought(T) of one that does not is an upper bound — and close
  // it by secant steps that fall back to bisection.
  let hi = par;
  let atHi = split(hi);
  if (fits(hi, atHi.bought)) return { amounts: atHi.amounts, limitedBy: [...limitedBy] };
  let lo = 0;
  let atLo = { amounts: new Array<number>(n).fill(0), bought: 0 };
  let prev = { t: hi, gap: atHi.bought - hi };
  hi = atHi.bought;
  for (let round = 0; round < 200 && hi - lo > 1e-9 * Math.max(1, par); round++) {
    atHi = split(hi);
    const gap = atHi.bought - hi;
    if (fits(hi, atHi.bought)) {
      lo = hi;
      atLo = atHi;
      break;
    }
    // Secant on gap(T) = bought(T) − T through the last two points; bisection when it leaves the bracket.
    const slope = (gap - prev.gap) / (hi - prev.t);
    let next = slope < 0 ? hi - gap / slope : (lo + hi) / 2;
    prev = { t: hi, gap };
    const upper = Math.min(hi, atHi.bought);
    if (!(next > lo && next < upper)) next = (lo + upper) / 2;
    const atNext = split(next);
    if (fits(next, atNext.bought)) {
      lo = next;
      atLo = atNext;
      hi = upper;
    } else {
      hi = Math.min(upper, atNext.bought);
      prev = { t: next, gap: atNext.bought - next };
    }
  }
  const amounts = atLo.amounts;
  return { amounts, limitedBy: [...limitedBy] };
}
