/**
 * The validation report of one import: what was read, how, what was kept and what was rejected and why.
 * Every data row is either accepted or listed as rejected (rowsRead = accepted + rejected, always), with
 * its 1-based line in the file (the header is line 1), the column and the reason.
 */
import { neutraliseText } from '../report/cellText';
import type { PoolField } from './fields';

export const REJECT_REASONS = {
  'wrong-cell-count': 'row has a different number of cells than the header',
  'empty-row': 'every cell is empty',
  'missing-required': 'a required field is empty',
  'no-data-required': 'a required field carries an ESMA no-data code',
  'bad-number': 'not a number',
  'bad-date': 'not a date',
  'ambiguous-date': 'slash date whose order (DD/MM or MM/DD) the column does not decide',
  'bad-term': 'not a whole number of months',
  'negative-balance': 'negative balance',
  'rate-out-of-range': 'rate outside the accepted range after scaling',
  'term-out-of-range': 'term outside 1–1200 months',
  'remaining-exceeds-original': 'remaining term exceeds original term',
  matured: 'no remaining term at the cut-off',
  'no-remaining-term': 'remaining term neither given nor derivable',
  'maturity-before-origination': 'maturity date not after origination date',
  'duplicate-id': 'loan identifier already seen',
  'unsafe-id': 'identifier looks like a spreadsheet formula or holds control characters',
  'excluded-status': 'status leaves the pool at cut-off (defaulted, charged off, paid off, repurchased)',
  'unknown-status': 'status code not recognised',
  'unknown-product': 'product code not recognised',
  'unknown-classification': 'five-category classification not recognised',
  'unknown-repayment-method': 'repayment method not recognised',
  'bad-rate-basis': 'daily-rate basis is not 360 or 365',
  'missing-payment-rate': 'revolving balance without a monthly payment rate',
  'zero-balance': 'no principal left at the cut-off (a performing loan has a positive balance)',
  'originated-after-cutoff': 'origination date after the cut-off date',
  'maturity-before-cutoff': 'maturity date on or before the cut-off while a remaining term is stated',
  'mixed-decimal': 'number written with the other decimal separator than the rest of its column',
  'rate-scale-mismatch': "bare rate that does not fit its column's scale (percent or decimal)",
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export interface RejectedRow {
  /** 1-based line (or sheet row) in the file; the header is row 1. */
  row: number;
  /** Tape column header ('' when the reason concerns the whole row). */
  column: string;
  field: PoolField | null;
  /** The offending cell, cut to 200 characters. */
  value: string;
  reason: RejectReason;
  message: string;
}

export interface NoDataCount {
  field: PoolField;
  column: string;
  code: string;
  meaning: string;
  count: number;
}

/**
 * A value of a coded column (status, classification, product, repayment method) that neither the built-in
 * tables nor the mapping's value map know, with the rows it stopped: one line per distinct value, so a new
 * code is asked about once instead of rejecting thousands of rows without a word.
 */
export interface UnknownValue {
  field: 'status' | 'classification' | 'product' | 'repaymentMethod';
  column: string;
  value: string;
  rows: number;
}

export interface ImportReport {
  source: {
    name: string;
    format: 'csv' | 'xlsx' | 'xls' | 'rows';
    bytes?: number;
    encoding?: string;
    /** Why that encoding (BOM, valid UTF-8, fallback…). */
    encodingNote?: string;
    delimiter?: string;
    delimiterConfidence?: number;
    sheet?: string;
    sheets?: string[];
    /** The workbook's date serials count from 1904-01-01 (read as such). */
    date1904?: boolean;
  };
  mapping: {
    name: string;
    /** Pool field → the tape column it was read from. */
    columns: Partial<Record<PoolField, string>>;
    /** True when the mapping was suggested from the headers rather than chosen. */
    suggested: boolean;
    confidence?: number;
    notes: string[];
  };
  cutoffDate: string | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  blankLines: number;
  byReason: Partial<Record<RejectReason, number>>;
  /** Rejected rows in file order (the first `maxListedRejects`; the counts always cover all). */
  rejects: RejectedRow[];
  rejectsNotListed: number;
  noData: NoDataCount[];
  /** Codes not recognised, each with its row count (those rows are rejected until the code is mapped). */
  unknownValues: UnknownValue[];
  /** How values were read: scale rules, date formats found per column, derived fields, defaults. */
  rules: string[];
  warnings: string[];
  /** Column-level problems (e.g. ambiguous date order) that made rows fail; fix the mapping and re-import. */
  errors: string[];
  elapsedMs?: number;
}

function csvCell(s: string): string {
  const t = neutraliseText(s);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The rejected rows as CSV (row, column, field, value, reason, message), formula-safe. */
export function rejectsToCsv(rejects: readonly RejectedRow[]): string {
  const lines = ['row,column,field,value,reason,message'];
  for (const r of rejects) {
    lines.push([String(r.row), r.column, r.field ?? '', r.value, r.reason, r.message].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

const describeDelimiter = (d: string): string => (d === '\t' ? 'tab' : d === ' ' ? 'space' : `'${d}'`);

/** The report as the CLI prints it. */
export function formatReport(r: ImportReport, maxRejects = 20): string {
  const out: string[] = [];
  const src = r.source;
  out.push(`source: ${src.name} (${src.format}${src.bytes !== undefined ? `, ${src.bytes} bytes` : ''})`);
  if (src.encoding) out.push(`encoding: ${src.encoding}${src.encodingNote ? ` (${src.encodingNote})` : ''}`);
  if (src.delimiter !== undefined) {
    const conf =
      src.delimiterConfidence !== undefined
        ? `, ${Math.round(src.delimiterConfidence * 100)}% of sampled lines agree`
        : '';
    out.push(`delimiter: ${describeDelimiter(src.delimiter)}${conf}`);
  }
  if (src.sheet) out.push(`sheet: ${src.sheet}${src.sheets ? ` (of ${src.sheets.join(', ')})` : ''}`);
  const conf = r.mapping.confidence !== undefined ? `, confidence ${r.mapping.confidence.toFixed(2)}` : '';
  out.push(`mapping: ${r.mapping.name}${r.mapping.suggested ? ' (suggested from headers' + conf + ')' : ''}`);
  for (const [f, c] of Object.entries(r.mapping.columns)) out.push(`  ${f.padEnd(16)} <- ${c}`);
  for (const n of r.mapping.notes) out.push(`  note: ${n}`);
  out.push(`cut-off date: ${r.cutoffDate ?? 'none'}`);
  out.push(
    `rows read: ${r.rowsRead}  accepted: ${r.accepted}  rejected: ${r.rejected}` +
      (r.blankLines ? `  (blank lines skipped: ${r.blankLines})` : ''),
  );
  const reasons = Object.entries(r.byReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0) {
    out.push('rejected by reason:');
    for (const [reason, n] of reasons)
      out.push(`  ${String(n).padStart(8)}  ${reason}: ${REJECT_REASONS[reason as RejectReason]}`);
  }
  if (r.rejects.length > 0) {
    out.push(`first rejected rows (of ${r.rejected}):`);
    for (const x of r.rejects.slice(0, maxRejects)) {
      out.push(`  row ${x.row}${x.column ? `, column '${x.column}'` : ''}: ${x.reason}: ${x.message}`);
    }
    if (r.rejectsNotListed > 0) {
      out.push(
        `  (${r.rejectsNotListed} more rejected rows are counted above but not listed: the list is capped)`,
      );
    }
  }
  if (r.noData.length > 0) {
    out.push('no-data codes (imported as missing):');
    for (const n of r.noData) out.push(`  ${n.column} ${n.code} × ${n.count}: ${n.meaning}`);
  }
  if (r.rules.length > 0) {
    out.push('how values were read:');
    for (const x of r.rules) out.push(`  ${x}`);
  }
  for (const w of r.warnings) out.push(`warning: ${w}`);
  for (const e of r.errors) out.push(`error: ${e}`);
  return out.join('\n');
}
