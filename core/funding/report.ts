/**
 * What the funding comparison shows: tables for the Excel report and the Funding screen (the same rows), and
 * chart series for the screen — funding stacked by source against the need each month, and the cost–liquidity
 * frontier. Everything is plain data; no chart or sheet library is touched here.
 */
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import { coreText } from '../i18n/messages';
import { tableOf, type ColumnOf, type ReportTable } from '../io/report/reportTable';
import { termsText } from './termsText';
import { addMonths } from '../time/isoDate';
import type { FundingResult } from './analyse';
import type { MixEvaluation } from './evaluate';
import type { BindingConstraint } from './optimise';

type Col<T> = ColumnOf<T>;

const r2 = (x: number): number => Math.round(x * 100) / 100;

function allEvaluations(result: FundingResult): MixEvaluation[] {
  return [...result.mixes, ...(result.optimisation?.evaluations ?? [])];
}

/** The English tables, as the workbook and the CLI wrote them before they had a language. */
const english = (): TFunction => translator('en');

const yesNo = (t: TFunction, b: boolean): string => (b ? t('sheets:yes') : t('sheets:no'));
const commitment = (t: TFunction, committed: boolean): string =>
  committed ? t('sheets:funding.committed') : t('sheets:funding.uncommitted');

/** Mix and scenario lead every per-mix table. */
function mixColumns<T extends { e: MixEvaluation }>(t: TFunction): Col<T>[] {
  return [
    { key: 'mix', header: t('sheets:funding.col.mix'), format: 'text', value: (x) => x.e.mix },
    { key: 'scenario', header: t('sheets:funding.col.scenario'), format: 'text', value: (x) => x.e.scenario },
  ];
}

export function fundingSummaryTable(result: FundingResult, t: TFunction = english()): ReportTable {
  type X = { e: MixEvaluation };
  const columns: Col<X>[] = [
    ...mixColumns<X>(t),
    {
      key: 'feasible',
      header: t('sheets:funding.col.feasible'),
      format: 'text',
      value: (x) => yesNo(t, x.e.feasible),
    },
    {
      key: 'firstGapMonth',
      header: t('sheets:funding.col.firstGapMonth'),
      format: 'integer',
      value: (x) => x.e.firstGapMonth,
    },
    {
      key: 'runwayMonths',
      header: t('sheets:funding.col.runwayMonths'),
      format: 'integer',
      value: (x) => x.e.runwayMonths,
    },
    {
      key: 'totalCost',
      header: t('sheets:funding.col.totalCost'),
      format: 'money',
      value: (x) => x.e.totalCost,
    },
    {
      key: 'weightedAverageCost',
      header: t('sheets:funding.col.weightedAverageCost'),
      format: 'percent',
      value: (x) => x.e.weightedAverageCost,
    },
    { key: 'irr', header: t('sheets:funding.col.irr'), format: 'percent', value: (x) => x.e.irr },
    {
      key: 'costPerReceivable',
      header: t('sheets:funding.col.costPerReceivable'),
      format: 'percent',
      value: (x) => x.e.costPerReceivable,
    },
    { key: 'maxGap', header: t('sheets:funding.col.maxGap'), format: 'money', value: (x) => x.e.maxGap },
    {
      key: 'maxCommittedGap',
      header: t('sheets:funding.col.maxCommittedGap'),
      format: 'money',
      value: (x) => x.e.maxCommittedGap,
    },
    {
      key: 'minHeadroom',
      header: t('sheets:funding.col.minHeadroom'),
      format: 'money',
      value: (x) => x.e.minHeadroom,
    },
    {
      key: 'minUncommittedHeadroom',
      header: t('sheets:funding.col.minUncommittedHeadroom'),
      format: 'money',
      value: (x) => x.e.minUncommittedHeadroom,
    },
    {
      key: 'maxOverPledged',
      header: t('sheets:funding.col.maxOverPledged'),
      format: 'money',
      value: (x) => x.e.maxOverPledged,
    },
    {
      key: 'minLiquidity',
      header: t('sheets:funding.col.minLiquidity'),
      format: 'money',
      value: (x) => x.e.minLiquidity,
    },
    {
      key: 'fundingWalYears',
      header: t('sheets:funding.col.fundingWalYears'),
      format: 'number',
      value: (x) => x.e.fundingWalYears,
    },
    {
      key: 'assetWalYears',
      header: t('sheets:funding.col.assetWalYears'),
      format: 'number',
      value: (x) => x.e.assetWalYears,
    },
    {
      key: 'maturityMismatchYears',
      header: t('sheets:funding.col.maturityMismatchYears'),
      format: 'number',
      value: (x) => x.e.maturityMismatchYears,
    },
    {
      key: 'refinancingWall',
      header: t('sheets:funding.col.refinancingWall'),
      format: 'money',
      value: (x) => x.e.refinancingWall.amount,
    },
    {
      key: 'refinancingWallFrom',
      header: t('sheets:funding.col.refinancingWallFrom'),
      format: 'integer',
      value: (x) => x.e.refinancingWall.fromMonth,
    },
    {
      key: 'concentrationHhi',
      header: t('sheets:funding.col.concentrationHhi'),
      format: 'number',
      value: (x) => x.e.concentrationHhi,
    },
  ];
  return tableOf(
    {
      sheetName: t('sheets:funding.summarySheet'),
      title: t('sheets:funding.summaryTitle', { name: result.name, currency: result.currency }),
    },
    columns,
    allEvaluations(result).map((e) => ({ e })),
  );
}

