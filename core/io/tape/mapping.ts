/**
 * Column mappings: which tape column feeds which pool field, how its dates and rates are written, and
 * which status and product codes it uses. A mapping is data (saved as JSON, validated here), so a
 * platform's layout is set up once and every later tape imports the same way. Built-in presets cover the
 * ESMA Annex 6 consumer template, LendingClub's public layout and our own generator; `suggestMapping`
 * proposes one for any other header from English and Chinese synonyms, with a confidence per field.
 */
import { z } from 'zod';
import { Product } from '../../deal/schema';
import { FIELD_SPECS, POOL_FIELDS, STATUS_CODES, type PoolField } from './fields';
import { checkMessage } from '../../i18n/messages';

/** The coded columns whose values map through tables (and through the mapping's `values`). */
export const CODED_FIELDS = ['status', 'classification', 'product', 'repaymentMethod'] as const;
export type CodedField = (typeof CODED_FIELDS)[number];
/** Money columns whose unit (元, 万元, 亿元) a header or the mapping states. */
export const MONEY_FIELDS = ['balance', 'originalBalance'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];
export type MoneyUnit = 'yuan' | 'wan' | 'yi';
/** Powers of ten of each unit: 1 万元 = 10^4 元, 1 亿元 = 10^8 元. */
export const MONEY_UNIT_EXP: Readonly<Record<MoneyUnit, number>> = { yuan: 0, wan: 4, yi: 8 };
export type RatePeriod = 'annual' | 'monthly' | 'daily';

/** How a coded cell is compared with the tables and the value map: NFKC, trimmed, lower-cased. */
export function codeKey(v: string): string {
  return v.normalize('NFKC').trim().toLowerCase();
}

const DATE_FIELDS = ['originationDate', 'maturityDate', 'cutoffDate'] as const;
const RATE_FIELDS = ['rate', 'monthlyFeeRate', 'paymentRate'] as const;

/** Object keys from untrusted JSON: never let one name a prototype slot. */
export const safeKey = z
  .string()
  .min(1)
  .max(200)
  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', 'reserved key');

/** A column header, or alternatives (the first present wins). */
export const columnRef = z.union([
  z.string().min(1).max(300),
  z.array(z.string().min(1).max(300)).min(1).max(20),
]);

