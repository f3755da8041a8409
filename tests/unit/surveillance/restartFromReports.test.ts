/**
 * The state built from servicer reports: what the trustee published (class balances, unpaid interest, pool
 * balance, cumulative defaults and recoveries, trigger states) taken as reported, the rest from its stated
 * source. A servicer whose pool did exactly what the deal's run projected publishes reports from which the
 * re-projection pays what the run paid after the last report, to the cent.
 */
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/deal/schema';
import type { PoolInput } from '../../../core/projection/project';
import { runDeal } from '../../../core/run';
import { DealState } from '../../../core/surveillance/dealState';
import { poolTail, reproject, runDealFrom, stateAt } from '../../../core/surveillance/restart';
import type { ServicerReport } from '../../../core/surveillance/servicerReport';
import { stateFromReports } from '../../../core/surveillance/stateFromReports';
import { reportsOf, sampleDeal } from './fixtures';

function poolOf(deal: Deal): PoolInput {
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return { kind: 'repLines', lines: deal.pool.lines };
}

describe('the deal state from servicer reports', () => {
  const deal = sampleDeal('level-pay-consumer.deal.json');

  it('takes what the reports publish and names what it took from elsewhere', () => {
    const run = runDeal(deal, poolOf(deal), { scenario: 'base', analytics: false });
    const reports = reportsOf(run, 6);
    const state = DealState.parse(stateFromReports(deal, reports));
    const last = reports[5]!;
    expect(state.period).toBe(6);
    expect(state.date).toBe(last.paymentDate);
    expect(state.classes.map((c) => [c.id, c.balance, c.interestShortfall])).toEqual(
      last.classes.map((c) => [c.id, c.endBalance, c.interestShortfall]),
    );
    // Cumulative defaults are the months' defaults added in cents: 6 reports.
    const added = reports.reduce((a, r) => a + Math.round(r.pool.defaults * 100), 0) / 100;
    expect(state.pool.cumulativeDefaults).toBe(added);
    expect(state.pool.endBalance).toBe(last.pool.endBalance);
    expect(state.pool.ocNotes).toBe(
      last.classes.reduce((a, c) => a + Math.round(c.endBalance * 100), 0) / 100,
    );
    expect(state.calendar).toMatchObject({ nextPaymentPeriod: 7, lastAccrualPeriod: 6 });
    // The sample's reports state no reserve: it is taken at its target, 0.25% of the 500,000,000.00 cut-off pool.
    expect(state.reserveBalance).toBe(1_250_000);
    expect(state.source).toMatchObject({ kind: 'reports', lastReport: 6, previousState: null });
    if (state.source.kind !== 'reports') throw new Error('reports expected');
    // The level-pay deal has fees, write-downs, a reserve and a clean-up call; no facility, hedge or PDL.
    expect([...state.source.derived].sort()).toEqual(
      ['callEligiblePeriod', 'cumulativeLosses', 'feeArrears', 'reserveBalance', 'writtenDown'].sort(),
    );
  });

  it('a report missing a class of the deal is refused naming the period and class', () => {
    const run = runDeal(deal, poolOf(deal), { scenario: 'base', analytics: false });
    const reports = reportsOf(run, 3);
    const cut: ServicerReport[] = [
      ...reports.slice(0, 2),
      { ...reports[2]!, classes: reports[2]!.classes.slice(1) },
    ];
    expect(() => stateFromReports(deal, cut)).toThrow(/period 3.*'A'/);
    expect(() => stateFromReports(deal, [])).toThrow(/surveillance\.reports/);
  });

  for (const { scenario, k } of [
    { scenario: 'base', k: 3 },
    { scenario: 'base', k: 20 },
    { scenario: 'stress', k: 12 },
  ]) {
    it(`reports that say what the ${scenario} run projected re-project that run after period ${k}, to the cent`, () => {
      const full = runDeal(deal, poolOf(deal), { scenario, analytics: false });
      // The trustee reports the loss trigger as the run tested it (breached from period 9 under stress).
      const breachedFrom = full.triggerEvents.find((e) => e.id === 'cnl')?.period ?? Infinity;
      const reports = reportsOf(full, k).map((r) => ({
        ...r,
        triggers: [
          {
            id: 'cnl',
            value: full.pool.periods[r.period - 1]!.cumulativeNetLossPct,
            breached: r.period >= breachedFrom,
          },
        ],
      }));
      const state = stateFromReports(deal, reports);
      const own = stateAt(deal, poolOf(deal), k, { scenario });
      expect(state.triggers.breached).toEqual(own.triggers.breached);
      expect(state.reserveBalance).toBe(own.reserveBalance);
      expect(state.pool.cumulativeRecoveries).toBe(own.pool.cumulativeRecoveries);
      // The pool as of k is the run's own (the reports' balance, rolled forward from rounded figures, may differ
      // from the projection's by a cent, which scaling would spread over the tail).
      const r = runDealFrom(deal, state, poolTail(deal, poolOf(deal), k, { scenario }), { scenario });
      const after = <R extends { period: number }>(rows: readonly R[]): R[] =>
        rows.filter((x) => x.period > k);
      expect(r.waterfall).toEqual(after(full.waterfall));
      expect(r.tranches.map((t) => t.cashflows)).toEqual(full.tranches.map((t) => after(t.cashflows)));
    });
  }

  it('a pool that ran behind the projection re-projects from the reported balance', () => {
    const full = runDeal(deal, poolOf(deal), { scenario: 'base', analytics: false });
    const reports = reportsOf(full, 6).map((r) =>
      r.period === 6
        ? { ...r, pool: { ...r.pool, endBalance: Math.round(r.pool.endBalance * 90) / 100 } }
        : r,
    );
    const state = stateFromReports(deal, reports);
    const r = reproject(deal, poolOf(deal), reports, state, { scenario: 'base' });
    // The pool rolled forward to the reported balance begins period 7 there (to the float's last digits).
    expect(r.pool.periods[0]!.beginBalance).toBeCloseTo(reports[5]!.pool.endBalance, 2);
    expect(r.checks.cashConserved).toBe(true);
  });
});
