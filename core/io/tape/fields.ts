/**
 * The pool fields a tape column can map to, with how each is read. `required` fields reject a row when
 * missing; the others import as missing (NaN / empty) or take the stated default.
 */

export type FieldKind = 'text' | 'money' | 'rate' | 'feeRate' | 'term' | 'date' | 'integer' | 'number';

export const POOL_FIELDS = [
  'id',
  'product',
  'repaymentMethod',
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
  'classification',
  'region',
  'score',
  'dailyRateBasis',
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
  repaymentMethod: { kind: 'text', required: false, label: 'Repayment method (等额本息, 先息后本, …)' },
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
  classification: { kind: 'text', required: false, label: 'Five-category classification' },
  region: { kind: 'text', required: false, label: 'Region' },
  score: { kind: 'number', required: false, label: 'Credit score' },
  dailyRateBasis: { kind: 'integer', required: false, label: 'Daily-rate basis (360 or 365)' },
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
  // Chinese platform statuses (the account status of the public ABS data standard: 正常 / 逾期 / 提前还清).
  正常还款: 'current',
  提前还清: 'paid-off',
  提前结清: 'paid-off',
  已还清: 'paid-off',
  已核销: 'charged-off',
  // 违约 and 核销 above; 次级/可疑/损失 are five-category grades, see CLASSIFICATION_SYNONYMS.
};

/**
 * The five-category loan classification (五级分类) and what each grade means for the pool. For card-type
 * consumer credit the grades follow days past due (credit-card supervision rules, art. 92): 正常 current,
 * 关注 1–90 dpd, 次级 91–120, 可疑 121–180, 损失 over 180. The convention here:
 * - 正常 is a current, performing receivable;
 * - 关注 is performing but watched: it stays in the pool as delinquent (its dpd, if mapped, drives the rest);
 * - 次级 and 可疑 are non-performing (over 90 dpd): defaulted, so they leave the pool at cut-off;
 * - 损失 is a loss: charged off, not a receivable of the pool.
 * A row whose status column and classification disagree takes the worse of the two (see PoolBuilder).
 */
export const CLASSIFICATION_SYNONYMS: Readonly<Record<string, LoanStatus>> = {
  正常: 'current',
  正常类: 'current',
  关注: 'delinquent',
  关注类: 'delinquent',
  次级: 'default',
  次级类: 'default',
  可疑: 'default',
  可疑类: 'default',
  损失: 'charged-off',
  损失类: 'charged-off',
  核销: 'charged-off',
  normal: 'current',
  'special mention': 'delinquent',
  substandard: 'default',
  doubtful: 'default',
  loss: 'charged-off',
};

/** How bad a status is, to combine a status column with a classification (higher is worse). */
export const STATUS_SEVERITY: Readonly<Record<LoanStatus, number>> = {
  current: 0,
  restructured: 1,
  delinquent: 2,
  default: 3,
  'charged-off': 4,
  'paid-off': 5,
  repurchased: 5,
};

/**
 * Product codes and names to the engine's products (LoanPool.product indexes PRODUCT_CODES). A product
 * column may also hold a repayment method (some platforms export only that), so every repayment method of
 * `REPAYMENT_METHOD_SYNONYMS` is a product code too.
 */
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
  按月付息到期还本: 'bullet',
  按月付息到期还款: 'bullet',
  到期一次性还本: 'single-payment',
  revolving: 'revolving',
  循环: 'revolving',
  循环额度: 'revolving',
};

/**
 * Product-type names that say what was sold but not how it amortises: 分期 / 商品分期 / 消费分期 / 账单分期
 * (instalment purchases and bills), 现金贷 / 信用贷 / 消费贷 (cash loans). The loan's amortisation comes from
 * the repayment-method column (还款方式) when the tape has one, else the mapping's default product
 * (level-pay, 等额本息, unless stated). 免息分期 is not one of them: an interest-free instalment earns a
 * monthly fee on the original principal whatever the repayment method says, so it is a product of its own.
 */
export const PRODUCT_TYPE_NAMES: ReadonlySet<string> = new Set([
  '分期',
  '商品分期',
  '消费分期',
  '账单分期',
  '购物分期',
  '分期付款',
  '现金贷',
  '现金分期',
  '信用贷',
  '信用贷款',
  '消费贷',
  '消费贷款',
  '个人消费贷款',
  'installment loan',
  'instalment loan',
  'cash loan',
  'consumer loan',
]);

/** Repayment methods (还款方式) to the engine's products. */
export const REPAYMENT_METHOD_SYNONYMS: Readonly<Record<string, string>> = {
  等额本息: 'level-pay',
  等额还款: 'level-pay',
  'level-pay': 'level-pay',
  annuity: 'level-pay',
  等额本金: 'equal-principal',
  'equal-principal': 'equal-principal',
  'equal principal': 'equal-principal',
  先息后本: 'bullet',
  按月付息到期还本: 'bullet',
  按月付息到期还款: 'bullet',
  'interest only': 'bullet',
  bullet: 'bullet',
  到期一次性还本付息: 'single-payment',
  到期一次还本付息: 'single-payment',
  利随本清: 'single-payment',
  'single-payment': 'single-payment',
};
