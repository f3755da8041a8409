/**
 * What the funding comparison shows: tables for the Excel report and the Funding screen (the same rows), and
 * chart series for the screen — funding stacked by source against the need each month, and the cost–liquidity
 * frontier. Everything is plain data; no chart or sheet library is touched here.
 */
import { tableOf, type ColumnOf, type ReportTable } from '../io/report/reportTable';
import { addMonths } from '../time/isoDate';
import type { FundingResult } from './analyse';
import type { MixEvaluation } from './evaluate';
import type { BindingConstraint } from './optimise';

type Col<T> = ColumnOf<T>;

const r2 = (x: number): number => Math.round(x * 100) / 100;

function allEvaluations(result: FundingResult): MixEvaluation[] {
  return [...result.mixes, ...(result.optimisation?.evaluations ?? [])];
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
const commitment = (committed: boolean): string => (committed ? 'committed' : 'uncommitted');

/** Mix and scenario lead every per-mix table. */
function mixColumns<T extends { e: MixEvaluation }>(): Col<T>[] {
  return [
    { key: 'mix', header: 'Mix', format: 'text', value: (x) => x.e.mix },
    { key: 'scenario', header: 'Scenario', format: 'text', value: (x) => x.e.scenario },
  ];
}

export function fundingSummaryTable(result: FundingResult): ReportTable {
  type X = { e: MixEvaluation };
  const columns: Col<X>[] = [
    ...mixColumns<X>(),
    { key: 'feasible', header: 'Funds the book', format: 'text', value: (x) => yesNo(x.e.feasible) },
    { key: 'firstGapMonth', header: 'First gap (month)', format: 'integer', value: (x) => x.e.firstGapMonth },
    {
      key: 'runwayMonths',
      header: 'Runway from stress (months)',
      format: 'integer',
      value: (x) => x.e.runwayMonths,
    },
    { key: 'totalCost', header: 'Total cost', format: 'money', value: (x) => x.e.totalCost },
    {
      key: 'weightedAverageCost',
      header: 'Weighted average cost',
      format: 'percent',
      value: (x) => x.e.weightedAverageCost,
    },
    { key: 'irr', header: 'All-in IRR', format: 'percent', value: (x) => x.e.irr },
    {
      key: 'costPerReceivable',
      header: 'Cost per receivable (annual)',
      format: 'percent',
      value: (x) => x.e.costPerReceivable,
    },
    { key: 'maxGap', header: 'Largest gap', format: 'money', value: (x) => x.e.maxGap },
    {
      key: 'maxCommittedGap',
      header: 'Largest gap on committed only',
      format: 'money',
      value: (x) => x.e.maxCommittedGap,
    },
    {
      key: 'minHeadroom',
      header: 'Least committed headroom',
      format: 'money',
      value: (x) => x.e.minHeadroom,
    },
    {
      key: 'minUncommittedHeadroom',
      header: 'Least uncommitted headroom',
      format: 'money',
      value: (x) => x.e.minUncommittedHeadroom,
    },
    {
      key: 'maxOverPledged',
      header: 'Most receivables pledged twice',
      format: 'money',
      value: (x) => x.e.maxOverPledged,
    },
    { key: 'minLiquidity', header: 'Least liquidity', format: 'money', value: (x) => x.e.minLiquidity },
    {
      key: 'fundingWalYears',
      header: 'Funding WAL (years)',
      format: 'number',
      value: (x) => x.e.fundingWalYears,
    },
    { key: 'assetWalYears', header: 'Asset WAL (years)', format: 'number', value: (x) => x.e.assetWalYears },
    {
      key: 'maturityMismatchYears',
      header: 'Maturity mismatch (years)',
      format: 'number',
      value: (x) => x.e.maturityMismatchYears,
    },
    {
      key: 'refinancingWall',
      header: 'Refinancing wall (3 months)',
      format: 'money',
      value: (x) => x.e.refinancingWall.amount,
    },
    {
      key: 'refinancingWallFrom',
      header: 'Wall from month',
      format: 'integer',
      value: (x) => x.e.refinancingWall.fromMonth,
    },
    {
      key: 'concentrationHhi',
      header: 'Concentration (HHI)',
      format: 'number',
      value: (x) => x.e.concentrationHhi,
    },
  ];
  return tableOf(
    {
      sheetName: 'Funding summary',
      title: `${result.name}: cost and liquidity by mix and scenario (${result.currency})`,
    },
    columns,
    allEvaluations(result).map((e) => ({ e })),
  );
}

export function fundingSourcesTable(result: FundingResult): ReportTable {
  type X = { e: MixEvaluation; s: MixEvaluation['sources'][number] };
  const columns: Col<X>[] = [
    ...mixColumns<X>(),
    { key: 'source', header: 'Source', format: 'text', value: (x) => x.s.name },
    { key: 'type', header: 'Type', format: 'text', value: (x) => x.s.type },
    { key: 'committed', header: 'Committed', format: 'text', value: (x) => commitment(x.s.committed) },
    { key: 'averageBalance', header: 'Average balance', format: 'money', value: (x) => x.s.averageBalance },
    { key: 'maxBalance', header: 'Largest balance', format: 'money', value: (x) => x.s.maxBalance },
    { key: 'averageShare', header: 'Average share', format: 'percent', value: (x) => x.s.averageShare },
    { key: 'maxShare', header: 'Largest share', format: 'percent', value: (x) => x.s.maxShare },
    { key: 'totalCost', header: 'Total cost', format: 'money', value: (x) => x.s.totalCost },
    { key: 'annualCost', header: 'Annual cost', format: 'percent', value: (x) => x.s.annualCost },
    { key: 'irr', header: 'IRR of flows', format: 'percent', value: (x) => x.s.irr },
  ];
  return tableOf(
    { sheetName: 'Funding by source', title: 'Balance, share and cost of each source' },
    columns,
    allEvaluations(result).flatMap((e) => e.sources.map((s) => ({ e, s }))),
  );
}

export function fundingMonthlyTable(result: FundingResult): ReportTable {
  type X = { e: MixEvaluation; m: MixEvaluation['months'][number] };
  const ids =
    result.mixes[0]?.sources.map((s) => s.id) ??
    result.optimisation?.evaluations[0]?.sources.map((s) => s.id) ??
    [];
  const money = (key: keyof X['m'] & string, header: string): Col<X> => ({
    key,
    header,
    format: 'money',
    value: (x) => x.m[key] as number,
  });
  const columns: Col<X>[] = [
    ...mixColumns<X>(),
    { key: 'month', header: 'Month', format: 'integer', value: (x) => x.m.month },
    { key: 'date', header: 'Date', format: 'date', value: (x) => addMonths(result.startDate, x.m.month) },
    money('receivables', 'Receivables'),
    money('need', 'Funding need'),
    money('funded', 'Funded'),
    money('gap', 'Gap'),
    money('committedAvailable', 'Committed available'),
    money('uncommittedAvailable', 'Uncommitted available'),
    money('committedGap', 'Gap on committed only'),
    money('headroom', 'Line headroom'),
    money('uncommittedHeadroom', 'Uncommitted line headroom'),
    money('overPledged', 'Pledged twice'),
    money('cash', 'Cash'),
    money('maturing', 'Maturing'),
    money('cost', 'Cost'),
    ...ids.map((id): Col<X> => ({
      key: `bal:${id}`,
      header: id,
      format: 'money',
      value: (x) => x.m.bySource[id]?.balance ?? 0,
    })),
  ];
  return tableOf(
    {
      sheetName: 'Funding monthly',
      title:
        'Need, funding by source, gaps (committed and uncommitted apart), headroom and maturities by month',
    },
    columns,
    allEvaluations(result).flatMap((e) => e.months.map((m) => ({ e, m }))),
  );
}

export function fundingFrontierTable(result: FundingResult): ReportTable | null {
  const o = result.optimisation;
  if (!o) return null;
  type X = (typeof o.frontier)[number];
  const ids = Object.keys(o.frontier.find((p) => p.feasible)?.averageShares ?? {});
  const columns: Col<X>[] = [
    { key: 'buffer', header: 'Liquidity buffer', format: 'percent', value: (p) => p.liquidityBuffer },
    { key: 'feasible', header: 'Feasible', format: 'text', value: (p) => yesNo(p.feasible) },
    { key: 'totalCost', header: 'Total cost', format: 'money', value: (p) => p.totalCost },
    {
      key: 'weightedAverageCost',
      header: 'Weighted average cost',
      format: 'percent',
      value: (p) => p.weightedAverageCost,
    },
    { key: 'minLiquidity', header: 'Least liquidity', format: 'money', value: (p) => p.minLiquidity },
    ...ids.map((id): Col<X> => ({
      key: `share:${id}`,
      header: `${id} share`,
      format: 'percent',
      value: (p) => p.averageShares[id] ?? null,
    })),
  ];
  return tableOf(
    {
      sheetName: 'Funding frontier',
      title: 'Cheapest mix for each liquidity buffer (cost against liquidity)',
    },
    columns,
    o.frontier,
  );
}

export function fundingBindingTable(result: FundingResult): ReportTable | null {
  const inf = result.optimisation?.infeasibility;
  if (!inf) return null;
  const columns: Col<BindingConstraint>[] = [
    { key: 'family', header: 'Constraint', format: 'text', value: (b) => b.family },
    { key: 'description', header: 'Meaning', format: 'text', value: (b) => b.description },
    { key: 'amount', header: 'Shortfall (sum over months)', format: 'money', value: (b) => b.amount },
    { key: 'months', header: 'Months', format: 'text', value: (b) => b.months.join(' ') },
    { key: 'scenarios', header: 'Scenarios', format: 'text', value: (b) => b.scenarios.join(', ') },
    {
      key: 'alone',
      header: 'Relaxing it alone restores feasibility',
      format: 'text',
      value: (b) => yesNo(inf.relaxingAloneRestores.includes(b.family)),
    },
  ];
  return tableOf(
    {
      sheetName: 'Funding binding',
      title: 'Why no mix meets the constraints: what must bend, and by how much',
    },
    columns,
    inf.binding,
  );
}

export function fundingTermsTable(result: FundingResult): ReportTable {
  type X = FundingResult['sourceTerms'][number];
  const columns: Col<X>[] = [
    { key: 'source', header: 'Source', format: 'text', value: (s) => s.name },
    { key: 'type', header: 'Type', format: 'text', value: (s) => s.type },
    { key: 'committed', header: 'Committed', format: 'text', value: (s) => commitment(s.committed) },
    { key: 'rate', header: 'Annual rate (month 1)', format: 'percent', value: (s) => s.rate },
    { key: 'share', header: 'Advance / sold share', format: 'percent', value: (s) => s.advanceOrSoldShare },
    { key: 'life', header: 'Life (years)', format: 'number', value: (s) => s.lifeYears },
    { key: 'terms', header: 'Terms', format: 'text', value: (s) => s.terms },
  ];
  return tableOf(
    { sheetName: 'Funding terms', title: 'Funding sources and their terms (base case)' },
    columns,
    result.sourceTerms,
  );
}

export function fundingBookTable(result: FundingResult): ReportTable {
  type X = { s: FundingResult['scenarios'][number]; t: number };
  const money = (
    key: 'originations' | 'collections' | 'defaults' | 'losses' | 'receivables' | 'need',
    header: string,
  ): Col<X> => ({
    key,
    header,
    format: 'money',
    value: (x) => x.s.book[key][x.t] ?? 0,
  });
  const columns: Col<X>[] = [
    { key: 'scenario', header: 'Scenario', format: 'text', value: (x) => x.s.name },
    { key: 'month', header: 'Month', format: 'integer', value: (x) => x.t },
    { key: 'date', header: 'Date', format: 'date', value: (x) => addMonths(result.startDate, x.t) },
    money('originations', 'Originations'),
    money('collections', 'Collections'),
    money('defaults', 'Charge-offs'),
    money('losses', 'Losses'),
    money('receivables', 'Receivables'),
    money('need', 'Funding need'),
  ];
  const items: X[] = [];
  for (const s of result.scenarios) for (let t = 1; t <= s.book.months; t++) items.push({ s, t });
  return tableOf(
    {
      sheetName: 'Funding book',
      title:
        'The book to fund by scenario: originations, collections, charge-offs, losses, receivables and need',
    },
    columns,
    items,
  );
}

/** Extra sheets for the Excel report. */
export function fundingReportTables(result: FundingResult): ReportTable[] {
  return [
    fundingTermsTable(result),
    fundingSummaryTable(result),
    fundingSourcesTable(result),
    fundingMonthlyTable(result),
    fundingBookTable(result),
    fundingFrontierTable(result),
    fundingBindingTable(result),
  ].filter((t): t is ReportTable => t !== null);
}

export interface FundingStack {
  mix: string;
  scenario: string;
  months: number[];
  dates: string[];
  /** One series per source: funding outstanding each month (stack these). */
  series: { id: string; name: string; committed: boolean; values: number[] }[];
  need: number[];
  gap: number[];
  liquidity: number[];
}

export interface FundingScreenModel {
  tables: ReportTable[];
  stacks: FundingStack[];
  frontier: {
    liquidityBuffer: number;
    totalCost: number | null;
    weightedAverageCost: number | null;
    feasible: boolean;
  }[];
  optimum: { status: string; averageShares: Record<string, number> } | null;
  binding: BindingConstraint[] | null;
}

/** Everything the Funding screen draws. */
export function fundingScreenModel(result: FundingResult): FundingScreenModel {
  const o = result.optimisation;
  return {
    tables: fundingReportTables(result),
    stacks: allEvaluations(result).map((e) => ({
      mix: e.mix,
      scenario: e.scenario,
      months: e.months.map((m) => m.month),
      dates: e.months.map((m) => addMonths(result.startDate, m.month)),
      series: e.sources.map((s) => ({
        id: s.id,
        name: s.name,
        committed: s.committed,
        values: e.months.map((m) => r2(m.bySource[s.id]?.balance ?? 0)),
      })),
      need: e.months.map((m) => r2(m.need)),
      gap: e.months.map((m) => r2(m.gap)),
      liquidity: e.months.map((m) => r2(m.liquidity)),
    })),
    frontier:
      o?.frontier.map((p) => ({
        liquidityBuffer: p.liquidityBuffer,
        totalCost: p.totalCost,
        weightedAverageCost: p.weightedAverageCost,
        feasible: p.feasible,
      })) ?? [],
    optimum: o ? { status: o.status, averageShares: o.averageShares } : null,
    binding: o?.infeasibility?.binding ?? null,
  };
}
