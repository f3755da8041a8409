import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoToDay } from '../../../core/io/tape/dates';
import { MAPPING_PRESETS, TapeMapping, mappingFrom, suggestMapping } from '../../../core/io/tape/mapping';
import { formatReport, rejectsToCsv } from '../../../core/io/tape/report';
import { neutraliseText } from '../../../core/io/report/cellText';
import { importTapeRows, importTapeText, previewTape } from '../../../core/io/tape/tapeStream';
import { TapeFormatError } from '../../../core/io/tape/csv';
import { PRODUCT_CODES } from '../../../core/pool/loanPool';
import { STATUS_CODES } from '../../../core/io/tape/fields';
import { GENERATOR_HEADER, generateTape } from '../../../samples/generator/tapeGenerator';

const LC_HEADER =
  'id,member_id,loan_amnt,funded_amnt,term,int_rate,installment,grade,sub_grade,issue_d,loan_status,out_prncp,addr_state';
const LC_ROWS = [
  '1077501,1296599,5000,5000, 36 months,10.65%,162.87,B,B2,Dec-2011,Current,2500.00,AZ',
  '1077430,1314167,2500,2500, 60 months,15.27%,59.83,C,C4,Dec-2011,Charged Off,0,GA',
  '1077175,1313524,2400,2400, 36 months,15.96%,84.33,C,C5,Dec-2011,Fully Paid,0,IL',
  '1076863,1277178,10000,10000, 36 months,13.49%,339.31,C,C1,Dec-2011,Late (31-120 days),4000.50,CA',
  '1075358,1311748,3000,3000, 60 months,12.69%,67.79,B,B5,Dec-2011,"Current","1,800.00",OR',
];

describe('LendingClub preset', () => {
  const text = [LC_HEADER, ...LC_ROWS].join('\n');

  it('is recognised from the header and reads "10.65%", " 36 months", "Dec-2011"; statuses exclude rows', () => {
    const { pool, report } = importTapeText(text, 'lc.csv', { cutoffDate: '2012-06-30' });
    expect(report.mapping.name).toBe('lendingclub');
    expect(report.mapping.suggested).toBe(false);
    expect(report.rowsRead).toBe(5);
    expect(report.accepted).toBe(3);
    expect(report.byReason).toEqual({ 'excluded-status': 2 });
    expect(report.rejects.map((r) => [r.row, r.column, r.value])).toEqual([
      [3, 'loan_status', 'Charged Off'],
      [4, 'loan_status', 'Fully Paid'],
    ]);
    expect(Array.from(pool.ids)).toEqual(['1077501', '1076863', '1075358']);
    expect(pool.rate[0]).toBeCloseTo(0.1065, 12);
    expect(Array.from(pool.originalTerm)).toEqual([36, 36, 60]);
    // Dec-2011 → 2011-12-01; 6 whole months to 2012-06-30: remaining = term − 6.
    expect(Array.from(pool.remainingTerm)).toEqual([30, 30, 54]);
    expect(pool.originationDay[0]).toBe(isoToDay('2011-12-01'));
    expect(Array.from(pool.balance)).toEqual([2500, 4000.5, 1800]);
    expect(Array.from(pool.originalBalance)).toEqual([5000, 10000, 3000]);
    expect(pool.segmentNames[pool.segment[1]!]).toBe('C');
    expect(STATUS_CODES[pool.status[1]!]).toBe('delinquent');
    expect(pool.regionNames[pool.region[2]!]).toBe('OR');
    expect(PRODUCT_CODES[pool.product[0]!]).toBe('level-pay');
    expect(report.rules.join('\n')).toMatch(/remainingTerm derived as originalTerm − whole months/);
    // The scaling rule reports the accepted rows' cells (the two excluded by status are not in the pool).
    expect(report.rules.join('\n')).toMatch(/3 with '%' divided by 100/);
  });

  it('without a cut-off the remaining term cannot be derived: every row rejected, and the report says why', () => {
    const { report } = importTapeText(text, 'lc.csv');
    expect(report.accepted).toBe(0);
    expect(report.byReason['no-remaining-term']).toBe(3);
    expect(report.errors.join()).toMatch(/remainingTerm is not mapped and cannot be derived/);
  });
});

