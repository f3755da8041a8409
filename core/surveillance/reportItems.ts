/**
 * A servicer report as a sheet of items and values (two columns: item, value), the way trustees publish the
 * figures of a 受托机构报告: each item named in English (the JSON field path, e.g. `pool.endBalance`, or words,
 * e.g. "Pool end balance") or in Chinese (期末资产池余额). Class items name the class (`classes.A.principalPaid`,
 * "A档本金兑付"), trigger items the trigger (`triggers.cnl.value`, "触发事件cnl测试值"). An item may carry its
 * unit in brackets, 元 or 万元 ("期末资产池余额（万元）"), and a value its own (1,234.5万). Bad lines are listed with
 * their line number and nothing is guessed; the result is checked by the ServicerReport schema after.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { dayToIso, excelSerialToDay, readDate } from '../io/tape/dates';
import { parseNumber, shiftDecimal } from '../io/tape/values';
import type { ServicerReportInput } from './servicerReport';

type Path = readonly string[];

/** Item names by path (lower-cased, blanks removed when matched); docs/servicer-reports.md lists them. */
export const POOL_ITEMS: Record<string, readonly string[]> = {
  period: ['period', '期数', '报告期数', '兑付期数'],
  paymentDate: ['payment date', 'paymentdate', '兑付日', '支付日', '本金兑付日'],
  'pool.beginBalance': ['pool begin balance', '期初资产池余额', '资产池期初余额', '期初未偿本金余额'],
  'pool.principalCollections': ['principal collections', '本金回收', '本期本金回收款', '本金回收款'],
  'pool.prepayments': ['prepayments', '提前还款', '早偿金额', '提前还款金额'],
  'pool.interestCollections': [
    'interest collections',
    '利息回收',
    '本期收入回收款',
    '收入回收款',
    '利息回收款',
  ],
  'pool.defaults': ['defaults', '违约金额', '新增违约', '本期新增违约金额'],
  'pool.recoveries': ['recoveries', '违约回收', '回收金额', '违约回收款'],
  'pool.purchases': ['purchases', '循环购买', '循环购买金额'],
  'pool.repurchases': ['repurchases', '赎回', '回购金额', '赎回金额'],
  'pool.endBalance': ['pool end balance', '期末资产池余额', '资产池期末余额', '期末未偿本金余额'],
  'pool.delinquent.dpd1_30': ['delinquent 1-30 days', '逾期1-30天', '逾期1至30天'],
  'pool.delinquent.dpd31_60': ['delinquent 31-60 days', '逾期31-60天', '逾期31至60天'],
  'pool.delinquent.dpd61_90': ['delinquent 61-90 days', '逾期61-90天', '逾期61至90天'],
  'pool.delinquent.dpd90plus': ['delinquent 90+ days', '逾期90天以上', '逾期超过90天'],
  feesPaid: ['fees paid', '费用支出', '税费及费用', '优先支付的税费'],
  'reserve.beginBalance': ['reserve begin balance', '储备账户期初余额'],
  'reserve.deposits': ['reserve deposits', '储备账户存入'],
  'reserve.draws': ['reserve draws', '储备账户提取'],
  'reserve.endBalance': ['reserve end balance', '储备账户期末余额'],
};

/** Class items: `{id}档…` in Chinese, `class {id} …` in English words. */
export const CLASS_ITEMS: Record<string, { en: string; zh: readonly string[] }> = {
  beginBalance: { en: 'begin balance', zh: ['期初余额', '期初本金余额'] },
  interestPaid: { en: 'interest paid', zh: ['利息兑付', '兑付利息'] },
  principalPaid: { en: 'principal paid', zh: ['本金兑付', '兑付本金'] },
  writeDown: { en: 'write-down', zh: ['核减', '本金核减'] },
  interestShortfall: { en: 'interest shortfall', zh: ['未付利息', '利息差额'] },
  endBalance: { en: 'end balance', zh: ['期末余额', '期末本金余额'] },
};

const norm = (s: string): string => s.toLowerCase().replace(/[\s_]+/g, '');

const byName = new Map<string, Path>();
for (const [path, names] of Object.entries(POOL_ITEMS)) {
  byName.set(norm(path), path.split('.'));
  for (const n of names) byName.set(norm(n), path.split('.'));
}

/** An item's unit in brackets at its end: 元 (units) or 万元 (ten thousands). */
const UNIT_SUFFIX = /[（(](万元|元|cny|rmb|usd)[)）]$/i;

function classPath(name: string): Path | undefined {
  const dotted = /^classes\.([^.]+)\.([a-z]+)$/i.exec(name.trim());
  if (dotted && CLASS_ITEMS[dotted[2]!] !== undefined) return ['classes', dotted[1]!, dotted[2]!];
  for (const [field, words] of Object.entries(CLASS_ITEMS)) {
    const en = new RegExp(`^class\\s+(\\S+)\\s+${words.en.replace('-', '\\-')}$`, 'i').exec(name.trim());
    if (en) return ['classes', en[1]!, field];
    for (const zh of words.zh) {
      const m = new RegExp(`^(.+?)档(?:证券)?${zh}$`).exec(name.replace(/\s+/g, ''));
      if (m) return ['classes', m[1]!, field];
    }
  }
  return undefined;
}

