/**
 * Turns tape rows into a validated loan-level pool, one row at a time (so a million-row file streams
 * through without ever holding its text), and accounts for every row: accepted into typed columns or
 * listed as rejected with its line, column and reason.
 *
 * Checks that need the whole column run in `finish()`: the day/month order of slash dates is only known
 * once a day above 12 has shown up somewhere, and so are the checks and derivations that use those dates.
 */
import { coreMessage, type CoreCode, type CoreMessage, type MessageParams } from '../../i18n/messages';
import { PRODUCT_CODES } from '../../pool/loanPool';
import { NO_REGION, NO_STATUS, type ImportedPool } from '../../pool/poolFile';
import {
  dayToIso,
  isoToDay,
  monthsBetweenCeil,
  monthsBetweenFloor,
  pairToDay,
  readDate,
  resolveSlashOrder,
  type DateCell,
  type DateFormat,
  type SlashEvidence,
} from './dates';
import {
  CLASSIFICATION_SYNONYMS,
  EXCLUDED_STATUSES,
  PRODUCT_SYNONYMS,
  PRODUCT_TYPE_NAMES,
  REPAYMENT_METHOD_SYNONYMS,
  STATUS_CODES,
  STATUS_SEVERITY,
  STATUS_SYNONYMS,
  type LoanStatus,
  type PoolField,
} from './fields';
import {
  CODED_FIELDS,
  MONEY_UNIT_EXP,
  codeKey,
  headerMoneyUnit,
  headerRatePeriod,
  headerRateSign,
  normalizeHeader,
  resolveColumns,
  type CodedField,
  type MoneyUnit,
  type RatePeriod,
  type TapeMapping,
} from './mapping';
import {
  REJECT_REASONS,
  type ImportReport,
  type NoDataCount,
  type RejectReason,
  type RejectedRow,
  type UnknownValue,
} from './report';
import {
  NO_DATA_REASONS,
  noDataCode,
  parseNumber,
  parseTerm,
  shiftDecimal,
  type DecimalSeparator,
  type ParsedNumber,
} from './values';
import { TapeFormatError } from './csv';
import { isFormulaLike } from '../report/cellText';
import { IdIndex } from './idIndex';

export interface BuildOptions {
  mapping: TapeMapping;
  /** Set when the mapping was suggested from the headers (reported as such). */
  suggestedConfidence?: number;
  /** Overrides the mapping's and the tape's cut-off date (YYYY-MM-DD). */
  cutoffDate?: string;
  /** Most rejected rows kept in the report's list (counts always cover all). Default 100,000. */
  maxListedRejects?: number;
  source: ImportReport['source'];
  /** Line the header was read from (1 unless the file starts with blank lines). */
  headerLine?: number;
}

export interface BuildResult {
  pool: ImportedPool;
  report: ImportReport;
  /** The mapping the rows were read with (the chosen one, a preset, or the suggestion). */
  mapping: TapeMapping;
}

const DATE_FIELDS = ['originationDate', 'maturityDate'] as const;
type DateField = (typeof DATE_FIELDS)[number];
/** Slash dates wait in the date columns encoded above this (real day numbers stay far below). */
const PAIR_BASE = 1e9;
const FEE_PERCENT_ABOVE = 0.1;
/** Serial 0 of Excel's 1904 date system (1904-01-01) is serial 1462 of its 1900 system. */
const DAYS_1900_TO_1904 = 1462;

/** Number columns whose decimal separator is decided per column (see `amount`). */
type AmountField = 'balance' | 'originalBalance' | 'rate' | 'monthlyFeeRate' | 'paymentRate';
const AMOUNT_FIELDS: readonly AmountField[] = [
  'balance',
  'originalBalance',
  'rate',
  'monthlyFeeRate',
  'paymentRate',
];
type RateField = 'rate' | 'monthlyFeeRate' | 'paymentRate';
const RATE_FIELDS: readonly RateField[] = ['rate', 'monthlyFeeRate', 'paymentRate'];
/** Per-row flags: the rate cell carried '%' (one bit per rate field), the original balance was empty. */
const SIGNED_BIT: Record<RateField, number> = { rate: 1, monthlyFeeRate: 2, paymentRate: 4 };
const OB_DEFAULTED = 8;
/** Product code of a product-type name (分期, 现金贷): the repayment method decides the amortisation. */
const BY_METHOD = -2;
const MONEY_UNIT_NAME: Readonly<Record<MoneyUnit, string>> = { yuan: '元', wan: '万元', yi: '亿元' };

export class PoolBuilder {
  private readonly cols: Partial<Record<PoolField, number>>;
  private readonly mapping: TapeMapping;
  private readonly headerCount: number;
  /** Cells a row must have: up to the last named header (trailing unnamed columns may be left off). */
  private readonly minCells: number;
  private readonly maxListed: number;
  private readonly statusMap = new Map<string, LoanStatus>();
  private readonly productMap = new Map<string, number>();
  private readonly classMap = new Map<string, LoanStatus>();
  private readonly methodMap = new Map<string, number>();
  /** Unknown coded values: field NUL value → rows. */
  private readonly unknown = new Map<string, number>();
  /** Power of ten of each money column's unit (万元 = 4), for cells that state none. */
  private readonly moneyExp: Record<'balance' | 'originalBalance', number> = {
    balance: 0,
    originalBalance: 0,
  };
  private readonly moneyUnitFrom: Partial<Record<'balance' | 'originalBalance', CoreMessage>> = {};
  private readonly ratePeriod: RatePeriod;
  private readonly basisCounts = { tape360: 0, tape365: 0, stated: 0 };
  private readonly defaultProduct: number;
  private readonly defaultSegment: string;
  private readonly spreadsheet: boolean;

  private n = 0;
  private cap = 0;
  private ids: string[] = [];
  private line: Uint32Array = new Uint32Array(0);
  private product: Uint8Array = new Uint8Array(0);
  private segment: Uint16Array = new Uint16Array(0);
  private balance: Float64Array = new Float64Array(0);
  private originalBalance: Float64Array = new Float64Array(0);
  private rate: Float64Array = new Float64Array(0);
  private fee: Float64Array = new Float64Array(0);
  private payRate: Float64Array = new Float64Array(0);
  private originalTerm: Uint16Array = new Uint16Array(0);
  private remainingTerm: Float64Array = new Float64Array(0);
  private origination: Float64Array = new Float64Array(0);
  private maturity: Float64Array = new Float64Array(0);
  private dpd: Float64Array = new Float64Array(0);
  private score: Float64Array = new Float64Array(0);
  /** Days a year of the row's daily rate (日利率计算基础), 0 when the tape leaves it to the mapping. */
  private basis: Uint16Array = new Uint16Array(0);
  private status: Uint8Array = new Uint8Array(0);
  private region: Uint16Array = new Uint16Array(0);

