/**
 * The validation report of one import: what was read, how, what was kept and what was rejected and why.
 * Every data row is either accepted or listed as rejected (rowsRead = accepted + rejected, always), with
 * its 1-based line in the file (the header is line 1), the column and the reason.
 */
import { Product } from '../../deal/schema';
import { translator, type Lang, type TFunction } from '../../i18n';
import { tape as tapeEn } from '../../i18n/locales/en/tape';
import { checkMessageOf, coreText, type CoreMessage } from '../../i18n/messages';
import { neutraliseText } from '../report/cellText';
import { FIELD_SPECS, STATUS_CODES, type PoolField } from './fields';

/** Why a row was rejected, in English: the tape catalog's words, so the report and the screens never differ. */
export const REJECT_REASONS = tapeEn.reason;
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
    /** The same, coded, so a host shows it in its user's language. */
    encodingNoteMessage?: CoreMessage;
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
  /** `rules`, `warnings` and `errors` coded (the same English in `message`), for the user's language. */
  ruleMessages?: CoreMessage[];
  warningMessages?: CoreMessage[];
  errorMessages?: CoreMessage[];
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

/** A text the report carries in the language of `t`: its coded form when there is one, else as written. */
function textOf(t: TFunction, plain: string, coded: CoreMessage | undefined, lang: Lang): string {
  const m = coded ?? checkMessageOf(plain);
  return m ? coreText(t, lang === 'en' ? m : localised(t, m)) : plain;
}

const FIELD_PARAMS = ['field', 'from', 'original'] as const;
const isPoolField = (v: unknown): v is PoolField => typeof v === 'string' && v in FIELD_SPECS;

/**
 * Outside English, the pool fields, products and statuses a rule names read as the tape catalog words them
 * (剩余期数, 等额本息, 核销) rather than as the mapping file's ids; the English keeps the ids it always printed.
 */
