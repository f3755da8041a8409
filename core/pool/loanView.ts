/**
 * Sorting and filtering a loan tape without one object per loan: a query over the struct-of-arrays pool
 * gives the matching loan indices in display order, and a grid then reads rows through that order. The
 * query runs on only the columns it names, so the UI can ship just those to a worker.
 */
import { STATUS_CODES } from '../io/tape/fields';
import { PRODUCT_CODES } from './loanPool';
import { NO_REGION, NO_STATUS, type ImportedPool } from './poolFile';

export const LOAN_FIELDS = [
  'id',
  'product',
  'segment',
  'balance',
  'originalBalance',
  'rate',
  'monthlyFeeRate',
  'originalTerm',
  'remainingTerm',
  'status',
  'daysPastDue',
  'region',
  'score',
] as const;
export type LoanField = (typeof LOAN_FIELDS)[number];

export type TextOp =
  'contains' | 'notContains' | 'equals' | 'notEqual' | 'startsWith' | 'endsWith' | 'blank' | 'notBlank';
export type NumberOp =
  | 'equals'
  | 'notEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'inRange'
  | 'blank'
  | 'notBlank';

export type LoanCondition =
  { kind: 'text'; op: TextOp; value: string } | { kind: 'number'; op: NumberOp; value: number; to?: number };

export interface LoanFilter {
  field: LoanField;
  join: 'AND' | 'OR';
  conditions: LoanCondition[];
}

export interface LoanSort {
  field: LoanField;
  desc: boolean;
}

export interface LoanQuery {
  sort: LoanSort[];
  filters: LoanFilter[];
}

/** One column as the query reads it; a missing number is NaN, a missing category is `missing`. */
export type LoanColumn =
  | { kind: 'number'; values: Float64Array | Uint16Array }
  | { kind: 'category'; codes: Uint8Array | Uint16Array; names: readonly string[]; missing: number }
  | { kind: 'text'; values: readonly string[] };

export type LoanColumns = Partial<Record<LoanField, LoanColumn>>;

export function isEmptyQuery(q: LoanQuery): boolean {
  return q.sort.length === 0 && q.filters.length === 0;
}

/** The fields a query reads, each once. */
export function queryFields(q: LoanQuery): LoanField[] {
  return [...new Set([...q.sort.map((s) => s.field), ...q.filters.map((f) => f.field)])];
}

/** The pool's column for a field, by reference (no copy). */
export function loanColumn(pool: ImportedPool, field: LoanField): LoanColumn {
  switch (field) {
    case 'id':
      return { kind: 'text', values: pool.ids };
    case 'product':
      return { kind: 'category', codes: pool.product, names: PRODUCT_CODES, missing: -1 };
    case 'segment':
      return { kind: 'category', codes: pool.segment, names: pool.segmentNames, missing: -1 };
    case 'status':
      return { kind: 'category', codes: pool.status, names: STATUS_CODES, missing: NO_STATUS };
    case 'region':
      return { kind: 'category', codes: pool.region, names: pool.regionNames, missing: NO_REGION };
    default:
      return { kind: 'number', values: pool[field] };
  }
}

export function loanColumns(pool: ImportedPool, fields: readonly LoanField[]): LoanColumns {
  const out: LoanColumns = {};
  for (const f of fields) out[f] = loanColumn(pool, f);
  return out;
}

/** Text matching as AG Grid's text filter does it: case-insensitive; a blank value passes only the negations. */
export function textMatches(value: string, op: TextOp, wanted: string): boolean {
  if (op === 'blank') return value === '';
  if (op === 'notBlank') return value !== '';
  if (value === '') return op === 'notEqual' || op === 'notContains';
  const v = value.toLowerCase();
  const w = wanted.toLowerCase();
  switch (op) {
    case 'contains':
      return v.includes(w);
    case 'notContains':
      return !v.includes(w);
    case 'equals':
      return v === w;
    case 'notEqual':
      return v !== w;
    case 'startsWith':
      return v.startsWith(w);
    case 'endsWith':
      return v.endsWith(w);
  }
}

export function numberMatches(x: number, c: Extract<LoanCondition, { kind: 'number' }>): boolean {
  if (c.op === 'blank') return Number.isNaN(x);
  if (c.op === 'notBlank') return !Number.isNaN(x);
  if (Number.isNaN(x)) return c.op === 'notEqual';
  switch (c.op) {
    case 'equals':
      return x === c.value;
    case 'notEqual':
      return x !== c.value;
    case 'greaterThan':
      return x > c.value;
    case 'greaterThanOrEqual':
      return x >= c.value;
    case 'lessThan':
      return x < c.value;
    case 'lessThanOrEqual':
      return x <= c.value;
    case 'inRange': {
      // AG Grid's range excludes both ends by default, whichever way round the user typed them.
      const lo = Math.min(c.value, c.to ?? c.value);
      const hi = Math.max(c.value, c.to ?? c.value);
      return x > lo && x < hi;
    }
  }
}

