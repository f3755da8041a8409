/**
 * The deal re-projected from its latest servicer report, as `surveil --reproject` prints it and the Surveillance
 * screen shows it: the state the reports give (./stateFromReports.ts) restarted under a scenario (./restart.ts
 * `reproject`), and that run set beside the projection made at closing under the same scenario.
 *
 * Both sides are measured from the same date, the latest report's payment date: each class's balance then, its
 * WAL from then (SIFMA: 30/360 years to each cash date, payment delay included, principal-weighted, as if the
 * class settled that day), its lifetime principal loss and the interest still owed at the end.
 */
import { weightedAverageLife } from '../analytics/averageLife';
import { sifmaFlows } from '../analytics/classPricing';
import type { Deal } from '../deal/schema';
import type { PoolInput } from '../projection/project';
import type { RunResult, TrancheResult } from '../result';
import { runDeal } from '../run';
import type { DealState, DerivedItem } from './dealState';
import { reproject } from './restart';
import type { ServicerReport } from './servicerReport';
import { stateFromReports } from './stateFromReports';
import { cents, fromCents } from '../money';

/** The state of the latest report and the deal restarted from it: what the CLI and the screen both read. */
export function reprojectFromReports(
  deal: Deal,
  pool: PoolInput,
  reports: readonly ServicerReport[],
  scenario?: string,
): { state: DealState; run: RunResult } {
  const state = stateFromReports(deal, reports, deal.surveillance?.state);
  const run = reproject(deal, pool, reports, state, scenario === undefined ? {} : { scenario });
  return { state, run };
}

/** One class on one side of the comparison, as of the report date and after it. */
export interface ClassOutlook {
  /** Balance at the report date (after that period's distribution). */
  balance: number;
  /** Years from the report date; null when no principal is paid after it. */
  wal: number | null;
  /** Last period paying principal after the report date; null when none is. */
  lastPrincipal: number | null;
  /** Lifetime: write-downs not written back plus principal still unpaid at the end. */
  principalLoss: number;
  /** Interest still owed after the last period. */
  interestShortfall: number;
}

export interface ReprojectionPathPoint {
  date: string;
  closingPool: number | null;
  pool: number | null;
  closingNotes: number | null;
  notes: number | null;
}

export interface ReprojectionOutlook {
  scenario: string;
  /** The latest report's period and payment date: the state restarted from. */
  period: number;
  date: string;
  /** What the state took from outside the reports. */
  derived: DerivedItem[];
  /** The period of the deal file's state the carried items came from, else null. */
  previousState: number | null;
  classes: { id: string; closing: ClassOutlook; reprojected: ClassOutlook }[];
  /** Pool and notes outstanding by payment date, both sides, from the report date on. */
  path: ReprojectionPathPoint[];
  /** Lifetime cumulative net loss over the initial pool, both sides. */
  cnl: { closing: number; reprojected: number };
  cashConserved: boolean;
}

const sumCents = (xs: readonly number[]): number => fromCents(xs.reduce((a, x) => a + cents(x), 0));

function outlook(
  deal: Deal,
  tr: TrancheResult | undefined,
  k: number,
  asOf: string,
  balance: number,
): ClassOutlook {
  if (tr === undefined)
    return { balance, wal: null, lastPrincipal: null, principalLoss: 0, interestShortfall: 0 };
  // WAL from the report date is the class's SIFMA WAL had it settled on that date.
  const flows = sifmaFlows({ ...deal, settlementDate: asOf }, tr).filter((f) => f.period > k);
  const paying = flows.filter((f) => f.principal > 0);
  return {
    balance,
    wal: weightedAverageLife(flows),
    lastPrincipal: paying.length > 0 ? paying[paying.length - 1]!.period : null,
    principalLoss: tr.principalLoss,
    interestShortfall: tr.interestShortfall,
  };
}

/** Notes outstanding after each period of a run, by period. */
function notesByPeriod(run: RunResult): Map<number, number> {
  const out = new Map<number, number>();
  const first = run.tranches[0];
  if (!first) return out;
  first.cashflows.forEach((c, i) => {
    out.set(c.period, sumCents(run.tranches.map((tr) => tr.cashflows[i]?.balance ?? 0)));
  });
  return out;
}

/** The re-projection from the latest report beside the closing projection, under `scenario`. */
export function reprojectionOutlook(
  deal: Deal,
  pool: PoolInput,
  reports: readonly ServicerReport[],
  scenario: string,
): ReprojectionOutlook {
  const { state, run } = reprojectFromReports(deal, pool, reports, scenario);
  const closing = runDeal(deal, pool, { scenario, analytics: false });
  const k = state.period;
  const closingNotes = notesByPeriod(closing);
  const notes = notesByPeriod(run);
  const restartDates = new Map(run.pool.periods.map((p) => [p.period, p] as const));
  // The re-projected side starts from what the report published at k: its pool and the classes' balances.
  const path: ReprojectionPathPoint[] = closing.pool.periods
    .filter((p) => p.period >= k)
    .map((p) => ({
      date: p.date,
      closingPool: p.endBalance,
      closingNotes: closingNotes.get(p.period) ?? null,
      pool: p.period === k ? state.pool.endBalance : (restartDates.get(p.period)?.endBalance ?? null),
      notes: p.period === k ? sumCents(state.classes.map((c) => c.balance)) : (notes.get(p.period) ?? null),
    }));
  const closingEnd = closing.pool.periods[closing.pool.periods.length - 1]?.period ?? k;
  for (const p of run.pool.periods)
    if (p.period > closingEnd)
      path.push({
        date: p.date,
        closingPool: null,
        closingNotes: null,
        pool: p.endBalance,
        notes: notes.get(p.period) ?? null,
      });
  // The restart carries the reports' cumulative defaults and recoveries, so its last CNL is lifetime too.
  const lifetime = (x: RunResult): number =>
    x.pool.periods[x.pool.periods.length - 1]?.cumulativeNetLossPct ?? 0;
  const closingBalance = (id: string): number =>
    closing.tranches.find((t) => t.id === id)?.cashflows.find((c) => c.period === k)?.balance ?? 0;
  const source = state.source;
  return {
    scenario: run.scenario.name,
    period: k,
    date: state.date,
    derived: source.kind === 'reports' ? [...source.derived] : [],
    previousState: source.kind === 'reports' ? (source.previousState ?? null) : null,
    classes: deal.structure.tranches.map((c) => ({
      id: c.id,
      closing: outlook(
        deal,
        closing.tranches.find((t) => t.id === c.id),
        k,
        state.date,
        closingBalance(c.id),
      ),
      reprojected: outlook(
        deal,
        run.tranches.find((t) => t.id === c.id),
        k,
        state.date,
        state.classes.find((x) => x.id === c.id)?.balance ?? 0,
      ),
    })),
    path,
    cnl: { closing: lifetime(closing), reprojected: lifetime(run) },
    cashConserved: run.checks.cashConserved,
  };
}