function localised(t: TFunction, m: CoreMessage): CoreMessage {
  const params: Record<string, string | number> = { ...m.params };
  for (const k of FIELD_PARAMS) {
    const v = params[k];
    // The catalog's label without its parenthesised hint: 还款方式（等额本息、先息后本等） → 还款方式.
    if (isPoolField(v)) params[k] = t(`tape:fields.${v}`).replace(/\s*[（(][^（(]*[）)]$/, '');
  }
  const product = params.product;
  if (typeof product === 'string' && product in PRODUCT_NAMES) params.product = t(`tape:product.${product}`);
  if (m.code === 'tapeImport.statusesExcluded' && typeof params.statuses === 'string')
    params.statuses = params.statuses
      .split(', ')
      .map((x) => t(`tape:status.${x}`, { defaultValue: x }))
      .join(t('tape:report.listSeparator'));
  const nested = m.nested
    ? Object.fromEntries(Object.entries(m.nested).map(([k, v]) => [k, localised(t, v)]))
    : undefined;
  return { ...m, params, ...(nested ? { nested } : {}) };
}

const PRODUCT_NAMES: Readonly<Record<string, true>> = Object.fromEntries(
  Product.options.map((p) => [p, true]),
);

/**
 * The report's sentences in the language of `t`: how values were read, warnings, errors, the mapping's notes (a
 * built-in mapping's in that language, a user's as written) and the encoding note.
 */
export function reportTexts(
  r: ImportReport,
  t: TFunction,
  lang: Lang = 'en',
): { rules: string[]; warnings: string[]; errors: string[]; notes: string[]; encodingNote?: string } {
  const list = (plain: readonly string[], coded?: readonly CoreMessage[]): string[] =>
    plain.map((x, i) => textOf(t, x, coded?.[i]?.message === x ? coded[i] : undefined, lang));
  const note = r.source.encodingNote;
  return {
    rules: list(r.rules, r.ruleMessages),
    warnings: list(r.warnings, r.warningMessages),
    errors: list(r.errors, r.errorMessages),
    notes: list(r.mapping.notes),
    ...(note !== undefined ? { encodingNote: textOf(t, note, r.source.encodingNoteMessage, lang) } : {}),
  };
}

const describeDelimiter = (t: TFunction, d: string): string =>
  d === '\t' ? t('tape:report.tab') : d === ' ' ? t('tape:report.space') : `'${d}'`;

/**
 * One rejected row as a sentence: in English the row's own message (the most specific), in another language
 * the translated reason and the cell's value (the engine's messages are English text).
 */
export function rejectText(t: TFunction, x: RejectedRow, lang: Lang = 'en'): string {
  const detail =
    lang === 'en'
      ? x.message
      : t('tape:report.rowDetail', { reason: t(`tape:reason.${x.reason}`), value: x.value });
  return x.column
    ? t('tape:report.rowError', { row: x.row, column: x.column, code: x.reason, detail })
    : t('tape:report.rowErrorNoColumn', { row: x.row, code: x.reason, detail });
}

/** The unknown-code section: each value with its rows, and how to map it. Empty when every code was known. */
export function formatUnknownValues(r: ImportReport, t: TFunction): string[] {
  if (r.unknownValues.length === 0) return [];
  const out = [t('tape:unknown.title')];
  for (const u of r.unknownValues)
    out.push(
      '  ' +
        t('tape:unknown.line', {
          field: u.field,
          value: u.value,
          column: u.column,
          count: u.rows,
        }),
    );
  const first = r.unknownValues[0]!;
  const code = first.field === 'status' || first.field === 'classification' ? 'restructured' : 'level-pay';
  out.push(
    '  ' +
      t('tape:unknown.how', {
        option: '--map-value field:value=code',
        example: `--map-value ${first.field}:${first.value}=${code}`,
        section: '"values"',
      }),
  );
  out.push('  ' + t('tape:unknown.codesStatus', { codes: STATUS_CODES.join(', ') }));
  out.push('  ' + t('tape:unknown.codesProduct', { codes: Product.options.join(', ') }));
  return out;
}

/** The report as the CLI prints it, in the language of `t` (English by default). */
export function formatReport(
  r: ImportReport,
  maxRejects = 20,
  t: TFunction = translator('en'),
  lang: Lang = 'en',
): string {
  const out: string[] = [];
  const src = r.source;
  const texts = reportTexts(r, t, lang);
  out.push(
    src.bytes !== undefined
      ? t('tape:report.sourceBytes', { name: src.name, format: src.format, bytes: src.bytes })
      : t('tape:report.source', { name: src.name, format: src.format }),
  );
  if (src.encoding)
    out.push(
      texts.encodingNote
        ? t('tape:report.encodingNote', { encoding: src.encoding, note: texts.encodingNote })
        : t('tape:report.encoding', { encoding: src.encoding }),
    );
  if (src.delimiter !== undefined) {
    const delimiter = describeDelimiter(t, src.delimiter);
    out.push(
      src.delimiterConfidence !== undefined
        ? t('tape:report.delimiterAgree', {
            delimiter,
            percent: Math.round(src.delimiterConfidence * 100),
          })
        : t('tape:report.delimiter', { delimiter }),
    );
  }
  if (src.sheet)
    out.push(
      src.sheets
        ? t('tape:report.sheetOf', { sheet: src.sheet, sheets: src.sheets.join(', ') })
        : t('tape:report.sheet', { sheet: src.sheet }),
    );
  out.push(
    !r.mapping.suggested
      ? t('tape:report.mapping', { name: r.mapping.name })
      : r.mapping.confidence !== undefined
        ? t('tape:report.mappingSuggestedConfidence', {
            name: r.mapping.name,
            confidence: r.mapping.confidence.toFixed(2),
          })
        : t('tape:report.mappingSuggested', { name: r.mapping.name }),
  );
  for (const [f, c] of Object.entries(r.mapping.columns)) out.push(`  ${f.padEnd(16)} <- ${c}`);
  for (const n of texts.notes) out.push('  ' + t('tape:report.note', { note: n }));
  out.push(r.cutoffDate ? t('tape:report.cutoff', { date: r.cutoffDate }) : t('tape:report.cutoffNone'));
  const counts = { read: r.rowsRead, accepted: r.accepted, rejected: r.rejected, blank: r.blankLines };
  out.push(r.blankLines ? t('tape:report.countsBlank', counts) : t('tape:report.counts', counts));
  const reasons = Object.entries(r.byReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0) {
    out.push(t('tape:report.byReason'));
    for (const [reason, n] of reasons)
      out.push(`  ${String(n).padStart(8)}  ${reason}: ${t(`tape:reason.${reason}`)}`);
  }
  out.push(...formatUnknownValues(r, t));
  if (r.rejects.length > 0) {
    out.push(t('tape:report.firstRejected', { count: r.rejected }));
    for (const x of r.rejects.slice(0, maxRejects)) out.push('  ' + rejectText(t, x, lang));
    if (r.rejectsNotListed > 0) out.push('  ' + t('tape:report.notListed', { count: r.rejectsNotListed }));
  }
  if (r.noData.length > 0) {
    out.push(t('tape:report.noData'));
    for (const n of r.noData)
      out.push(
        `  ${n.column} ${n.code} × ${n.count}: ${t(`tape:noData.${n.code}`, { defaultValue: n.meaning })}`,
      );
  }
  if (texts.rules.length > 0) {
    out.push(t('tape:report.rules'));
    for (const x of texts.rules) out.push(`  ${x}`);
  }
  for (const w of texts.warnings) out.push(t('tape:report.warning', { text: w }));
  for (const e of texts.errors) out.push(t('tape:report.error', { text: e }));
  return out.join('\n');
}
