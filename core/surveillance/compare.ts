/**
 * Actual against projected: a deal's servicer reports beside the run made at closing (or at any later restart),
 * period by period, each figure computed the same way on both sides so a gap is performance, not definition:
 * - pool end balance;
 * - CDR = 1 − (1 − MDR)^12, MDR = defaults / pool begin balance;
 * - CPR = 1 − (1 − SMM)^12, SMM = prepayments / (pool begin balance − scheduled principal), the SIFMA
 *   convention; a report's scheduled principal is its principal collections less its prepayments;
 * - cumulative net loss = Σ (defaults − recoveries) / the initial pool balance (the run's);
 * - excess spread, annualised = (interest collections − senior fees and expenses − note interest due) × 12 / pool
 *   begin balance, as the run states it (RunResult.excessSpread, on amounts accrued; its senior expenses include
 *   net swap payments and the liquidity facility's interest and fee, so a report's `feesPaid` must too); a
 *   report's interest collections include the pool's fee income (instalment fees, the run's pool `interest` +
 *   `fees`), its note interest due is what it paid plus the growth of its carried shortfall;
 * - 60+ days delinquent / pool end balance: reported only (the projection has no delinquency states).
 * Report period k is compared with the run's period k (monthly collection periods, the run's convention).
 */
import type { RunResult } from '../result';
import type { ServicerReport } from './servicerReport';

export interface Measures {
  poolEndBalance: number;
  cdr: number | null;
  cpr: number | null;
  cumulativeNetLoss: number;
  excessSpread: number | null;
}

export interface ComparisonRow {
  period: number;
  date: string;
  actual: Measures & { delinquent60Plus: number | null };
  /** The run's figures for the period; null when the run ended before it. */
  projected: Measures | null;
}

const annual = (monthly: number): number => 1 - Math.pow(1 - monthly, 12);
const rateOf = (x: number, base: number): number | null => (base > 0 ? annual(x / base) : null);

export function actualAgainstProjected(run: RunResult, reports: readonly ServicerReport[]): ComparisonRow[] {
  const initial = run.pool.initialBalance;
  const rows = new Map(run.pool.periods.map((r) => [r.period, r]));
  const spread = new Map(run.excessSpread.map((e) => [e.period, e.annualised]));
  let projectedNet = 0;
  const projectedCnl = new Map<number, number>();
  for (const r of run.pool.periods) {
    projectedNet += r.default - r.recovery;
    projectedCnl.set(r.period, initial > 0 ? projectedNet / initial : 0);
  }
  let actualNet = 0;
  const shortfall = new Map<string, number>();
  return [...reports]
    .sort((a, b) => a.period - b.period)
    .map((rep) => {
      const p = rep.pool;
      actualNet += p.defaults - p.recoveries;
      const scheduled = p.principalCollections - p.prepayments;
      let noteInterest = 0;
      for (const c of rep.classes) {
        noteInterest += c.interestPaid + c.interestShortfall - (shortfall.get(c.id) ?? 0);
        shortfall.set(c.id, c.interestShortfall);
      }
      const d = p.delinquent;
      const actual = {
        poolEndBalance: p.endBalance,
        cdr: rateOf(p.defaults, p.beginBalance),
        cpr: rateOf(p.prepayments, p.beginBalance - scheduled),
        cumulativeNetLoss: initial > 0 ? actualNet / initial : 0,
        excessSpread:
          p.beginBalance > 0
            ? ((p.interestCollections - rep.feesPaid - noteInterest) * 12) / p.beginBalance
            : null,
        delinquent60Plus: p.endBalance > 0 ? (d.dpd61_90 + d.dpd90plus) / p.endBalance : null,
      };
      const r = rows.get(rep.period);
      const projected: Measures | null =
        r === undefined
          ? null
          : {
              poolEndBalance: r.endBalance,
              cdr: rateOf(r.default, r.beginBalance),
              cpr: rateOf(r.prepayment, r.beginBalance - r.scheduledPrincipal),
              cumulativeNetLoss: projectedCnl.get(rep.period) ?? 0,
              excessSpread: spread.get(rep.period) ?? null,
            };
      return { period: rep.period, date: rep.paymentDate, actual, projected };
    });
}