export function fundingSourcesTable(result: FundingResult, t: TFunction = english()): ReportTable {
  type X = { e: MixEvaluation; s: MixEvaluation['sources'][number] };
  const columns: Col<X>[] = [
    ...mixColumns<X>(t),
    { key: 'source', header: t('sheets:funding.col.source'), format: 'text', value: (x) => x.s.name },
    {
      key: 'type',
      header: t('sheets:funding.col.type'),
      format: 'text',
      value: (x) => t(`sheets:funding.type.${x.s.type}`),
    },
    {
      key: 'committed',
      header: t('sheets:funding.col.committed'),
      format: 'text',
      value: (x) => commitment(t, x.s.committed),
    },
    {
      key: 'averageBalance',
      header: t('sheets:funding.col.averageBalance'),
      format: 'money',
      value: (x) => x.s.averageBalance,
    },
    {
      key: 'maxBalance',
      header: t('sheets:funding.col.maxBalance'),
      format: 'money',
      value: (x) => x.s.maxBalance,
    },
    {
      key: 'averageShare',
      header: t('sheets:funding.col.averageShare'),
      format: 'percent',
      value: (x) => x.s.averageShare,
    },
    {
      key: 'maxShare',
      header: t('sheets:funding.col.maxShare'),
      format: 'percent',
      value: (x) => x.s.maxShare,
    },
    {
      key: 'totalCost',
      header: t('sheets:funding.col.totalCost'),
      format: 'money',
      value: (x) => x.s.totalCost,
    },
    {
      key: 'annualCost',
      header: t('sheets:funding.col.annualCost'),
      format: 'percent',
      value: (x) => x.s.annualCost,
    },
    { key: 'irr', header: t('sheets:funding.col.sourceIrr'), format: 'percent', value: (x) => x.s.irr },
  ];
  return tableOf(
    { sheetName: t('sheets:funding.sourcesSheet'), title: t('sheets:funding.sourcesTitle') },
    columns,
    allEvaluations(result).flatMap((e) => e.sources.map((s) => ({ e, s }))),
  );
}

