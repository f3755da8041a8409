/**
 * The funding comparison end to end, pure: project the book under the base case and each stress, run every
 * mix through every scenario, and (given a solver) find the cheapest mix and the cost–liquidity frontier.
 * File reading and loading the HiGHS WebAssembly belong to the host (core/node/funding, or the renderer).
 */
import type { Deal, RepLine, Scenario } from '../deal/schema';
import { projectPool } from '../projection/project';
import type { RunResult } from '../result';
import { DealError, runDeal } from '../run';
import { projectBook, type BookProjection, type Projector } from './book';
import { evaluateAllocation, type MixEvaluation } from './evaluate';
import type { LpSolver } from './lpModel';
import { efficientFrontier, optimiseMix, type FrontierPoint, type OptimisationResult } from './optimise';
import type { FundingCase, RateCurve, Stress } from './schema';
import { simulateMix } from './simulate';
import {
  buildScenarioTerms,
  securitizationClasses,
  termsSummary,
  type DealRunProfile,
  type ScenarioTerms,
  type SourceTermsSummary,
} from './terms';

export interface FundingInputs {
  fundingCase: FundingCase;
  /** The current pool's rep lines (from the case, or from the deal file it names). */
  poolLines: readonly RepLine[];
  /** Book assumptions (the case's scenario, or the deal's first). */
  scenario: Scenario;
  /** Deal files of securitization sources, by source id. */
  deals: Record<string, Deal>;
}

export interface FundingDeps {
  /** Defaults to the engine's projectPool. */
  project?: Projector;
  /** HiGHS (or any CPLEX-LP solver); without it there is no optimisation. */
  solver?: LpSolver;
}

export interface ScenarioSummary {
  name: string;
  stress: Stress | null;
  book: BookProjection;
}

export interface FundingResult {
  name: string;
  currency: string;
  startDate: string;
  horizonMonths: number;
  citations: string[];
  scenarios: ScenarioSummary[];
  /** The sources' terms in the base case. */
  sourceTerms: SourceTermsSummary[];
  /** One evaluation per mix and scenario, mixes in case order, scenarios base first. */
  mixes: MixEvaluation[];
  optimisation: (OptimisationResult & { frontier: FrontierPoint[] }) | null;
}

export const defaultProjector: Projector = (lines, scenario, periods) =>
  projectPool({ kind: 'repLines', lines }, scenario, periods);

/** Index curves the funding model can read: constants and vectors (formula curves are not supported here). */
export function fundingCurves(c: FundingCase, scenario: Scenario): Record<string, RateCurve> {
  const out: Record<string, RateCurve> = {};
  for (const [name, curve] of Object.entries(scenario.indexCurves)) {
    if (typeof curve === 'number') out[name] = curve;
    else if ('vector' in curve) out[name] = curve.vector;
  }
  return { ...out, ...c.indexCurves };
}

/**
 * One issue of a securitization as a run of its deal file through the engine (its revolving period, triggers
 * and waterfall) under the deal's first scenario times the stress's loss multiple: by age, the sold notes
 * outstanding, the receivables the trust holds and each sold class's balance. Null when the deal has no
 * rep-line pool or cannot run: the book's cohort run-off is used instead.
 */
export function dealRunProfile(
  deal: Deal,
  soldIds: readonly string[],
  lossMultiple: number,
  months: number,
): DealRunProfile | null {
  if (deal.pool.kind !== 'repLines') return null;
  const base = deal.scenarios[0];
  let run: RunResult;
  try {
    run = runDeal(
      deal,
      { kind: 'repLines', lines: deal.pool.lines },
      {
        scenario: { ...base, defaultMultiple: base.defaultMultiple * lossMultiple },
        periods: months,
        analytics: false,
      },
    );
  } catch (e) {
    if (e instanceof DealError) return null;
    throw e;
  }
  const sold = run.tranches.filter((t) => soldIds.includes(t.id));
  const original = sold.reduce((a, t) => a + t.originalBalance, 0);
  const pool0 = run.pool.initialBalance;
  if (original <= 0 || pool0 <= 0) return null;
  const notes = new Float64Array(months + 1);
  const collateral = new Float64Array(months + 1);
  const classes: Record<string, Float64Array> = {};
  for (const t of sold) {
    const f = new Float64Array(months + 1);
    f[0] = t.originalBalance / original;
    for (const r of t.cashflows) if (r.period >= 1 && r.period <= months) f[r.period] = r.balance / original;
    classes[t.id] = f;
    for (let a = 0; a <= months; a++) notes[a] = (notes[a] ?? 0) + (f[a] ?? 0);
  }
  collateral[0] = 1;
  for (const r of run.pool.periods)
    if (r.period >= 1 && r.period <= months) collateral[r.period] = r.endBalance / pool0;
  return { notes, collateral, classes };
}