function conditionHolds(text: string, num: number, c: LoanCondition): boolean {
  // A text condition on a numeric column, or the reverse, never comes from the grid; it matches nothing.
  return c.kind === 'text' ? textMatches(text, c.op, c.value) : numberMatches(num, c);
}

function combine(f: LoanFilter, text: string, num: number): boolean {
  return f.join === 'AND'
    ? f.conditions.every((c) => conditionHolds(text, num, c))
    : f.conditions.some((c) => conditionHolds(text, num, c));
}

type Test = (i: number) => boolean;

function filterTest(f: LoanFilter, col: LoanColumn): Test {
  switch (col.kind) {
    case 'category': {
      // Decide once per category, then each loan is a table lookup.
      const ok = new Uint8Array(Math.max(col.names.length, col.missing + 1, 1));
      for (let k = 0; k < col.names.length; k++) ok[k] = combine(f, col.names[k] ?? '', NaN) ? 1 : 0;
      const missingOk = combine(f, '', NaN);
      if (col.missing >= 0) ok[col.missing] = missingOk ? 1 : 0;
      return (i) => {
        const k = col.codes[i]!;
        return k < ok.length ? ok[k] === 1 : missingOk;
      };
    }
    case 'text':
      return (i) => combine(f, col.values[i] ?? '', NaN);
    case 'number':
      return (i) => combine(f, '', col.values[i]!);
  }
}

/** Sort keys as numbers (categories by their name's place in alphabetical order), missing as NaN. */
function numericKey(col: Exclude<LoanColumn, { kind: 'text' }>): (i: number) => number {
  if (col.kind === 'number') return (i) => col.values[i]!;
  const order = col.names
    .map((name, code) => ({ name, code }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.code - b.code));
  const rank = new Float64Array(Math.max(col.names.length, col.missing + 1, 1)).fill(NaN);
  order.forEach((o, r) => (rank[o.code] = r));
  return (i) => {
    const k = col.codes[i]!;
    return k < rank.length ? rank[k]! : NaN;
  };
}

type Compare = (a: number, b: number) => number;

function comparator(s: LoanSort, col: LoanColumn, rows: Uint32Array): Compare {
  const dir = s.desc ? -1 : 1;
  if (col.kind === 'text') {
    const v = col.values;
    return (a, b) => {
      const x = v[a] ?? '';
      const y = v[b] ?? '';
      // Blank ids go last whichever way the column is sorted, like missing numbers.
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      return x < y ? -dir : x > y ? dir : 0;
    };
  }
  // Keys copied once into a dense array: the sort then reads no closures per comparison.
  const keyOf = numericKey(col);
  const key = new Float64Array(col.kind === 'number' ? col.values.length : col.codes.length);
  for (let k = 0; k < rows.length; k++) key[rows[k]!] = keyOf(rows[k]!);
  return (a, b) => {
    const x = key[a]!;
    const y = key[b]!;
    if (x === y) return 0;
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
    if (Number.isNaN(y)) return -1;
    return x < y ? -dir : dir;
  };
}

/**
 * The loans that pass every filter, in sort order (ties keep tape order). Throws when the query names a
 * field missing from `columns`, since a silently unfiltered grid would mislead.
 */
export function queryLoans(size: number, columns: LoanColumns, query: LoanQuery): Uint32Array {
  const col = (f: LoanField): LoanColumn => {
    const c = columns[f];
    if (!c) throw new Error(`loan query: no column for ${f}`);
    return c;
  };
  const tests = query.filters.map((f) => filterTest(f, col(f.field)));
  let rows = new Uint32Array(size);
  let n = 0;
  for (let i = 0; i < size; i++) {
    let ok = true;
    for (let t = 0; t < tests.length && ok; t++) ok = tests[t]!(i);
    if (ok) rows[n++] = i;
  }
  if (n < size) rows = rows.slice(0, n);
  if (query.sort.length === 0) return rows;
  const compares = query.sort.map((s) => comparator(s, col(s.field), rows));
  const order = Array.from(rows);
  order.sort((a, b) => {
    for (const c of compares) {
      const d = c(a, b);
      if (d !== 0) return d;
    }
    return a - b;
  });
  return Uint32Array.from(order);
}
