/**
 * The Surveillance screen's jobs inside the engine worker, each a run of the deal: `compareToProjection`, the deal
 * under every scenario beside its servicer reports (actual against projected, trigger headroom, projected breaches:
 * the CLI `surveil` command's orchestration); `refit`, the assumptions re-fitted on the reports
 * (core/surveillance/refit.ts); `reprojectFrom`, the deal restarted from its latest report beside the projection at
 * closing (core/surveillance/reprojection.ts, what `surveil --reproject` runs). Reading and appending reports is light and stays on the page
 * (servicerReportReader.ts, core/surveillance/append.ts).
 */
import type { Deal } from '../../core/deal/schema';
import { CodedRangeError } from '../../core/i18n/codedError';
import type { LoanPool } from '../../core/pool/loanPool';
import type { PoolInput } from '../../core/projection/project';
import type { RunResult } from '../../core/result';
import { actualAgainstProjected, type ComparisonRow } from '../../core/surveillance/compare';
import { projectedBreaches, triggerHeadroom, type HeadroomCell } from '../../core/surveillance/headroom';
import { refitScenario, type Refit } from '../../core/surveillance/refit';
import { reprojectionOutlook, type ReprojectionOutlook } from '../../core/surveillance/reprojection';
import { DealError, runDeal } from '../../core/run';

export interface SurveillanceRequest {
  kind: 'surveillance';
  deal: Deal;
  /** Loan-level pool imported on the Pool screen; null runs the deal's own rep lines. */
  loans: LoanPool | null;
  /** The scenario the actuals are compared with; every scenario is run for the projected breaches. */
  scenario: string;
}

export interface SurveillanceResult {
  scenario: string;
  rows: ComparisonRow[];
  headroom: HeadroomCell[];
  breaches: ReturnType<typeof projectedBreaches>;
}

/** The deal under each scenario beside its reports, as `abs-workbench surveil` prints it. */
export function compareToProjection(deal: Deal, pool: PoolInput, scenario: string): SurveillanceResult {
  const reports = deal.surveillance?.reports ?? [];
  const runs: RunResult[] = deal.scenarios.map((s) =>
    runDeal(deal, pool, { scenario: s.name, analytics: false }),
  );
  const run = runs.find((r) => r.scenario.name === scenario) ?? runs[0];
  if (run === undefined) throw new Error('The deal has no scenario');
  const rows = actualAgainstProjected(run, reports);
  return {
    scenario: run.scenario.name,
    rows,
    headroom: triggerHeadroom(deal.structure.triggers, reports, rows),
    breaches: projectedBreaches(deal.structure.triggers, runs),
  };
}

export interface RefitRequest {
  kind: 'surveillanceRefit';
  deal: Deal;
  loans: LoanPool | null;
  /** The deal's scenario the reports are measured against (the months to come are its curves times A/E). */
  baseScenario: string;
  /** The new scenario's name. */
  name: string;
  /** ISO date of the re-fit, for the provenance. */
  date: string;
}

/** The re-fit on the deal's own reports; a refusal (no report, no such scenario) is coded for the page. */
export function refit(req: Omit<RefitRequest, 'kind'>, pool: PoolInput): Refit {
  const r = refitScenario(req.deal, pool, req.deal.surveillance?.reports ?? [], {
    name: req.name,
    baseScenario: req.baseScenario,
    date: req.date,
  });
  if ('error' in r) throw new CodedRangeError(r.error);
  return r;
}

export interface ReprojectRequest {
  kind: 'surveillanceReproject';
  deal: Deal;
  loans: LoanPool | null;
  /** The scenario both the restart and the closing projection run under. */
  scenario: string;
}

/**
 * The re-projection from the deal's own reports; a state the deal cannot restart from (a class the reports do
 * not name, a period past the horizon) comes back coded for the page.
 */
export function reprojectFrom(req: Omit<ReprojectRequest, 'kind'>, pool: PoolInput): ReprojectionOutlook {
  try {
    return reprojectionOutlook(req.deal, pool, req.deal.surveillance?.reports ?? [], req.scenario);
  } catch (e) {
    const first = e instanceof DealError ? e.problems[0] : undefined;
    if (first) {
      const { path: _path, ...problem } = first;
      void _path;
      throw new CodedRangeError(problem);
    }
    throw e;
  }
}
