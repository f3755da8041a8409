/**
 * What the funding comparison shows: tables for the Excel report and the Funding screen (the same rows), and
 * chart series for the screen — funding stacked by source against the need each month, and the cost–liquidity
 * frontier. Everything is plain data; no chart or sheet library is touched here.
 */
import type { ReportTable } from '../io/report/reportTable';
import { addMonths } from '../time/isoDate';
import type { FundingResult } from './analyse';
import type { MixEvaluation } from './evaluate';
import type { BindingConstraint } from './optimise';

type Row = ReportTable['rows'][number];

const r2 = (x: number): number => Math.round(x * 100) / 100;

function allEvaluations(result: FundingResult): MixEvaluation[] {
  return [...result.mixes, ...(result.optimisation?.evaluations ?? [])];
}

function summaryRow(e: MixEvaluation): Row {
  return {
    mix: e.mix,
    scenario: e.scenario,
    feasible: e.feasible ? 'yes' : 'no',
    firstGapMonth: e.firstGapMonth,
    runwayMonths: e.runwayMonths,
    totalCost: r2(e.totalCost),
    weightedAverageCost: e.weightedAverageCost,
    irr: e.irr,
    costPerReceivable: e.costPerReceivable,
    maxGap: r2(e.maxGap),
    maxCommittedGap: r2(e.maxCommittedGap),
    minHeadroom: r2(e.minHeadroom),
    minLiquidity: r2(e.minLiquidity),
    fundingWalYears: e.fundingWalYears,
    assetWalYears: e.assetWalYears,
    maturityMismatchYears: e.maturityMismatchYears,
    refinancingWall: r2(e.refinancingWall.amount),
    refinancingWallFrom: e.refinancingWall.fromMonth,
    concentrationHhi: e.concentrationHhi,
  };
}

export function fundingSummaryTable(result: FundingResult): ReportTable {
  return {
    sheetName: 'Funding summary',
    title: `${result.name}: cost and liquidity by mix and scenario (${result.currency})`,
    columns: [
      { key: 'mix', header: 'Mix', format: 'text' },
      { key: 'scenario', header: 'Scenario', format: 'text' },
      { key: 'feasible', header: 'Funds the book', format: 'text' },
      { key: 'firstGapMonth', header: 'First gap (month)', format: 'integer' },
      { key: 'runwayMonths', header: 'Runway from stress (months)', format: 'integer' },
      { key: 'totalCost', header: 'Total cost', format: 'money' },
      { key: 'weightedAverageCost', header: 'Weighted average cost', format: 'percent' },
      { key: 'irr', header: 'All-in IRR', format: 'percent' },
      { key: 'costPerReceivable', header: 'Cost per receivable (annual)', format: 'percent' },
      { key: 'maxGap', header: 'Largest gap', format: 'money' },
      { key: 'maxCommittedGap', header: 'Largest gap on committed only', format: 'money' },
      { key: 'minHeadroom', header: 'Least committed headroom', format: 'money' },
      { key: 'minLiquidity', header: 'Least liquidity', format: 'money' },
      { key: 'fundingWalYears', header: 'Funding WAL (years)', format: 'number' },
      { key: 'assetWalYears', header: 'Asset WAL (years)', format: 'number' },
      { key: 'maturityMismatchYears', header: 'Maturity mismatch (years)', format: 'number' },
      { key: 'refinancingWall', header: 'Refinancing wall (3 months)', format: 'money' },
      { key: 'refinancingWallFrom', header: 'Wall from month', format: 'integer' },
      { key: 'concentrationHhi', header: 'Concentration (HHI)', format: 'number' },
    ],
    rows: allEvaluations(result).map(summaryRow),
  };
}