export function fundingMonthlyTable(result: FundingResult, t: TFunction = english()): ReportTable {
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
    ...mixColumns<X>(t),
    { key: 'month', header: t('sheets:funding.col.month'), format: 'integer', value: (x) => x.m.month },
    {
      key: 'date',
      header: t('sheets:funding.col.date'),
      format: 'date',
      value: (x) => addMonths(result.startDate, x.m.month),
    },
    money('receivables', t('sheets:funding.col.receivables')),
    money('need', t('sheets:funding.col.need')),
    money('funded', t('sheets:funding.col.funded')),
    money('gap', t('sheets:funding.col.gap')),
    money('committedAvailable', t('sheets:funding.col.committedAvailable')),
    money('uncommittedAvailable', t('sheets:funding.col.uncommittedAvailable')),
    money('committedGap', t('sheets:funding.col.committedGap')),
    money('headroom', t('sheets:funding.col.headroom')),
    money('uncommittedHeadroom', t('sheets:funding.col.uncommittedHeadroom')),
    money('overPledged', t('sheets:funding.col.overPledged')),
    money('cash', t('sheets:funding.col.cash')),
    money('maturing', t('sheets:funding.col.maturing')),
    money('cost', t('sheets:funding.col.cost')),
    ...ids.map((id): Col<X> => ({
      key: `bal:${id}`,
      header: id,
      format: 'money',
      value: (x) => x.m.bySource[id]?.balance ?? 0,
    })),
  ];
  return tableOf(
    {
      sheetName: t('sheets:funding.monthlySheet'),
      title: t('sheets:funding.monthlyTitle'),
    },
    columns,
    allEvaluations(result).flatMap((e) => e.months.map((m) => ({ e, m }))),
  );
}

export function fundingFrontierTable(result: FundingResult, t: TFunction = english()): ReportTable | null {
  const o = result.optimisation;
  if (!o) return null;
  type X = (typeof o.frontier)[number];
  const ids = Object.keys(o.frontier.find((p) => p.feasible)?.averageShares ?? {});
  const columns: Col<X>[] = [
    {
      key: 'buffer',
      header: t('sheets:funding.col.buffer'),
      format: 'percent',
      value: (p) => p.liquidityBuffer,
    },
    {
      key: 'feasible',
      header: t('sheets:funding.col.frontierFeasible'),
      format: 'text',
      value: (p) => yesNo(t, p.feasible),
    },
    {
      key: 'totalCost',
      header: t('sheets:funding.col.totalCost'),
      format: 'money',
      value: (p) => p.totalCost,
    },
    {
      key: 'weightedAverageCost',
      header: t('sheets:funding.col.weightedAverageCost'),
      format: 'percent',
      value: (p) => p.weightedAverageCost,
    },
    {
      key: 'minLiquidity',
      header: t('sheets:funding.col.minLiquidity'),
      format: 'money',
      value: (p) => p.minLiquidity,
    },
    ...ids.map((id): Col<X> => ({
      key: `share:${id}`,
      header: t('sheets:funding.col.share', { id }),
      format: 'percent',
      value: (p) => p.averageShares[id] ?? null,
    })),
  ];
  return tableOf(
    {
      sheetName: t('sheets:funding.frontierSheet'),
      title: t('sheets:funding.frontierTitle'),
    },
    columns,
    o.frontier,
  );
}

export function fundingBindingTable(result: FundingResult, t: TFunction = english()): ReportTable | null {
  const inf = result.optimisation?.infeasibility;
  if (!inf) return null;
  const columns: Col<BindingConstraint>[] = [
    { key: 'family', header: t('sheets:funding.col.family'), format: 'text', value: (b) => b.family },
    {
      key: 'description',
      header: t('sheets:funding.col.description'),
      format: 'text',
      value: (b) => (b.descriptionMessage ? coreText(t, b.descriptionMessage) : b.description),
    },
    { key: 'amount', header: t('sheets:funding.col.amount'), format: 'money', value: (b) => b.amount },
    {
      key: 'months',
      header: t('sheets:funding.col.months'),
      format: 'text',
      value: (b) => b.months.join(' '),
    },
    {
      key: 'scenarios',
      header: t('sheets:funding.col.scenarios'),
      format: 'text',
      value: (b) => b.scenarios.join(t('sheets:listSeparator')),
    },
    {
      key: 'alone',
      header: t('sheets:funding.col.alone'),
      format: 'text',
      value: (b) => yesNo(t, inf.relaxingAloneRestores.includes(b.family)),
    },
  ];
  return tableOf(
    {
      sheetName: t('sheets:funding.bindingSheet'),
      title: t('sheets:funding.bindingTitle'),
    },
    columns,
    inf.binding,
  );
}

