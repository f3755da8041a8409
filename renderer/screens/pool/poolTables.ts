/**
 * The Pool screen's read-only tables as ReportTables (the rows and formats the report grids show and export):
 * the deal's representative lines, a stratification with its total, and the rejected rows by reason.
 */
import type { ReportTable } from '../../../core/io/report/reportTable';
import { tableOf } from '../../../core/io/report/reportTable';
import { REJECT_REASONS, type RejectReason } from '../../../core/io/tape/report';
import type { RepLine } from '../../../core/deal/schema';
import type { StratRow, StratTable } from '../../../core/pool/strat';

type Row = ReportTable['rows'][number];

export function repLinesTable(lines: readonly RepLine[]): ReportTable {
  const total = lines.reduce((s, l) => s + l.balance, 0);
  return tableOf(
    { sheetName: 'rep lines', title: 'Representative lines' },
    [
      { key: 'id', header: 'Line', format: 'text', value: (l: RepLine) => l.id },
      { key: 'segment', header: 'Segment', format: 'text', value: (l) => l.segment },
      { key: 'product', header: 'Product', format: 'text', value: (l) => l.product },
      { key: 'balance', header: 'Balance', format: 'money', value: (l) => l.balance },
      {
        key: 'share',
        header: '% of pool',
        format: 'percent',
        value: (l) => (total > 0 ? l.balance / total : 0),
      },
      { key: 'rate', header: 'Rate', format: 'percent', value: (l) => l.rate },
      { key: 'fee', header: 'Fee / month', format: 'percent', value: (l) => l.monthlyFeeRate },
      { key: 'originalTerm', header: 'Orig. term', format: 'integer', value: (l) => l.originalTerm },
      { key: 'remainingTerm', header: 'Rem. term', format: 'integer', value: (l) => l.remainingTerm },
      {
        key: 'paymentRate',
        header: 'Payment rate',
        format: 'percent',
        // Only revolving lines repay at a rate of the balance; an instalment line's cell is blank.
        value: (l) => (l.product === 'revolving' ? l.paymentRate : null),
      },
      { key: 'count', header: 'Receivables', format: 'integer', value: (l) => l.count },
    ],
    lines,
  );
}

const STRAT_COLUMNS = [
  { key: 'label', header: 'Bucket', format: 'text', value: (r: StratRow) => r.label },
  { key: 'count', header: 'Loans', format: 'integer', value: (r: StratRow) => r.count },
  { key: 'balance', header: 'Balance', format: 'money', value: (r: StratRow) => r.balance },
  { key: 'pctBalance', header: '% bal.', format: 'percent', value: (r: StratRow) => r.pctBalance },
  { key: 'waRate', header: 'WA rate', format: 'percent', value: (r: StratRow) => r.waRate },
  {
    key: 'waRemainingTerm',
    header: 'WA rem. term',
    format: 'number',
    value: (r: StratRow) => r.waRemainingTerm,
  },
] as const;

/** A stratification's buckets, and its total row apart so the grid keeps it under them. */
export function stratReportTable(t: StratTable): { table: ReportTable; total: Row } {
  const table = tableOf({ sheetName: `strat ${t.key}`, title: t.title }, STRAT_COLUMNS, t.rows);
  const total = tableOf({ sheetName: '', title: '' }, STRAT_COLUMNS, [{ ...t.total, label: 'Total' }])
    .rows[0]!;
  return { table, total };
}

/** Rejected rows counted by reason, in the report's words; a reason the UI does not know shows its code. */
export function rejectReasonsTable(byReason: Partial<Record<RejectReason, number>>): ReportTable {
  return tableOf(
    { sheetName: 'rejects by reason', title: 'Rejected rows by reason' },
    [
      {
        key: 'reason',
        header: 'Reason',
        format: 'text',
        value: ([k]: [string, number]) => REJECT_REASONS[k as RejectReason] ?? k,
      },
      { key: 'rows', header: 'Rows', format: 'integer', value: ([, n]) => n },
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
export function stratBars(table: StratTable, max = MAX_CHART_BARS): StratBar[] {
  const bars = table.rows.map((r) => ({ label: r.label, share: r.pctBalance }));
  if (table.key !== 'region' || bars.length <= max) return bars;
  const sorted = [...bars].sort((a, b) => b.share - a.share);
  const kept = sorted.slice(0, max - 1);
  const other = sorted.slice(max - 1).reduce((s, b) => s + b.share, 0);
  return [...kept, { label: `Other (${bars.length - kept.length})`, share: other }];
}