export function fundingSourcesTable(result: FundingResult): ReportTable {
  const rows: Row[] = [];
  for (const e of allEvaluations(result))
    for (const s of e.sources)
      rows.push({
        mix: e.mix,
        scenario: e.scenario,
        source: s.name,
        type: s.type,
        committed: s.committed ? 'committed' : 'uncommitted',
        averageBalance: r2(s.averageBalance),
        maxBalance: r2(s.maxBalance),
        averageShare: s.averageShare,
        maxShare: s.maxShare,
        totalCost: r2(s.totalCost),
        annualCost: s.annualCost,
        irr: s.irr,
      });
  return {
    sheetName: 'Funding by source',
    title: 'Balance, share and cost of each source',
    columns: [
      { key: 'mix', header: 'Mix', format: 'text' },
      { key: 'scenario', header: 'Scenario', format: 'text' },
      { key: 'source', header: 'Source', format: 'text' },
      { key: 'type', header: 'Type', format: 'text' },
      { key: 'committed', header: 'Committed', format: 'text' },
      { key: 'averageBalance', header: 'Average balance', format: 'money' },
      { key: 'maxBalance', header: 'Largest balance', format: 'money' },
      { key: 'averageShare', header: 'Average share', format: 'percent' },
      { key: 'maxShare', header: 'Largest share', format: 'percent' },
      { key: 'totalCost', header: 'Total cost', format: 'money' },
      { key: 'annualCost', header: 'Annual cost', format: 'percent' },
      { key: 'irr', header: 'IRR of flows', format: 'percent' },
    ],
    rows,
  };
}

export function fundingMonthlyTable(result: FundingResult): ReportTable {
  const ids =
    result.mixes[0]?.sources.map((s) => s.id) ??
    result.optimisation?.evaluations[0]?.sources.map((s) => s.id) ??
    [];
  const rows: Row[] = [];
  for (const e of allEvaluations(result))
    for (const m of e.months) {
      const row: Row = {
        mix: e.mix,
        scenario: e.scenario,
        month: m.month,
        date: addMonths(result.startDate, m.month),
        receivables: r2(m.receivables),
        need: r2(m.need),
        funded: r2(m.funded),
        gap: r2(m.gap),
        committedAvailable: r2(m.committedAvailable),
        uncommittedAvailable: r2(m.uncommittedAvailable),
        committedGap: r2(m.committedGap),
        headroom: r2(m.headroom),
        cash: r2(m.cash),
        maturing: r2(m.maturing),
        cost: r2(m.cost),
      };
      for (const id of ids) row[`bal:${id}`] = r2(m.bySource[id]?.balance ?? 0);
      rows.push(row);
    }
  return {
    sheetName: 'Funding monthly',
    title:
      'Need, funding by source, gaps (committed and uncommitted apart), headroom and maturities by month',
    columns: [
      { key: 'mix', header: 'Mix', format: 'text' },
      { key: 'scenario', header: 'Scenario', format: 'text' },
      { key: 'month', header: 'Month', format: 'integer' },
      { key: 'date', header: 'Date', format: 'date' },
      { key: 'receivables', header: 'Receivables', format: 'money' },
      { key: 'need', header: 'Funding need', format: 'money' },
      { key: 'funded', header: 'Funded', format: 'money' },
      { key: 'gap', header: 'Gap', format: 'money' },
      { key: 'committedAvailable', header: 'Committed available', format: 'money' },
      { key: 'uncommittedAvailable', header: 'Uncommitted available', format: 'money' },
      { key: 'committedGap', header: 'Gap on committed only', format: 'money' },
      { key: 'headroom', header: 'Line headroom', format: 'money' },
      { key: 'cash', header: 'Cash', format: 'money' },
      { key: 'maturing', header: 'Maturing', format: 'money' },
      { key: 'cost', header: 'Cost', format: 'money' },
      ...ids.map((id) => ({ key: `bal:${id}`, header: id, format: 'money' as const })),
    ],
    rows,
  };
}

