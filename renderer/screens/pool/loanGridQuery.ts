/**
 * The loan grid's sort and filter models (AG Grid's shapes, which arrive untyped from the infinite row
 * model) as a LoanQuery. Rates are shown and typed as percentages, so their filter values are divided by 100.
 */
import {
  LOAN_FIELDS,
  type LoanCondition,
  type LoanField,
  type LoanFilter,
  type LoanQuery,
  type NumberOp,
  type TextOp,
} from '../../../core/pool/loanView';

const TEXT_OPS: readonly TextOp[] = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'blank',
  'notBlank',
];
const NUMBER_OPS: readonly NumberOp[] = [
  'equals',
  'notEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
];

/** Fields the grid shows as percentages. */
export const PERCENT_FIELDS: ReadonlySet<LoanField> = new Set<LoanField>(['rate', 'monthlyFeeRate']);

const isField = (x: unknown): x is LoanField => LOAN_FIELDS.includes(x as LoanField);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function condition(field: LoanField, m: Record<string, unknown>): LoanCondition | null {
  if (m.filterType === 'text' && TEXT_OPS.includes(m.type as TextOp)) {
    const op = m.type as TextOp;
    const value = typeof m.filter === 'string' ? m.filter : '';
    // An empty box is no condition (AG Grid sends none either, except for the blank tests).
    if (value === '' && op !== 'blank' && op !== 'notBlank') return null;
    return { kind: 'text', op, value };
  }
  if (m.filterType === 'number' && NUMBER_OPS.includes(m.type as NumberOp)) {
    const op = m.type as NumberOp;
    const scale = PERCENT_FIELDS.has(field) ? 0.01 : 1;
    const num = (v: unknown): number | null =>
      typeof v === 'number' && Number.isFinite(v) ? v * scale : null;
    const value = num(m.filter);
    if (op === 'blank' || op === 'notBlank') return { kind: 'number', op, value: 0 };
    if (value === null) return null;
    const to = num(m.filterTo);
    if (op === 'inRange') return to === null ? null : { kind: 'number', op, value, to };
    return { kind: 'number', op, value };
  }
  return null;
}

export function loanGridQuery(sortModel: unknown, filterModel: unknown): LoanQuery {
  const sort = Array.isArray(sortModel)
    ? sortModel.flatMap((s: unknown) =>
        isRecord(s) && isField(s.colId) && (s.sort === 'asc' || s.sort === 'desc')
          ? [{ field: s.colId, desc: s.sort === 'desc' }]
          : [],
      )
    : [];
  const filters: LoanFilter[] = [];
  if (isRecord(filterModel)) {
    for (const [field, m] of Object.entries(filterModel)) {
      if (!isField(field) || !isRecord(m)) continue;
      const parts = Array.isArray(m.conditions) ? m.conditions.filter(isRecord) : [m];
      const conditions = parts.flatMap((c) => {
        const x = condition(field, c);
        return x ? [x] : [];
      });
      if (conditions.length === 0) continue;
      filters.push({ field, join: m.operator === 'OR' ? 'OR' : 'AND', conditions });
    }
  }
  return { sort, filters };
}