describe('ESMA consumer preset', () => {
  const header = [
    'CMRL1 Unique Identifier',
    'CMRL2 Original Underlying Exposure Identifier',
    'CMRL6 Data Cut-Off Date',
    'Origination Date',
    'Maturity Date',
    'Original Term',
    'Original Principal Balance',
    'Current Principal Balance',
    'Current Interest Rate',
    'Number Of Days In Arrears',
    'Account Status',
    'Geographic Region - Obligor',
    'Amortisation Type',
  ].join(',');
  const rows = [
    'DEAL1,E-001,2024-03-31,2023-06-15,2025-06-15,24,12000,8000,7.5,0,PERF,ND2,FRXX',
    'DEAL1,E-002,2024-03-31,2023-09-01,2024-09-01,12,3000,1500.5,ND5,0,PERF,ND2,FRXX',
    'DEAL1,E-003,2024-03-31,2022-04-01,2025-04-01,36,9000,4000,6.9,45,PERF,ITC1,DEXX',
    'DEAL1,E-004,2024-03-31,2022-04-01,2025-04-01,36,9000,0,0.069,0,RDMD,ITC1,FRXX',
    'DEAL1,E-005,2024-03-31,2023-01-10,2024-07-10,ND1,5000,2000,0.08,ND1,PERF,ITC4,FRXX',
  ];

  it('maps CMRL codes and field names, keeps ND reasons, derives remaining term from maturity', () => {
    const { pool, report } = importTapeText([header, ...rows].join('\n'), 'esma.csv');
    expect(report.mapping.name).toBe('esma-consumer');
    expect(report.mapping.columns.id).toBe('CMRL2 Original Underlying Exposure Identifier');
    expect(report.cutoffDate).toBe('2024-03-31');
    expect(report.accepted).toBe(2);
    expect(report.byReason).toEqual({ 'no-data-required': 2, 'excluded-status': 1 });
    const nd = report.rejects.find((r) => r.row === 3)!;
    expect(nd.column).toBe('Current Interest Rate');
    expect(nd.message).toMatch(/ND5: not applicable/);
    expect(report.noData).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'region', code: 'ND2', count: 1 }),
        expect.objectContaining({ field: 'originalTerm', code: 'ND1', count: 1 }),
      ]),
    );
    expect(Array.from(pool.ids)).toEqual(['E-001', 'E-003']);
    // The column's bare rates (7.5, 6.9) are above 1, so the column is percent-style: 7.5%, 6.9%.
    expect(pool.rate[0]).toBeCloseTo(0.075, 12);
    expect(pool.rate[1]).toBeCloseTo(0.069, 12);
    // Cut-off 2024-03-31 → maturity 2025-06-15: Apr 2024 … Jun 2025 = 15 payments.
    expect(pool.remainingTerm[0]).toBe(15);
    // 36 months from 2022-04-01, 23 paid by the cut-off: Apr 2024 … Apr 2025 = 13 left.
    expect(pool.remainingTerm[1]).toBe(13);
    expect(PRODUCT_CODES[pool.product[1]!]).toBe('equal-principal');
    expect(pool.daysPastDue[1]).toBe(45);
    expect(report.warnings.join()).not.toMatch(/mixes percent-style/);
    expect(MAPPING_PRESETS['esma-consumer']!.notes.join(' ')).toMatch(/not confirmed/);
  });
});

