/**
 * History mappings: which column of a performance history feeds which field, how its months are written, which
 * status and days-past-due codes the platform uses, the unit of its amounts and the columns worth segmenting by.
 * A mapping is data (saved as JSON, validated here), as a tape's is (core/io/tape/mapping.ts, whose header
 * matching this reuses), so a platform's export is set up once. Built-in presets cover our generator's English
 * and Chinese layouts and the US Reg AB II asset-level layout; `suggestHistoryMapping` proposes one for any other
 * header with a confidence per field.
 */
import { z } from 'zod';
import {
  codeKey,
  columnRef,
  findColumn,
  headerMoneyUnit,
  matchColumns,
  MONEY_UNIT_EXP,
  safeKey,
  type ColumnMatch,
  type MoneyUnit,
} from '../io/tape/mapping';
import {
  HISTORY_FIELDS,
  HISTORY_HEADER_SYNONYMS,
  HISTORY_STATUSES,
  readHistoryStatus,
  REQUIRED_HISTORY_FIELDS,
  type HistoryField,
  type HistoryStatus,
} from './fields';
import { MONTH_FORMATS, type MonthFormat } from './months';

/** Amount columns whose unit (元, 万元, 亿元) a header or the mapping states. */
export const HISTORY_MONEY_FIELDS = [
  'originalBalance',
  'currentBalance',
  'chargeOffAmount',
  'recoveryAmount',
] as const;
export type HistoryMoneyField = (typeof HISTORY_MONEY_FIELDS)[number];
export const HISTORY_MONTH_FIELDS = ['asOf', 'originationDate'] as const;
export type HistoryMonthField = (typeof HISTORY_MONTH_FIELDS)[number];

export const HistoryMapping = z.object({
  name: z.string().min(1).max(100),
  /** Where the layout comes from (a public source for a public layout). */
  description: z.string().max(4000).optional(),
  /** History field → column header, or alternatives (the first present wins); compared as tape headers are. */
  columns: z.partialRecord(z.enum(HISTORY_FIELDS), columnRef),
  /** Columns to segment vintages by (grade, product, channel …), offered first; the user picks one. */
  segments: z.array(z.string().min(1).max(300)).max(20).default([]),
  /** How a month column is written when the automatic reading would not do (see months.ts). */
  dateFormats: z.partialRecord(z.enum(HISTORY_MONTH_FIELDS), z.enum(MONTH_FORMATS)).default({}),
  /**
   * The platform's codes → what they mean, compared NFKC, trimmed and lower-cased; they take precedence over the
   * built-in status table (a platform whose D means default, not delinquent, says so here). `daysPastDue` maps a
   * bucket code written in the days column ("M1") to the days it stands for.
   */
  values: z
    .object({
      status: z.record(safeKey, z.enum(HISTORY_STATUSES)).optional(),
      daysPastDue: z.record(safeKey, z.number().int().min(0).max(100_000)).optional(),
    })
    .default({}),
  /**
   * Unit of an amount column (元, 万元, 亿元). Absent: read from the header ("剩余本金（万元）") and 元
   * otherwise; a cell with its own unit ("12.5万") always follows it.
   */
  amountUnits: z.partialRecord(z.enum(HISTORY_MONEY_FIELDS), z.enum(['yuan', 'wan', 'yi'])).default({}),
  notes: z.array(z.string().max(1000)).max(50).default([]),
});
export type HistoryMapping = z.infer<typeof HistoryMapping>;
export type HistoryMappingInput = z.input<typeof HistoryMapping>;

/** Our generator's English layout (samples/generator/historyGenerator.ts, samples/history/consumer-history.csv). */
const GENERATOR: HistoryMappingInput = {
  name: 'generator',
  description: 'ABS Workbench sample history generator, English headers (samples/generator)',
  columns: {
    loanId: 'loan_id',
    asOf: 'as_of_month',
    originationDate: 'origination_date',
    originalBalance: 'original_balance',
    currentBalance: 'current_balance',
    daysPastDue: 'days_past_due',
    status: 'status',
    chargeOffAmount: 'charge_off_amount',
    recoveryAmount: 'recovery_amount',
    originalTerm: 'original_term',
  },
  segments: ['grade'],
};