  /** Raw cell → code, so the trim/lower-case/lookup runs once per distinct cell, not once per row. */
  private readonly statusByCell = new Map<string, number>();
  private readonly productByCell = new Map<string, number>();
  private readonly segmentByCell = new Map<string, number>();
  private readonly regionByCell = new Map<string, number>();
  private lastCutoffCell = '';
  private readonly segmentIndex = new Map<string, number>();
  private readonly segmentNames: string[] = [];
  private readonly regionIndex = new Map<string, number>();
  private readonly regionNames: string[] = [];
  private readonly seenIds = new IdIndex((k) => this.ids[k]!);
  private readonly cutoffCells = new Map<string, number>();
  private readonly noData = new Map<string, number>();
  private readonly dateFormatsSeen: Record<DateField, Map<DateFormat, number>> = {
    originationDate: new Map(),
    maturityDate: new Map(),
  };
  private readonly slash: Record<DateField | 'cutoffDate', SlashEvidence> = {
    originationDate: { firstAbove12: 0, secondAbove12: 0, cells: 0 },
    maturityDate: { firstAbove12: 0, secondAbove12: 0, cells: 0 },
    cutoffDate: { firstAbove12: 0, secondAbove12: 0, cells: 0 },
  };
  private readonly num: ParsedNumber = { value: 0, percent: false };
  private readonly alt: ParsedNumber = { value: 0, percent: false };
  private flags: Uint8Array = new Uint8Array(0);
  /** Each number column's decimal separator once a cell readable only one way has shown it. */
  private readonly decimal: Record<AmountField, DecimalSeparator | null> = {
    balance: null,
    originalBalance: null,
    rate: null,
    monthlyFeeRate: null,
    paymentRate: null,
  };
  private readonly decidedBy: Partial<Record<AmountField, CoreMessage>> = {};
  /** Cells read before their column decided that differ by separator ('12.500'): row, field, comma reading. */
  private readonly pendingK: number[] = [];
  private readonly pendingField: AmountField[] = [];
  private readonly pendingAlt: number[] = [];
  private readonly pendingSample: Partial<Record<AmountField, string>> = {};
  /** Set by `amount` when a cell is a number only with the other decimal separator than its column's. */
  private mixedCell = false;

  private rowsRead = 0;
  private obFilled = 0;
  private rejectedCount = 0;
  private readonly byReason: Partial<Record<RejectReason, number>> = {};
  private rejects: RejectedRow[] = [];
  private rejectsNotListed = 0;
  private readonly warnings: CoreMessage[] = [];

  constructor(
    private readonly headers: readonly string[],
    private readonly opts: BuildOptions,
  ) {
    this.mapping = opts.mapping;
    this.headerCount = headers.length;
    let named = headers.length;
    while (named > 0 && headers[named - 1]!.trim() === '') named--;
    this.minCells = named;
    this.maxListed = opts.maxListedRejects ?? 100_000;
    this.cols = resolveColumns(this.mapping, headers);
    const seen = new Set<string>();
    headers.forEach((h) => {
      // The same normalisation as column matching, so two headers that match one field are both named.
      const k = normalizeHeader(h);
      if (k && seen.has(k)) this.warnings.push(coreMessage('tapeImport.duplicateHeader', { header: h }));
      seen.add(k);
    });
    const missing = (['id', 'balance', 'rate', 'originalTerm'] as const).filter(
      (f) => this.cols[f] === undefined,
    );
    if (missing.length > 0) {
      const wanted = missing.map((f) => `${f} (${describeRef(this.mapping.columns[f])})`).join(', ');
      throw new TapeFormatError(
        `mapping '${this.mapping.name}' needs columns the header row does not have: ${wanted}; ` +
          `header is: ${headers.slice(0, 40).join(' | ')}`,
      );
    }
    // A status column may carry five-category grades (次级 as a status is the grade); status codes win.
    const values = this.mapping.values;
    for (const [k, v] of Object.entries(CLASSIFICATION_SYNONYMS)) this.statusMap.set(k, v);
    for (const [k, v] of Object.entries(STATUS_SYNONYMS)) this.statusMap.set(k, v);
    for (const [k, v] of Object.entries({ ...this.mapping.statusCodes, ...values.status }))
      this.statusMap.set(codeKey(k), v);
    for (const [k, v] of Object.entries(CLASSIFICATION_SYNONYMS)) this.classMap.set(k, v);
    for (const [k, v] of Object.entries(values.classification ?? {})) this.classMap.set(codeKey(k), v);
    for (const k of PRODUCT_TYPE_NAMES) this.productMap.set(k, BY_METHOD);
    for (const [k, v] of Object.entries(PRODUCT_SYNONYMS))
      this.productMap.set(k, PRODUCT_CODES.indexOf(v as never));
    for (const [k, v] of Object.entries({ ...this.mapping.productCodes, ...values.product })) {
      this.productMap.set(codeKey(k), PRODUCT_CODES.indexOf(v));
    }
    for (const [k, v] of Object.entries(REPAYMENT_METHOD_SYNONYMS))
      this.methodMap.set(k, PRODUCT_CODES.indexOf(v as never));
    for (const [k, v] of Object.entries(values.repaymentMethod ?? {}))
      this.methodMap.set(codeKey(k), PRODUCT_CODES.indexOf(v));
    for (const f of ['balance', 'originalBalance'] as const) {
      const stated = this.mapping.amountUnits[f];
      const idx = this.cols[f];
      const fromHeader = idx === undefined ? null : headerMoneyUnit(headers[idx]!);
      const unit = stated ?? fromHeader;
      if (unit !== null && unit !== undefined) {
        this.moneyExp[f] = MONEY_UNIT_EXP[unit];
        this.moneyUnitFrom[f] = coreMessage(
          stated ? 'tapeImport.amountUnitStated' : 'tapeImport.amountUnit',
          {
            field: f,
            column: headers[idx ?? 0] ?? '',
            unit: MONEY_UNIT_NAME[unit],
          },
        );
      }
    }
    this.ratePeriod =
      this.mapping.ratePeriod ??
      (this.cols.rate === undefined ? 'annual' : headerRatePeriod(headers[this.cols.rate]!));
    const stated = this.mapping.decimalSeparator;
    if (stated !== undefined)
      for (const f of AMOUNT_FIELDS) {
        this.decimal[f] = stated;
        this.decidedBy[f] = coreMessage('tapeImport.decidedByMapping');
      }
    this.defaultProduct = PRODUCT_CODES.indexOf(this.mapping.defaults.product ?? 'level-pay');
    this.defaultSegment = this.mapping.defaults.segment ?? 'all';
    this.spreadsheet = opts.source.format === 'xlsx' || opts.source.format === 'xls';
  }

  private grow(): void {
    const cap = Math.max(65_536, this.cap * 2);
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.line = copyInto(new Uint32Array(cap), this.line);
    this.product = copyInto(new Uint8Array(cap), this.product);
    this.segment = copyInto(new Uint16Array(cap), this.segment);
    this.status = copyInto(new Uint8Array(cap), this.status);
    this.flags = copyInto(new Uint8Array(cap), this.flags);
    this.region = copyInto(new Uint16Array(cap), this.region);
    this.originalTerm = copyInto(new Uint16Array(cap), this.originalTerm);
    this.balance = f64(this.balance);
    this.originalBalance = f64(this.originalBalance);
    this.rate = f64(this.rate);
    this.fee = f64(this.fee);
    this.payRate = f64(this.payRate);
    this.remainingTerm = f64(this.remainingTerm);
    this.origination = f64(this.origination);
    this.maturity = f64(this.maturity);
    this.dpd = f64(this.dpd);
    this.score = f64(this.score);
    this.basis = copyInto(new Uint16Array(cap), this.basis);
    this.cap = cap;
  }

