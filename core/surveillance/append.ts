/**
 * Appending a month's servicer reports to a deal's history (`deal.surveillance.reports`), as the CLI's
 * `surveil --append` and the Surveillance screen do. A batch is appended whole or not at all: if any report
 * in it is refused, the deal comes back untouched and every problem of the batch is listed, so a user fixes
 * them in one pass and no month is half-recorded. Each new report is checked
 * - on its own (servicerReport.ts: the pool, class and reserve roll-forwards to the cent);
 * - against the deal: its classes must be the deal's, and the first report (period 1) must begin where the
 *   deal closed — the pool at its closing balance, each class at its original balance;
 * - against the month before it: the last report the deal already holds, or the previous one in the batch
 *   (periods consecutive, balances carried over). A deal that holds no report yet starts at period 1, because
 *   the cumulative measures (net loss, the triggers that read it) count from closing;
 * - against what is held: a period the deal already holds is refused unless the report is the same one,
 *   which is then skipped and said so (re-running an append is harmless).
 */
import type { Deal } from '../deal/schema';
import { coreMessage } from '../i18n/messages';
import {
  continuityProblems,
  reportProblems,
  type ReportProblem,
  type ServicerReport,
} from './servicerReport';

/** A problem with one report of the batch: `report` is its index in the batch given. */
export interface AppendProblem extends ReportProblem {
  report: number;
}

export interface AppendResult {
  /** The deal with the reports appended in period order; the same object when nothing was appended. */
  deal: Deal;
  problems: AppendProblem[];
  /** Periods appended (empty when the batch was refused). */
  appended: number[];
  /** Periods the deal already held with the identical report: skipped. */
  alreadyHeld: number[];
}

export interface AppendOptions {
  /**
   * The pool balance at closing, for period 1's pool begin balance. By default the rep lines' balances; a deal
   * whose pool is a loan file has to be told (the caller has read the file), else the check is skipped.
   */
  closingPoolBalance?: number;
}

const cents = (x: number): number => Math.round(x * 100);
const show = (x: number): string => (cents(x) / 100).toFixed(2);

/** The pool balance at closing from the deal's rep lines, summed in cents. */
export function closingPoolBalance(deal: Deal): number | undefined {
  if (deal.pool.kind !== 'repLines') return undefined;
  return deal.pool.lines.reduce((s, l) => s + cents(l.balance), 0) / 100;
}

/**
 * The same report: compared as the schema normalised both (defaults filled, keys in schema order), so a report
 * that only spelt out a default is still the same report.
 */
function sameReport(a: ServicerReport, b: ServicerReport): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Period 1 against the deal at closing. */
function closingProblems(r: ServicerReport, deal: Deal, poolBalance: number | undefined): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (poolBalance !== undefined && cents(poolBalance) !== cents(r.pool.beginBalance))
    out.push({
      period: r.period,
      field: 'pool.beginBalance',
      message: coreMessage('surveillance.poolBeginNotClosing', {
        begin: show(r.pool.beginBalance),
        closing: show(poolBalance),
      }),
    });
  for (const c of r.classes) {
    const tranche = deal.structure.tranches.find((x) => x.id === c.id);
    if (tranche !== undefined && cents(tranche.balance) !== cents(c.beginBalance))
      out.push({
        period: r.period,
        field: `classes.${c.id}.beginBalance`,
        message: coreMessage('surveillance.classBeginNotClosing', {
          id: c.id,
          begin: show(c.beginBalance),
          closing: show(tranche.balance),
        }),
      });
  }
  return out;
}

export function appendReports(
  deal: Deal,
  reports: readonly ServicerReport[],
  opts: AppendOptions = {},
): AppendResult {
  const held = deal.surveillance?.reports ?? [];
  const heldByPeriod = new Map(held.map((r) => [r.period, r]));
  const classIds = deal.structure.tranches.map((c) => c.id);
  const poolBalance = opts.closingPoolBalance ?? closingPoolBalance(deal);
  const problems: AppendProblem[] = [];
  const alreadyHeld: number[] = [];
  const order = reports.map((r, i) => ({ r, i })).sort((a, b) => a.r.period - b.r.period || a.i - b.i);
  const fresh: { r: ServicerReport; i: number }[] = [];
  for (const x of order) {
    const same = heldByPeriod.get(x.r.period);
    if (same === undefined) fresh.push(x);
    else if (sameReport(same, x.r)) {
      if (!alreadyHeld.includes(x.r.period)) alreadyHeld.push(x.r.period);
    } else
      problems.push({
        report: x.i,
        period: x.r.period,
        field: 'period',
        message: coreMessage('surveillance.periodHeld', { period: x.r.period }),
      });
  }
  const last = held.reduce<ServicerReport | undefined>(
    (a, r) => (a === undefined || r.period > a.period ? r : a),
    undefined,
  );
  let prev = last;
  fresh.forEach(({ r, i }, k) => {
    const add = (ps: readonly ReportProblem[]): void => {
      for (const p of ps) problems.push({ ...p, report: i });
    };
    add(reportProblems(r));
    for (const c of r.classes)
      if (!classIds.includes(c.id))
        add([
          {
            period: r.period,
            field: `classes.${c.id}`,
            message: coreMessage('surveillance.unknownClass', { id: c.id, classes: classIds.join(', ') }),
          },
        ]);
    const before = fresh[k - 1];
    if (before !== undefined && before.r.period === r.period)
      add([
        {
          period: r.period,
          field: 'period',
          message: coreMessage('surveillance.duplicatePeriod', { period: r.period }),
        },
      ]);
    else if (prev !== undefined) add(continuityProblems(prev, r));
    else if (r.period !== 1)
      add([
        {
          period: r.period,
          field: 'period',
          message: coreMessage('surveillance.historyStartsLate', { period: r.period }),
        },
      ]);
    if (r.period === 1) add(closingProblems(r, deal, poolBalance));
    prev = r;
  });
  if (problems.length > 0 || fresh.length === 0) return { deal, problems, appended: [], alreadyHeld };
  const all = [...held, ...fresh.map((x) => x.r)].sort((a, b) => a.period - b.period);
  return {
    deal: { ...deal, surveillance: { ...deal.surveillance, reports: all } },
    problems,
    appended: fresh.map((x) => x.r.period),
    alreadyHeld,
  };
}
