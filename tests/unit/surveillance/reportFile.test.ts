/**
 * Servicer report files: an XLSX report as a trustee publishes it (Chinese items, amounts in 万元, the payment
 * date a date cell), written here with ExcelJS and read back through the CLI's spreadsheet worker; JSON and CSV
 * beside it; every problem of a batch named by file, period, month and field.
 *
 * The XLSX report, worked by hand (1 万元 = 10,000): the pool begins at 9,150 万元 = 91,500,000, collects
 * 760.5 万元 = 7,605,000 of principal (120 万元 = 1,200,000 of it prepaid) and charges off 45.25 万元 = 452,500,
 * so it must end at 9,150 − 760.5 − 45.25 = 8,344.25 万元 = 83,442,500. Class A (in 元) begins at 73,000,000,
 * pays 6,500,000 of principal and ends at 66,500,000.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheetRows } from '../../../core/node/import/xlsxFile';
import { readReportSources, type ReportSource } from '../../../core/surveillance/reportFile';
import { CLASS_ITEMS, POOL_ITEMS } from '../../../core/surveillance/reportItems';
import { reportProblems, ServicerReport } from '../../../core/surveillance/servicerReport';

const dir = mkdtempSync(join(tmpdir(), 'abs-report-file-'));

const ITEMS: [string, string | number | Date][] = [
  ['项目', '金额'],
  ['期数', 2],
  ['兑付日', new Date(Date.UTC(2025, 5, 26))],
  ['期初资产池余额（万元）', 9150],
  ['本期本金回收款（万元）', 760.5],
  ['提前还款（万元）', 120],
  ['本期收入回收款（万元）', 110],
  ['新增违约（万元）', 45.25],
  ['期末资产池余额（万元）', 8344.25],
  ['A档期初余额', 73_000_000],
  ['A档利息兑付', 182_500],
  ['A档本金兑付', 6_500_000],
  ['A档期末余额', 66_500_000],
];

async function xlsx(name: string, items: readonly [string, string | number | Date][]): Promise<ReportSource> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('受托机构报告');
  items.forEach((row, i) => {
    ws.addRow([...row]);
    // A blank row in the middle, as published sheets have: line numbers must stay the sheet's.
    if (i === 3) ws.addRow([]);
  });
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  const sheet = await readSpreadsheetRows(path);
  return { name, kind: 'sheet', rows: sheet.rows, rowNumbers: sheet.rowNumbers, date1904: sheet.date1904 };
}

describe('servicer report files', () => {
  it('an XLSX report in 万元 with a date cell reads to the cent and reconciles', async () => {
    const { reports, problems } = readReportSources([await xlsx('report-02.xlsx', ITEMS)]);
    expect(problems).toEqual([]);
    const r = reports[0]!.report;
    expect(reports[0]!.file).toBe('report-02.xlsx');
    expect(r.period).toBe(2);
    expect(r.paymentDate).toBe('2025-06-26');
    expect(r.pool).toMatchObject({
      beginBalance: 91_500_000,
      principalCollections: 7_605_000,
      prepayments: 1_200_000,
      defaults: 452_500,
      endBalance: 83_442_500,
    });
    expect(r.classes).toEqual([
      {
        id: 'A',
        beginBalance: 73_000_000,
        interestPaid: 182_500,
        principalPaid: 6_500_000,
        writeDown: 0,
        interestShortfall: 0,
        endBalance: 66_500_000,
      },
    ]);
    expect(reportProblems(r)).toEqual([]);
  });

  it('an XLSX pool that does not roll forward: refused with the figures', async () => {
    const items = ITEMS.map(([k, v]): [string, string | number | Date] =>
      k === '期末资产池余额（万元）' ? [k, 8344] : [k, v],
    );
    const { reports } = readReportSources([await xlsx('report-02-bad.xlsx', items)]);
    const p = reportProblems(reports[0]!.report);
    expect(p.map((x) => [x.period, x.field, x.message.message])).toEqual([
      [
        2,
        'pool.endBalance',
        'the pool does not roll forward: begin 91500000.00 − principal 7605000.00 − defaults 452500.00 − ' +
          'repurchases 0.00 + purchases 0.00 = 83442500.00, but the report ends at 83440000.00',
      ],
    ]);
  });

  it('every file of a batch is read and each problem named by file, period, month, field or line', async () => {
    const badItem = ITEMS.map(([k, v]): [string, string | number | Date] =>
      k === '新增违约（万元）' ? ['新增逾期', v] : [k, v],
    );
    const { reports, problems } = readReportSources([
      { name: 'report-01.json', kind: 'json', text: '{"period": 1,\n "paymentDate": "2025-05-26",, }' },
      {
        name: 'report-03.json',
        kind: 'json',
        text: JSON.stringify({ period: 3, paymentDate: '2025-07-26', pool: {}, classes: [] }),
      },
      { name: 'report-04.csv', kind: 'csv', text: '项目,金额\n期数,4\n期末资产池余额,abc\n' },
      await xlsx('report-05.xlsx', badItem),
      { name: 'report-06.json', kind: 'json', text: '[1]' },
    ]);
    expect(reports).toEqual([]);
    const lines = problems.map((p) => [p.file, p.period, p.date, p.field]);
    expect(lines[0]).toEqual(['report-01.json', null, null, 'line 2, column 30']);
    expect(lines).toContainEqual(['report-03.json', 3, '2025-07-26', 'pool.beginBalance']);
    expect(lines).toContainEqual(['report-03.json', 3, '2025-07-26', 'classes']);
    expect(lines).toContainEqual(['report-04.csv', null, null, 'line 3']);
    // The sheet's row 9 (a blank row 5 above it): the line number is the sheet's, not the list's.
    expect(lines).toContainEqual(['report-05.xlsx', null, null, 'line 9']);
    expect(lines.at(-1)).toEqual(['report-06.json', null, null, '']);
    expect(problems.find((p) => p.file === 'report-05.xlsx')!.message.message).toBe(
      "line 9: '新增逾期' is not a servicer report item",
    );
  });
});

describe('the documented schema (docs/servicer-reports.md)', () => {
  const doc = readFileSync(
    fileURLToPath(new URL('../../../docs/servicer-reports.md', import.meta.url)),
    'utf8',
  );
  it('lists every item the reader knows, by field path, English name and each Chinese name', () => {
    for (const [path, names] of Object.entries(POOL_ITEMS)) {
      expect(doc).toContain(`\`${path}\``);
      // The path itself in lower case is one of the names: listed as the path.
      for (const n of names.filter((x) => x !== path.toLowerCase())) expect(doc).toContain(n);
    }
    for (const [field, { en, zh }] of Object.entries(CLASS_ITEMS)) {
      expect(doc).toContain(`\`classes.X.${field}\``);
      expect(doc).toContain(`class X ${en}`);
      for (const n of zh) expect(doc).toContain(`X档${n}`);
    }
  });

  it('lists every field of the JSON schema', () => {
    const fields = (shape: Record<string, unknown>, prefix: string): string[] =>
      Object.keys(shape).map((k) => `${prefix}${k}`);
    const s = ServicerReport.shape;
    const pool = s.pool.shape;
    const all = [
      ...fields(s, '').filter((k) => !['pool', 'classes', 'reserve', 'triggers'].includes(k)),
      ...fields(pool, 'pool.').filter((k) => k !== 'pool.delinquent'),
      ...fields(pool.delinquent.unwrap().shape, 'pool.delinquent.'),
      ...fields(s.reserve.unwrap().shape, 'reserve.'),
      ...fields(s.classes.element.shape, 'classes.X.').filter((k) => k !== 'classes.X.id'),
    ];
    for (const f of all) expect(doc).toContain(`\`${f}\``);
  });
});
