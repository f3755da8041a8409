/**
 * Named scenarios side by side: one table of class metrics (a row per class and scenario), one of pool
 * metrics, and balance series per scenario for charts. Takes finished runs, so the caller decides how to run
 * them (in-line, in workers, or results it already has).
 */
import type { RunResult } from '../result';
import { runPoolLoss } from './engine';
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import type { ReportTable } from './reportTable';
import { tableOf } from '../io/report/reportTable';

export interface NamedRun {
  name: string;
  result: RunResult;
}

export interface ComparisonTrancheRow {
  scenario: string;
  tranche: string;
  wal: number | null;
  yield: number | null;
  modifiedDuration: number | null;
  principalWindow: string;
  principalLoss: number;
  lossPct: number;
  interestShortfall: number;
}

export interface ComparisonPoolRow {
  scenario: string;
  initialBalance: number;
  totalInterest: number;
  totalPrepayment: number;
  totalDefault: number;
  totalLoss: number;
  lossPct: number;
  lastPeriod: number;
  cashConserved: boolean;
}

export interface Series {
  name: string;
  /** Periods 0..n (x values). */
  periods: number[];
  values: number[];
}

export interface ScenarioComparison {
  scenarios: string[];
  tranches: ComparisonTrancheRow[];
  pool: ComparisonPoolRow[];
  /** Pool end balance by period, one series per scenario. */
  poolBalance: Series[];
  /** Class id → end balance by period, one series per scenario. */
  trancheBalance: Record<string, Series[]>;
}