describe('suggestions from Chinese and English headers', () => {
  it('maps a Chinese tape with a confidence per field', () => {
    const s = suggestMapping([
      '贷款编号',
      '合同金额',
      '剩余本金',
      '年利率',
      '期数',
      '剩余期数',
      '放款日期',
      '到期日',
      '产品类型',
      '逾期天数',
      '五级分类',
      '地区',
      '备注',
    ]);
    const byField = Object.fromEntries(s.fields.map((f) => [f.field, f.column]));
    expect(byField).toEqual({
      id: '贷款编号',
      product: '产品类型',
      classification: '五级分类',
      balance: '剩余本金',
      originalBalance: '合同金额',
      rate: '年利率',
      originalTerm: '期数',
      remainingTerm: '剩余期数',
      originationDate: '放款日期',
      maturityDate: '到期日',
      daysPastDue: '逾期天数',
      region: '地区',
    });
    expect(s.missingRequired).toEqual([]);
    expect(s.unmappedColumns).toEqual(['备注']);
    expect(s.fields.every((f) => f.confidence === 1)).toBe(true);
    // A Chinese platform's usual headers are the cn-platform layout; 五级分类 is the classification, not a segment.
    expect(s.preset).toBe('cn-platform');
  });

  it('partial matches score below 1 and required fields that are not found are listed', () => {
    const s = suggestMapping(['Loan Ref ID', 'Outstanding Principal Amount', 'Rate (annual)']);
    const id = s.fields.find((f) => f.field === 'id')!;
    expect(id.column).toBe('Loan Ref ID');
    expect(id.confidence).toBeLessThan(1);
    expect(s.missingRequired).toEqual(['originalTerm']);
  });

  it('imports a Chinese tape end to end with the cn-platform layout; 关注 stays in the pool as delinquent', () => {
    const text = [
      '贷款编号,合同金额,剩余本金,年利率,期数,剩余期数,放款日期,到期日,产品类型,五级分类,地区',
      'A1,"¥12,000.00","¥6,000.00",12.5%,12,6,2024/01/15,2025/01/15,等额本息,正常,广东',
      'A2,3600,3600,0,6,6,2024/06/20,2024/12/20,免息分期,关注,江苏',
    ].join('\r\n');
    const { pool, report } = importTapeText(text, 'cn.csv');
    expect(report.mapping.name).toBe('cn-platform');
    expect(report.accepted).toBe(2);
    expect(Array.from(pool.balance)).toEqual([6000, 3600]);
    expect(pool.rate[0]).toBeCloseTo(0.125, 12);
    expect(PRODUCT_CODES[pool.product[1]!]).toBe('interest-free-fee');
    expect(Array.from(pool.status, (c) => STATUS_CODES[c])).toEqual(['current', 'delinquent']);
  });
});

describe('dates by column', () => {
  const head = 'loan_id,current_balance,annual_rate,original_term,remaining_term,origination_date';
  it('a day above 12 anywhere in the column decides DD/MM for every row', () => {
    const text = [head, 'a,100,0.1,12,6,03/04/2024', 'b,100,0.1,12,6,25/04/2024'].join('\n');
    const { pool, report } = importTapeText(text, 'd.csv', {
      mapping: mappingFrom({ name: 'm', columns: MAPPING_PRESETS.generator!.columns }),
    });
    expect(report.accepted).toBe(2);
    expect(pool.originationDay[0]).toBe(isoToDay('2024-04-03'));
    expect(report.rules.join()).toMatch(/slash dates read as DD\/MM\/YYYY/);
  });

  it('undecided slash dates are rejected with an error naming the column, never guessed', () => {
    const m = mappingFrom({ name: 'm', columns: MAPPING_PRESETS.generator!.columns });
    const text = [head, 'a,100,0.1,12,6,03/04/2024', 'b,100,0.1,12,6,2024-05-01'].join('\n');
    const { report } = importTapeText(text, 'd.csv', { mapping: m });
    expect(report.accepted).toBe(1);
    expect(report.rejects[0]).toMatchObject({ row: 2, column: 'origination_date', reason: 'ambiguous-date' });
    expect(report.errors[0]).toMatch(
      /column 'origination_date'.*DD\/MM\/YYYY or MM\/DD\/YYYY.*dateFormats\.originationDate/,
    );
    // Stating the format settles it.
    const stated = TapeMapping.parse({ ...m, dateFormats: { originationDate: 'MDY' } });
    const again = importTapeText([head, 'a,100,0.1,12,6,03/04/2024'].join('\n'), 'd.csv', {
      mapping: stated,
    });
    expect(again.report.errors).toEqual([]);
    expect(again.pool.originationDay[0]).toBe(isoToDay('2024-03-04'));
  });

  it('conflicting orders in one column are reported too', () => {
    const m = mappingFrom({ name: 'm', columns: MAPPING_PRESETS.generator!.columns });
    const text = [head, 'a,100,0.1,12,6,25/04/2024', 'b,100,0.1,12,6,04/25/2024'].join('\n');
    const { report } = importTapeText(text, 'd.csv', { mapping: m });
    expect(report.accepted).toBe(0);
    expect(report.errors[0]).toMatch(/both DD\/MM and MM\/DD/);
  });
});

