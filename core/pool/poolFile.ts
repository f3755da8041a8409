/**
 * pool.json: a loan-level pool as written by `abs-workbench import` and read by deals (`pool.kind = 'file'`).
 * Columns, not rows (one array per field, like LoanPool), plus provenance: the source file, the mapping
 * used and the row counts, so a pool can always be traced back to the tape and the rejects it left behind.
 */
import { customIssue } from '../i18n/messages';
import { z } from 'zod';
import { STATUS_CODES, type LoanStatus } from '../io/tape/fields';
import { TapeMapping } from '../io/tape/mapping';
import { dayToIso, isoToDay } from '../io/tape/dates';
import { PRODUCT_CODES, type LoanPool } from './loanPool';

export const POOL_FILE_SCHEMA_VERSION = 1;

/** Status index meaning "not given". */
export const NO_STATUS = 255;
/** Region index meaning "not given". */
export const NO_REGION = 0xffff;

/** A LoanPool with the tape's descriptive columns (for stratification and audit). */
export interface ImportedPool extends LoanPool {
  readonly cutoffDate: string | null;
  /** Day numbers (days since 1970-01-01), NaN when missing. */
  readonly originationDay: Float64Array;
  readonly maturityDay: Float64Array;
  /** NaN when missing. */
  readonly daysPastDue: Float64Array;
  /** Index into STATUS_CODES, NO_STATUS when missing. */
  readonly status: Uint8Array;
  /** Index into regionNames, NO_REGION when missing. */
  readonly region: Uint16Array;
  readonly regionNames: readonly string[];
  /** NaN when missing. */
  readonly score: Float64Array;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const num = z.number().finite();
const nonneg = num.nonnegative();

export const PoolProvenance = z.object({
  sourceFile: z.string().max(1000),
  sourceBytes: z.number().int().nonnegative().optional(),
  format: z.enum(['csv', 'xlsx', 'xls', 'rows']),
  encoding: z.string().max(40).optional(),
  delimiter: z.string().max(4).optional(),
  sheet: z.string().max(200).optional(),
  mapping: TapeMapping,
  importedAt: z.string().max(40),
  rowsRead: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  byReason: z.record(z.string().max(64), z.number().int().nonnegative()),
  /** How values were read (rate scale, date formats, derived fields): the report's rules. */
  rules: z.array(z.string().max(2000)).default([]),
});
export type PoolProvenance = z.infer<typeof PoolProvenance>;

export const PoolFile = z
  .object({
    schemaVersion: z.literal(POOL_FILE_SCHEMA_VERSION),
    kind: z.literal('loanPool'),
    cutoffDate: isoDate.nullable(),
    size: z.number().int().nonnegative(),
    provenance: PoolProvenance,
    columns: z.object({
      id: z.array(z.string().max(200)),
      /** Index into PRODUCT_CODES. */
      product: z.array(
        z
          .number()
          .int()
          .min(0)
          .max(PRODUCT_CODES.length - 1),
      ),
      segment: z.array(z.number().int().nonnegative()),
      segmentNames: z.array(z.string().max(200)),
      balance: z.array(nonneg),
      originalBalance: z.array(nonneg),
      rate: z.array(num.min(0).max(10)),
      monthlyFeeRate: z.array(num.min(0).max(1)),
      paymentRate: z.array(num.min(0).max(1)),
      originalTerm: z.array(z.number().int().min(1).max(1200)),
      remainingTerm: z.array(z.number().int().min(1).max(1200)),
      originationDate: z.array(isoDate.nullable()),
      maturityDate: z.array(isoDate.nullable()),
      daysPastDue: z.array(z.number().int().nonnegative().nullable()),
      status: z.array(z.enum(STATUS_CODES).nullable()),
      /** Index into regionNames, null when missing. */
      region: z.array(z.number().int().nonnegative().nullable()),
      regionNames: z.array(z.string().max(200)),
      score: z.array(num.nullable()),
    }),
  })
  .superRefine((pf, ctx) => {
    for (const [name, arr] of Object.entries(pf.columns)) {
      if (name === 'segmentNames' || name === 'regionNames') continue;
      if (arr.length !== pf.size) {
        ctx.addIssue(
          customIssue('file.columnLength', { length: arr.length, field: 'size', size: pf.size }, [
            'columns',
            name,
          ]),
        );
      }
    }
    const segs = pf.columns.segmentNames.length;
    if (pf.columns.segment.some((s) => s >= segs)) {
      ctx.addIssue(customIssue('file.indexOutside', { field: 'segmentNames' }, ['columns', 'segment']));
    }
    const regs = pf.columns.regionNames.length;
    if (pf.columns.region.some((r) => r !== null && r >= regs)) {
      ctx.addIssue(customIssue('file.indexOutside', { field: 'regionNames' }, ['columns', 'region']));
    }
    pf.columns.remainingTerm.forEach((r, i) => {
      if (r > pf.columns.originalTerm[i]!) {
        ctx.addIssue(
          customIssue('file.exceedsField', { field: 'originalTerm' }, ['columns', 'remainingTerm', i]),
        );
      }
    });
  });
export type PoolFile = z.infer<typeof PoolFile>;

/** The engine's view of a pool file: what projections run on. */
export function poolFileToLoanPool(pf: PoolFile): LoanPool {
  return poolFileToImportedPool(pf);
}

const nanIfNull = (v: number | null): number => (v === null ? NaN : v);
const dayOf = (s: string | null): number => (s === null ? NaN : isoToDay(s));

export function poolFileToImportedPool(pf: PoolFile): ImportedPool {
  const c = pf.columns;
  return {
    size: pf.size,
    ids: c.id,
    product: Uint8Array.from(c.product),
    segment: Uint16Array.from(c.segment),
    segmentNames: c.segmentNames,
    balance: Float64Array.from(c.balance),
    originalBalance: Float64Array.from(c.originalBalance),
    rate: Float64Array.from(c.rate),
    monthlyFeeRate: Float64Array.from(c.monthlyFeeRate),
    originalTerm: Uint16Array.from(c.originalTerm),
    remainingTerm: Uint16Array.from(c.remainingTerm),
    paymentRate: Float64Array.from(c.paymentRate),
    cutoffDate: pf.cutoffDate,
    originationDay: Float64Array.from(c.originationDate, dayOf),
    maturityDay: Float64Array.from(c.maturityDate, dayOf),
    daysPastDue: Float64Array.from(c.daysPastDue, nanIfNull),
    status: Uint8Array.from(c.status, (s) => (s === null ? NO_STATUS : STATUS_CODES.indexOf(s))),
    region: Uint16Array.from(c.region, (r) => (r === null ? NO_REGION : r)),
    regionNames: c.regionNames,
    score: Float64Array.from(c.score, nanIfNull),
  };
}

function isImported(p: LoanPool): p is ImportedPool {
  return 'originationDay' in p && 'status' in p;
}

const nullIfNaN = (v: number): number | null => (Number.isNaN(v) ? null : v);
const isoOrNull = (d: number): string | null => (Number.isNaN(d) ? null : dayToIso(d));

/** Writes a pool (loan level, with the tape's descriptive columns when it has them) as a pool file. */
export function loanPoolToPoolFile(
  pool: LoanPool | ImportedPool,
  provenance: PoolProvenance,
  cutoffDate?: string | null,
): PoolFile {
  const n = pool.size;
  const imp = isImported(pool) ? pool : null;
  const nulls = (): null[] => new Array<null>(n).fill(null);
  return {
    schemaVersion: POOL_FILE_SCHEMA_VERSION,
    kind: 'loanPool',
    cutoffDate: cutoffDate !== undefined ? cutoffDate : (imp?.cutoffDate ?? null),
    size: n,
    provenance,
    columns: {
      id: Array.from(pool.ids),
      product: Array.from(pool.product),
      segment: Array.from(pool.segment),
      segmentNames: Array.from(pool.segmentNames),
      balance: Array.from(pool.balance),
      originalBalance: Array.from(pool.originalBalance),
      rate: Array.from(pool.rate),
      monthlyFeeRate: Array.from(pool.monthlyFeeRate),
      paymentRate: Array.from(pool.paymentRate),
      originalTerm: Array.from(pool.originalTerm),
      remainingTerm: Array.from(pool.remainingTerm),
      originationDate: imp ? Array.from(imp.originationDay, isoOrNull) : nulls(),
      maturityDate: imp ? Array.from(imp.maturityDay, isoOrNull) : nulls(),
      daysPastDue: imp ? Array.from(imp.daysPastDue, nullIfNaN) : nulls(),
      status: imp
        ? Array.from(imp.status, (s): LoanStatus | null => (s === NO_STATUS ? null : STATUS_CODES[s]!))
        : nulls(),
      region: imp ? Array.from(imp.region, (r) => (r === NO_REGION ? null : r)) : nulls(),
      regionNames: imp ? Array.from(imp.regionNames) : [],
      score: imp ? Array.from(imp.score, nullIfNaN) : nulls(),
    },
  };
}

/**
 * The pool file as JSON text in pieces, the same text `JSON.stringify(loanPoolToPoolFile(...))` gives, without
 * building one JS value per loan and field or one giant string first: a million-loan pool is written with
 * its typed arrays and a few megabytes of text in flight.
 */
export function* poolFileJsonChunks(
  pool: LoanPool | ImportedPool,
  provenance: PoolProvenance,
  cutoffDate?: string | null,
): Generator<string> {
  const n = pool.size;
  const imp = isImported(pool) ? pool : null;
  const cut = cutoffDate !== undefined ? cutoffDate : (imp?.cutoffDate ?? null);
  const head = JSON.stringify({
    schemaVersion: POOL_FILE_SCHEMA_VERSION,
    kind: 'loanPool',
    cutoffDate: cut,
    size: n,
    provenance,
  });
  yield head.slice(0, -1) + ',"columns":{';
  const num = (v: number): string => (Number.isFinite(v) ? String(v) : 'null');
  const iso = (d: number): string => (Number.isNaN(d) ? 'null' : `"${dayToIso(d)}"`);
  const none = (): string => 'null';
  const columns: [string, number, (i: number) => string][] = [
    ['id', n, (i) => JSON.stringify(pool.ids[i])],
    ['product', n, (i) => String(pool.product[i])],
    ['segment', n, (i) => String(pool.segment[i])],
    ['segmentNames', pool.segmentNames.length, (i) => JSON.stringify(pool.segmentNames[i])],
    ['balance', n, (i) => num(pool.balance[i]!)],
    ['originalBalance', n, (i) => num(pool.originalBalance[i]!)],
    ['rate', n, (i) => num(pool.rate[i]!)],
    ['monthlyFeeRate', n, (i) => num(pool.monthlyFeeRate[i]!)],
    ['paymentRate', n, (i) => num(pool.paymentRate[i]!)],
    ['originalTerm', n, (i) => String(pool.originalTerm[i])],
    ['remainingTerm', n, (i) => String(pool.remainingTerm[i])],
    ['originationDate', n, imp ? (i) => iso(imp.originationDay[i]!) : none],
    ['maturityDate', n, imp ? (i) => iso(imp.maturityDay[i]!) : none],
    ['daysPastDue', n, imp ? (i) => num(imp.daysPastDue[i]!) : none],
    [
      'status',
      n,
      imp ? (i) => (imp.status[i] === NO_STATUS ? 'null' : `"${STATUS_CODES[imp.status[i]!]}"`) : none,
    ],
    ['region', n, imp ? (i) => (imp.region[i] === NO_REGION ? 'null' : String(imp.region[i])) : none],
    ['regionNames', imp ? imp.regionNames.length : 0, (i) => JSON.stringify(imp!.regionNames[i])],
    ['score', n, imp ? (i) => num(imp.score[i]!) : none],
  ];
  const STEP = 65_536;
  for (let c = 0; c < columns.length; c++) {
    const [name, len, cell] = columns[c]!;
    yield `${c > 0 ? ',' : ''}"${name}":[`;
    for (let from = 0; from < len; from += STEP) {
      const to = Math.min(len, from + STEP);
      const parts = new Array<string>(to - from);
      for (let i = from; i < to; i++) parts[i - from] = cell(i);
      yield (from > 0 ? ',' : '') + parts.join(',');
    }
    yield ']';
  }
  yield '}}';
}
