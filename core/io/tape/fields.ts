/**
 * The pool fields a tape column can map to, with how each is read. `required` fields reject a row when
 * missing; the others import as missing (NaN / empty) or take the stated default.
 */

export type FieldKind = 'text' | 'money' | 'rate' | 'feeRate' | 'term' | 'date' | 'integer' | 'number';

export const POOL_FIELDS = [
  'id',
  'product',
  'segment',
  'balance',
  'originalBalance',
  'rate',
  'monthlyFeeRate',
  'paymentRate',
  'originalTerm',
  'remainingTerm',
  'originationDate',
  'maturityDate',
  'cutoffDate',
  'daysPastDue',
  'status',
  'region',
  'score',
] as const;
export type PoolField = (typeof POOL_FIELDS)[number];

export interface FieldSpec {
  kind: FieldKind;
  required: boolean;
  /** Shown in the mapping UI and the report. */
  label: string;
}

export const FIELD_SPECS: Readonly<Record<PoolField, FieldSpec>> = {
  id: { kind: 'text', required: true, label: 'Loan identifier' },
  product: { kind: 'text', required: false, label: 'Product (level-pay, interest-free-fee, …)' },
  segment: { kind: 'text', required: false, label: 'Segment (credit grade by default)' },
  balance: { kind: 'money', required: true, label: 'Current principal balance' },
  originalBalance: { kind: 'money', required: false, label: 'Original principal' },
  rate: { kind: 'rate', required: true, label: 'Annual interest rate' },
  monthlyFeeRate: { kind: 'feeRate', required: false, label: 'Monthly fee on original principal' },
  paymentRate: { kind: 'feeRate', required: false, label: 'Monthly payment rate (revolving)' },
  originalTerm: { kind: 'term', required: true, label: 'Original term (months)' },
  remainingTerm: { kind: 'term', required: false, label: 'Remaining term (months)' },
  originationDate: { kind: 'date', required: false, label: 'Origination date' },
  maturityDate: { kind: 'date', required: false, label: 'Maturity date' },
  cutoffDate: { kind: 'date', required: false, label: 'Data cut-off date' },
  daysPastDue: { kind: 'integer', required: false, label: 'Days past due' },
  status: { kind: 'text', required: false, label: 'Loan status' },
  region: { kind: 'text', required: false, label: 'Region' },
  score: { kind: 'number', required: false, label: 'Credit score' },
};

/** Canonical loan statuses; a tape's codes map onto these (see `STATUS_SYNONYMS`). */
export const STATUS_CODES = [
  'current',
  'delinquent',
  'default',
  'charged-off',
  'paid-off',
  'repurchased',
  'restructured',
] as const;
export type LoanStatus = (typeof STATUS_CODES)[number];

/** Statuses that leave the pool at cut-off: such rows are rejected with the status as the reason. */
export const EXCLUDED_STATUSES: ReadonlySet<LoanStatus> = new Set([
  'default',
  'charged-off',
  'paid-off',
  'repurchased',
]);

/**
 * Tape status codes (lower-cased, trimmed) to canonical statuses. LendingClub's public statuses are
 * confirmed from its data dictionary; the ESMA account-status codes are the sibling templates' list
 * (PERF, RNEG, RPOT, DFLT, RDMD, REPR…) and are mapped by name, not confirmed for Annex 6.
 */
export const STATUS_SYNONYMS: Readonly<Record<string, LoanStatus>> = {
  current: 'current',
  performing: 'current',
  normal: 'current',
  正常: 'current',
  perf: 'current',
  'in grace period': 'delinquent',
  'late (16-30 days)': 'delinquent',
  'late (31-120 days)': 'delinquent',
  late: 'delinquent',
  delinquent: 'delinquent',
  arrears: 'delinquent',
  逾期: 'delinquent',
  关注: 'delinquent',
  default: 'default',
  defaulted: 'default',
  dflt: 'default',
  违约: 'default',
  'charged off': 'charged-off',
  'charged-off': 'charged-off',
  chargedoff: 'charged-off',
  'does not meet the credit policy. status:charged off': 'charged-off',
  核销: 'charged-off',
  'fully paid': 'paid-off',
  'paid off': 'paid-off',
  'paid-off': 'paid-off',
  'does not meet the credit policy. status:fully paid': 'paid-off',
  rdmd: 'paid-off',
  结清: 'paid-off',
  已结清: 'paid-off',
  repr: 'repurchased',
  repurchased: 'repurchased',
  rneg: 'restructured',
  rpot: 'restructured',
  restructured: 'restructured',
  重组: 'restructured',
};

/** Product codes and names to the engine's products (LoanPool.product indexes PRODUCT_CODES). */
export const PRODUCT_SYNONYMS: Readonly<Record<string, string>> = {
  'level-pay': 'level-pay',
  level: 'level-pay',
  annuity: 'level-pay',
  installment: 'level-pay',
  instalment: 'level-pay',
  等额本息: 'level-pay',
  frxx: 'level-pay',
  'equal-principal': 'equal-principal',
  'equal principal': 'equal-principal',
  等额本金: 'equal-principal',
  dexx: 'equal-principal',
  'interest-free-fee': 'interest-free-fee',
  'interest-free': 'interest-free-fee',
  'fee-based': 'interest-free-fee',
  免息: 'interest-free-fee',
  免息分期: 'interest-free-fee',
  分期手续费: 'interest-free-fee',
  bullet: 'bullet',
  bllt: 'bullet',
  先息后本: 'bullet',
  // 到期一次(性)还本付息 / 利随本清: principal and interest in one sum at maturity, not monthly interest (先息后本).
  'single-payment': 'single-payment',
  到期一次还本付息: 'single-payment',
  到期一次性还本付息: 'single-payment',
  利随本清: 'single-payment',
  revolving: 'revolving',
  循环: 'revolving',
};
