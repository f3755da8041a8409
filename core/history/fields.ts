/**
 * The columns of a loan-level performance history (one row per loan per month) and the header names that find
 * them, in English and Chinese. Statuses are the history's own five, not the pool tape's: a history must tell a
 * prepayment (提前还清) from a payoff at maturity (结清), which a cut-off tape never needs to.
 */
export const HISTORY_FIELDS = [
  'loanId',
  'asOf',
  'originationDate',
  'originalBalance',
  'currentBalance',
  'daysPastDue',
  'status',
  'chargeOffAmount',
  'recoveryAmount',
  'originalTerm',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Fields a history cannot do without; `daysPastDue` or `status` must be there too (checked on the header). */
export const REQUIRED_HISTORY_FIELDS: readonly HistoryField[] = [
  'loanId',
  'asOf',
  'originationDate',
  'originalBalance',
  'currentBalance',
];

export const HISTORY_HEADER_SYNONYMS: Readonly<Record<HistoryField, readonly string[]>> = {
  loanId: [
    'loan id',
    'loan_id',
    'loan number',
    'account id',
    'account no',
    'acct no',
    'id',
    '贷款编号',
    '借据号',
    '合同编号',
    '贷款id',
  ],
  asOf: [
    'as of',
    'as_of',
    'as of month',
    'as of date',
    'report month',
    'reporting month',
    'period',
    'snapshot month',
    '报告期',
    '统计月份',
    '数据日期',
    '观察月份',
  ],
  originationDate: [
    'origination date',
    'origination month',
    'orig date',
    'issue date',
    'vintage',
    '放款日期',
    '放款月份',
    '发放日期',
  ],
  originalBalance: [
    'original balance',
    'original principal',
    'loan amount',
    'loan amt',
    'orig balance',
    '合同金额',
    '放款金额',
    '初始本金',
  ],
  currentBalance: [
    'current balance',
    'outstanding balance',
    'outstanding principal',
    'balance',
    '未偿本金余额',
    '剩余本金',
    '贷款余额',
  ],
  daysPastDue: ['days past due', 'dpd', 'days delinquent', 'overdue days', 'ovd days', '逾期天数'],
  status: ['status', 'loan status', 'account status', 'acct stat', 'acct status', '贷款状态', '状态'],
  chargeOffAmount: [
    'charge off amount',
    'charge-off amount',
    'chargeoff amount',
    'charged off amount',
    'write off amount',
    'wo amt',
    '核销金额',
  ],
  recoveryAmount: ['recovery amount', 'recoveries', 'recovery', 'recov amt', '回收金额'],
  originalTerm: ['original term', 'term', 'term months', 'tenor', '合同期限', '期数'],
};

/**
 * The history's statuses. `prepaid`: paid off before its term (voluntary prepayment). `paid-off`: paid off at
 * maturity, unless an original term shows it was early (then it is a prepayment).
 */
export const HISTORY_STATUSES = ['current', 'delinquent', 'charged-off', 'prepaid', 'paid-off'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const HISTORY_STATUS_SYNONYMS: Readonly<Record<string, HistoryStatus>> = {
  current: 'current',
  performing: 'current',
  normal: 'current',
  c: 'current',
  正常: 'current',
  delinquent: 'delinquent',
  late: 'delinquent',
  arrears: 'delinquent',
  d: 'delinquent',
  逾期: 'delinquent',
  'charged off': 'charged-off',
  'charged-off': 'charged-off',
  chargedoff: 'charged-off',
  'charge off': 'charged-off',
  'written off': 'charged-off',
  'write off': 'charged-off',
  default: 'charged-off',
  defaulted: 'charged-off',
  co: 'charged-off',
  核销: 'charged-off',
  已核销: 'charged-off',
  违约: 'charged-off',
  prepaid: 'prepaid',
  prepayment: 'prepaid',
  'paid early': 'prepaid',
  'early payoff': 'prepaid',
  p: 'prepaid',
  提前还清: 'prepaid',
  提前结清: 'prepaid',
  'paid off': 'paid-off',
  'paid-off': 'paid-off',
  'fully paid': 'paid-off',
  matured: 'paid-off',
  closed: 'paid-off',
  结清: 'paid-off',
  已结清: 'paid-off',
  正常结清: 'paid-off',
};

const STATUS_MAP = new Map(Object.entries(HISTORY_STATUS_SYNONYMS));

export function readHistoryStatus(raw: string): HistoryStatus | undefined {
  // A Map, not the object: a cell reading "constructor" must not find Object.prototype's. Exact codes first; the
  // lower-casing copy is for the odd export that capitalises them.
  return STATUS_MAP.get(raw) ?? STATUS_MAP.get(raw.trim().toLowerCase());
}

/**
 * Delinquency buckets, the order of the roll-rate matrix: current, 1–30, 31–60, 61–90, 90+ days past due,
 * charged off, and paid (prepaid or matured) so that every row of the matrix sums to 1.
 */
export const BUCKETS = [
  'current',
  'dpd1_30',
  'dpd31_60',
  'dpd61_90',
  'dpd90plus',
  'chargedOff',
  'paid',
] as const;
export type Bucket = (typeof BUCKETS)[number];
export const B_CURRENT = 0;
export const B_CHARGED_OFF = 5;
export const B_PAID = 6;

export function dpdBucket(dpd: number): number {
  if (dpd <= 0) return 0;
  if (dpd <= 30) return 1;
  if (dpd <= 60) return 2;
  if (dpd <= 90) return 3;
  return 4;
}
