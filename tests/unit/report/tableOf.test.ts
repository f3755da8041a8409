import { describe, expect, it } from 'vitest';
import { tableOf, tableToCsv } from '../../../core/io/report/reportTable';

describe('tableOf', () => {
  const items = [
    { name: 'A', paid: 1234.5649, share: 0.123456, note: undefined as string | undefined },
    { name: 'B', paid: -0.004, share: 1, note: 'late' },
  ];
  const table = tableOf(
    { sheetName: 'T', title: 'Test', totals: ['paid'] },
    [
      { key: 'name', header: 'Name', format: 'text', value: (x) => x.name },
      { key: 'paid', header: 'Paid', format: 'money', value: (x) => x.paid },
      { key: 'share', header: 'Share', format: 'percent', value: (x) => x.share },
      { key: 'note', header: 'Note', format: 'text', value: (x) => x.note },
    ],
    items,
  );

  it('rounds money to the cent, keeps other numbers whole and missing values empty', () => {
    expect(table.rows).toEqual([
      { name: 'A', paid: 1234.56, share: 0.123456, note: null },
      { name: 'B', paid: -0, share: 1, note: 'late' },
    ]);
    expect(table.columns.map((c) => Object.keys(c).sort().join())).toEqual(
      Array(4).fill('format,header,key'),
    );
    expect(table.totals).toEqual(['paid']);
  });

  it('feeds the CSV writer with the same cells', () => {
    expect(tableToCsv(table)).toBe(
      'Name,Paid,Share,Note\r\nA,1234.56,0.123456,\r\nB,0.00,1,late\r\nTotal,1234.56,,\r\n',
    );
  });
});