export function fundingTermsTable(result: FundingResult, t: TFunction = english()): ReportTable {
  type X = FundingResult['sourceTerms'][number];
  const columns: Col<X>[] = [
    { key: 'source', header: t('sheets:funding.col.source'), format: 'text', value: (s) => s.name },
    {
      key: 'type',
      header: t('sheets:funding.col.type'),
      format: 'text',
      value: (s) => t(`sheets:funding.type.${s.type}`),
    },
    {
      key: 'committed',
      header: t('sheets:funding.col.committed'),
      format: 'text',
      value: (s) => commitment(t, s.committed),
    },
    { key: 'rate', header: t('sheets:funding.col.rate'), format: 'percent', value: (s) => s.rate },
    {
      key: 'share',
      header: t('sheets:funding.col.advanceShare'),
      format: 'percent',
      value: (s) => s.advanceOrSoldShare,
    },
    { key: 'life', header: t('sheets:funding.col.life'), format: 'number', value: (s) => s.lifeYears },
    {
      key: 'terms',
      header: t('sheets:funding.col.terms'),
      format: 'text',
      value: (s) => termsText(s.terms, t) ?? s.terms,
    },
  ];
  return tableOf(
    { sheetName: t('sheets:funding.termsSheet'), title: t('sheets:funding.termsTitle') },
    columns,
    result.sourceTerms,
  );
}

export function fundingBookTable(result: FundingResult, t: TFunction = english()): ReportTable {
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
    { key: 'scenario', header: t('sheets:funding.col.scenario'), format: 'text', value: (x) => x.s.name },
    { key: 'month', header: t('sheets:funding.col.month'), format: 'integer', value: (x) => x.t },
    {
      key: 'date',
      header: t('sheets:funding.col.date'),
      format: 'date',
      value: (x) => addMonths(result.startDate, x.t),
    },
    money('originations', t('sheets:funding.col.originations')),
    money('collections', t('sheets:funding.col.collections')),
    money('defaults', t('sheets:funding.col.defaults')),
    money('losses', t('sheets:funding.col.losses')),
    money('receivables', t('sheets:funding.col.receivables')),
    money('need', t('sheets:funding.col.need')),
  ];
  const items: X[] = [];
  for (const s of result.scenarios) for (let t = 1; t <= s.book.months; t++) items.push({ s, t });
  return tableOf(
    {
      sheetName: t('sheets:funding.bookSheet'),
      title: t('sheets:funding.bookTitle'),
    },
    columns,
    items,
  );
}

/** Extra sheets for the Excel report. */
export function fundingReportTables(result: FundingResult, t: TFunction = english()): ReportTable[] {
  return [
    fundingTermsTable(result, t),
    fundingSummaryTable(result, t),
    fundingSourcesTable(result, t),
    fundingMonthlyTable(result, t),
    fundingBookTable(result, t),
    fundingFrontierTable(result, t),
    fundingBindingTable(result, t),
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
  /** The analysis itself, which the app keeps so its report sheets are written in the report's language. */
  result: FundingResult;
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
export function fundingScreenModel(result: FundingResult, t: TFunction = english()): FundingScreenModel {
  const o = result.optimisation;
  return {
    result,
    tables: fundingReportTables(result, t),
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
