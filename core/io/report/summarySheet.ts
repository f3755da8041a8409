/**
 * The Summary sheet: what a bank or investor reads first. Deal and scenario, the pool in a few figures, the
 * tranche table with the SIFMA analytics, trigger events, the clean-up call and revolving end, and whether every
 * period reconciled.
 */
import type { Deal } from '../../deal/schema';
import type { RunResult } from '../../result';
import { couponText, seniorityText } from './cashflowSheets';
import { columnTotal, type ReportColumn, writeTable } from './reportTable';
import { reportText, type ReportText } from './reportText';
import { type ColumnFormat, type SheetWriter, textWidth } from './sheetWriter';

export interface Breakeven {
  trancheId: string;
  cdr: number | null;
  lossMultiple?: number | null;
}

export interface SummaryOptions {
  breakevens?: Breakeven[];
}

type Row = Record<string, string | number | null>;

/** Text values longer than this (in columns) do not widen the Summary's second column. */
const LONG_VALUE = 24;

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

export function summarySheet(
  deal: Deal,
  result: RunResult,
  opts: SummaryOptions,
  text: ReportText = reportText('en', 'unit', result.deal.currency),
): SheetWriter {
  const { t } = text;
  const w = text.writer(true);
  const dateOf = new Map(result.pool.periods.map((p) => [p.period, p.date]));
  let r = w.titleBlock(t('report:summary.title', { deal: result.deal.name }), text.caption(true)) + 1;
  const label = (s: string): void => w.text(r, 0, s, true, 'label');
  const kv = (
    s: string,
    v: string | number | boolean | null,
    format: ColumnFormat = 'text',
    how?: { note: string; name?: string },
  ): void => {
    label(s);
    if (typeof v === 'boolean') w.bool(r, 1, v);
    else if (v === null) w.text(r, 1, w.na);
    // A sentence (the clean-up call, the revolving end) runs on into the empty cells to its right rather than
    // widen the column the tranche table below shares.
    else if (typeof v === 'string' && textWidth(v) > LONG_VALUE) w.text(r, 1, v, false);
    else w.value(r, 1, v, format);
    if (how) {
      w.comment(r, 0, how.note);
      if (how.name) w.defineName(r, 1, how.name);
    }
    r++;
  };
  const section = (title: string): void => {
    r++;
    w.section(r++, title);
  };

  kv(t('report:summary.deal'), result.deal.name);
  if (deal.description) {
    // A long description would widen the value column for every figure below it, and run off the printed page
    // to its right: it wraps across the page's width instead.
    label(t('report:summary.description'));
    w.paragraph(r++, 1, deal.description);
  }
  kv(t('report:summary.currency'), result.deal.currency);
  // Not fitted: the scaled form is a sentence and would widen the value column.
  label(t('report:summary.amountUnit'));
  w.text(
    r++,
    1,
    text.factor === 1
      ? text.units
      : t('report:summary.amountUnitValue', { unit: text.unit, units: text.units }),
    text.factor === 1,
  );
  kv(t('report:summary.cutoffDate'), result.deal.cutoffDate, 'date');
  kv(t('report:summary.settlementDate'), result.deal.settlementDate, 'date');
  kv(t('report:summary.scenario'), result.scenario.name);
  kv(t('report:summary.engineVersion'), result.engineVersion);
  kv(t('report:summary.runAt'), text.runDate(result.runAt));

  section(t('report:summary.pool'));
  const periods = result.pool.periods;
  const defaults = columnTotal(
    periods.map((p) => p.default),
    'money',
  );
  const recoveries = columnTotal(
    periods.map((p) => p.recovery),
    'money',
  );
  kv(t('report:summary.initialBalance'), result.pool.initialBalance, 'money', {
    note: t('report:styled.notes.initialBalance'),
    name: 'Pool_InitialBalance',
  });
  kv(t('report:summary.receivables'), initialCount(deal, result), 'integer');
  kv(t('report:summary.waApr'), weightedAverageRate(deal, result), 'percent', {
    note: t('report:styled.notes.waApr'),
  });
  kv(t('report:summary.periods'), periods.length, 'integer');
  kv(t('report:summary.cumulativeDefaults'), defaults, 'money', {
    note: t('report:styled.notes.cumulativeDefaults'),
  });
  kv(t('report:summary.cumulativeRecoveries'), recoveries, 'money', {
    note: t('report:styled.notes.cumulativeRecoveries'),
  });
  kv(
    t('report:summary.cumulativeLosses'),
    columnTotal(
      periods.map((p) => p.loss),
      'money',
    ),
    'money',
    { note: t('report:styled.notes.cumulativeLosses') },
  );
  kv(t('report:summary.cumulativeNetLoss'), Math.round((defaults - recoveries) * 100) / 100, 'money', {
    note: t('report:styled.notes.cumulativeNetLoss'),
    name: 'Pool_CNL',
  });
  kv(t('report:summary.cumulativeNetLossPct'), periods.at(-1)?.cumulativeNetLossPct ?? 0, 'percent', {
    note: t('report:styled.notes.cumulativeNetLossPct'),
    name: 'Pool_CNL_Pct',
  });

  section(t('report:summary.tranches'));
  const breakevens = new Map((opts.breakevens ?? []).map((b) => [b.trancheId, b]));
  const hasMultiple = (opts.breakevens ?? []).some((b) => b.lossMultiple !== undefined);
  const columns: ReportColumn[] = [
    { key: 'id', header: t('report:trancheTable.id'), format: 'text' },
    { key: 'name', header: t('report:trancheTable.name'), format: 'text' },
    { key: 'seniority', header: t('report:trancheTable.seniority'), format: 'text' },
    { key: 'rating', header: t('report:trancheTable.rating'), format: 'text' },
    { key: 'originalBalance', header: t('report:trancheTable.originalBalance'), format: 'money' },
    { key: 'poolShare', header: t('report:trancheTable.poolShare'), format: 'percent' },
    { key: 'couponDescription', header: t('report:trancheTable.coupon'), format: 'text' },
    { key: 'price', header: t('report:trancheTable.price'), format: 'number' },
    { key: 'paymentDelayDays', header: t('report:trancheTable.paymentDelayDays'), format: 'integer' },
    { key: 'wal', header: t('report:trancheTable.wal'), format: 'number' },
    { key: 'windowFirst', header: t('report:trancheTable.windowFirst'), format: 'integer' },
    { key: 'windowLast', header: t('report:trancheTable.windowLast'), format: 'integer' },
    { key: 'yield', header: t('report:trancheTable.yield'), format: 'percent' },
    { key: 'mortgageYield', header: t('report:trancheTable.mortgageYield'), format: 'percent' },
    { key: 'macaulayDuration', header: t('report:trancheTable.macaulayDuration'), format: 'number' },
    { key: 'modifiedDuration', header: t('report:trancheTable.modifiedDuration'), format: 'number' },
    { key: 'convexity', header: t('report:trancheTable.convexity'), format: 'number' },
    { key: 'principalLoss', header: t('report:trancheTable.principalLoss'), format: 'money' },
    { key: 'interestShortfall', header: t('report:trancheTable.interestShortfall'), format: 'money' },
  ];
  if (opts.breakevens)
    columns.push({ key: 'breakevenCdr', header: t('report:trancheTable.breakevenCdr'), format: 'percent' });
  if (hasMultiple)
    columns.push({
      key: 'breakevenMultiple',
      header: t('report:trancheTable.breakevenMultiple'),
      format: 'number',
    });
  const na = w.na;
  const none = t('report:none');
  const notFound = t('report:notFound');
  const rows: Row[] = result.tranches.map((tr) => {
    const spec = deal.structure.tranches.find((s) => s.id === tr.id);
    const b = breakevens.get(tr.id);
    return {
      id: tr.id,
      name: spec?.name ?? null,
      seniority: seniorityText(text.t, tr.seniority),
      rating: tr.rating ?? null,
      originalBalance: tr.originalBalance,
      poolShare: tr.poolShare,
      couponDescription: couponText(text, spec?.coupon, tr.couponDescription),
      price: tr.price,
      paymentDelayDays: tr.paymentDelayDays,
      wal: tr.wal ?? na,
      windowFirst: tr.principalWindow?.first ?? none,
      windowLast: tr.principalWindow?.last ?? none,
      yield: tr.yield ?? na,
      mortgageYield: tr.mortgageYield ?? na,
      macaulayDuration: tr.macaulayDuration ?? na,
      modifiedDuration: tr.modifiedDuration ?? na,
      convexity: tr.convexity ?? na,
      principalLoss: tr.principalLoss,
      interestShortfall: tr.interestShortfall,
      breakevenCdr: b ? (b.cdr ?? notFound) : null,
      breakevenMultiple: b && b.lossMultiple !== undefined ? (b.lossMultiple ?? notFound) : null,
    };
  });
  const placed = writeTable(
    w,
    { columns, rows, totals: ['originalBalance', 'poolShare', 'principalLoss', 'interestShortfall'] },
    r,
  );
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, columns.length - 1);
  columns.forEach((column, c) => {
    const note = figureNote(t, column.key);
    if (note) w.comment(placed.headerRow, c, note);
  });
  const names = classNames(result.tranches.map((tr) => tr.id));
  const nameColumns = [
    ['wal', 'WAL'],
    ['yield', 'Yield'],
    ['principalLoss', 'Loss'],
  ] as const;
  result.tranches.forEach((tr, i) => {
    for (const [key, suffix] of nameColumns) {
      const c = columns.findIndex((x) => x.key === key);
      const row = placed.firstDataRow + i;
      // A name on an "n/a" text would mislead a formula that reads it as a number.
      if (typeof w.cell(row, c)?.v === 'number') w.defineName(row, c, `${names[i]}_${suffix}`);
    }
  });
  r = placed.nextRow;

  section(t('report:summary.triggerEvents'));
  if (result.triggerEvents.length === 0) {
    w.text(r++, 0, t('report:summary.noTrigger'));
  } else {
    [
      t('report:triggerTable.trigger'),
      t('report:triggerTable.name'),
      t('report:triggerTable.period'),
      t('report:triggerTable.date'),
      t('report:triggerTable.event'),
      t('report:triggerTable.value'),
      t('report:triggerTable.threshold'),
    ].forEach((h, c) => w.text(r, c, h, true, 'header'));
    r++;
    for (const e of result.triggerEvents) {
      const spec = deal.structure.triggers.find((x) => x.id === e.id);
      // An OC ratio is a multiple of the notes; every other test measures a share.
      const format = spec?.test.type === 'ocRatio' ? 'number' : 'percent';
      w.text(r, 0, e.id);
      if (spec?.name) w.text(r, 1, spec.name);
      w.number(r, 2, e.period, 'integer');
      w.date(r, 3, e.date);
      w.text(r, 4, e.kind === 'breached' ? t('report:triggerKind.breached') : t('report:triggerKind.cured'));
      w.number(r, 5, e.value, format);
      w.number(r, 6, e.threshold, format);
      r++;
    }
  }

  section(t('report:summary.eventsAndChecks'));
  const cleanUp = deal.structure.cleanUpCall;
  const dateNa = t('report:summary.dateNa');
  const called = result.cleanUpCallPeriod;
  kv(
    t('report:summary.cleanUpCall'),
    called !== null
      ? t('report:summary.cleanUpExercised', { period: called, date: dateOf.get(called) ?? dateNa })
      : cleanUp
        ? t('report:summary.cleanUpNotExercised', { share: (cleanUp.poolShare * 100).toFixed(2) })
        : t('report:summary.cleanUpNone'),
  );
  const ended = result.revolvingEndPeriod;
  const endVars = { period: ended ?? 0, date: ended !== null ? (dateOf.get(ended) ?? dateNa) : dateNa };
  kv(
    t('report:summary.revolvingEnd'),
    ended !== null
      ? deal.structure.revolving && ended < deal.structure.revolving.endPeriod
        ? t('report:summary.revolvingEndEarly', endVars)
        : t('report:summary.revolvingEndPeriod', endVars)
      : deal.structure.revolving
        ? t('report:summary.didNotRevolve')
        : t('report:summary.notRevolving'),
  );
  kv(t('report:summary.cashConserved'), result.checks.cashConserved);
  kv(
    t('report:summary.unreconciled'),
    result.checks.failures.length === 0
      ? t('report:none')
      : text.list(
          result.checks.failures.map((f) =>
            t('report:summary.unreconciledPeriod', { period: f.period, difference: f.difference.toFixed(2) }),
          ),
        ),
  );
  return w;
}