  private reject(
    row: number,
    field: PoolField | null,
    value: string,
    reason: RejectReason,
    message?: string,
  ): false {
    this.rejectedCount++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.rejects.length < this.maxListed) {
      const idx = field ? this.cols[field] : undefined;
      this.rejects.push({
        row,
        column: idx !== undefined ? this.headers[idx]! : '',
        field,
        value: value.length > 200 ? value.slice(0, 200) + '…' : value,
        reason,
        message: message ?? REJECT_REASONS[reason],
      });
    } else {
      this.rejectsNotListed++;
    }
    return false;
  }

  /** Rejects a row for a code no table knows, and counts the code for the report's unknown values. */
  private unknownCode(line: number, field: CodedField, raw: string): false {
    const v = raw.trim();
    const key = `${field}\u0000${v}`;
    this.unknown.set(key, (this.unknown.get(key) ?? 0) + 1);
    const reason: RejectReason =
      field === 'status'
        ? 'unknown-status'
        : field === 'classification'
          ? 'unknown-classification'
          : field === 'product'
            ? 'unknown-product'
            : 'unknown-repayment-method';
    return this.reject(
      line,
      field,
      raw,
      reason,
      `${field} '${v}' is not a known code (map it in the mapping's values.${field}, or --map-value ${field}:${v}=CODE)`,
    );
  }

  /** The ND code of a cell, counted; null when the cell is not a no-data code. */
  private nd(field: PoolField, raw: string): string | null {
    const c = raw.charCodeAt(0);
    if (raw.length < 3 || raw.length > 7 || (c !== 78 && c !== 110 && c !== 32)) return null;
    const code = noDataCode(raw);
    if (code === null) return null;
    const key = `${field}\u0000${code}`;
    this.noData.set(key, (this.noData.get(key) ?? 0) + 1);
    return code;
  }

  /**
   * Reads a number cell by its column's decimal separator. Until a cell readable only one way ('2500.00',
   * '1.234,56', '0,055') decides the column, both readings are tried; a cell they read differently
   * ('12.500': 12.5 or 12500) is kept with its comma reading for finish() to settle.
   */
  private amount(field: AmountField, raw: string, k: number, out: ParsedNumber): number {
    const v = this.amountRead(field, raw, k, out);
    if (field !== 'balance' && field !== 'originalBalance') return v;
    const exp = this.moneyExp[field];
    // A cell with its own unit ("12.5万", "800元") is already in 元; the column's unit applies to bare ones.
    if (exp === 0 || (out.unit ?? -1) >= 0) return v;
    const last = this.pendingK.length - 1;
    if (last >= 0 && this.pendingK[last] === k && this.pendingField[last] === field)
      this.pendingAlt[last] = shiftDecimal(this.pendingAlt[last]!, exp);
    return shiftDecimal(v, exp);
  }

  private amountRead(field: AmountField, raw: string, k: number, out: ParsedNumber): number {
    this.mixedCell = false;
    const locked = this.decimal[field];
    if (locked !== null) {
      const v = parseNumber(raw, out, locked);
      if (Number.isNaN(v) && !Number.isNaN(parseNumber(raw, undefined, locked === '.' ? ',' : '.')))
        this.mixedCell = true;
      return v;
    }
    const point = parseNumber(raw, out, '.');
    const comma = parseNumber(raw, this.alt, ',');
    if (Number.isNaN(point)) {
      if (!Number.isNaN(comma)) {
        this.decimal[field] = ',';
        this.decidedBy[field] = coreMessage('tapeImport.decidedByCell', { value: raw.trim() });
        out.percent = this.alt.percent;
      }
      return comma;
    }
    if (Number.isNaN(comma)) {
      this.decimal[field] = '.';
      this.decidedBy[field] = coreMessage('tapeImport.decidedByCell', { value: raw.trim() });
    } else if (point !== comma) {
      this.pendingK.push(k);
      this.pendingField.push(field);
      this.pendingAlt.push(comma);
      this.pendingSample[field] ??= raw.trim();
    }
    return point;
  }

  private rejectMixed(line: number, field: AmountField, raw: string): false {
    const sep = this.decimal[field] === ',' ? 'decimal commas' : 'decimal points';
    return this.reject(
      line,
      field,
      raw,
      'mixed-decimal',
      `${field} '${raw.trim()}' is a number only with the other decimal separator, but column '${this.colHeader(field)}' is written with ${sep} (${this.decidedBy[field]?.message ?? ''})`,
    );
  }

  private colHeader(field: PoolField): string {
    const i = this.cols[field];
    return i === undefined ? '' : this.headers[i]!;
  }

  private cell(cells: readonly string[], field: PoolField): string | undefined {
    const i = this.cols[field];
    return i === undefined ? undefined : cells[i];
  }

  /** Reads one data row; `line` is its 1-based line in the file. */
  addRow(cells: readonly string[], line: number): void {
    this.rowsRead++;
    if (cells.length !== this.headerCount) {
      // Cells past the header, or missing under trailing unnamed header cells, are fine when empty: a
      // spreadsheet pads its rows to the sheet's width, and a CSV writer may drop trailing empty cells.
      let extraEmpty = cells.length >= this.minCells;
      for (let i = this.headerCount; extraEmpty && i < cells.length; i++)
        if (cells[i]!.trim() !== '') extraEmpty = false;
      if (!extraEmpty) {
        if (cells.every((c) => c.trim() === '')) this.reject(line, null, '', 'empty-row');
        else {
          this.reject(
            line,
            null,
            cells.slice(0, 3).join(','),
            'wrong-cell-count',
            `row has ${cells.length} cells, the header has ${this.headerCount}`,
          );
        }
        return;
      }
    }
    if (this.n === this.cap) this.grow();
    const k = this.n;
    if (!this.readRow(cells, line, k)) return;
    this.n++;
  }

  private readRow(cells: readonly string[], line: number, k: number): boolean {
    const num = this.num;
    // Undecided cells of an earlier row that was rejected at this index are no longer the pool's.
    while (this.pendingK.length > 0 && this.pendingK[this.pendingK.length - 1] === k) {
      this.pendingK.pop();
      this.pendingField.pop();
      this.pendingAlt.pop();
    }
    let flags = 0;
    // Identifier.
    const rawId = cells[this.cols.id!]!;
    const id = rawId.trim();
    if (id.length === 0) {
      if (cells.every((c) => c.trim() === '')) return this.reject(line, null, '', 'empty-row');
      return this.reject(line, 'id', rawId, 'missing-required', 'loan identifier is empty');
    }
    if (this.nd('id', id)) return this.reject(line, 'id', id, 'no-data-required', `loan identifier is ${id}`);
    // The same test as every export's neutraliser: an id it would have to alter is not imported.
    if (isFormulaLike(id) || id.length > 200 || hasControlChar(id)) {
      return this.reject(line, 'id', id, 'unsafe-id');
    }

    // Balances.
    const rawBal = cells[this.cols.balance!]!;
    const nb = this.nd('balance', rawBal);
    if (nb)
      return this.reject(
        line,
        'balance',
        rawBal,
        'no-data-required',
        `current balance is ${nb}: ${NO_DATA_REASONS[nb]}`,
      );
    const bal = this.amount('balance', rawBal, k, num);
    if (this.mixedCell) return this.rejectMixed(line, 'balance', rawBal);
    if (Number.isNaN(bal)) {
      return this.reject(
        line,
        'balance',
        rawBal,
        rawBal.trim() === '' ? 'missing-required' : 'bad-number',
        rawBal.trim() === '' ? 'current balance is empty' : `current balance '${rawBal}' is not a number`,
      );
    }
    if (bal < 0)
      return this.reject(line, 'balance', rawBal, 'negative-balance', `current balance ${bal} is negative`);
    let ob = bal;
    const rawOb = this.cell(cells, 'originalBalance');
    if (rawOb === undefined || rawOb.trim() === '' || this.nd('originalBalance', rawOb)) {
      if (rawOb !== undefined) this.obFilled++;
      flags |= OB_DEFAULTED;
    } else {
      ob = this.amount('originalBalance', rawOb, k, num);
      if (this.mixedCell) return this.rejectMixed(line, 'originalBalance', rawOb);
      if (Number.isNaN(ob))
        return this.reject(
          line,
          'originalBalance',
          rawOb,
          'bad-number',
          `original balance '${rawOb}' is not a number`,
        );
      if (ob < 0)
        return this.reject(
          line,
          'originalBalance',
          rawOb,
          'negative-balance',
          `original balance ${ob} is negative`,
        );
    }

    // Rates.
    const rawRate = cells[this.cols.rate!]!;
    const nr = this.nd('rate', rawRate);
    if (nr)
      return this.reject(
        line,
        'rate',
        rawRate,
        'no-data-required',
        `interest rate is ${nr}: ${NO_DATA_REASONS[nr]}`,
      );
    // The bare number is kept; finish() scales the column as a whole (see scaleRates).
    const rate = this.amount('rate', rawRate, k, num);
    if (this.mixedCell) return this.rejectMixed(line, 'rate', rawRate);
    if (Number.isNaN(rate)) {
      return this.reject(
        line,
        'rate',
        rawRate,
        rawRate.trim() === '' ? 'missing-required' : 'bad-number',
        `interest rate '${rawRate}' is not a number`,
      );
    }
    if (num.percent) flags |= SIGNED_BIT.rate;
    const fee = this.optionalShare(cells, 'monthlyFeeRate', line, k);
    if (Number.isNaN(fee)) return false;
    if (num.percent) flags |= SIGNED_BIT.monthlyFeeRate;
    const pay = this.optionalShare(cells, 'paymentRate', line, k);
    if (Number.isNaN(pay)) return false;
    if (num.percent) flags |= SIGNED_BIT.paymentRate;

    // Terms.
    const rawOt = cells[this.cols.originalTerm!]!;
    const nt = this.nd('originalTerm', rawOt);
    if (nt)
      return this.reject(
        line,
        'originalTerm',
        rawOt,
        'no-data-required',
        `original term is ${nt}: ${NO_DATA_REASONS[nt]}`,
      );
    const ot = parseTerm(rawOt);
    if (Number.isNaN(ot)) {
      return this.reject(
        line,
        'originalTerm',
        rawOt,
        rawOt.trim() === '' ? 'missing-required' : 'bad-term',
        `original term '${rawOt}' is not a whole number of months`,
      );
    }
    if (ot < 1 || ot > 1200)
      return this.reject(
        line,
        'originalTerm',
        rawOt,
        'term-out-of-range',
        `original term ${ot} is outside 1–1200 months`,
      );
    let rt = NaN;
    const rawRt = this.cell(cells, 'remainingTerm');
    if (rawRt !== undefined && rawRt.trim() !== '' && !this.nd('remainingTerm', rawRt)) {
      rt = parseTerm(rawRt);
      if (Number.isNaN(rt))
        return this.reject(
          line,
          'remainingTerm',
          rawRt,
          'bad-term',
          `remaining term '${rawRt}' is not a whole number of months`,
        );
      if (rt > ot)
        return this.reject(
          line,
          'remainingTerm',
          rawRt,
          'remaining-exceeds-original',
          `remaining term ${rt} exceeds original term ${ot}`,
        );
      if (rt < 1)
        return this.reject(
          line,
          'remainingTerm',
          rawRt,
          'matured',
          `remaining term ${rt}: nothing left to collect`,
        );
    }

    // Dates (slash dates wait for the column's order, see finish()).
    const orig = this.readDateCell(cells, 'originationDate', line);
    if (orig === null) return false;
    const mat = this.readDateCell(cells, 'maturityDate', line);
    if (mat === null) return false;
    const rawCut = this.cell(cells, 'cutoffDate');
    if (rawCut !== undefined) {
      const t = rawCut.trim();
      if (rawCut !== this.lastCutoffCell && t !== '' && !this.nd('cutoffDate', t)) {
        this.cutoffCells.set(t, (this.cutoffCells.get(t) ?? 0) + 1);
        this.lastCutoffCell = rawCut;
      }
    }

    // Delinquency, status, classification.
    let dpd = NaN;
    const rawDpd = this.cell(cells, 'daysPastDue');
    if (rawDpd !== undefined && rawDpd.trim() !== '' && !this.nd('daysPastDue', rawDpd)) {
      dpd = parseNumber(rawDpd);
      if (Number.isNaN(dpd) || dpd < 0 || !Number.isInteger(dpd)) {
        return this.reject(
          line,
          'daysPastDue',
          rawDpd,
          'bad-number',
          `days past due '${rawDpd}' is not a whole number ≥ 0`,
        );
      }
    }
    let status = NO_STATUS;
    let worst: LoanStatus | null = null;
    let worstFrom: 'status' | 'classification' = 'status';
    let worstRaw = '';
    const rawStatus = this.cell(cells, 'status');
    if (rawStatus !== undefined) {
      const cached = this.statusByCell.get(rawStatus);
      if (cached !== undefined) {
        status = cached;
        worst = STATUS_CODES[cached]!;
      } else if (rawStatus.trim() !== '' && !this.nd('status', rawStatus)) {
        const s = this.statusMap.get(codeKey(rawStatus));
        if (s === undefined) return this.unknownCode(line, 'status', rawStatus);
        worst = s;
        worstRaw = rawStatus;
        if (!EXCLUDED_STATUSES.has(s)) this.statusByCell.set(rawStatus, STATUS_CODES.indexOf(s));
      }
    }
    const rawClass = this.cell(cells, 'classification');
    if (rawClass !== undefined && rawClass.trim() !== '' && !this.nd('classification', rawClass)) {
      const c = this.classMap.get(codeKey(rawClass));
      if (c === undefined) return this.unknownCode(line, 'classification', rawClass);
      if (worst === null || STATUS_SEVERITY[c] > STATUS_SEVERITY[worst]) {
        worst = c;
        worstFrom = 'classification';
        worstRaw = rawClass;
      }
    }
    if (worst !== null) {
      if (EXCLUDED_STATUSES.has(worst)) {
        return this.reject(
          line,
          worstFrom,
          worstRaw,
          'excluded-status',
          `${worstFrom} '${worstRaw.trim()}' (${worst}) is not part of the performing pool`,
        );
      }
      status = STATUS_CODES.indexOf(worst);
    }
    let product = this.defaultProduct;
    let byMethod = true;
    const rawProduct = this.cell(cells, 'product');
    if (rawProduct !== undefined) {
      const cached = this.productByCell.get(rawProduct);
      if (cached !== undefined) {
        if (cached !== BY_METHOD) {
          product = cached;
          byMethod = false;
        }
      } else if (rawProduct.trim() !== '' && !this.nd('product', rawProduct)) {
        const p = this.productMap.get(codeKey(rawProduct));
        if (p === undefined || p === -1) return this.unknownCode(line, 'product', rawProduct);
        if (p !== BY_METHOD) {
          product = p;
          byMethod = false;
        }
        this.productByCell.set(rawProduct, p);
      }
    }
    // A product type (分期, 现金贷) or no product at all: the repayment method says how the loan amortises.
    const rawMethod = byMethod ? this.cell(cells, 'repaymentMethod') : undefined;
    if (rawMethod !== undefined && rawMethod.trim() !== '' && !this.nd('repaymentMethod', rawMethod)) {
      const p = this.methodMap.get(codeKey(rawMethod));
      if (p === undefined || p < 0) return this.unknownCode(line, 'repaymentMethod', rawMethod);
      product = p;
    }
    let basis = 0;
    const rawBasis = this.cell(cells, 'dailyRateBasis');
    if (rawBasis !== undefined && rawBasis.trim() !== '' && !this.nd('dailyRateBasis', rawBasis)) {
      const m = /^(?:act\s*\/\s*)?(360|365)\s*(天|日|days?)?$/i.exec(rawBasis.normalize('NFKC').trim());
      if (!m)
        return this.reject(
          line,
          'dailyRateBasis',
          rawBasis,
          'bad-rate-basis',
          `daily-rate basis '${rawBasis.trim()}' is not 360 or 365`,
        );
      basis = +m[1]!;
    }
    if (bal === 0) {
      return this.reject(
        line,
        'balance',
        rawBal,
        'zero-balance',
        `current balance is 0: nothing left to collect, so not a performing loan`,
      );
    }
    if (PRODUCT_CODES[product] === 'revolving' && !(pay > 0)) {
      return this.reject(line, 'paymentRate', String(pay), 'missing-payment-rate');
    }
    let score = NaN;
    const rawScore = this.cell(cells, 'score');
    if (rawScore !== undefined && rawScore.trim() !== '' && !this.nd('score', rawScore)) {
      score = parseNumber(rawScore);
      if (Number.isNaN(score))
        return this.reject(line, 'score', rawScore, 'bad-number', `score '${rawScore}' is not a number`);
    }
    // Duplicate identifiers are checked in finish(), among rows that pass every other check.
    this.ids[k] = id;
    this.flags[k] = flags;
    this.line[k] = line;
    this.balance[k] = bal;
    this.originalBalance[k] = ob;
    this.rate[k] = rate;
    this.fee[k] = fee;
    this.payRate[k] = pay;
    this.originalTerm[k] = ot;
    this.remainingTerm[k] = rt;
    this.origination[k] = orig;
    this.maturity[k] = mat;
    this.dpd[k] = dpd;
    this.score[k] = score;
    this.basis[k] = basis;
    this.status[k] = status;
    this.product[k] = product;
    this.segment[k] = this.dictionary(
      this.segmentIndex,
      this.segmentNames,
      this.textOr(cells, 'segment', this.defaultSegment),
    );
    const reg = this.textOr(cells, 'region', '');
    this.region[k] = reg === '' ? NO_REGION : this.dictionary(this.regionIndex, this.regionNames, reg);
    return true;
  }

  /** Dictionary code of a text cell ('' fallback = missing region). */
  private coded(
    cells: readonly string[],
    field: 'segment' | 'region',
    byCell: Map<string, number>,
    index: Map<string, number>,
    names: string[],
    fallback: string,
  ): number {
    const raw = this.cell(cells, field) ?? '';
    let code = byCell.get(raw);
    if (code === undefined) {
      const t = this.textOr(cells, field, fallback);
      code = t === '' ? NO_REGION : this.dictionary(index, names, t);
      if (byCell.size < 10_000) byCell.set(raw, code);
    }
    return code;
  }

  private textOr(cells: readonly string[], field: PoolField, fallback: string): string {
    const raw = this.cell(cells, field);
    if (raw === undefined) return fallback;
    const t = raw.trim();
    if (t === '' || this.nd(field, t)) return fallback;
    return t.length > 64 ? t.slice(0, 64) : t;
  }

  private dictionary(index: Map<string, number>, names: string[], key: string): number {
    let i = index.get(key);
    if (i === undefined) {
      if (names.length >= 0xfffe)
        throw new TapeFormatError(`more than ${0xfffe} distinct values in a segment or region column`);
      i = names.length;
      names.push(key);
      index.set(key, i);
    }
    return i;
  }

  /** An optional monthly share (fee or payment rate), bare: 0 when absent, NaN after rejecting the row. */
  private optionalShare(
    cells: readonly string[],
    field: 'monthlyFeeRate' | 'paymentRate',
    line: number,
    k: number,
  ): number {
    this.num.percent = false;
    const raw = this.cell(cells, field);
    if (raw === undefined || raw.trim() === '' || this.nd(field, raw)) return 0;
    const v = this.amount(field, raw, k, this.num);
    if (this.mixedCell) {
      this.rejectMixed(line, field, raw);
      return NaN;
    }
    if (Number.isNaN(v)) {
      this.reject(line, field, raw, 'bad-number', `${field} '${raw}' is not a number`);
      return NaN;
    }
    return v;
  }

  /**
   * Reads a date cell; a spreadsheet's date cells are serial numbers whatever text format the layout
   * states, counted from the workbook's own epoch (1904-01-01 is 1,462 days after 1900-01-00).
   */
  private dateOf(t: string, format: DateFormat | undefined): DateCell {
    let d = readDate(t, format);
    if (d.kind === 'bad' && this.spreadsheet) d = readDate(t, 'EXCEL-SERIAL');
    if (d.kind === 'day' && d.format === 'EXCEL-SERIAL' && this.opts.source.date1904)
      return { kind: 'day', day: d.day + DAYS_1900_TO_1904, format: d.format };
    return d;
  }

  /** A day number, NaN when absent, a pair code above PAIR_BASE, or null after rejecting the row. */
  private readDateCell(cells: readonly string[], field: DateField, line: number): number | null {
    const raw = this.cell(cells, field);
    if (raw === undefined) return NaN;
    const t = raw.trim();
    if (t === '' || this.nd(field, t)) return NaN;
    const d = this.dateOf(t, this.mapping.dateFormats[field]);
    if (d.kind === 'day') {
      const seen = this.dateFormatsSeen[field];
      seen.set(d.format, (seen.get(d.format) ?? 0) + 1);
      return d.day;
    }
    if (d.kind === 'pair') {
      const ev = this.slash[field];
      ev.cells++;
      if (d.a > 12) ev.firstAbove12++;
      if (d.b > 12) ev.secondAbove12++;
      return PAIR_BASE + d.y * 10000 + d.a * 100 + d.b;
    }
    this.reject(
      line,
      field,
      raw,
      'bad-date',
      `${field} '${t}' is not a date${this.mapping.dateFormats[field] ? ` in the stated format ${this.mapping.dateFormats[field]}` : ''}`,
    );
    return null;
  }

  /** Ends the import: resolves column-level decisions, runs the date checks and returns pool and report. */
  finish(extra?: { blankLines?: number; elapsedMs?: number }): BuildResult {
    const rules: CoreMessage[] = [];
    const errors: CoreMessage[] = [];
    const warnings = this.warnings;
    const n = this.n;
    const keep = new Uint8Array(n).fill(1);
    const m = this.mapping;
    const colName = (f: PoolField): string => {
      const i = this.cols[f];
      return i === undefined ? '' : this.headers[i]!;
    };

    // Slash dates: the column decides the order; ambiguity is an error naming the column.
    const orders: Partial<Record<DateField, 'DMY' | 'MDY' | null>> = {};
    for (const f of DATE_FIELDS) {
      const ev = this.slash[f];
      if (ev.cells === 0) continue;
      const r = resolveSlashOrder(ev);
      orders[f] = r.order;
      if (r.order) {
        rules.push(
          coreMessage(r.order === 'DMY' ? 'tapeImport.slashOrderDMY' : 'tapeImport.slashOrderMDY', {
            field: f,
            column: colName(f),
            format: r.order === 'DMY' ? 'DD/MM/YYYY' : 'MM/DD/YYYY',
          }),
        );
      } else {
        errors.push(
          r.why === 'ambiguous'
            ? coreMessage('tapeImport.slashAmbiguous', {
                column: colName(f),
                field: f,
                cells: ev.cells,
                dmy: 'DD/MM/YYYY',
                mdy: 'MM/DD/YYYY',
                key: `dateFormats.${f}`,
                dmyCode: 'DMY',
                mdyCode: 'MDY',
              })
            : coreMessage('tapeImport.slashMixed', {
                column: colName(f),
                field: f,
                first: ev.firstAbove12,
                second: ev.secondAbove12,
                dm: 'DD/MM',
                md: 'MM/DD',
                key: `dateFormats.${f}`,
              }),
        );
      }
    }
    for (const f of DATE_FIELDS) {
      const seen = this.dateFormatsSeen[f];
      if (seen.size > 0) {
        const formats = joined(
          'tapeImport.joinComma',
          [...seen.entries()].map(([fmt, c]) => coreMessage('tapeImport.countAs', { count: c, format: fmt })),
        );
        rules.push(
          withNested(
            m.dateFormats[f] ? 'tapeImport.dateFormatsStated' : 'tapeImport.dateFormats',
            { field: f, column: colName(f) },
            { formats },
          ),
        );
      }
    }

    const cutoff = this.resolveCutoff(rules, warnings, errors);
    const cutDay = cutoff === null ? NaN : isoToDay(cutoff);

    const rejectAt = (
      k: number,
      field: PoolField | null,
      value: string,
      reason: RejectReason,
      message: string,
    ): void => {
      keep[k] = 0;
      this.reject(this.line[k]!, field, value, reason, message);
    };
    const resolveDate = (k: number, arr: Float64Array, f: DateField): boolean => {
      const v = arr[k]!;
      if (!(v >= PAIR_BASE)) return true;
      const code = v - PAIR_BASE;
      const y = Math.floor(code / 10000);
      const a = Math.floor(code / 100) % 100;
      const b = code % 100;
      const shown = `${String(a).padStart(2, '0')}/${String(b).padStart(2, '0')}/${y}`;
      const order = orders[f];
      if (!order) {
        rejectAt(
          k,
          f,
          shown,
          'ambiguous-date',
          `${f} '${shown}': column '${colName(f)}' does not decide DD/MM or MM/DD; state dateFormats.${f} in the mapping`,
        );
        return false;
      }
      const day = pairToDay(y, a, b, order);
      if (Number.isNaN(day)) {
        rejectAt(k, f, shown, 'bad-date', `${f} '${shown}' is not a date as ${order}`);
        return false;
      }
      arr[k] = day;
      return true;
    };

    this.settleDecimals(keep, rejectAt, rules, warnings);
    this.scaleRates(keep, rejectAt, rules, warnings);

    let derivedFromMaturity = 0;
    let derivedFromOrigination = 0;
    const defaultedOriginal = this.cols.originalBalance === undefined ? n : this.obFilled;
    const rtMapped = this.cols.remainingTerm !== undefined;
    for (let k = 0; k < n; k++) {
      if (!keep[k]) continue;
      if (!resolveDate(k, this.origination, 'originationDate')) continue;
      if (!resolveDate(k, this.maturity, 'maturityDate')) continue;
      const o = this.origination[k]!;
      const mt = this.maturity[k]!;
      if (mt <= o) {
        rejectAt(
          k,
          'maturityDate',
          dayToIso(mt),
          'maturity-before-origination',
          `maturity ${dayToIso(mt)} is not after origination ${dayToIso(o)}`,
        );
        continue;
      }
      // A loan in the pool at the cut-off was originated by then; one that matured by then has nothing left,
      // whatever remaining term the tape states.
      if (o > cutDay) {
        rejectAt(
          k,
          'originationDate',
          dayToIso(o),
          'originated-after-cutoff',
          `origination ${dayToIso(o)} is after the cut-off ${dayToIso(cutDay)}`,
        );
        continue;
      }
      let rt = this.remainingTerm[k]!;
      const ot = this.originalTerm[k]!;
      if (!Number.isNaN(rt) && mt <= cutDay) {
        rejectAt(
          k,
          'maturityDate',
          dayToIso(mt),
          'maturity-before-cutoff',
          `maturity ${dayToIso(mt)} is on or before the cut-off ${dayToIso(cutDay)}, yet the remaining term is ${rt}`,
        );
        continue;
      }
      if (Number.isNaN(rt)) {
        if (!Number.isNaN(mt) && !Number.isNaN(cutDay)) {
          rt = monthsBetweenCeil(cutDay, mt);
          derivedFromMaturity++;
        } else if (!Number.isNaN(o) && !Number.isNaN(cutDay)) {
          rt = ot - Math.max(0, monthsBetweenFloor(o, cutDay));
          derivedFromOrigination++;
        } else {
          rejectAt(
            k,
            'remainingTerm',
            '',
            'no-remaining-term',
            rtMapped
              ? 'remaining term is empty and cannot be derived (needs a maturity or origination date and a cut-off date)'
              : 'no remaining-term column, and no maturity or origination date with a cut-off date to derive it from',
          );
          continue;
        }
        if (rt > ot) {
          rejectAt(
            k,
            'remainingTerm',
            String(rt),
            'remaining-exceeds-original',
            `derived remaining term ${rt} exceeds original term ${ot}`,
          );
          continue;
        }
        if (rt < 1) {
          rejectAt(
            k,
            'remainingTerm',
            String(rt),
            'matured',
            `derived remaining term ${rt}: matured by the cut-off`,
          );
          continue;
        }
        this.remainingTerm[k] = rt;
      }
    }
    if (derivedFromMaturity > 0)
      rules.push(
        coreMessage('tapeImport.derivedFromMaturity', {
          field: 'remainingTerm',
          from: 'maturityDate',
          cutoff: String(cutoff),
          count: derivedFromMaturity,
        }),
      );
    if (derivedFromOrigination > 0)
      rules.push(
        coreMessage('tapeImport.derivedFromOrigination', {
          field: 'remainingTerm',
          original: 'originalTerm',
          from: 'originationDate',
          cutoff: String(cutoff),
          count: derivedFromOrigination,
        }),
      );
    if (!rtMapped && derivedFromMaturity + derivedFromOrigination === 0 && n > 0) {
      errors.push(coreMessage('tapeImport.remainingNotDerivable', { field: 'remainingTerm' }));
    }
    if (defaultedOriginal > 0) {
      rules.push(
        this.cols.originalBalance === undefined
          ? coreMessage('tapeImport.originalNotMapped', { field: 'originalBalance' })
          : coreMessage('tapeImport.originalEmpty', { field: 'originalBalance', count: defaultedOriginal }),
      );
    }
    const defaultProduct = PRODUCT_CODES[this.defaultProduct]!;
    if (this.cols.product === undefined && this.cols.repaymentMethod === undefined)
      rules.push(coreMessage('tapeImport.productNotMapped', { field: 'product', product: defaultProduct }));
    else if (this.cols.repaymentMethod !== undefined)
      rules.push(
        coreMessage(
          this.cols.product === undefined ? 'tapeImport.repaymentMethodOnly' : 'tapeImport.repaymentMethod',
          { field: 'repaymentMethod', column: colName('repaymentMethod'), product: defaultProduct },
        ),
      );
    if (this.cols.classification !== undefined)
      rules.push(
        coreMessage('tapeImport.classification', {
          field: 'classification',
          column: colName('classification'),
        }),
      );
    for (const f of ['balance', 'originalBalance'] as const) {
      const r = this.moneyUnitFrom[f];
      if (r) rules.push(r);
    }
    if (this.cols.segment === undefined)
      rules.push(
        coreMessage('tapeImport.segmentNotMapped', { field: 'segment', segment: this.defaultSegment }),
      );
    if (this.cols.status === undefined)
      rules.push(coreMessage('tapeImport.statusNotMapped', { field: 'status' }));
    else
      rules.push(coreMessage('tapeImport.statusesExcluded', { statuses: [...EXCLUDED_STATUSES].join(', ') }));

    // Duplicate identifiers among the rows that passed every other check, in file order: the first valid
    // row keeps the id whatever invalid rows carried it before.
    for (let k = 0; k < n; k++) {
      if (!keep[k]) continue;
      const id = this.ids[k]!;
      const at = this.seenIds.findOrInsert(id, k);
      if (at >= 0)
        rejectAt(k, 'id', id, 'duplicate-id', `loan identifier '${id}' already on row ${this.line[at]}`);
    }

    // Compact the accepted rows.
    let accepted = 0;
    for (let k = 0; k < n; k++) accepted += keep[k]!;
    const all = accepted === n;
    const pick = <T extends Float64Array | Uint8Array | Uint16Array>(src: T, make: (len: number) => T): T => {
      if (all) return src.slice(0, n) as T;
      const out = make(accepted);
      let j = 0;
      for (let k = 0; k < n; k++) if (keep[k]) out[j++] = src[k]!;
      return out;
    };
    let ids: string[];
    if (all) ids = this.ids.length === n ? this.ids : this.ids.slice(0, n);
    else {
      ids = new Array<string>(accepted);
      let j = 0;
      for (let k = 0; k < n; k++) if (keep[k]) ids[j++] = this.ids[k]!;
    }
    const f64 = (l: number): Float64Array => new Float64Array(l);
    const remaining = pick(this.remainingTerm, f64);
    const pool: ImportedPool = {
      size: accepted,
      ids,
      product: pick(this.product, (l) => new Uint8Array(l)),
      segment: pick(this.segment, (l) => new Uint16Array(l)),
      segmentNames: this.segmentNames,
      balance: pick(this.balance, f64),
      originalBalance: pick(this.originalBalance, f64),
      rate: pick(this.rate, f64),
      monthlyFeeRate: pick(this.fee, f64),
      originalTerm: pick(this.originalTerm, (l) => new Uint16Array(l)),
      remainingTerm: Uint16Array.from(remaining),
      paymentRate: pick(this.payRate, f64),
      cutoffDate: cutoff,
      originationDay: pick(this.origination, f64),
      maturityDay: pick(this.maturity, f64),
      daysPastDue: pick(this.dpd, f64),
      status: pick(this.status, (l) => new Uint8Array(l)),
      region: pick(this.region, (l) => new Uint16Array(l)),
      regionNames: this.regionNames,
      score: pick(this.score, f64),
    };
    this.rejects.sort((a, b) => a.row - b.row);

    const noData: NoDataCount[] = [];
    for (const [key, count] of this.noData) {
      const [field, code] = key.split('\u0000') as [PoolField, string];
      noData.push({ field, column: colName(field), code, meaning: NO_DATA_REASONS[code] ?? '', count });
    }
    const unknownValues: UnknownValue[] = [];
    for (const [key, rows] of this.unknown) {
      const [field, value] = key.split('\u0000') as [CodedField, string];
      unknownValues.push({ field, column: colName(field), value, rows });
    }
    unknownValues.sort(
      (a, b) => CODED_FIELDS.indexOf(a.field) - CODED_FIELDS.indexOf(b.field) || b.rows - a.rows,
    );
    const columns: Partial<Record<PoolField, string>> = {};
    for (const [f, i] of Object.entries(this.cols)) columns[f as PoolField] = this.headers[i]!;
    const report: ImportReport = {
      source: this.opts.source,
      mapping: {
        name: m.name,
        columns,
        suggested: this.opts.suggestedConfidence !== undefined,
        ...(this.opts.suggestedConfidence !== undefined ? { confidence: this.opts.suggestedConfidence } : {}),
        notes: m.notes,
      },
      cutoffDate: cutoff,
      rowsRead: this.rowsRead,
      accepted,
      rejected: this.rejectedCount,
      blankLines: extra?.blankLines ?? 0,
      byReason: this.byReason,
      rejects: this.rejects,
      rejectsNotListed: this.rejectsNotListed,
      noData,
      unknownValues,
      rules: rules.map((x) => x.message),
      warnings: warnings.map((x) => x.message),
      errors: errors.map((x) => x.message),
      ruleMessages: rules,
      warningMessages: warnings,
      errorMessages: errors,
      ...(extra?.elapsedMs !== undefined ? { elapsedMs: extra.elapsedMs } : {}),
    };
    return { pool, report, mapping: m };
  }

  private resolveCutoff(rules: CoreMessage[], warnings: CoreMessage[], errors: CoreMessage[]): string | null {
    if (this.opts.cutoffDate) {
      rules.push(coreMessage('tapeImport.cutoffGiven', { date: this.opts.cutoffDate }));
      return this.opts.cutoffDate;
    }
    if (this.cutoffCells.size > 0) {
      const days: number[] = [];
      for (const raw of this.cutoffCells.keys()) {
        const d = this.dateOf(raw, this.mapping.dateFormats.cutoffDate);
        if (d.kind === 'day') days.push(d.day);
        else if (d.kind === 'pair') {
          // Cut-off cells are few distinct values: decide their order among themselves.
          const ev: SlashEvidence = {
            firstAbove12: d.a > 12 ? 1 : 0,
            secondAbove12: d.b > 12 ? 1 : 0,
            cells: 1,
          };
          const r = resolveSlashOrder(ev);
          if (r.order) days.push(pairToDay(d.y, d.a, d.b, r.order));
          else
            errors.push(
              coreMessage('tapeImport.cutoffOrder', {
                value: raw,
                dm: 'DD/MM',
                md: 'MM/DD',
                key: 'dateFormats.cutoffDate',
              }),
            );
        } else errors.push(coreMessage('tapeImport.cutoffBad', { value: raw }));
      }
      const good = days.filter((d) => !Number.isNaN(d));
      if (good.length > 0) {
        const latest = Math.max(...good);
        if (new Set(good).size > 1)
          warnings.push(
            coreMessage('tapeImport.cutoffSeveral', { count: new Set(good).size, date: dayToIso(latest) }),
          );
        rules.push(coreMessage('tapeImport.cutoffFromColumn', { date: dayToIso(latest) }));
        return dayToIso(latest);
      }
    }
    if (this.mapping.cutoffDate) {
      rules.push(coreMessage('tapeImport.cutoffFromMapping', { date: this.mapping.cutoffDate }));
      return this.mapping.cutoffDate;
    }
    return null;
  }

  private column(field: AmountField): Float64Array {
    switch (field) {
      case 'balance':
        return this.balance;
      case 'originalBalance':
        return this.originalBalance;
      case 'rate':
        return this.rate;
      case 'monthlyFeeRate':
        return this.fee;
      case 'paymentRate':
        return this.payRate;
    }
  }

  /**
   * Settles the cells read before their column showed its decimal separator. A column that never showed
   * one follows the tape's other columns (one locale writes a whole file), and decimal points otherwise.
   */
  private settleDecimals(
    keep: Uint8Array,
    rejectAt: RejectAt,
    rules: CoreMessage[],
    warnings: CoreMessage[],
  ): void {
    const shown = new Set(AMOUNT_FIELDS.map((f) => this.decimal[f]).filter((d) => d !== null));
    const tapeWide: DecimalSeparator | null = shown.size === 1 ? [...shown][0]! : null;
    const final: Record<AmountField, DecimalSeparator> = {
      balance: '.',
      originalBalance: '.',
      rate: '.',
      monthlyFeeRate: '.',
      paymentRate: '.',
    };
    for (const f of AMOUNT_FIELDS) {
      const own = this.decimal[f];
      final[f] = own ?? tapeWide ?? '.';
      const column = this.colHeader(f);
      if (own === ',') {
        const by = this.decidedBy[f];
        rules.push(
          withNested(
            'tapeImport.decimalCommas',
            { field: f, column, decidedBy: '' },
            by ? { decidedBy: by } : {},
          ),
        );
      }
      const sample = this.pendingSample[f];
      if (sample === undefined || own !== null) continue;
      if (tapeWide !== null)
        rules.push(
          coreMessage(
            tapeWide === ',' ? 'tapeImport.decimalFollowsCommas' : 'tapeImport.decimalFollowsPoints',
            {
              field: f,
              column,
              sample,
            },
          ),
        );
      else
        warnings.push(
          coreMessage('tapeImport.decimalUndecided', { column, field: f, sample, key: 'decimalSeparator' }),
        );
    }
    for (let i = 0; i < this.pendingK.length; i++) {
      const k = this.pendingK[i]!;
      const f = this.pendingField[i]!;
      if (!keep[k] || final[f] !== ',') continue;
      const v = this.pendingAlt[i]!;
      this.column(f)[k] = v;
      if (f === 'balance' && this.flags[k]! & OB_DEFAULTED) this.originalBalance[k] = v;
      if (f === 'balance' && v === 0)
        rejectAt(k, 'balance', '0', 'zero-balance', 'current balance is 0: nothing left to collect');
    }
  }

  /**
   * Scales each rate column as a whole. '%' cells are percentages. Bare cells follow the mapping's stated
   * scale; in 'auto' the column is percent-style when most non-zero bare values are above the threshold (1
   * for annual rates, 0.1 for monthly shares) and decimal-style when most are at or below it, and a bare
   * value on the other side (0.99 among 12.5s, 10.65 among 0.1065s) is rejected: it is a different
   * number in each reading, and one column is written one way.
   */
  private scaleRates(
    keep: Uint8Array,
    rejectAt: RejectAt,
    rules: CoreMessage[],
    warnings: CoreMessage[],
  ): void {
    const n = this.n;
    // A daily rate is a few per ten thousand and a monthly one about a hundredth: the bare-value threshold that
    // tells percent-style from decimal-style follows the period the rate is quoted in.
    const rateThreshold = this.ratePeriod === 'daily' ? 0.01 : this.ratePeriod === 'monthly' ? 0.1 : 1;
    const threshold = {
      rate: rateThreshold,
      monthlyFeeRate: FEE_PERCENT_ABOVE,
      paymentRate: FEE_PERCENT_ABOVE,
    } as const;
    const toAnnual = (k: number, v: number): number => {
      if (this.ratePeriod === 'annual') return v;
      if (this.ratePeriod === 'monthly') return v * 12;
      const b = this.basis[k]!;
      if (b === 360) this.basisCounts.tape360++;
      else if (b === 365) this.basisCounts.tape365++;
      else this.basisCounts.stated++;
      return v * (b === 0 ? this.mapping.dailyRateBasis : b);
    };
    for (const f of RATE_FIELDS) {
      if (f !== 'rate' && this.cols[f] === undefined) continue;
      const arr = this.column(f);
      const bit = SIGNED_BIT[f];
      const limit = f === 'rate' ? this.mapping.maxRate : 1;
      // A header such as 日利率（‰） or 年化利率（%） says how its bare values are written (unless the mapping says).
      const bySign =
        this.mapping.rateScale[f] === undefined && this.cols[f] !== undefined
          ? headerRateSign(this.colHeader(f))
          : null;
      let asSigned = 0;
      const stated = this.mapping.rateScale[f] ?? 'auto';
      let above = 0;
      let below = 0;
      for (let k = 0; k < n; k++) {
        if (!keep[k] || this.flags[k]! & bit || bySign !== null) continue;
        const v = Math.abs(arr[k]!);
        if (v > threshold[f]) above++;
        else if (v > 0) below++;
      }
      const scale: 'percent' | 'decimal' | null =
        stated !== 'auto'
          ? stated
          : above > below
            ? 'percent'
            : below > above
              ? 'decimal'
              : above === 0
                ? 'decimal'
                : null;
      let signed = 0;
      let asPercent = 0;
      let asDecimal = 0;
      let misfits = 0;
      for (let k = 0; k < n; k++) {
        if (!keep[k]) continue;
        const bare = arr[k]!;
        let v = bare;
        if (this.flags[k]! & bit) signed++;
        else if (bare !== 0 && bySign !== null) {
          v = bySign === '%' ? bare / 100 : shiftDecimal(bare, -3);
          asSigned++;
        } else if (bare !== 0) {
          const big = Math.abs(bare) > threshold[f];
          if (stated === 'auto' && (scale === null || (scale === 'percent') !== big)) {
            misfits++;
            rejectAt(
              k,
              f,
              String(bare),
              'rate-scale-mismatch',
              scale === null
                ? `${f} ${bare}: column '${this.colHeader(f)}' has as many percent-style as decimal-style values; state rateScale.${f} in the mapping`
                : `${f} ${bare} does not fit column '${this.colHeader(f)}', whose bare values are ${scale === 'percent' ? `percentages (most above ${threshold[f]})` : `decimals (most at or below ${threshold[f]})`}; state rateScale.${f} in the mapping if it is right`,
            );
            continue;
          }
          if (scale === 'percent') {
            v = bare / 100;
            asPercent++;
          } else asDecimal++;
        }
        if (f === 'rate') v = toAnnual(k, v);
        arr[k] = v;
        if (v < 0 || v > limit) {
          rejectAt(
            k,
            f,
            String(bare),
            'rate-out-of-range',
            `${f === 'rate' ? 'interest rate' : f} ${bare}${this.flags[k]! & bit ? '%' : ''} reads as ${v}, outside [0, ${limit}]`,
          );
        }
      }
      const parts: CoreMessage[] = [];
      if (signed) parts.push(coreMessage('tapeImport.rateSigned', { count: signed }));
      if (asPercent)
        parts.push(
          stated === 'percent'
            ? coreMessage('tapeImport.ratePercentStated', { count: asPercent })
            : coreMessage('tapeImport.ratePercent', { count: asPercent, threshold: threshold[f] }),
        );
      if (asDecimal) parts.push(coreMessage('tapeImport.rateDecimal', { count: asDecimal }));
      if (asSigned)
        parts.push(
          coreMessage(bySign === '%' ? 'tapeImport.rateHeaderPercent' : 'tapeImport.rateHeaderPerMille', {
            count: asSigned,
          }),
        );
      const column = this.colHeader(f);
      if (parts.length > 0)
        rules.push(
          withNested(
            'tapeImport.rateParts',
            { field: f, column },
            { parts: joined('tapeImport.joinSemicolon', parts) },
          ),
        );
      if (f === 'rate' && this.ratePeriod === 'monthly')
        rules.push(coreMessage('tapeImport.rateMonthly', { field: 'rate', column }));
      if (f === 'rate' && this.ratePeriod === 'daily') {
        const c = this.basisCounts;
        const how: CoreMessage[] = [];
        if (c.tape360) how.push(coreMessage('tapeImport.basisTape', { count: c.tape360, basis: 360 }));
        if (c.tape365) how.push(coreMessage('tapeImport.basisTape', { count: c.tape365, basis: 365 }));
        if (c.stated)
          how.push(
            coreMessage(
              this.cols.dailyRateBasis === undefined ? 'tapeImport.basisNoColumn' : 'tapeImport.basisEmpty',
              { count: c.stated, basis: this.mapping.dailyRateBasis, key: 'dailyRateBasis' },
            ),
          );
        rules.push(
          withNested(
            'tapeImport.rateDaily',
            { field: 'rate', column },
            { how: joined('tapeImport.joinComma', how) },
          ),
        );
      }
      if (misfits > 0)
        warnings.push(
          coreMessage('tapeImport.rateMixed', {
            column,
            count: misfits,
            reason: 'rate-scale-mismatch',
            key: `rateScale.${f}`,
          }),
        );
    }
  }
}