export const TapeMapping = z.object({
  name: z.string().min(1).max(100),
  description: z.string().max(4000).optional(),
  /**
   * Pool field → tape column header, or a list of alternatives (the first present wins). Headers compare
   * case-insensitively with spacing and punctuation normalised; an ESMA code (CMRL2) also matches a header
   * that starts with it ("CMRL2 Original Underlying Exposure Identifier").
   */
  columns: z.partialRecord(z.enum(POOL_FIELDS), columnRef),
  /** Stated date formats (required when a column's slash dates are ambiguous). */
  dateFormats: z
    .partialRecord(
      z.enum(DATE_FIELDS),
      z.enum(['ISO', 'YMD', 'DMY', 'MDY', 'YMD-compact', 'MON-YYYY', 'EXCEL-SERIAL']),
    )
    .default({}),
  /** How bare rate values scale (see values.ts `RateScale`); `auto` when absent. */
  rateScale: z.partialRecord(z.enum(RATE_FIELDS), z.enum(['auto', 'percent', 'decimal'])).default({}),
  /**
   * The tape's decimal separator ('.' as in 1,234.56, ',' as in 1.234,56), for every number column; when
   * absent each column shows its own (see poolBuilder), and a cell written the other way is rejected.
   */
  decimalSeparator: z.enum(['.', ',']).optional(),
  /** Highest acceptable annual rate after scaling (1 = 100%). */
  maxRate: z.number().finite().positive().max(10).default(1),
  /**
   * Extra tape status codes → canonical statuses (compared lower-cased and trimmed). Kept so mapping files
   * written before `values` load unchanged; the same as `values.status`.
   */
  statusCodes: z.record(safeKey, z.enum(STATUS_CODES)).default({}),
  /** Extra tape product codes → engine products (older files; the same as `values.product`). */
  productCodes: z.record(safeKey, Product).default({}),
  /**
   * The value map: per coded column, a tape value the built-in tables do not know → what it means (a
   * status for status and classification, an engine product for product and repayment method). The import
   * wizard and `import --map-value field:value=code` write here, so an unknown code is resolved once and
   * saved with the mapping.
   */
  values: z
    .object({
      status: z.record(safeKey, z.enum(STATUS_CODES)).optional(),
      classification: z.record(safeKey, z.enum(STATUS_CODES)).optional(),
      product: z.record(safeKey, Product).optional(),
      repaymentMethod: z.record(safeKey, Product).optional(),
    })
    .default({}),
  /**
   * Unit of a money column (元, 万元, 亿元). Absent: read from the header ("贷款余额（万元）" is in 万元) and
   * 元 otherwise; a cell with its own unit ("12.5万") always follows it.
   */
  amountUnits: z.partialRecord(z.enum(MONEY_FIELDS), z.enum(['yuan', 'wan', 'yi'])).default({}),
  /**
   * The period the interest-rate column is quoted in. Absent: from its header (日利率 daily, 月利率 monthly,
   * annual otherwise). Daily rates become annual by the daily-rate basis, monthly ones × 12.
   */
  ratePeriod: z.enum(['annual', 'monthly', 'daily']).optional(),
  /**
   * Days a year of a daily rate (日利率计算基础) when the tape has no such column or a row leaves it empty.
   * 360 by default: the PBOC's rule for RMB rates is 日利率 = 年利率 ÷ 360 (人民币利率管理规定, 1999, art. 20).
   */
  dailyRateBasis: z.union([z.literal(360), z.literal(365)]).default(360),
  defaults: z
    .object({
      /** Product of every loan when no product column is mapped. */
      product: Product.optional(),
      /** Segment of loans whose segment cell is empty (default 'all'). */
      segment: z.string().min(1).max(64).optional(),
    })
    .default({}),
  /** Cut-off date (YYYY-MM-DD) when the tape has no cut-off column. */
  cutoffDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** What is known and what is assumed about this layout (shown in the report). */
  notes: z.array(z.string().max(1000)).max(50).default([]),
});
export type TapeMapping = z.infer<typeof TapeMapping>;
export type TapeMappingInput = z.input<typeof TapeMapping>;

/** Our generator's layout (samples/generator). */
const GENERATOR: TapeMappingInput = {
  name: 'generator',
  description: 'ABS Workbench sample tape generator (samples/generator)',
  columns: {
    id: 'loan_id',
    product: 'product',
    segment: 'grade',
    region: 'region',
    originalBalance: 'original_amount',
    balance: 'current_balance',
    rate: 'annual_rate',
    monthlyFeeRate: 'monthly_fee_rate',
    originalTerm: 'original_term',
    remainingTerm: 'remaining_term',
    originationDate: 'origination_date',
    maturityDate: 'maturity_date',
    cutoffDate: 'cutoff_date',
    daysPastDue: 'days_past_due',
    status: 'status',
    score: 'score',
  },
  dateFormats: { originationDate: 'ISO', maturityDate: 'ISO', cutoffDate: 'ISO' },
  rateScale: { rate: 'decimal', monthlyFeeRate: 'decimal' },
};

/**
 * LendingClub's public loan data (LoanStats CSV): `int_rate` like "10.65%", `term` like " 36 months",
 * `issue_d` like "Dec-2011". The file has no cut-off column and no remaining term: pass the cut-off
 * (e.g. the month of the download) so the remaining term can be derived from `issue_d` and `term`.
 */
