/**
 * Assumptions re-fitted on a deal's own servicer reports and rolled into a new scenario (`surveil --refit`, the
 * Surveillance screen). Surveillance practice: the months observed replace the pricing assumptions, and the
 * months still to come are the reference curve scaled by how the deal has run against it so far (the
 * "actual-to-expected" multiple agencies quote when they revise a base case).
 *
 * By month k since closing, measured as actualAgainstProjected (compare.ts) measures them:
 * - MDR_k = defaults_k / pool begin balance_k, CDR_k = 1 − (1 − MDR_k)^12;
 * - SMM_k = prepayments_k / (begin_k − scheduled principal_k) (SIFMA), CPR_k = 1 − (1 − SMM_k)^12, scheduled
 *   principal = principal collections − prepayments.
 * The reference is a run of the deal from closing: under the pricing scenario, or under the scenario a vintage
 * analysis of the platform's history makes (chain ladder / timing curve, core/history/analyse.ts). Over the n
 * months reported, A/E for defaults = Σ reported defaults / Σ the run's defaults, and for prepayments likewise;
 * for k > n the run's own MDR_k and SMM_k (its amounts over its balances, as above) are multiplied by A/E, capped
 * at 1. A reference with nothing expected to date has A/E 1 (nothing to scale by).
 * The scenario: CDR and CPR vectors by period (months since closing: the reports' months, then the scaled run's),
 * the reference's recovery lag, and its severity unless the reports show one: recoveries are lagged, so the
 * observed severity is 1 − Σ recoveries / Σ defaults of the months at least `lag` before the last report (the
 * defaults the recoveries so far are on); with no such default the reference's severity stays.
 */
import type { Deal, Scenario, ScenarioInput } from '../deal/schema';
import { historyScenario, type HistoryAnalysis } from '../history/analyse';
import { annualise } from '../history/analysis';
import { coreMessage, type CoreMessage } from '../i18n/messages';
import type { PoolInput } from '../projection/project';
import type { PoolPeriodRow } from '../result';
import { runDeal } from '../run';
import { Scenario as ScenarioSchema } from '../deal/schema';
import type { ServicerReport } from './servicerReport';

/** One reported month's rates. */
export interface ObservedMonth {
  period: number;
  date: string;
  mdr: number;
  cdr: number;
  smm: number;
  cpr: number;
}

export type ReferencePeriod = Pick<
  PoolPeriodRow,
  'period' | 'beginBalance' | 'scheduledPrincipal' | 'prepayment' | 'default'
>;

export interface Reference {
  /** The scenario the run was made under: its lag, severity and index curves carry over. */
  scenario: Scenario;
  /** The run's pool periods from closing. */
  periods: readonly ReferencePeriod[];
  extension: 'pricing-scenario' | 'history-timing-curve';
  /** The deal's scenario the reports are measured against. */
  baseScenario: string;
  historyFile?: string;
}

export interface Refit {
  scenario: ScenarioInput;
  observed: ObservedMonth[];
  defaultRatio: number;
  prepaymentRatio: number;
  /** The severity written, and whether the reports gave it. */
  severity: { value: Scenario['severity']; source: 'observed' | 'scenario' };
  /** Months of the vectors (reported + extended). */
  months: number;
}

const ratio = (x: number, base: number): number => (base > 0 ? x / base : 0);
const capped = (x: number): number => Math.min(1, Math.max(0, x));

/** Each report's MDR/CDR and SMM/CPR, in period order. */
export function observedRates(reports: readonly ServicerReport[]): ObservedMonth[] {
  return [...reports]
    .sort((a, b) => a.period - b.period)
    .map((r) => {
      const p = r.pool;
      const mdr = capped(ratio(p.defaults, p.beginBalance));
      const smm = capped(ratio(p.prepayments, p.beginBalance - (p.principalCollections - p.prepayments)));
      return { period: r.period, date: r.paymentDate, mdr, cdr: annualise(mdr), smm, cpr: annualise(smm) };
    });
}

