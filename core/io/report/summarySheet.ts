/**
 * The Summary sheet: what a bank or investor reads first. Deal and scenario, the pool in a few figures, the
 * tranche table with the SIFMA analytics, trigger events, the clean-up call and revolving end, and whether every
 * period reconciled.
 */
import type { Deal } from '../../deal/schema';
import type { RunResult } from '../../result';
import { columnTotal, type ReportColumn, writeTable } from './reportTable';
import { type ColumnFormat, SheetWriter } from './sheetWriter';

export interface Breakeven {
  trancheId: string;
  cdr: number | null;
  lossMultiple?: number | null;
}

export interface SummaryOptions {
  breakevens?: Breakeven[];
  /** Set when the header rows of the other sheets could not be frozen. */
  freezeNote?: string;
}

type Row = Record<string, string | number | null>;

/**
 * Balance-weighted annual rate of the initial pool: the run's own figure (runDeal knows the pool, rep lines or
 * an imported loan-level file), else the deal's rep lines; null only when neither is known.
 */
function weightedAverageRate(deal: Deal, result: RunResult): number | null {
  if (result.pool.waRate !== undefined) return result.pool.waRate;
  if (deal.pool.kind !== 'repLines') return null;
  let balance = 0;
  let weighted = 0;
  for (const line of deal.pool.lines) {
    balance += line.balance;
    weighted += line.balance * line.rate;
  }
  return balance > 0 ? weighted / balance : null;
}

function initialCount(deal: Deal, result: RunResult): number | null {
  if (result.pool.receivables !== undefined) return result.pool.receivables;
  if (deal.pool.kind !== 'repLines') return null;
  return deal.pool.lines.reduce((n, l) => n + l.count, 0);
}