export function fundingFrontierTable(result: FundingResult): ReportTable | null {
  const o = result.optimisation;
  if (!o) return null;
  const ids = Object.keys(o.frontier.find((p) => p.feasible)?.averageShares ?? {});
  return {
    sheetName: 'Funding frontier',
    title: 'Cheapest mix for each liquidity buffer (cost against liquidity)',
    columns: [
      { key: 'buffer', header: 'Liquidity buffer', format: 'percent' },
      { key: 'feasible', header: 'Feasible', format: 'text' },
      { key: 'totalCost', header: 'Total cost', format: 'money' },
      { key: 'weightedAverageCost', header: 'Weighted average cost', format: 'percent' },
      { key: 'minLiquidity', header: 'Least liquidity', format: 'money' },
      ...ids.map((id) => ({ key: `share:${id}`, header: `${id} share`, format: 'percent' as const })),
    ],
    rows: o.frontier.map((p) => {
      const row: Row = {
        buffer: p.liquidityBuffer,
        feasible: p.feasible ? 'yes' : 'no',
        totalCost: p.totalCost === null ? null : r2(p.totalCost),
        weightedAverageCost: p.weightedAverageCost,
        minLiquidity: p.minLiquidity === null ? null : r2(p.minLiquidity),
      };
      for (const id of ids) row[`share:${id}`] = p.averageShares[id] ?? null;
      return row;
    }),
  };
}

export function fundingBindingTable(result: FundingResult): ReportTable | null {
  const inf = result.optimisation?.infeasibility;
  if (!inf) return null;
  return {
    sheetName: 'Funding binding',
    title: 'Why no mix meets the constraints: what must bend, and by how much',
    columns: [
      { key: 'family', header: 'Constraint', format: 'text' },
      { key: 'description', header: 'Meaning', format: 'text' },
      { key: 'amount', header: 'Shortfall (sum over months)', format: 'money' },
      { key: 'months', header: 'Months', format: 'text' },
      { key: 'scenarios', header: 'Scenarios', format: 'text' },
      { key: 'alone', header: 'Relaxing it alone restores feasibility', format: 'text' },
    ],
    rows: inf.binding.map((b: BindingConstraint) => ({
      family: b.family,
      description: b.description,
      amount: r2(b.amount),
      months: b.months.join(' '),
      scenarios: b.scenarios.join(', '),
      alone: inf.relaxingAloneRestores.includes(b.family) ? 'yes' : 'no',
    })),
  };
}

export function fundingTermsTable(result: FundingResult): ReportTable {
  return {
    sheetName: 'Funding terms',
    title: 'Funding sources and their terms (base case)',
    columns: [
      { key: 'source', header: 'Source', format: 'text' },
      { key: 'type', header: 'Type', format: 'text' },
      { key: 'committed', header: 'Committed', format: 'text' },
      { key: 'rate', header: 'Annual rate (month 1)', format: 'percent' },
      { key: 'share', header: 'Advance / sold share', format: 'percent' },
      { key: 'life', header: 'Life (years)', format: 'number' },
      { key: 'terms', header: 'Terms', format: 'text' },
    ],
    rows: result.sourceTerms.map((s) => ({
      source: s.name,
      type: s.type,
      committed: s.committed ? 'committed' : 'uncommitted',
      rate: s.rate,
      share: s.advanceOrSoldShare,
      life: s.lifeYears,
      terms: s.terms,
    })),
  };
}

export function fundingBookTable(result: FundingResult): ReportTable {
  const rows: Row[] = [];
  for (const s of result.scenarios)
    for (let t = 1; t <= s.book.months; t++)
      rows.push({
        scenario: s.name,
        month: t,
        date: addMonths(result.startDate, t),
        originations: r2(s.book.originations[t] ?? 0),
        collections: r2(s.book.collections[t] ?? 0),
        defaults: r2(s.book.defaults[t] ?? 0),
        losses: r2(s.book.losses[t] ?? 0),
        receivables: r2(s.book.receivables[t] ?? 0),
        need: r2(s.book.need[t] ?? 0),
      });
  return {
    sheetName: 'Funding book',
    title:
      'The book to fund by scenario: originations, collections, charge-offs, losses, receivables and need',
    columns: [
      { key: 'scenario', header: 'Scenario', format: 'text' },
      { key: 'month', header: 'Month', format: 'integer' },
      { key: 'date', header: 'Date', format: 'date' },
      { key: 'originations', header: 'Originations', format: 'money' },
      { key: 'collections', header: 'Collections', format: 'money' },
      { key: 'defaults', header: 'Charge-offs', format: 'money' },
      { key: 'losses', header: 'Losses', format: 'money' },
      { key: 'receivables', header: 'Receivables', format: 'money' },
      { key: 'need', header: 'Funding need', format: 'money' },
    ],
    rows,
  };
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