/** The generator's Chinese headers and status codes (正常/逾期/核销/提前还清/结清). */
const GENERATOR_ZH: HistoryMappingInput = {
  name: 'generator-zh',
  description: 'ABS Workbench sample history generator, Chinese headers (samples/generator)',
  columns: {
    loanId: '贷款编号',
    asOf: '统计月份',
    originationDate: '放款日期',
    originalBalance: '初始本金',
    currentBalance: '剩余本金',
    daysPastDue: '逾期天数',
    status: '贷款状态',
    chargeOffAmount: '核销金额',
    recoveryAmount: '回收金额',
    originalTerm: '合同期限',
  },
  segments: ['等级'],
};

/**
 * US Reg AB II asset-level data, Schedule AL (auto loans), one row per asset per reporting period: the field
 * tags of 17 CFR 229.1125 and the SEC's EX-102 asset-data technical specification. `originationDate` is MM/YYYY,
 * `reportingPeriodEndingDate` MM-DD-YYYY; `currentDelinquencyStatus` is days past due; `zeroBalanceCode` is blank
 * while the asset is outstanding, 1 when it was prepaid or matured (early payoffs are told from maturities by
 * the original term) and 4 when it was charged off. Other zero-balance codes (sales, repurchases) are not
 * performance and are listed as unknown codes.
 */
const REG_AB_II: HistoryMappingInput = {
  name: 'reg-ab-ii',
  description:
    'US Reg AB II asset-level data, Schedule AL (17 CFR 229.1125, https://www.ecfr.gov/current/title-17/section-229.1125; SEC EDGAR ABS-EE EX-102 asset data)',
  columns: {
    loanId: 'assetNumber',
    asOf: 'reportingPeriodEndingDate',
    originationDate: 'originationDate',
    originalBalance: 'originalLoanAmount',
    currentBalance: 'reportingPeriodActualEndBalanceAmount',
    daysPastDue: 'currentDelinquencyStatus',
    status: 'zeroBalanceCode',
    chargeOffAmount: 'chargedoffPrincipalAmount',
    recoveryAmount: 'recoveredAmount',
    originalTerm: 'originalLoanTerm',
  },
  dateFormats: { asOf: 'MDY', originationDate: 'MM/YYYY' },
  values: { status: { '1': 'paid-off', '4': 'charged-off' } },
};

export const HISTORY_PRESET_NAMES = ['generator', 'generator-zh', 'reg-ab-ii'] as const;
export type HistoryPresetName = (typeof HISTORY_PRESET_NAMES)[number];

export const HISTORY_MAPPING_PRESETS: Readonly<Record<HistoryPresetName, HistoryMapping>> = Object.freeze({
  generator: HistoryMapping.parse(GENERATOR),
  'generator-zh': HistoryMapping.parse(GENERATOR_ZH),
  'reg-ab-ii': HistoryMapping.parse(REG_AB_II),
});

/** A preset by name (own keys only: "constructor" is not a preset), or undefined. */
export function historyPreset(name: string): HistoryMapping | undefined {
  return isHistoryPreset(name) ? HISTORY_MAPPING_PRESETS[name] : undefined;
}

export function isHistoryPreset(name: string): name is HistoryPresetName {
  return (HISTORY_PRESET_NAMES as readonly string[]).includes(name);
}

/** Field → column index of the fields a mapping names and the header has. */
export function resolveHistoryColumns(
  mapping: HistoryMapping,
  header: readonly string[],
): Partial<Record<HistoryField, number>> {
  const out: Partial<Record<HistoryField, number>> = {};
  for (const f of HISTORY_FIELDS) {
    const ref = mapping.columns[f];
    if (ref === undefined) continue;
    const i = findColumn(header, ref);
    if (i >= 0) out[f] = i;
  }
  return out;
}

export interface HistoryFieldSuggestion extends ColumnMatch<HistoryField> {
  via: 'preset' | 'synonym';
}