const LENDINGCLUB: TapeMappingInput = {
  name: 'lendingclub',
  description: 'LendingClub public loan data (LoanStats)',
  columns: {
    id: ['id', 'member_id'],
    balance: 'out_prncp',
    originalBalance: ['funded_amnt', 'loan_amnt'],
    rate: 'int_rate',
    originalTerm: 'term',
    originationDate: 'issue_d',
    segment: 'grade',
    status: 'loan_status',
    region: 'addr_state',
    score: ['fico_range_low', 'fico_score'],
  },
  dateFormats: { originationDate: 'MON-YYYY' },
  rateScale: { rate: 'auto' },
  defaults: { product: 'level-pay' },
  notes: [
    checkMessage('tapeImport.preset.lendingclubLevelPay', { platform: 'LendingClub' }),
    checkMessage('tapeImport.preset.lendingclubRemaining', {
      field: 'remainingTerm',
      issued: 'issue_d',
      term: 'term',
    }),
  ],
};

/**
 * ESMA consumer template (Annex 6, Delegated Regulation 2020/1224). Codes confirmed in ../shared/DOMAIN.md:
 * CMRL2 (original underlying exposure identifier), CMRL3 (new identifier), CMRL6 (data cut-off date). The
 * other fields are matched by the names the sibling templates use; their CMRL codes are not confirmed, so
 * they map by field name only. CMRL1 is the securitisation's identifier, not the loan's.
 */
const ESMA_CONSUMER: TapeMappingInput = {
  name: 'esma-consumer',
  description: 'ESMA Annex 6 consumer underlying exposures template',
  columns: {
    id: ['CMRL2', 'Original Underlying Exposure Identifier', 'CMRL3', 'New Underlying Exposure Identifier'],
    cutoffDate: ['CMRL6', 'Data Cut-Off Date'],
    originationDate: 'Origination Date',
    maturityDate: 'Maturity Date',
    originalTerm: 'Original Term',
    originalBalance: 'Original Principal Balance',
    balance: 'Current Principal Balance',
    rate: 'Current Interest Rate',
    daysPastDue: 'Number Of Days In Arrears',
    status: 'Account Status',
    region: ['Geographic Region - Obligor', 'Geographic Region Obligor'],
    product: 'Amortisation Type',
  },
  dateFormats: { originationDate: 'ISO', maturityDate: 'ISO', cutoffDate: 'ISO' },
  rateScale: { rate: 'auto' },
  productCodes: { frxx: 'level-pay', dexx: 'equal-principal', fixe: 'level-pay', bllt: 'bullet' },
  notes: [
    checkMessage('tapeImport.preset.esmaConfirmed', {
      codes: 'CMRL2 Original Underlying Exposure Identifier, CMRL6 Data Cut-Off Date',
    }),
    checkMessage('tapeImport.preset.esmaByName', {
      fields:
        'Origination Date, Maturity Date, Original Term, Original/Current Principal Balance, Current Interest Rate, ' +
        'Number Of Days In Arrears, Account Status, Geographic Region – Obligor and Amortisation Type',
      prefix: 'CMRL',
    }),
    checkMessage('tapeImport.preset.esmaAmortisation', { codes: 'FRXX/DEXX/FIXE/BLLT', annex: 'Annex 6' }),
    checkMessage('tapeImport.preset.esmaNoData', { codes: 'ND1–ND5' }),
  ],
};

/**
 * A Chinese consumer-finance platform's loan tape, after the field names of a public Chinese ABS data
 * standard (github lwwwl/asset-data-standard: 贷款合同编号, 贷款总金额(元), 总期数, 还款方式, 贷款年利率(%),
 * 合同状态, 数据提取日, 合同开始/结束时间, 日利率计算基础) and the headers platforms' exports commonly carry
 * (借据号, 贷款余额, 剩余期数, 五级分类, 逾期天数, 省份). Amount units and the rate's period come from the
 * headers (元 / 万元, 年 / 月 / 日利率); codes map by the built-in tables (see fields.ts).
 */