/** The re-fit on reports against a reference run (pure: the run is given). */
export function refitFromReports(
  name: string,
  reports: readonly ServicerReport[],
  ref: Reference,
  date: string,
): Refit | { error: CoreMessage } {
  const sorted = [...reports].sort((a, b) => a.period - b.period);
  if (sorted.length === 0) return { error: coreMessage('surveillance.noReportToFit') };
  const observed = observedRates(sorted);
  const n = sorted.at(-1)!.period;
  const byPeriod = new Map(ref.periods.map((p) => [p.period, p]));
  let actualD = 0;
  let actualP = 0;
  let expectedD = 0;
  let expectedP = 0;
  for (const r of sorted) {
    actualD += r.pool.defaults;
    actualP += r.pool.prepayments;
    const e = byPeriod.get(r.period);
    expectedD += e?.default ?? 0;
    expectedP += e?.prepayment ?? 0;
  }
  const defaultRatio = expectedD > 0 ? actualD / expectedD : 1;
  const prepaymentRatio = expectedP > 0 ? actualP / expectedP : 1;
  const cdr = observed.map((o) => o.cdr);
  const cpr = observed.map((o) => o.cpr);
  for (const p of ref.periods) {
    if (p.period <= n) continue;
    cdr.push(annualise(capped(defaultRatio * ratio(p.default, p.beginBalance))));
    cpr.push(annualise(capped(prepaymentRatio * ratio(p.prepayment, p.beginBalance - p.scheduledPrincipal))));
  }
  const lag = ref.scenario.recoveryLagMonths;
  let recovered = 0;
  let recoverable = 0;
  for (const r of sorted) {
    recovered += r.pool.recoveries;
    if (r.period <= n - lag) recoverable += r.pool.defaults;
  }
  const severity =
    recoverable > 0
      ? { value: capped(1 - recovered / recoverable), source: 'observed' as const }
      : { value: ref.scenario.severity, source: 'scenario' as const };
  const periods = sorted.map((r) => r.period);
  const scenario: ScenarioInput = {
    name,
    description:
      `Re-fitted on the deal's servicer reports for periods ${periods[0]} to ${n} (through ${sorted.at(-1)!.paymentDate}): ` +
      `the reported CDR and CPR, then the ${ref.extension === 'pricing-scenario' ? `run under scenario ${ref.baseScenario}` : `run on the timing curve fitted on ${ref.historyFile ?? 'the history'}`} ` +
      `with defaults × ${defaultRatio.toFixed(4)} and prepayments × ${prepaymentRatio.toFixed(4)} (actual / expected to date); ` +
      `severity ${severity.source === 'observed' ? 'observed' : `of the ${ref.extension === 'pricing-scenario' ? 'pricing scenario' : 'history'}`}.`,
    prepayment: { model: 'CPR', curve: { vector: cpr, by: 'period' } },
    default: { model: 'CDR', curve: { vector: cdr, by: 'period' } },
    severity: severity.value,
    recoveryLagMonths: lag,
    servicerAdvancing: ref.scenario.servicerAdvancing,
    defaultStop: ref.scenario.defaultStop,
    indexCurves: ref.scenario.indexCurves,
    provenance: {
      source: 'servicer-reports',
      reports: periods,
      through: sorted.at(-1)!.paymentDate,
      method: 'actual-to-expected',
      extension: ref.extension,
      baseScenario: ref.baseScenario,
      ...(ref.historyFile !== undefined ? { historyFile: ref.historyFile } : {}),
      defaultRatio,
      prepaymentRatio,
      severity: severity.source,
      date,
    },
  };
  return { scenario, observed, defaultRatio, prepaymentRatio, severity, months: cdr.length };
}

export interface RefitOptions {
  /** The new scenario's name. */
  name: string;
  /** The deal's scenario the reports are measured against; default its first (the pricing case). */
  baseScenario?: string;
  /** The platform's performance history, analysed: the months to come follow its timing curve's run. */
  history?: { analysis: HistoryAnalysis; file: string };
  /** ISO date of the re-fit. */
  date: string;
}

/**
 * The re-fit a host asks for: the reference run made here (under the pricing scenario, or under the scenario the
 * history's vintage analysis makes, with the pricing scenario's index curves), then `refitFromReports`.
 */
export function refitScenario(
  deal: Deal,
  pool: PoolInput,
  reports: readonly ServicerReport[],
  opts: RefitOptions,
): Refit | { error: CoreMessage } {
  const base =
    opts.baseScenario === undefined
      ? deal.scenarios[0]
      : deal.scenarios.find((s) => s.name === opts.baseScenario);
  if (base === undefined)
    return {
      error: coreMessage('surveillance.noBaseScenario', {
        scenario: opts.baseScenario ?? '',
        scenarios: deal.scenarios.map((s) => s.name).join(', '),
      }),
    };
  let scenario: Scenario = base;
  if (opts.history !== undefined) {
    const made = historyScenario(opts.history.analysis, {
      name: base.name,
      historyFile: opts.history.file,
      date: opts.date,
    });
    if (made === null)
      return { error: coreMessage('surveillance.historyFitsNothing', { file: opts.history.file }) };
    scenario = ScenarioSchema.parse({ ...made.scenario, indexCurves: base.indexCurves });
  }
  const run = runDeal(deal, pool, { scenario, analytics: false });
  return refitFromReports(
    opts.name,
    reports,
    {
      scenario,
      periods: run.pool.periods,
      extension: opts.history !== undefined ? 'history-timing-curve' : 'pricing-scenario',
      baseScenario: base.name,
      ...(opts.history !== undefined ? { historyFile: opts.history.file } : {}),
    },
    opts.date,
  );
}