/** Share of the sold notes outstanding at each age, from a run of the deal (see dealRunProfile). */
export function notesProfileFromDeal(
  deal: Deal,
  soldIds: readonly string[],
  lossMultiple: number,
  months: number,
): Float64Array | null {
  return dealRunProfile(deal, soldIds, lossMultiple, months)?.notes ?? null;
}

/** How far a securitization's deal is run to see its notes repaid. */
const NOTES_LIFE_MONTHS = 240;

function notesProfiles(inputs: FundingInputs, stress: Stress | null): Record<string, DealRunProfile> {
  const out: Record<string, DealRunProfile> = {};
  for (const s of inputs.fundingCase.fundingSources) {
    const deal = inputs.deals[s.id];
    if (s.type !== 'securitization' || !deal) continue;
    const sold = securitizationClasses(s, deal)
      .filter((k) => !k.retained)
      .map((k) => k.id);
    // Run past the horizon to the notes' whole life: issue costs amortise over it.
    const months = Math.max(inputs.fundingCase.horizonMonths, NOTES_LIFE_MONTHS);
    const p = dealRunProfile(deal, sold, stress?.lossMultiple ?? 1, months);
    if (p) out[s.id] = p;
  }
  return out;
}

export function scenarioTerms(inputs: FundingInputs, project: Projector = defaultProjector): ScenarioTerms[] {
  const c = inputs.fundingCase;
  const curves = fundingCurves(c, inputs.scenario);
  const list: (Stress | null)[] = [null, ...c.stresses];
  const books = list.map((stress) =>
    projectBook(
      c.book,
      inputs.poolLines,
      inputs.scenario,
      c.horizonMonths,
      project,
      stress
        ? {
            startMonth: stress.startMonth,
            lossMultiple: stress.lossMultiple,
            originationMultiple: stress.originationMultiple,
          }
        : undefined,
    ),
  );
  const baseLosses = (books[0] as BookProjection).losses;
  return list.map((stress, k) =>
    buildScenarioTerms(
      c,
      stress?.name ?? 'base',
      stress,
      books[k] as BookProjection,
      curves,
      inputs.deals,
      notesProfiles(inputs, stress),
      baseLosses,
    ),
  );
}

export function analyseFunding(inputs: FundingInputs, deps: FundingDeps = {}): FundingResult {
  const c = inputs.fundingCase;
  const scenarios = scenarioTerms(inputs, deps.project ?? defaultProjector);
  const mixes: MixEvaluation[] = [];
  for (const mix of c.mixes)
    for (const sc of scenarios) mixes.push(evaluateAllocation(sc, simulateMix(mix, sc)));
  let optimisation: FundingResult['optimisation'] = null;
  if (deps.solver && c.optimisation) {
    const best = optimiseMix(scenarios, c.optimisation, deps.solver);
    optimisation = { ...best, frontier: efficientFrontier(scenarios, c.optimisation, deps.solver) };
  }
  return {
    name: c.name,
    currency: c.currency,
    startDate: c.startDate,
    horizonMonths: c.horizonMonths,
    citations: c.sources,
    scenarios: scenarios.map((s) => ({ name: s.name, stress: s.stress, book: s.book })),
    sourceTerms: scenarios[0] ? termsSummary(scenarios[0]) : [],
    mixes,
    optimisation,
  };
}
