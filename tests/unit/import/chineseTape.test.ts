import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../../core/io/tape/encoding';
import { isoToDay, readDate } from '../../../core/io/tape/dates';
import {
  CLASSIFICATION_SYNONYMS,
  PRODUCT_SYNONYMS,
  PRODUCT_TYPE_NAMES,
  REPAYMENT_METHOD_SYNONYMS,
  STATUS_CODES,
  STATUS_SYNONYMS,
} from '../../../core/io/tape/fields';
import {
  MAPPING_PRESETS,
  TapeMapping,
  headerMoneyUnit,
  headerRatePeriod,
  mappingFrom,
  suggestMapping,
} from '../../../core/io/tape/mapping';
import { parseNumber, parseTerm, type ParsedNumber } from '../../../core/io/tape/values';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import { PRODUCT_CODES } from '../../../core/pool/loanPool';

const statusOf = (codes: Uint8Array): string[] => Array.from(codes, (c) => STATUS_CODES[c]!);
const productOf = (codes: Uint8Array): string[] => Array.from(codes, (c) => PRODUCT_CODES[c]!);

describe('code tables of Chinese platform tapes', () => {
  it('repayment methods map to the engine products', () => {
    expect(REPAYMENT_METHOD_SYNONYMS['等额本息']).toBe('level-pay');
    expect(REPAYMENT_METHOD_SYNONYMS['等额本金']).toBe('equal-principal');
    expect(REPAYMENT_METHOD_SYNONYMS['先息后本']).toBe('bullet');
    expect(REPAYMENT_METHOD_SYNONYMS['到期一次性还本付息']).toBe('single-payment');
    expect(PRODUCT_SYNONYMS['免息分期']).toBe('interest-free-fee');
  });

  it('product types name no amortisation; 免息分期 is a product of its own', () => {
    for (const p of ['分期', '商品分期', '消费分期', '账单分期', '现金贷', '信用贷'])
      expect(PRODUCT_TYPE_NAMES.has(p), p).toBe(true);
    expect(PRODUCT_TYPE_NAMES.has('免息分期')).toBe(false);
  });

  it('statuses and the five categories: 关注 kept as delinquent, 次级/可疑 default, 损失/核销 charged off', () => {
    expect(STATUS_SYNONYMS['正常']).toBe('current');
    expect(STATUS_SYNONYMS['逾期']).toBe('delinquent');
    expect(STATUS_SYNONYMS['提前还清']).toBe('paid-off');
    expect(STATUS_SYNONYMS['结清']).toBe('paid-off');
    expect(STATUS_SYNONYMS['核销']).toBe('charged-off');
    expect(CLASSIFICATION_SYNONYMS).toMatchObject({
      正常: 'current',
      关注: 'delinquent',
      次级: 'default',
      可疑: 'default',
      损失: 'charged-off',
    });
  });
});

describe('Chinese dates, amounts and rates', () => {
  it('reads 2024年3月15日, 2024/3/15, 20240315, 2024-03-15, 2024.3.15 and full-width digits as one day', () => {
    const day = isoToDay('2024-03-15');
    for (const s of [
      '2024年3月15日',
      '2024年03月15日',
      '2024/3/15',
      '20240315',
      '2024-03-15',
      '2024.3.15',
      '２０２４／３／１５',
    ]) {
      const d = readDate(s);
      expect(d.kind === 'day' ? d.day : NaN, s).toBe(day);
    }
    expect(readDate('2024年2月30日').kind).toBe('bad');
  });

  it('reads 万 / 万元 / 亿 / 元 cells exactly, full-width digits and commas, ‰ as per mille', () => {
    const out: ParsedNumber = { value: 0, percent: false };
    expect(parseNumber('12.5万', out)).toBe(125000);
    expect(out.unit).toBe(4);
    expect(parseNumber('0.164067万元')).toBe(1640.67);
    expect(parseNumber('1.5亿')).toBe(150000000);
    expect(parseNumber('1,200元', out)).toBe(1200);
    expect(out.unit).toBe(0);
    expect(parseNumber('１２，３４５．６７')).toBe(12345.67);
    expect(parseNumber('0.55‰', out)).toBe(0.00055);
    expect(out.percent).toBe(true);
    expect(parseNumber('１２．５％')).toBe(0.125);
    expect(parseNumber('12.5万%')).toBeNaN();
    expect(parseTerm('１２期')).toBe(12);
  });

  it('headers state the unit and the rate period', () => {
    expect(headerMoneyUnit('贷款余额（万元）')).toBe('wan');
    expect(headerMoneyUnit('合同金额(元)')).toBe('yuan');
    expect(headerMoneyUnit('贷款余额')).toBeNull();
    expect(headerRatePeriod('日利率（‰）')).toBe('daily');
    expect(headerRatePeriod('月利率')).toBe('monthly');
    expect(headerRatePeriod('年化利率')).toBe('annual');
  });

  const HEAD =
    '借据号,产品类型,还款方式,五级分类,贷款状态,合同金额（元）,贷款余额（万元）,日利率（‰）,日利率计算基础,期数,剩余期数';

  it('a 万元 column reads to the cent, a cell with its own unit keeps it; daily rates × the row basis or 360', () => {
    const { pool, report } = importTapeText(
      [
        HEAD,
        'A1,商品分期,等额本息,正常,正常,"12,000.00",0.60005,0.5‰,360,12,6',
        'A2,现金贷,等额本金,关注,逾期,3600,3500元,0.5,365,6,6',
        'A3,免息分期,等额本金,正常,正常,2万,1.2万,0,,12,12',
      ].join('\n'),
      'cn.csv',
    );
    expect(report.rejects).toEqual([]);
    expect(Array.from(pool.balance)).toEqual([6000.5, 3500, 12000]);
    expect(Array.from(pool.originalBalance)).toEqual([12000, 3600, 20000]);
    expect(pool.rate[0]).toBeCloseTo(0.18, 12);
    expect(pool.rate[1]).toBeCloseTo(0.1825, 12);
    expect(productOf(pool.product)).toEqual(['level-pay', 'equal-principal', 'interest-free-fee']);
    expect(statusOf(pool.status)).toEqual(['current', 'delinquent', 'current']);
    expect(report.rules.join('\n')).toMatch(/daily rate, made annual: 1 × 360 .*1 × 365/);
    expect(report.rules.join('\n')).toMatch(/amounts in 万元/);
  });

  it('the worse of status and classification counts: 损失 or 次级 take a 正常 loan out of the pool', () => {
    const { report } = importTapeText(
      [
        HEAD,
        'B1,分期,等额本息,损失,正常,1000,0.1,0.5,,12,6',
        'B2,分期,等额本息,次级,正常,1000,0.1,0.5,,12,6',
        'B3,分期,等额本息,正常,提前还清,1000,0.1,0.5,,12,6',
        'B4,分期,等额本息,正常,正常,1000,0.1,0.5,,12,6',
      ].join('\n'),
      'cn.csv',
    );
    expect(report.accepted).toBe(1);
    expect(report.rejects.map((r) => [r.row, r.field, r.reason])).toEqual([
      [2, 'classification', 'excluded-status'],
      [3, 'classification', 'excluded-status'],
      [4, 'status', 'excluded-status'],
    ]);
  });

  it('a bad cell is rejected naming row, column, field and reason; nothing else is lost', () => {
    const { report } = importTapeText(
      [
        HEAD,
        'C1,分期,等额本息,正常,正常,1000,0.1,abc,,12,6',
        'C2,分期,等额本息,正常,正常,1000,0.1,0.5,366,12,6',
      ].join('\n'),
      'cn.csv',
    );
    expect(report.rowsRead).toBe(2);
    expect(report.rejects.map((r) => [r.row, r.column, r.field, r.reason])).toEqual([
      [2, '日利率（‰）', 'rate', 'bad-number'],
      [3, '日利率计算基础', 'dailyRateBasis', 'bad-rate-basis'],
    ]);
  });
});

