/**
 * The Pool screen's read-only tables as ReportTables (the rows and formats the report grids show and export):
 * the deal's representative lines, a stratification with its total, and the rejected rows by reason.
 */
import type { TFunction } from 'i18next';
import type { ReportTable } from '../../../core/io/report/reportTable';
import { tableOf } from '../../../core/io/report/reportTable';
import type { RejectReason } from '../../../core/io/tape/report';
import type { RepLine } from '../../../core/deal/schema';
import { DELINQUENCY_LABELS, type StratRow, type StratTable } from '../../../core/pool/strat';

type Row = ReportTable['rows'][number];

/** Headers and titles come from the `pool` namespace through `t` (the screen's, so a language change redraws). */
export function repLinesTable(lines: readonly RepLine[], t: TFunction): ReportTable {
  const total = lines.reduce((s, l) => s + l.balance, 0);
  return tableOf(
    { sheetName: 'rep lines', title: t('pool:table.repLines') },
    [
      { key: 'id', header: t('pool:table.line'), format: 'text', value: (l: RepLine) => l.id },
      { key: 'segment', header: t('pool:table.segment'), format: 'text', value: (l) => l.segment },
      {
        key: 'product',
        header: t('pool:table.product'),
        format: 'text',
        value: (l) => t(`tape:product.${l.product}`),
      },
      { key: 'balance', header: t('pool:table.balance'), format: 'money', value: (l) => l.balance },
      {
        key: 'share',
        header: t('pool:table.share'),
        format: 'percent',
        value: (l) => (total > 0 ? l.balance / total : 0),
      },
      { key: 'rate', header: t('pool:table.rate'), format: 'percent', value: (l) => l.rate },
      { key: 'fee', header: t('pool:table.fee'), format: 'percent', value: (l) => l.monthlyFeeRate },
      {
        key: 'originalTerm',
        header: t('pool:table.originalTerm'),
        format: 'integer',
        value: (l) => l.originalTerm,
      },
      {
        key: 'remainingTerm',
        header: t('pool:table.remainingTerm'),
        format: 'integer',
        value: (l) => l.remainingTerm,
      },
      {
        key: 'paymentRate',
        header: t('pool:table.paymentRate'),
        format: 'percent',
        // Only revolving lines repay at a rate of the balance; an instalment line's cell is blank.
        value: (l) => (l.product === 'revolving' ? l.paymentRate : null),
      },
      { key: 'count', header: t('pool:table.receivables'), format: 'integer', value: (l) => l.count },
    ],
    lines,
  );
}

function stratColumns(t: TFunction) {
  return [
    { key: 'label', header: t('pool:table.bucket'), format: 'text', value: (r: StratRow) => r.label },
    { key: 'count', header: t('pool:table.loans'), format: 'integer', value: (r: StratRow) => r.count },
    { key: 'balance', header: t('pool:table.balance'), format: 'money', value: (r: StratRow) => r.balance },
    {
      key: 'pctBalance',
      header: t('pool:table.pctBalance'),
      format: 'percent',
      value: (r: StratRow) => r.pctBalance,
    },
    { key: 'waRate', header: t('pool:table.waRate'), format: 'percent', value: (r: StratRow) => r.waRate },
    {
      key: 'waRemainingTerm',
      header: t('pool:table.waRemainingTerm'),
      format: 'number',
      value: (r: StratRow) => r.waRemainingTerm,
    },
  ] as const;
}

const DELINQUENCY_KEYS = ['current', 'days1', 'days30', 'days60', 'days90', 'statusOnly'] as const;

/**
 * A bucket's label in the screen's language: the engine's fixed labels (not reported, 0% interest-free, the
 * delinquency bands, product and status codes) are translated; data labels (grades, regions, ranges) stay.
 */
export function stratLabel(key: StratTable['key'], label: string, t: TFunction): string {
  if (label === 'not reported') return t('pool:bucket.notReported');
  if (label === '0% (interest-free)') return t('pool:bucket.interestFree');
  if (key === 'delinquency') {
    const i = (DELINQUENCY_LABELS as readonly string[]).indexOf(label);
    if (i >= 0) return t(`pool:bucket.${DELINQUENCY_KEYS[i]!}`);
  }
  if (key === 'product') return t(`tape:product.${label}`, { defaultValue: label });
  if (key === 'status') return t(`tape:status.${label}`, { defaultValue: label });
  return label;
}

/** A stratification's buckets, and its total row apart so the grid keeps it under them. */
export function stratReportTable(s: StratTable, t: TFunction): { table: ReportTable; total: Row } {
  const cols = stratColumns(t);
  const rows = s.rows.map((r) => ({ ...r, label: stratLabel(s.key, r.label, t) }));
  const table = tableOf({ sheetName: `strat ${s.key}`, title: t(`pool:strat.${s.key}`) }, cols, rows);
  const total = tableOf({ sheetName: '', title: '' }, cols, [{ ...s.total, label: t('pool:table.total') }])
    .rows[0]!;
  return { table, total };
}

/** Rejected rows counted by reason, in the report's words; a reason the UI does not know shows its code. */
export function rejectReasonsTable(
  byReason: Partial<Record<RejectReason, number>>,
  t: TFunction,
): ReportTable {
  return tableOf(
    { sheetName: 'rejects by reason', title: t('pool:table.rejectsByReason') },
    [
      {
        key: 'reason',
        header: t('pool:table.reason'),
        format: 'text',
        value: ([k]: [string, number]) => t(`tape:reason.${k}`, { defaultValue: k }),
      },
      { key: 'rows', header: t('pool:table.rows'), format: 'integer', value: ([, n]) => n },
    ],
    Object.entries(byReason).filter((e): e is [string, number] => e[1] !== undefined),
  );
}

/**
 * Segments (credit grades by default) in their natural order, A before B and grade 2 before grade 10, with
 * "not reported" last; the engine lists them in the order the tape first used them (D, E, B, C, A).
 */
export function orderedStrat(table: StratTable): StratTable {
  if (table.key !== 'segment') return table;
  const rank = (label: string): number => (label === 'not reported' ? 1 : 0);
  const rows = [...table.rows].sort(
    (a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label, 'en', { numeric: true }),
  );
  return { ...table, rows };
}

/** Bars a strat card's chart can label legibly at its width (about 40px each with the labels turned 30°). */
export const MAX_CHART_BARS = 12;

/** One bar of a strat chart: its bucket's label and its share of the pool's balance. */
export interface StratBar {
  label: string;
  share: number;
}

/**
 * A strat's bars as its chart draws them. Buckets with no natural order (regions: a US tape has ~50 states)
 * past `max` keep the largest `max - 1` by balance and add the rest up as "Other", so every label stays
 * readable and the bars still sum to the pool; the table beside the chart keeps every bucket. Ordered buckets
 * (terms, rates, grades) are never regrouped: dropping the middle of a distribution would misdraw it.
 */
export function stratBars(table: StratTable, t: TFunction, max = MAX_CHART_BARS): StratBar[] {
  const bars = table.rows.map((r) => ({ label: stratLabel(table.key, r.label, t), share: r.pctBalance }));
  if (table.key !== 'region' || bars.length <= max) return bars;
  const sorted = [...bars].sort((a, b) => b.share - a.share);
  const kept = sorted.slice(0, max - 1);
  const other = sorted.slice(max - 1).reduce((s, b) => s + b.share, 0);
  return [...kept, { label: t('pool:table.other', { count: bars.length - kept.length }), share: other }];
}
