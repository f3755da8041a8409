/**
 * Stress and funding work kept for the Excel report. An analysis keeps its data, not tables: its sheets are
 * written at export time in the report's language (core/scenario and core/funding tables take a `t`), and its
 * label is a key with parameters, so the Export screen reads in the language of the moment, as undo labels do.
 */
import type { TFunction } from 'i18next';
import type { FundingResult } from '../../core/funding/analyse';
import { fundingReportTables } from '../../core/funding/report';
import type { ReportTable } from '../../core/io/report/reportTable';
import { scenarioComparisonTables, type ScenarioComparison } from '../../core/scenario/compare';
import { gridReportTable, type GridResult } from '../../core/scenario/grid';
import type { MonteCarloResult } from '../../core/scenario/monteCarlo';
import type { RatingStressResult } from '../../core/scenario/ratingStress';
import { monteCarloReportTables, ratingStressReportTable } from '../../core/scenario/reportTable';
import { priceTableReportTable, type PriceTable } from '../../core/scenario/priceTable';
import type { LabelKey } from './history';

/** What each analysis keeps, by its id. */
export type AnalysisData =
  | { id: 'grid'; grid: GridResult }
  | { id: 'ratingStresses'; result: RatingStressResult }
  | { id: 'monteCarlo'; result: MonteCarloResult }
  | { id: 'scenarioComparison'; comparison: ScenarioComparison }
  | { id: 'funding'; result: FundingResult }
  | { id: 'priceTable'; table: PriceTable; curveName: string };

export type AnalysisId = AnalysisData['id'];

/** A label key whose parameters may be catalog keys themselves (a metric, an axis), said in the same language. */
export interface AnalysisLabel extends LabelKey {
  readonly keyParams?: Readonly<Record<string, string>>;
}

export function analysisLabelText(t: TFunction, label: AnalysisLabel): string {
  const named = Object.fromEntries(Object.entries(label.keyParams ?? {}).map(([k, key]) => [k, t(key)]));
  return t(label.key, { ...label.params, ...named });
}

/** The analysis's report sheets in the language of `t`. */
export function analysisTables(a: AnalysisData, t: TFunction): ReportTable[] {
  switch (a.id) {
    case 'grid':
      return a.grid.trancheIds.map((id) => gridReportTable(a.grid, t, id));
    case 'ratingStresses':
      return [ratingStressReportTable(a.result, t)];
    case 'monteCarlo':
      return monteCarloReportTables(a.result, t);
    case 'scenarioComparison':
      return scenarioComparisonTables(a.comparison, t);
    case 'funding':
      return fundingReportTables(a.result, t);
    case 'priceTable':
      return [priceTableReportTable(a.table, a.curveName, t)];
  }
}