const CN_PLATFORM: TapeMappingInput = {
  name: 'cn-platform',
  description: 'Chinese consumer-finance platform loan tape (借据 level)',
  columns: {
    id: ['借据号', '借据编号', '贷款编号', '贷款合同编号', '合同编号'],
    product: ['产品类型', '产品名称', '业务类型'],
    repaymentMethod: ['还款方式'],
    segment: ['风险等级', '客户等级', '信用等级', '等级'],
    region: ['省份', '所在省份', '地区'],
    originalBalance: ['合同金额', '发放金额', '贷款总金额', '放款金额'],
    balance: ['贷款余额', '剩余本金', '未偿本金余额', '当期贷款余额'],
    rate: ['年化利率', '贷款年利率', '年利率', '日利率', '月利率', '执行利率'],
    monthlyFeeRate: ['月手续费率', '月费率', '分期手续费率'],
    originalTerm: ['期数', '总期数', '贷款期数', '分期期数'],
    remainingTerm: ['剩余期数', '剩余期限'],
    originationDate: ['放款日期', '放款日', '合同开始时间', '发放日期'],
    maturityDate: ['到期日', '到期日期', '合同结束时间'],
    cutoffDate: ['数据提取日', '封包日', '基准日'],
    daysPastDue: ['逾期天数'],
    status: ['贷款状态', '合同状态', '账户状态'],
    classification: ['五级分类', '五级分类结果'],
    dailyRateBasis: ['日利率计算基础'],
    score: ['信用评分', '评分'],
  },
  notes: [
    checkMessage('tapeImport.preset.cnFields', { source: 'lwwwl/asset-data-standard' }),
    checkMessage('tapeImport.preset.cnProduct'),
    checkMessage('tapeImport.preset.cnClassification'),
  ],
};

export const MAPPING_PRESETS: Readonly<Record<string, TapeMapping>> = Object.freeze({
  generator: TapeMapping.parse(GENERATOR),
  lendingclub: TapeMapping.parse(LENDINGCLUB),
  'esma-consumer': TapeMapping.parse(ESMA_CONSUMER),
  'cn-platform': TapeMapping.parse(CN_PLATFORM),
});

/** A header's unit annotation: "贷款余额（万元）" → 'wan', "合同金额(元)" → 'yuan'; null when it states none. */
export function headerMoneyUnit(header: string): MoneyUnit | null {
  const h = header.normalize('NFKC').replace(/\s+/g, '');
  if (/(\(|\[|单位[:：]?)万元\)?\]?$|万元$/.test(h)) return 'wan';
  if (/(\(|\[|单位[:：]?)亿元\)?\]?$|亿元$/.test(h)) return 'yi';
  if (/(\(|\[)元\)?\]?$/.test(h)) return 'yuan';
  return null;
}

/** The period a rate header names: 日利率 / daily → daily, 月利率 / monthly → monthly, annual otherwise. */
export function headerRatePeriod(header: string): RatePeriod {
  const h = header.normalize('NFKC').toLowerCase();
  if (/日利率|日息|日费率|daily/.test(h)) return 'daily';
  if (/月利率|月息|monthly (interest )?rate/.test(h)) return 'monthly';
  return 'annual';
}

/** The sign a rate header puts on its bare values: 日利率（‰） per mille, 年化利率（%） percent; null when none. */
export function headerRateSign(header: string): '%' | '‰' | null {
  const m = /[([]\s*(%|‰)\s*[)\]]\s*$/.exec(header.normalize('NFKC'));
  return m ? (m[1] as '%' | '‰') : null;
}

/** A header without its unit annotation ("贷款余额（万元）" → "贷款余额"), for matching synonyms. */
export function headerWithoutUnit(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s*[([]\s*(单位[:：]?\s*)?(万元|亿元|元|%|‰|‱|rmb|cny|天|月|期)\s*[)\]]\s*$/i, '')
    .trim();
}