export function summarySheet(deal: Deal, result: RunResult, opts: SummaryOptions): SheetWriter {
  const w = new SheetWriter();
  const dateOf = new Map(result.pool.periods.map((p) => [p.period, p.date]));
  w.text(0, 0, `Tranche report: ${result.deal.name}`, false);
  let r = 2;
  const label = (text: string): void => w.text(r, 0, text);
  const kv = (text: string, v: string | number | boolean | null, format: ColumnFormat = 'text'): void => {
    label(text);
    if (typeof v === 'boolean') w.bool(r, 1, v);
    else if (v === null) w.text(r, 1, 'n/a');
    else w.value(r, 1, v, format);
    r++;
  };
  const section = (title: string): void => {
    r++;
    w.text(r++, 0, title, false);
  };

  kv('Deal', result.deal.name);
  if (deal.description) {
    // A long description would widen the value column for every figure below it.
    label('Description');
    w.text(r++, 1, deal.description, false);
  }
  kv('Currency', result.deal.currency);
  kv('Cut-off date', result.deal.cutoffDate, 'date');
  kv('Settlement date', result.deal.settlementDate, 'date');
  kv('Scenario', result.scenario.name);
  kv('Engine version', result.engineVersion);
  kv('Run at', result.runAt);

  section('Pool');
  const periods = result.pool.periods;
  const defaults = columnTotal(
    periods.map((p) => p.default),
    'money',
  );
  const recoveries = columnTotal(
    periods.map((p) => p.recovery),
    'money',
  );
  kv('Initial balance', result.pool.initialBalance, 'money');
  kv('Number of receivables', initialCount(deal, result), 'integer');
  kv('Weighted average APR (by balance)', weightedAverageRate(deal, result), 'percent');
  kv('Periods projected', periods.length, 'integer');
  kv('Cumulative defaults', defaults, 'money');
  kv('Cumulative recoveries', recoveries, 'money');
  kv(
    'Cumulative losses',
    columnTotal(
      periods.map((p) => p.loss),
      'money',
    ),
    'money',
  );
  kv('Cumulative net loss (defaults − recoveries)', Math.round((defaults - recoveries) * 100) / 100, 'money');
  kv('Cumulative net loss, % of initial pool', periods.at(-1)?.cumulativeNetLossPct ?? 0, 'percent');

  section('Tranches');
  const breakevens = new Map((opts.breakevens ?? []).map((b) => [b.trancheId, b]));
  const hasMultiple = (opts.breakevens ?? []).some((b) => b.lossMultiple !== undefined);
  const columns: ReportColumn[] = [
    { key: 'id', header: 'Class', format: 'text' },
    { key: 'name', header: 'Name', format: 'text' },
    { key: 'seniority', header: 'Seniority', format: 'text' },
    { key: 'rating', header: 'Rating', format: 'text' },
    { key: 'originalBalance', header: 'Original balance', format: 'money' },
    { key: 'poolShare', header: '% of pool', format: 'percent' },
    { key: 'couponDescription', header: 'Coupon', format: 'text' },
    { key: 'price', header: 'Price (% of par)', format: 'number' },
    { key: 'paymentDelayDays', header: 'Payment delay (days)', format: 'integer' },
    { key: 'wal', header: 'WAL (years)', format: 'number' },
    { key: 'windowFirst', header: 'Principal window: first period', format: 'integer' },
    { key: 'windowLast', header: 'Principal window: last period', format: 'integer' },
    { key: 'yield', header: 'Yield (bond-equivalent)', format: 'percent' },
    { key: 'mortgageYield', header: 'Mortgage-equivalent yield', format: 'percent' },
    { key: 'macaulayDuration', header: 'Macaulay duration', format: 'number' },
    { key: 'modifiedDuration', header: 'Modified duration', format: 'number' },
    { key: 'convexity', header: 'Convexity', format: 'number' },
    { key: 'principalLoss', header: 'Principal loss', format: 'money' },
    { key: 'interestShortfall', header: 'Interest shortfall', format: 'money' },
  ];
  if (opts.breakevens) columns.push({ key: 'breakevenCdr', header: 'Break-even CDR', format: 'percent' });
  if (hasMultiple)
    columns.push({ key: 'breakevenMultiple', header: 'Break-even loss multiple', format: 'number' });
  const rows: Row[] = result.tranches.map((t) => {
    const spec = deal.structure.tranches.find((s) => s.id === t.id);
    const b = breakevens.get(t.id);
    return {
      id: t.id,
      name: spec?.name ?? null,
      seniority: t.seniority,
      rating: t.rating ?? null,
      originalBalance: t.originalBalance,
      poolShare: t.poolShare,
      couponDescription: t.couponDescription,
      price: t.price,
      paymentDelayDays: t.paymentDelayDays,
      wal: t.wal ?? 'n/a',
      windowFirst: t.principalWindow?.first ?? 'none',
      windowLast: t.principalWindow?.last ?? 'none',
      yield: t.yield ?? 'n/a',
      mortgageYield: t.mortgageYield ?? 'n/a',
      macaulayDuration: t.macaulayDuration ?? 'n/a',
      modifiedDuration: t.modifiedDuration ?? 'n/a',
      convexity: t.convexity ?? 'n/a',
      principalLoss: t.principalLoss,
      interestShortfall: t.interestShortfall,
      breakevenCdr: b ? (b.cdr ?? 'not found') : null,
      breakevenMultiple: b && b.lossMultiple !== undefined ? (b.lossMultiple ?? 'not found') : null,
    };
  });
  const placed = writeTable(
    w,
    { columns, rows, totals: ['originalBalance', 'poolShare', 'principalLoss', 'interestShortfall'] },
    r,
  );
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, columns.length - 1);
  r = placed.nextRow;

  section('Trigger events');
  if (result.triggerEvents.length === 0) {
    w.text(r++, 0, 'No trigger was breached.');
  } else {
    ['Trigger', 'Name', 'Period', 'Payment date', 'Event', 'Measured value', 'Threshold'].forEach((h, c) =>
      w.text(r, c, h),
    );
    r++;
    for (const e of result.triggerEvents) {
      const spec = deal.structure.triggers.find((t) => t.id === e.id);
      // An OC ratio is a multiple of the notes; every other test measures a share.
      const format = spec?.test.type === 'ocRatio' ? 'number' : 'percent';
      w.text(r, 0, e.id);
      if (spec?.name) w.text(r, 1, spec.name);
      w.number(r, 2, e.period, 'integer');
      w.date(r, 3, e.date);
      w.text(r, 4, e.kind);
      w.number(r, 5, e.value, format);
      w.number(r, 6, e.threshold, format);
      r++;
    }
  }

  section('Events and checks');
  const cleanUp = deal.structure.cleanUpCall;
  kv(
    'Clean-up call',
    result.cleanUpCallPeriod !== null
      ? `exercised in period ${result.cleanUpCallPeriod} (${dateOf.get(result.cleanUpCallPeriod) ?? 'date n/a'})`
      : cleanUp
        ? `not exercised (threshold ${(cleanUp.poolShare * 100).toFixed(2)}% of the initial pool)`
        : 'none in the deal',
  );
  kv(
    'Revolving period end',
    result.revolvingEndPeriod !== null
      ? `period ${result.revolvingEndPeriod} (${dateOf.get(result.revolvingEndPeriod) ?? 'date n/a'})${
          deal.structure.revolving && result.revolvingEndPeriod < deal.structure.revolving.endPeriod
            ? ', early (trigger)'
            : ''
        }`
      : deal.structure.revolving
        ? 'did not revolve'
        : 'not a revolving deal',
  );
  kv('Cash conserved (every period reconciles to the cent)', result.checks.cashConserved);
  kv(
    'Periods that did not reconcile',
    result.checks.failures.length === 0
      ? 'none'
      : result.checks.failures.map((f) => `${f.period} (${f.difference.toFixed(2)})`).join(', '),
  );
  if (opts.freezeNote) kv('Note', opts.freezeNote);
  return w;
}