describe('unknown codes are listed once each with their row count, and the value map resolves them', () => {
  const text = [
    '借据号,产品类型,还款方式,贷款状态,贷款余额,年化利率,期数,剩余期数',
    'D1,分期,等本等息,正常,1000,18%,12,6',
    'D2,分期,等本等息,正常,1000,18%,12,6',
    'D3,分期,等额本息,展期,1000,18%,12,6',
    'D4,白条,等额本息,正常,1000,18%,12,6',
    'D5,分期,等额本息,正常,1000,18%,12,6',
  ].join('\n');

  it('the report lists each distinct unknown value with its rows', () => {
    const { report } = importTapeText(text, 'cn.csv');
    expect(report.accepted).toBe(1);
    expect(report.unknownValues).toEqual([
      { field: 'status', column: '贷款状态', value: '展期', rows: 1 },
      { field: 'product', column: '产品类型', value: '白条', rows: 1 },
      { field: 'repaymentMethod', column: '还款方式', value: '等本等息', rows: 2 },
    ]);
    expect(report.byReason['unknown-repayment-method']).toBe(2);
    // Listed once each in unknownValues (the wizard's step, the CLI's section), not as a warning too.
    expect(report.warnings).toEqual([]);
  });

  it('a mapping with a value map imports them; old mapping files without one still load', () => {
    const base = MAPPING_PRESETS['cn-platform']!;
    const mapping = mappingFrom({
      ...base,
      values: {
        status: { 展期: 'restructured' },
        product: { 白条: 'level-pay' },
        repaymentMethod: { 等本等息: 'interest-free-fee' },
      },
    });
    const { pool, report } = importTapeText(text, 'cn.csv', { mapping });
    expect(report.accepted).toBe(5);
    expect(report.unknownValues).toEqual([]);
    expect(productOf(pool.product).slice(0, 2)).toEqual(['interest-free-fee', 'interest-free-fee']);
    expect(STATUS_CODES[pool.status[2]!]).toBe('restructured');
    const old = TapeMapping.parse({ name: 'old', columns: { id: 'id' }, statusCodes: { x: 'current' } });
    expect(old.values).toEqual({});
    expect(old.dailyRateBasis).toBe(360);
  });

  it('the suggestion maps the usual Chinese headers, units stripped', () => {
    const s = suggestMapping([
      '借据号',
      '发放金额（元）',
      '剩余本金（万元）',
      '年化利率',
      '剩余期数',
      '期数',
      '还款方式',
      '五级分类',
      '省份',
    ]);
    const byField = Object.fromEntries(s.fields.map((f) => [f.field, f.column]));
    expect(byField).toMatchObject({
      id: '借据号',
      originalBalance: '发放金额（元）',
      balance: '剩余本金（万元）',
      rate: '年化利率',
      originalTerm: '期数',
      remainingTerm: '剩余期数',
      repaymentMethod: '还款方式',
      classification: '五级分类',
      region: '省份',
    });
    expect(s.missingRequired).toEqual([]);
  });
});

describe('the sample Chinese platform tape', () => {
  it('is detected as GB18030 from its Chinese header alone', () => {
    const bytes = new Uint8Array(readFileSync('samples/tapes/sample-tape-cn-platform-gbk.csv'));
    const headerEnd = bytes.indexOf(0x0d);
    expect(detectEncoding(bytes.subarray(0, headerEnd)).encoding).toBe('gb18030');
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
  });
});