export function compareScenarios(runs: readonly NamedRun[]): ScenarioComparison {
  const tranches: ComparisonTrancheRow[] = [];
  const pool: ComparisonPoolRow[] = [];
  const poolBalance: Series[] = [];
  const trancheBalance: Record<string, Series[]> = {};
  for (const { name, result } of runs) {
    const rows = result.pool.periods;
    let interest = 0;
    let prepay = 0;
    let dflt = 0;
    let loss = 0;
    for (const p of rows) {
      interest += p.interest;
      prepay += p.prepayment;
      dflt += p.default;
      loss += p.loss;
    }
    pool.push({
      scenario: name,
      initialBalance: result.pool.initialBalance,
      totalInterest: round2(interest),
      totalPrepayment: round2(prepay),
      totalDefault: round2(dflt),
      totalLoss: round2(loss),
      lossPct: runPoolLoss(result),
      lastPeriod: paidOffPeriod(rows),
      cashConserved: result.checks.cashConserved,
    });
    poolBalance.push({
      name,
      periods: [0, ...rows.map((p) => p.period)],
      values: [result.pool.initialBalance, ...rows.map((p) => p.endBalance)],
    });
    for (const t of result.tranches) {
      tranches.push({
        scenario: name,
        tranche: t.id,
        wal: t.wal,
        yield: t.yield,
        modifiedDuration: t.modifiedDuration,
        principalWindow: t.principalWindow ? `${t.principalWindow.first}–${t.principalWindow.last}` : '',
        principalLoss: t.principalLoss,
        lossPct: t.originalBalance > 0 ? t.principalLoss / t.originalBalance : 0,
        interestShortfall: t.interestShortfall,
      });
      (trancheBalance[t.id] ??= []).push({
        name,
        periods: [0, ...t.cashflows.map((c) => c.period)],
        values: [t.originalBalance, ...t.cashflows.map((c) => c.balance)],
      });
    }
  }
  return { scenarios: runs.map((r) => r.name), tranches, pool, poolBalance, trancheBalance };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** First period after which the pool balance stays below half a cent (the last period if it never does). */
function paidOffPeriod(rows: RunResult['pool']['periods']): number {
  let paid = rows.length ? rows[rows.length - 1]!.period : 0;
  for (let i = rows.length - 1; i >= 0 && rows[i]!.endBalance < 0.005; i--) paid = rows[i]!.period;
  return paid;
}

/** Rows grouped by class (in first-seen order), scenarios in their given order within a class. */
function groupByTranche(rows: readonly ComparisonTrancheRow[]): ComparisonTrancheRow[] {
  const order = new Map<string, number>();
  for (const r of rows) if (!order.has(r.tranche)) order.set(r.tranche, order.size);
  return [...rows].sort((a, b) => order.get(a.tranche)! - order.get(b.tranche)!);
}

/** The comparison as report sheets: class metrics and pool metrics by scenario. */
export function scenarioComparisonTables(
  cmp: ScenarioComparison,
  t: TFunction = translator('en'),
): ReportTable[] {
  return [
    tableOf<ComparisonTrancheRow>(
      {
        sheetName: t('sheets:compare.classesSheet'),
        title: t('sheets:compare.classesTitle', { scenarios: cmp.scenarios.join(t('sheets:listSeparator')) }),
      },
      [
        { key: 'tranche', header: t('sheets:compare.col.tranche'), format: 'text', value: (r) => r.tranche },
        {
          key: 'scenario',
          header: t('sheets:compare.col.scenario'),
          format: 'text',
          value: (r) => r.scenario,
        },
        { key: 'wal', header: t('sheets:compare.col.wal'), format: 'number', value: (r) => r.wal },
        { key: 'yield', header: t('sheets:compare.col.yield'), format: 'percent', value: (r) => r.yield },
        {
          key: 'modifiedDuration',
          header: t('sheets:compare.col.modifiedDuration'),
          format: 'number',
          value: (r) => r.modifiedDuration,
        },
        {
          key: 'principalWindow',
          header: t('sheets:compare.col.principalWindow'),
          format: 'text',
          value: (r) => r.principalWindow,
        },
        {
          key: 'principalLoss',
          header: t('sheets:compare.col.principalLoss'),
          format: 'money',
          value: (r) => r.principalLoss,
        },
        {
          key: 'lossPct',
          header: t('sheets:compare.col.lossPct'),
          format: 'percent',
          value: (r) => r.lossPct,
        },
        {
          key: 'interestShortfall',
          header: t('sheets:compare.col.interestShortfall'),
          format: 'money',
          value: (r) => r.interestShortfall,
        },
      ],
      groupByTranche(cmp.tranches),
    ),
    tableOf<ComparisonPoolRow>(
      { sheetName: t('sheets:compare.poolSheet'), title: t('sheets:compare.poolTitle') },
      [
        {
          key: 'scenario',
          header: t('sheets:compare.poolCol.scenario'),
          format: 'text',
          value: (r) => r.scenario,
        },
        {
          key: 'initialBalance',
          header: t('sheets:compare.poolCol.initialBalance'),
          format: 'money',
          value: (r) => r.initialBalance,
        },
        {
          key: 'totalInterest',
          header: t('sheets:compare.poolCol.totalInterest'),
          format: 'money',
          value: (r) => r.totalInterest,
        },
        {
          key: 'totalPrepayment',
          header: t('sheets:compare.poolCol.totalPrepayment'),
          format: 'money',
          value: (r) => r.totalPrepayment,
        },
        {
          key: 'totalDefault',
          header: t('sheets:compare.poolCol.totalDefault'),
          format: 'money',
          value: (r) => r.totalDefault,
        },
        {
          key: 'totalLoss',
          header: t('sheets:compare.poolCol.totalLoss'),
          format: 'money',
          value: (r) => r.totalLoss,
        },
        {
          key: 'lossPct',
          header: t('sheets:compare.poolCol.lossPct'),
          format: 'percent',
          value: (r) => r.lossPct,
        },
        {
          key: 'lastPeriod',
          header: t('sheets:compare.poolCol.lastPeriod'),
          format: 'integer',
          value: (r) => r.lastPeriod,
        },
      ],
      cmp.pool,
    ),
  ];
}