function triggerPath(name: string): Path | undefined {
  const dotted = /^triggers\.([^.]+)\.(value|breached)$/i.exec(name.trim());
  if (dotted) return ['triggers', dotted[1]!, dotted[2]!.toLowerCase()];
  const zh = /^触发事件(.+?)(测试值|是否触发)$/.exec(name.replace(/\s+/g, ''));
  if (zh) return ['triggers', zh[1]!, zh[2] === '测试值' ? 'value' : 'breached'];
  return undefined;
}

const YES = new Set(['yes', 'true', 'y', '是', '已触发', '触发']);
const NO = new Set(['no', 'false', 'n', '否', '未触发']);

export interface ReportItemsResult {
  /** The report as read, for the schema to check; undefined when a line was bad. */
  report: ServicerReportInput | undefined;
  problems: { line: number; message: CoreMessage }[];
}

export interface ReportItemsOptions {
  /** The file's line (or sheet row) number of each row, when rows were skipped (a sheet's blank rows). */
  lineNumbers?: readonly number[];
  /** From a workbook: a date cell comes as its serial, counted from 1904 when the workbook says so. */
  sheet?: { date1904: boolean };
}

/** Excel counts 1,462 more days from 1900 than from 1904. */
const DAYS_1900_TO_1904 = 1462;

/** A payment date as written (ISO, 2025/12/15, …) or a workbook's date serial, as YYYY-MM-DD; else as given. */
function paymentDateOf(raw: string, sheet: ReportItemsOptions['sheet']): string {
  if (sheet !== undefined && /^\d{5}(\.\d+)?$/.test(raw))
    return dayToIso(excelSerialToDay(Number(raw)) + (sheet.date1904 ? DAYS_1900_TO_1904 : 0));
  const d = readDate(raw);
  // Anything else is left for the schema to refuse, named as the user wrote it.
  return d.kind === 'day' ? dayToIso(d.day) : raw;
}

/**
 * Reads item/value rows (a header row, if any, is skipped when its first cell is not an item). `firstLine` is
 * the line number of `rows[0]` in the file.
 */
export function readReportItems(
  rows: readonly (readonly string[])[],
  firstLine = 1,
  opts: ReportItemsOptions = {},
): ReportItemsResult {
  const problems: ReportItemsResult['problems'] = [];
  const pool: Record<string, unknown> = { delinquent: {} };
  const classes = new Map<string, Record<string, unknown>>();
  const triggers = new Map<string, Record<string, unknown>>();
  const top: Record<string, unknown> = {};
  let reserve: Record<string, unknown> | undefined;
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = opts.lineNumbers?.[i] ?? firstLine + i;
    const rawItem = (row[0] ?? '').trim();
    const rawValue = (row[1] ?? '').trim();
    if (rawItem === '' && rawValue === '') return;
    const unitMatch = UNIT_SUFFIX.exec(rawItem);
    const item = unitMatch ? rawItem.slice(0, unitMatch.index).trim() : rawItem;
    const scale = unitMatch?.[1] === '万元' ? 4 : 0;
    const path = byName.get(norm(item)) ?? classPath(item) ?? triggerPath(item);
    if (path === undefined) {
      // The first line may be a header ("item,value" / "项目,金额").
      if (i === 0) return;
      problems.push({ line, message: coreMessage('surveillance.unknownItem', { line, item: rawItem }) });
      return;
    }
    const key = path.join('.');
    if (seen.has(key)) {
      problems.push({ line, message: coreMessage('surveillance.duplicateItem', { line, item: rawItem }) });
      return;
    }
    seen.add(key);
    if (key === 'paymentDate') {
      top.paymentDate = paymentDateOf(rawValue, opts.sheet);
      return;
    }
    if (path[0] === 'triggers' && path[2] === 'breached') {
      const v = rawValue.toLowerCase();
      if (!YES.has(v) && !NO.has(v)) {
        problems.push({
          line,
          message: coreMessage('surveillance.badValue', { line, value: rawValue, item: rawItem }),
        });
        return;
      }
      triggerOf(triggers, path[1]!).breached = YES.has(v);
      return;
    }
    const n = parseNumber(rawValue);
    if (!Number.isFinite(n)) {
      problems.push({
        line,
        message: coreMessage('surveillance.badValue', { line, value: rawValue, item: rawItem }),
      });
      return;
    }
    const value = scale > 0 ? shiftDecimal(n, scale) : n;
    if (key === 'period' || key === 'feesPaid') top[key] = value;
    else if (path[0] === 'pool' && path[1] === 'delinquent')
      (pool.delinquent as Record<string, unknown>)[path[2]!] = value;
    else if (path[0] === 'pool') pool[path[1]!] = value;
    else if (path[0] === 'reserve') (reserve ??= {})[path[1]!] = value;
    else if (path[0] === 'classes') {
      const c = classes.get(path[1]!) ?? { id: path[1]! };
      c[path[2]!] = value;
      classes.set(path[1]!, c);
    } else if (path[0] === 'triggers') triggerOf(triggers, path[1]!).value = value;
  });
  if (problems.length > 0) return { report: undefined, problems };
  return {
    report: {
      ...top,
      pool,
      classes: [...classes.values()],
      ...(reserve ? { reserve } : {}),
      triggers: [...triggers.values()],
    } as unknown as ServicerReportInput,
    problems,
  };
}

function triggerOf(map: Map<string, Record<string, unknown>>, id: string): Record<string, unknown> {
  let t = map.get(id);
  if (t === undefined) {
    t = { id };
    map.set(id, t);
  }
  return t;
}