export interface HistoryMappingSuggestion {
  mapping: HistoryMapping;
  /** The preset whose columns the header has, if one has them all. */
  preset: HistoryPresetName | null;
  fields: HistoryFieldSuggestion[];
  /** Required fields no column was found for. */
  missingRequired: HistoryField[];
  /** Neither a status nor a days-past-due column (one of them is needed). */
  missingStatus: boolean;
  unmappedColumns: string[];
  /** Mean confidence over the mapped fields. */
  confidence: number;
}

/** What a header lacks under a mapping: the required fields it has no column for, and status-or-days. */
export function mappingGaps(cols: Partial<Record<HistoryField, number>>): {
  missingRequired: HistoryField[];
  missingStatus: boolean;
} {
  return {
    missingRequired: REQUIRED_HISTORY_FIELDS.filter((f) => cols[f] === undefined),
    missingStatus: cols.status === undefined && cols.daysPastDue === undefined,
  };
}

/** Headers that read as segments when no field claims them (the generator's grade, a platform's 渠道 …). */
const SEGMENT_WORDS = /grade|segment|product|channel|region|province|rating|等级|产品|渠道|地区|省份|评级/i;

/**
 * Proposes a mapping for a header row: a preset when its columns are all there (confidence 1), otherwise the best
 * synonym match per field (the tape's matcher), with the amount units the headers state.
 */
export function suggestHistoryMapping(header: readonly string[]): HistoryMappingSuggestion {
  for (const name of HISTORY_PRESET_NAMES) {
    const preset = HISTORY_MAPPING_PRESETS[name];
    const cols = resolveHistoryColumns(preset, header);
    const gaps = mappingGaps(cols);
    const named = Object.keys(preset.columns).length;
    // Every column the preset names, not just the required ones: a look-alike header must not pass as ours.
    if (Object.keys(cols).length === named && gaps.missingRequired.length === 0 && !gaps.missingStatus) {
      const fields = Object.entries(cols).map(([f, i]) => ({
        field: f as HistoryField,
        column: header[i]!,
        columnIndex: i,
        confidence: 1,
        via: 'preset' as const,
      }));
      return finish(preset, name, fields, header);
    }
  }
  const fields: HistoryFieldSuggestion[] = matchColumns(header, HISTORY_FIELDS, HISTORY_HEADER_SYNONYMS).map(
    (m) => ({ ...m, via: 'synonym' }),
  );
  const columns: Partial<Record<HistoryField, string>> = {};
  for (const s of fields) columns[s.field] = s.column;
  const used = new Set(fields.map((f) => f.columnIndex));
  const amountUnits: Partial<Record<HistoryMoneyField, MoneyUnit>> = {};
  for (const f of HISTORY_MONEY_FIELDS) {
    const h = columns[f];
    // "loan_amt_wan": the 万元 suffix platforms' exports spell out, beside the tape's "金额（万元）".
    const unit = h === undefined ? null : (headerMoneyUnit(h) ?? (/(^|[\s_])wan$/i.test(h) ? 'wan' : null));
    if (unit !== null && unit !== 'yuan') amountUnits[f] = unit;
  }
  const mapping = HistoryMapping.parse({
    name: 'suggested',
    columns,
    segments: header.filter((h, i) => !used.has(i) && SEGMENT_WORDS.test(h)).map((h) => h.trim()),
    amountUnits,
  });
  return finish(mapping, null, fields, header);
}

function finish(
  mapping: HistoryMapping,
  preset: HistoryPresetName | null,
  fields: HistoryFieldSuggestion[],
  header: readonly string[],
): HistoryMappingSuggestion {
  fields.sort((a, b) => HISTORY_FIELDS.indexOf(a.field) - HISTORY_FIELDS.indexOf(b.field));
  const cols: Partial<Record<HistoryField, number>> = {};
  for (const f of fields) cols[f.field] = f.columnIndex;
  const used = new Set(fields.map((f) => f.columnIndex));
  return {
    mapping,
    preset,
    fields,
    ...mappingGaps(cols),
    unmappedColumns: header.filter((h, i) => !used.has(i) && h.trim() !== ''),
    confidence: fields.length === 0 ? 0 : fields.reduce((s, f) => s + f.confidence, 0) / fields.length,
  };
}