/** How a column of the tranche table is computed, for its header's comment; null for a plain input. */
function figureNote(t: ReportText['t'], key: string): string | null {
  switch (key) {
    case 'poolShare':
      return t('report:styled.notes.poolShare');
    case 'price':
      return t('report:styled.notes.price');
    case 'wal':
      return t('report:styled.notes.wal');
    case 'windowFirst':
    case 'windowLast':
      return t('report:styled.notes.window');
    case 'yield':
      return t('report:styled.notes.yield');
    case 'mortgageYield':
      return t('report:styled.notes.mortgageYield');
    case 'macaulayDuration':
      return t('report:styled.notes.macaulayDuration');
    case 'modifiedDuration':
      return t('report:styled.notes.modifiedDuration');
    case 'convexity':
      return t('report:styled.notes.convexity');
    case 'principalLoss':
      return t('report:styled.notes.principalLoss');
    case 'interestShortfall':
      return t('report:styled.notes.interestShortfall');
    case 'breakevenCdr':
      return t('report:styled.notes.breakevenCdr');
    case 'breakevenMultiple':
      return t('report:styled.notes.breakevenMultiple');
    default:
      return null;
  }
}

/**
 * Workbook-name stems for the classes ("Class_A"): Excel names take letters, digits and underscores, so other
 * characters of a class id become underscores, and a clash (ids "A-1" and "A_1") gets a numbered suffix.
 */
export function classNames(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    const base = `Class_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