/** Lower-case, unify dashes and separators, collapse spaces: "Data Cut-Off  Date" ≈ "data_cut_off_date". */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[_\-–/.:()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ESMA_CODE = /^[a-z]{4}\d{1,3}$/;

/** Index of the header a column reference names, or -1. */
export function findColumn(headers: readonly string[], ref: string | readonly string[]): number {
  const alts = typeof ref === 'string' ? [ref] : ref;
  const norm = headers.map(normalizeHeader);
  const bare = headers.map((h) => normalizeHeader(headerWithoutUnit(h)));
  for (const alt of alts) {
    const a = normalizeHeader(alt);
    const exact = norm.indexOf(a);
    if (exact >= 0) return exact;
    // "贷款余额" names "贷款余额（万元）" too: the unit is read from the header separately.
    const unitless = bare.indexOf(a);
    if (unitless >= 0) return unitless;
    if (ESMA_CODE.test(a)) {
      const prefixed = norm.findIndex((h) => h.startsWith(a + ' '));
      if (prefixed >= 0) return prefixed;
    }
  }
  return -1;
}

/** Resolves a mapping against a header row: field → column index (only fields found). */
export function resolveColumns(
  mapping: TapeMapping,
  headers: readonly string[],
): Partial<Record<PoolField, number>> {
  const out: Partial<Record<PoolField, number>> = {};
  for (const f of POOL_FIELDS) {
    const ref = mapping.columns[f];
    if (ref === undefined) continue;
    const idx = findColumn(headers, ref);
    if (idx >= 0) out[f] = idx;
  }
  return out;
}

/** English and Chinese header synonyms per field (normalised form). */
export const FIELD_SYNONYMS: Readonly<Record<PoolField, readonly string[]>> = {
  id: [
    'loan id',
    'id',
    'loan number',
    'loan no',
    'account id',
    'account number',
    'contract id',
    'contract no',
    'asset number',
    'assetnumber',
    'original underlying exposure identifier',
    'cmrl2',
    '贷款编号',
    '借据号',
    '借据编号',
    '合同编号',
    '贷款id',
    '订单号',
    '资产编号',
    '贷款合同编号',
  ],
  balance: [
    'current balance',
    'current principal balance',
    'outstanding principal',
    'out prncp',
    'remaining principal',
    'principal balance',
    'balance',
    'outstanding balance',
    'reportingperiodactualendbalanceamount',
    '剩余本金',
    '未偿本金',
    '本金余额',
    '贷款余额',
    '剩余未还本金',
    '未偿本金余额',
    '当期贷款余额',
  ],
  originalBalance: [
    'original balance',
    'original principal balance',
    'original amount',
    'loan amount',
    'loan amnt',
    'funded amnt',
    'original principal',
    'originalloanamount',
    '合同金额',
    '贷款金额',
    '放款金额',
    '借款金额',
    '合同本金',
    '发放金额',
    '贷款总金额',
  ],
  rate: [
    'interest rate',
    'current interest rate',
    'annual rate',
    'rate',
    'int rate',
    'apr',
    'coupon',
    'originalinterestratepercentage',
    '年利率',
    '利率',
    '执行利率',
    '年化利率',
    '贷款年利率',
    '日利率',
    '月利率',
    '日息',
    '月息',
  ],
  monthlyFeeRate: [
    'monthly fee rate',
    'fee rate',
    'installment fee rate',
    'instalment fee rate',
    '月费率',
    '手续费率',
    '分期费率',
    '月手续费率',
  ],
  paymentRate: ['payment rate', 'monthly payment rate', '还款率', '月还款率'],
  originalTerm: [
    'original term',
    'term',
    'loan term',
    'tenor',
    'original loan term',
    'originalloanterm',
    '期数',
    '贷款期限',
    '总期数',
    '借款期限',
    '期限',
    '分期期数',
  ],
  remainingTerm: [
    'remaining term',
    'remaining months',
    'remaining term to maturity',
    'remainingtermtomaturitynumber',
    '剩余期数',
    '剩余期限',
  ],
  originationDate: [
    'origination date',
    'issue date',
    'issue d',
    'start date',
    'funded date',
    'originationdate',
    'disbursement date',
    '放款日期',
    '放款日',
    '起息日',
    '发放日期',
    '借款日期',
    '合同开始时间',
  ],
  maturityDate: [
    'maturity date',
    'end date',
    'loan maturity date',
    'loanmaturitydate',
    '到期日',
    '到期日期',
    '贷款到期日',
    '合同结束时间',
  ],
  cutoffDate: [
    'cut off date',
    'cutoff date',
    'data cut off date',
    'as of date',
    'cmrl6',
    '封包日',
    '基准日',
    '数据截止日',
    '封包日期',
    '数据提取日',
  ],
  product: [
    'product',
    'product type',
    'amortisation type',
    'amortization type',
    'loan type',
    '产品类型',
    '产品',
    '产品名称',
    '业务类型',
  ],
  repaymentMethod: ['repayment method', 'repayment type', 'amortization method', '还款方式', '还款类型'],
  segment: [
    'grade',
    'credit grade',
    'risk grade',
    'segment',
    'rating',
    'sub grade',
    '等级',
    '风险等级',
    '信用等级',
  ],
  daysPastDue: [
    'days past due',
    'dpd',
    'number of days in arrears',
    'days in arrears',
    'days delinquent',
    '逾期天数',
  ],
  status: [
    'status',
    'loan status',
    'account status',
    'currentdelinquencystatus',
    '贷款状态',
    '状态',
    '账户状态',
    '合同状态',
  ],
  classification: ['classification', 'loan classification', '五级分类', '五级分类结果', '贷款五级分类'],
  dailyRateBasis: ['daily rate basis', 'day count basis', '日利率计算基础', '计息基础'],
  region: [
    'region',
    'state',
    'province',
    'addr state',
    'geographic region',
    'geographic region obligor',
    '地区',
    '省份',
    '区域',
    '所在地区',
    '省份地区',
  ],
  score: ['score', 'credit score', 'fico', 'fico range low', 'obligorcreditscore', '信用评分', '评分'],
};

export interface FieldSuggestion {
  field: PoolField;
  column: string;
  columnIndex: number;
  /** 1 = exact synonym or preset column; lower for partial matches. */
  confidence: number;
  via: 'preset' | 'synonym';
}

export interface MappingSuggestion {
  /** A mapping ready to use (or to edit in the UI). */
  mapping: TapeMapping;
  /** The preset that matched, if one matched every required field. */
  preset: string | null;
  fields: FieldSuggestion[];
  /** Required fields no column was found for. */
  missingRequired: PoolField[];
  unmappedColumns: string[];
  /** Mean confidence over the mapped fields. */
  confidence: number;
}

/**
 * How well a normalised header matches a field's synonyms: 1 for an exact synonym, less for a partial one (the
 * header contains the synonym, or is a long part of it), 0 for none; `rank` is the synonym's place in the list,
 * so between two exact matches the earlier (more specific) synonym wins.
 */
function scoreHeader(header: string, synonyms: readonly string[]): { score: number; rank: number } {
  let best = 0;
  let rank = synonyms.length;
  for (let k = 0; k < synonyms.length; k++) {
    const s = synonyms[k]!;
    if (header === s) return { score: 1, rank: k };
    if (s.length >= 2 && header.length >= 2) {
      let c = 0;
      if (header.includes(s)) c = 0.5 + 0.4 * (s.length / header.length);
      else if (s.includes(header) && header.length >= 3) c = 0.4 + 0.4 * (header.length / s.length);
      if (c > best) {
        best = c;
        rank = k;
      }
    }
  }
  return { score: best, rank };
}

/** A field matched to a column by its synonyms. */
export interface ColumnMatch<F extends string> {
  field: F;
  column: string;
  columnIndex: number;
  /** 1 = exact synonym; lower for partial matches (rounded to hundredths). */
  confidence: number;
}

/**
 * The best column per field from English and Chinese synonyms, for any file whose layout is not a preset (a
 * tape, a performance history): headers compare without their unit annotation, normalised; each column serves
 * one field, the strongest matches first (then the fields' order, then the synonyms'); matches under 0.5 are
 * not proposed.
 */
export function matchColumns<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): ColumnMatch<F>[] {
  const norm = headers.map((h) => normalizeHeader(headerWithoutUnit(h)));
  const candidates: (ColumnMatch<F> & { rank: number; order: number })[] = [];
  fields.forEach((f, order) => {
    const syn = synonyms[f].map(normalizeHeader);
    norm.forEach((h, i) => {
      const { score, rank } = scoreHeader(h, syn);
      if (score >= 0.5)
        candidates.push({ field: f, column: headers[i]!, columnIndex: i, confidence: score, rank, order });
    });
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.order - b.order || a.rank - b.rank);
  const usedFields = new Set<F>();
  const usedCols = new Set<number>();
  const out: ColumnMatch<F>[] = [];
  for (const c of candidates) {
    if (usedFields.has(c.field) || usedCols.has(c.columnIndex)) continue;
    usedFields.add(c.field);
    usedCols.add(c.columnIndex);
    out.push({
      field: c.field,
      column: c.column,
      columnIndex: c.columnIndex,
      confidence: Math.round(c.confidence * 100) / 100,
    });
  }
  return out;
}

/**
 * Proposes a mapping for a header row: a preset when one covers every required field, otherwise the best
 * synonym match per field (each column used once, the strongest matches first).
 */
export function suggestMapping(headers: readonly string[]): MappingSuggestion {
  for (const [name, preset] of Object.entries(MAPPING_PRESETS)) {
    const cols = resolveColumns(preset, headers);
    const required = POOL_FIELDS.filter((f) => FIELD_SPECS[f].required);
    if (required.every((f) => cols[f] !== undefined)) {
      const fields: FieldSuggestion[] = Object.entries(cols).map(([f, i]) => ({
        field: f as PoolField,
        column: headers[i]!,
        columnIndex: i,
        confidence: 1,
        via: 'preset',
      }));
      return finishSuggestion(preset, name, fields, headers);
    }
  }
  const fields: FieldSuggestion[] = matchColumns(headers, POOL_FIELDS, FIELD_SYNONYMS).map((m) => ({
    ...m,
    via: 'synonym',
  }));
  const columns: Partial<Record<PoolField, string>> = {};
  for (const s of fields) columns[s.field] = s.column;
  return finishSuggestion(TapeMapping.parse({ name: 'suggested', columns }), null, fields, headers);
}

function finishSuggestion(
  mapping: TapeMapping,
  preset: string | null,
  fields: FieldSuggestion[],
  headers: readonly string[],
): MappingSuggestion {
  fields.sort((a, b) => POOL_FIELDS.indexOf(a.field) - POOL_FIELDS.indexOf(b.field));
  const mappedFields = new Set(fields.map((f) => f.field));
  const usedCols = new Set(fields.map((f) => f.columnIndex));
  return {
    mapping,
    preset,
    fields,
    missingRequired: POOL_FIELDS.filter((f) => FIELD_SPECS[f].required && !mappedFields.has(f)),
    unmappedColumns: headers.filter((_, i) => !usedCols.has(i)),
    confidence: fields.length === 0 ? 0 : fields.reduce((s, f) => s + f.confidence, 0) / fields.length,
  };
}

/** A preset by name, or a mapping from parsed JSON (validated): what `--mapping NAME|FILE` accepts. */
export function mappingFrom(nameOrJson: string | unknown): TapeMapping {
  if (typeof nameOrJson === 'string') {
    const preset = MAPPING_PRESETS[nameOrJson];
    if (!preset || !Object.prototype.hasOwnProperty.call(MAPPING_PRESETS, nameOrJson)) {
      throw new Error(
        `unknown mapping preset '${nameOrJson}' (presets: ${Object.keys(MAPPING_PRESETS).join(', ')})`,
      );
    }
    return preset;
  }
  return TapeMapping.parse(nameOrJson);
}