/** How the reader decodes a mapped history's cells: units, month formats and code tables resolved once. */
export interface HistoryCodec {
  /** Power of ten per amount field (万元 4); 0 for 元. */
  unitExp: Readonly<Record<HistoryMoneyField, number>>;
  months: Readonly<Record<HistoryMonthField, MonthFormat>>;
  /** A status cell → its status (the mapping's codes first, then the built-in table), or undefined. */
  status: (raw: string) => HistoryStatus | undefined;
  /** A days-past-due code → days, or undefined (null: the mapping has none). */
  dpdCodes: ReadonlyMap<string, number> | null;
}

export function historyCodec(
  mapping: HistoryMapping | undefined,
  header: readonly string[],
  cols: Partial<Record<HistoryField, number>>,
): HistoryCodec {
  const exp = (f: HistoryMoneyField): number => {
    const col = cols[f];
    const unit = mapping?.amountUnits[f] ?? (col === undefined ? null : headerMoneyUnit(header[col] ?? ''));
    return MONEY_UNIT_EXP[unit ?? 'yuan'];
  };
  const codes = new Map<string, HistoryStatus>();
  for (const [k, v] of Object.entries(mapping?.values.status ?? {})) {
    codes.set(k, v);
    codes.set(codeKey(k), v);
  }
  const dpd = mapping?.values.daysPastDue;
  return {
    unitExp: {
      originalBalance: exp('originalBalance'),
      currentBalance: exp('currentBalance'),
      chargeOffAmount: exp('chargeOffAmount'),
      recoveryAmount: exp('recoveryAmount'),
    },
    months: {
      asOf: mapping?.dateFormats.asOf ?? 'auto',
      originationDate: mapping?.dateFormats.originationDate ?? 'auto',
    },
    // The exact cell first, so a file whose codes are written as mapped pays for no normalisation.
    status:
      codes.size === 0
        ? readHistoryStatus
        : (raw) => codes.get(raw) ?? codes.get(codeKey(raw)) ?? readHistoryStatus(raw),
    dpdCodes:
      dpd === undefined || Object.keys(dpd).length === 0
        ? null
        : new Map(Object.entries(dpd).map(([k, v]) => [codeKey(k), v])),
  };
}

/**
 * A mapping from parsed JSON, validated; the error names the first problem's path (`values.status.X`) so a
 * hand-edited file can be fixed.
 */
export function parseHistoryMapping(json: unknown): HistoryMapping | { problem: string } {
  const r = HistoryMapping.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  return { problem: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
}

/** A status code seen in a file's first rows: how many rows carry it and what it means under the mapping. */
export interface StatusCodeCount {
  code: string;
  rows: number;
  /** What it reads as (the mapping's codes, then the built-in table); null: unknown, its rows are rejected. */
  meaning: HistoryStatus | null;
  /** The mapping itself says what it means (rather than the built-in table). */
  mapped: boolean;
}

/**
 * The status codes in sample rows (the header excluded) under a mapping, most rows first: what the mapping step
 * lists, so an unknown code is given its meaning before ten million rows are read and rejected for it.
 */
export function sampleStatusCodes(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: HistoryMapping,
): StatusCodeCount[] {
  const col = resolveHistoryColumns(mapping, header).status;
  if (col === undefined) return [];
  const counts = new Map<string, number>();
  for (const r of rows) {
    const code = (r[col] ?? '').trim();
    if (code !== '') counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const codec = historyCodec(mapping, header, {});
  const own = new Set(Object.keys(mapping.values.status ?? {}).map(codeKey));
  return [...counts]
    .map(([code, n]) => ({
      code,
      rows: n,
      meaning: codec.status(code) ?? null,
      mapped: own.has(codeKey(code)),
    }))
    .sort((a, b) => b.rows - a.rows || (a.code < b.code ? -1 : 1));
}

/** The mapping with a code's meaning set (or, with null, left to the built-in table again). */
export function withStatusCode(
  mapping: HistoryMapping,
  code: string,
  meaning: HistoryStatus | null,
): HistoryMapping {
  const status = Object.fromEntries(
    Object.entries(mapping.values.status ?? {}).filter(([k]) => codeKey(k) !== codeKey(code)),
  );
  if (meaning !== null) status[code] = meaning;
  return { ...mapping, values: { ...mapping.values, status } };
}
