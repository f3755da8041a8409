/**
 * Servicer (trustee) reports are checked before they enter a deal's history: the pool, each class and the
 * reserve must roll forward to the cent, and each month must begin where the last one ended. Figures worked by
 * hand: a 100,000,000 pool collects 8,000,000 of principal (1,500,000 of it prepaid) and charges off 500,000, so
 * it ends at 91,500,000; class A pays 7,000,000 of principal from 80,000,000 and ends at 73,000,000.
 */
import { describe, expect, it } from 'vitest';
import { readReportItems } from '../../../core/surveillance/reportItems';
import {
  historyProblems,
  reportProblems,
  ServicerReport,
  type ServicerReportInput,
} from '../../../core/surveillance/servicerReport';

const month1: ServicerReportInput = {
  period: 1,
  paymentDate: '2025-05-26',
  pool: {
    beginBalance: 100_000_000,
    principalCollections: 8_000_000,
    prepayments: 1_500_000,
    interestCollections: 1_200_000,
    defaults: 500_000,
    recoveries: 0,
    endBalance: 91_500_000,
    delinquent: { dpd1_30: 900_000, dpd31_60: 300_000, dpd61_90: 150_000, dpd90plus: 0 },
  },
  classes: [
    {
      id: 'A',
      beginBalance: 80_000_000,
      interestPaid: 200_000,
      principalPaid: 7_000_000,
      endBalance: 73_000_000,
    },
    { id: 'B', beginBalance: 12_000_000, interestPaid: 45_000, principalPaid: 0, endBalance: 12_000_000 },
  ],
  reserve: { beginBalance: 1_000_000, deposits: 0, draws: 0, endBalance: 1_000_000 },
};
const parse = (r: ServicerReportInput): ServicerReport => ServicerReport.parse(r);

describe('servicer report reconciliation', () => {
  it('a report that adds up has no problem', () => {
    expect(reportProblems(parse(month1))).toEqual([]);
  });

  it('a pool that does not roll forward is refused with the rule and every figure', () => {
    const bad = parse({ ...month1, pool: { ...month1.pool, endBalance: 91_499_999.99 } });
    const p = reportProblems(bad);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ period: 1, field: 'pool.endBalance' });
    expect(p[0]!.message.message).toBe(
      'the pool does not roll forward: begin 100000000.00 − principal 8000000.00 − defaults 500000.00 − ' +
        'repurchases 0.00 + purchases 0.00 = 91500000.00, but the report ends at 91499999.99',
    );
  });

  it('revolving purchases and seller repurchases move the pool balance', () => {
    // 100m − 8m − 0.5m − 0.2m repurchased + 8.7m bought = 100m: a revolving deal kept level.
    const level = parse({
      ...month1,
      pool: { ...month1.pool, purchases: 8_700_000, repurchases: 200_000, endBalance: 100_000_000 },
    });
    expect(reportProblems(level).filter((x) => x.field.startsWith('pool'))).toEqual([]);
  });

  it('a class that does not roll forward, prepayments above principal, delinquency above the pool', () => {
    const bad = parse({
      ...month1,
      pool: {
        ...month1.pool,
        prepayments: 8_000_000.01,
        endBalance: 91_500_000,
        delinquent: { dpd90plus: 91_500_000.01 },
      },
      classes: [{ ...month1.classes[0]!, writeDown: 10 }, month1.classes[1]!],
    });
    expect(reportProblems(bad).map((x) => x.field)).toEqual([
      'pool.prepayments',
      'pool.delinquent',
      'classes.A.endBalance',
    ]);
  });

  it('each month begins where the last ended; a missing month, a date going back and an unknown class are named', () => {
    const m1 = parse(month1);
    const m2 = parse({
      ...month1,
      period: 2,
      paymentDate: '2025-06-26',
      pool: {
        ...month1.pool,
        beginBalance: 91_500_000,
        principalCollections: 7_000_000,
        prepayments: 1_000_000,
        defaults: 500_000,
        endBalance: 84_000_000,
      },
      classes: [
        {
          id: 'A',
          beginBalance: 73_000_000,
          interestPaid: 180_000,
          principalPaid: 7_500_000,
          endBalance: 65_500_000,
        },
        { id: 'B', beginBalance: 12_000_000, interestPaid: 45_000, principalPaid: 0, endBalance: 12_000_000 },
      ],
    });
    expect(historyProblems([m2, m1], ['A', 'B'])).toEqual([]);
    const m3 = parse({
      ...month1,
      period: 4,
      paymentDate: '2025-06-01',
      pool: { ...month1.pool, beginBalance: 84_000_000.5, endBalance: 75_500_000.5 },
      classes: [
        { id: 'A', beginBalance: 65_500_000, interestPaid: 1, principalPaid: 0, endBalance: 65_500_000 },
        { id: 'C', beginBalance: 1, interestPaid: 0, principalPaid: 0, endBalance: 1 },
      ],
    });
    const fields = historyProblems([m1, m2, m3], ['A', 'B']).map((x) => `${x.period} ${x.field}`);
    expect(fields).toEqual([
      '4 classes.C',
      '4 period',
      '4 paymentDate',
      '4 pool.beginBalance',
      '4 classes.B',
    ]);
  });
});

describe('servicer report as items and values', () => {
  it('reads Chinese items (受托机构报告), 万元 units, class and trigger items into the same report', () => {
    const rows = [
      ['项目', '金额'],
      ['期数', '1'],
      ['兑付日', '2025-05-26'],
      ['期初资产池余额（万元）', '10,000'],
      ['本期本金回收款', '800万'],
      ['提前还款', '1500000'],
      ['本期收入回收款', '1200000'],
      ['新增违约', '500000'],
      ['期末资产池余额', '91500000'],
      ['逾期1-30天', '900000'],
      ['逾期31-60天', '300000'],
      ['逾期61-90天', '150000'],
      ['A档期初余额', '80000000'],
      ['A档利息兑付', '200000'],
      ['A档本金兑付', '7000000'],
      ['A档期末余额', '73000000'],
      ['B档期初余额', '12000000'],
      ['B档利息兑付', '45000'],
      ['B档本金兑付', '0'],
      ['B档期末余额', '12000000'],
      ['储备账户期初余额', '1000000'],
      ['储备账户存入', '0'],
      ['储备账户提取', '0'],
      ['储备账户期末余额', '1000000'],
      ['触发事件cnl测试值', '0.005'],
      ['触发事件cnl是否触发', '否'],
    ];
    const { report, problems } = readReportItems(rows);
    expect(problems).toEqual([]);
    const r = ServicerReport.parse(report);
    expect(r).toEqual(
      ServicerReport.parse({ ...month1, triggers: [{ id: 'cnl', value: 0.005, breached: false }] }),
    );
    expect(reportProblems(r)).toEqual([]);
  });

  it('an unknown item, a bad number and an item given twice are listed by line', () => {
    const { report, problems } = readReportItems(
      [
        ['item', 'value'],
        ['period', '1'],
        ['pool end balance', 'n/a'],
        ['期末资产池余额', '1'],
        ['期末资产池余额', '2'],
        ['资产池利差', '1'],
      ],
      1,
    );
    expect(report).toBeUndefined();
    expect(problems.map((p) => p.message.message)).toEqual([
      "line 3: 'n/a' is not a number (pool end balance)",
      "line 4: '期末资产池余额' is given twice",
      "line 5: '期末资产池余额' is given twice",
      "line 6: '资产池利差' is not a servicer report item",
    ]);
  });
});
