/** Hand-made pool collections and small structures for waterfall tests (no projection involved). */
import { Scenario, Structure, type ScenarioInput } from '../../../core/deal/schema';
import type { PoolProjection } from '../../../core/projection/types';
import { paymentDates } from '../../../core/time';

export interface PeriodFlows {
  interest?: number;
  fees?: number;
  scheduledPrincipal?: number;
  prepayment?: number;
  defaults?: number;
  loss?: number;
  recovery?: number;
  /** Defaults on their way to liquidation after this period. */
  pendingDefaults?: number;
}

/**
 * Builds a projection from the cut-off balance and each period's flows; balances follow as
 * end = begin − scheduled − prepayment − defaults.
 */
export function collections(cutoffBalance: number, periods: readonly PeriodFlows[]): PoolProjection {
  const n = periods.length + 1;
  const arr = (): Float64Array => new Float64Array(n);
  const p = {
    periods: periods.length,
    beginBalance: arr(),
    defaults: arr(),
    interest: arr(),
    fees: arr(),
    scheduledPrincipal: arr(),
    prepayment: arr(),
    loss: arr(),
    recovery: arr(),
    endBalance: arr(),
    pendingDefaults: arr(),
    count: arr(),
  };
  p.beginBalance[0] = cutoffBalance;
  p.endBalance[0] = cutoffBalance;
  let bal = cutoffBalance;
  periods.forEach((f, k) => {
    const t = k + 1;
    p.beginBalance[t] = bal;
    p.interest[t] = f.interest ?? 0;
    p.fees[t] = f.fees ?? 0;
    p.scheduledPrincipal[t] = f.scheduledPrincipal ?? 0;
    p.prepayment[t] = f.prepayment ?? 0;
    p.defaults[t] = f.defaults ?? 0;
    p.loss[t] = f.loss ?? 0;
    p.recovery[t] = f.recovery ?? 0;
    p.pendingDefaults[t] = f.pendingDefaults ?? 0;
    bal = bal - p.scheduledPrincipal[t] - p.prepayment[t] - p.defaults[t];
    p.endBalance[t] = bal;
  });
  return p;
}

export const flatScenario = (extra: Partial<ScenarioInput> = {}): Scenario =>
  Scenario.parse({
    name: 'base',
    prepayment: { model: 'CPR', curve: 0 },
    default: { model: 'CDR', curve: 0 },
    severity: 1,
    recoveryLagMonths: 0,
    ...extra,
  });

export const structure = (s: unknown): Structure => Structure.parse(s);

/** Monthly payment dates on the 15th from a cut-off on the 15th, so 30/360 accrues exactly a twelfth. */
export const dates = (periods: number): string[] =>
  paymentDates({ cutoffDate: '2026-01-15', paymentDay: 15, paymentDelayDays: 0 }, periods);