type RejectAt = (
  k: number,
  field: PoolField | null,
  value: string,
  reason: RejectReason,
  message: string,
) => void;

function copyInto<T extends Uint8Array | Uint16Array | Uint32Array>(dst: T, src: T): T {
  dst.set(src);
  return dst;
}

/**
 * A coded message with message parameters inside it (a list, a reason): the English reads as before, and a host
 * renders each inner message in its own language too.
 */
function withNested(
  code: CoreCode,
  params: MessageParams,
  nested: Readonly<Record<string, CoreMessage>>,
): CoreMessage {
  const english = Object.fromEntries(Object.entries(nested).map(([k, v]) => [k, v.message]));
  return { ...coreMessage(code, { ...params, ...english }), nested };
}

/** Parts of one sentence joined two by two, so each language words its own separator. */
function joined(
  code: 'tapeImport.joinComma' | 'tapeImport.joinSemicolon',
  parts: CoreMessage[],
): CoreMessage {
  if (parts.length === 0) return { message: '' };
  return parts.reduce((a, b) => withNested(code, {}, { a, b }));
}

function describeRef(ref: string | readonly string[] | undefined): string {
  if (ref === undefined) return 'not mapped';
  return typeof ref === 'string' ? `'${ref}'` : ref.map((r) => `'${r}'`).join(' or ');
}

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 32) return true;
  return false;
}
