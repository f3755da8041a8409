/** A sample deal's run, and the servicer reports that would publish exactly what it projected. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDeal } from '../../../core/deal/load';
import type { Deal } from '../../../core/deal/schema';
import { runDeal } from '../../../core/run';
import type { RunResult } from '../../../core/result';
import { ServicerReport } from '../../../core/surveillance/servicerReport';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export function sampleDeal(file: string): Deal {
  return parseDeal(JSON.parse(readFileSync(here(`../../../samples/deals/${file}`), 'utf8')), file);
}

export function sampleRun(file: string, scenario?: string): RunResult {
  const deal = sampleDeal(file);
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(
    deal,
    { kind: 'repLines', lines: deal.pool.lines },
    scenario === undefined ? {} : { scenario },
  );
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/**
 * The reports a servicer would publish if the pool and the notes did exactly what the run projected: every
 * figure in cents, as a trustee publishes it, the pool's end balance rolled forward from them (the run's own
 * balances are unrounded, so the two drift apart by at most a cent a month).
 */
export function reportsOf(run: RunResult, periods: number): ServicerReport[] {
  let begin = cents(run.pool.periods[0]!.beginBalance);
  return run.pool.periods.slice(0, periods).map((r) => {
    const scheduled = cents(r.scheduledPrincipal);
    const prepayments = cents(r.prepayment);
    const defaults = cents(r.default);
    const purchases = cents(r.purchases);
    const end = cents(begin - scheduled - prepayments - defaults + purchases);
    const report = ServicerReport.parse({
      period: r.period,
      paymentDate: r.date,
      pool: {
        beginBalance: begin,
        principalCollections: cents(scheduled + prepayments),
        prepayments,
        // The pool's fee income (instalment fees) is collected as revenue beside interest.
        interestCollections: cents(r.interest + r.fees),
        defaults,
        recoveries: cents(r.recovery),
        purchases,
        endBalance: end,
      },
      // The deal's senior fees: what the fee steps had due on this date.
      feesPaid: (run.waterfall[r.period - 1]?.steps ?? [])
        .filter((w) => w.label.startsWith('fee '))
        .reduce((x, w) => x + w.due, 0),
      classes: run.tranches.map((t) => {
        const c = t.cashflows[r.period - 1]!;
        return {
          id: t.id,
          beginBalance: c.beginBalance,
          interestPaid: c.interest,
          principalPaid: c.principal,
          writeDown: Math.max(0, c.writedown),
          interestShortfall: c.interestShortfall,
          endBalance: c.balance,
        };
      }),
    });
    begin = end;
    return report;
  });
}