describe('validation', () => {
  const head = GENERATOR_HEADER.join(',');
  const ok = 'L1,level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700';
  const cases: [string, string, string][] = [
    [
      'L2,level-pay,A,广东,1000,-5,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'negative-balance',
      'current_balance',
    ],
    [
      'L3,level-pay,A,广东,1000,800,1.5%x,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'bad-number',
      'annual_rate',
    ],
    [
      'L4,level-pay,A,广东,1000,800,150%,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'rate-out-of-range',
      'annual_rate',
    ],
    [
      'L5,level-pay,A,广东,1000,800,0.12,0,12,13,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'remaining-exceeds-original',
      'remaining_term',
    ],
    [
      'L6,level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2024-04-10,2025-06-30,0,current,700',
      'maturity-before-origination',
      'maturity_date',
    ],
    [
      'L1,level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'duplicate-id',
      'loan_id',
    ],
    [
      'L7,level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,frozen,700',
      'unknown-status',
      'status',
    ],
    [
      'L8,level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,defaulted,700',
      'excluded-status',
      'status',
    ],
    [
      'L9,mortgage,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'unknown-product',
      'product',
    ],
    [
      '=HYPERLINK("http://x"),level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'unsafe-id',
      'loan_id',
    ],
    [
      ',level-pay,A,广东,1000,800,0.12,0,12,10,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'missing-required',
      'loan_id',
    ],
    [
      'L10,level-pay,A,广东,1000,800,0.12,0,12,10,2025-13-10,2026-04-10,2025-06-30,0,current,700',
      'bad-date',
      'origination_date',
    ],
    [
      'L11,level-pay,A,广东,1000,800,0.12,0,1.5,1,2025-04-10,2026-04-10,2025-06-30,0,current,700',
      'bad-term',
      'original_term',
    ],
    ['L12,level-pay,A', 'wrong-cell-count', ''],
    [',,,,,,,,,,,,,,,', 'empty-row', ''],
  ];

  it.each(cases)('%s → %s', (row, reason, column) => {
    const { report } = importTapeText([head, ok, row].join('\n'), 't.csv');
    expect(report.rowsRead).toBe(2);
    expect(report.accepted).toBe(1);
    expect(report.rejects).toHaveLength(1);
    expect(report.rejects[0]).toMatchObject({ row: 3, reason, column });
  });

  it('rejects export as formula-safe CSV', () => {
    const bad = cases[9]![0];
    const { report } = importTapeText([head, ok, bad, cases[0]![0]].join('\n'), 't.csv');
    const csv = rejectsToCsv(report.rejects);
    expect(csv.split('\r\n')[0]).toBe('row,column,field,value,reason,message');
    expect(csv).toContain(`3,loan_id,id,"'=HYPERLINK(""http://x"")",unsafe-id`);
    expect(csv).toContain(`4,current_balance,balance,'-5,negative-balance`);
    for (const c of ['=1', '+1', '-1', '@x']) expect(neutraliseText(c)).toBe(`'${c}`);
    expect(neutraliseText('ok')).toBe('ok');
    expect(formatReport(report)).toMatch(/rows read: 3 {2}accepted: 1 {2}rejected: 2/);
  });

  it('a __proto__ header or status code does not reach Object.prototype', () => {
    const text = [
      '__proto__,loan_id,current_balance,annual_rate,original_term,remaining_term,constructor',
      '{"polluted":1},a,1,0.1,12,3,x',
    ].join('\n');
    const m = mappingFrom({ name: 'm', columns: MAPPING_PRESETS.generator!.columns });
    const { report } = importTapeText(text, 'p.csv', { mapping: m });
    expect(report.accepted).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() =>
      mappingFrom({ name: 'x', columns: {}, statusCodes: { __proto__: 'current' } }),
    ).not.toThrow();
    const parsed = TapeMapping.safeParse(
      JSON.parse('{"name":"x","columns":{},"statusCodes":{"__proto__":"current"}}'),
    );
    // Either refused or dropped: never an object whose prototype was swapped.
    if (parsed.success) expect(Object.getPrototypeOf(parsed.data.statusCodes)).toBe(Object.prototype);
    expect(() => mappingFrom('__proto__')).toThrow(/unknown mapping preset/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('empty and header-only input', () => {
    expect(() => importTapeText('', 'e.csv')).toThrow(TapeFormatError);
    expect(() => importTapeText('', 'e.csv')).toThrow(/empty/);
    const { report } = importTapeText(head + '\n', 'h.csv');
    expect(report.rowsRead).toBe(0);
    expect(report.accepted).toBe(0);
  });

  it('a header without the required columns names what is missing', () => {
    expect(() => importTapeText('foo,bar\n1,2\n', 'x.csv')).toThrow(
      /required field\(s\) id, balance, rate, originalTerm/,
    );
    expect(() =>
      importTapeText('foo,bar\n1,2\n', 'x.csv', { mapping: MAPPING_PRESETS.lendingclub! }),
    ).toThrow(/needs columns the header row does not have: id \('id' or 'member_id'\)/);
  });
});

describe('every row is accounted for (property)', () => {
  it('accepted + rejected = rows read, rejects list every rejected row with a distinct line, for tapes with any bad rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 40 }),
        (rows, seed, bad) => {
          const lines: string[] = [];
          const injected = generateTape({ rows, seed, badRows: bad }, (c) =>
            lines.push(c.map((x) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(',')),
          );
          const { pool, report } = importTapeText(lines.join('\n'), 'g.csv');
          expect(report.rowsRead).toBe(rows);
          expect(report.accepted + report.rejected).toBe(rows);
          expect(pool.size).toBe(report.accepted);
          expect(Object.values(report.byReason).reduce((s, n) => s + n, 0)).toBe(report.rejected);
          expect(new Set(report.rejects.map((r) => r.row)).size).toBe(report.rejected);
          // Every injected bad row is among the rejects.
          const rejectedRows = new Set(report.rejects.map((r) => r.row));
          // (When every row is bad there is no good id for a duplicate to copy.)
          const allBad = bad > 0 && Math.floor(rows / Math.min(bad, rows)) === 1;
          for (const b of injected)
            if (!(allBad && b.kind === 'duplicate-id')) expect(rejectedRows.has(b.line), b.kind).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rows that arrive split (spreadsheets) follow the same rules and pad short rows', () => {
    const rows = [
      [...GENERATOR_HEADER],
      [
        'L1',
        'level-pay',
        'A',
        '广东',
        '1000',
        '800',
        '0.12',
        '0',
        '12',
        '10',
        '2025-04-10',
        '2026-04-10',
        '2025-06-30',
      ],
    ];
    const { pool, report } = importTapeRows(rows, { name: 's.xlsx', format: 'xlsx' });
    expect(report.accepted).toBe(1);
    expect(Number.isNaN(pool.score[0]!)).toBe(true);
  });
});

describe('previewTape', () => {
  it('returns the sniffed delimiter, the first rows and a suggestion', () => {
    const p = previewTape('loan_id;current_balance;annual_rate;original_term\nA;1;0.1;12\nB;2;0.2;6\n', 1);
    expect(p.delimiter).toBe(';');
    expect(p.headers).toEqual(['loan_id', 'current_balance', 'annual_rate', 'original_term']);
    expect(p.rows).toEqual([['A', '1', '0.1', '12']]);
    expect(p.lines).toEqual([2]);
    expect(p.suggestion.missingRequired).toEqual([]);
  });
});
