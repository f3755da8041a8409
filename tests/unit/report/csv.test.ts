import { describe, expect, it } from 'vitest';
import { tableToCsv, type ReportTable } from '../../../core/io/report';

describe('tableToCsv', () => {
  it('writes RFC 4180 CSV with plain numbers and a totals row', () => {
    const table: ReportTable = {
      sheetName: 'Funding',
      title: 'Funding mix',
      columns: [
        { key: 'channel', header: 'Channel', format: 'text' },
        { key: 'from', header: 'From', format: 'date' },
        { key: 'amount', header: 'Amount, CNY', format: 'money' },
        { key: 'rate', header: 'Rate', format: 'percent' },
        { key: 'months', header: 'Months', format: 'integer' },
      ],
      rows: [
        {
          channel: 'Bank line "A", secured',
          from: '2024-01-31',
          amount: 1_650_000_000,
          rate: 0.051,
          months: 24,
        },
        { channel: 'Retail\ncapital', from: null, amount: 300_000_000.005, rate: 0.073, months: 12 },
        { channel: ' equity', from: '2024-02-15', amount: 0.1 + 0.2, rate: null, months: null },
      ],
      totals: ['amount', 'months'],
    };
    expect(tableToCsv(table)).toBe(
      [
        'Channel,From,"Amount, CNY",Rate,Months',
        '"Bank line ""A"", secured",2024-01-31,1650000000.00,0.051,24',
        '"Retail\ncapital",,300000000.01,0.073,12',
        '" equity",2024-02-15,0.30,,',
        // 1,650,000,000.00 + 300,000,000.01 + 0.30 (each row to the cent, as shown)
        'Total,,1950000000.31,,36',
        '',
      ].join('\r\n'),
    );
  });

  it('writes just the header for an empty table', () => {
    expect(
      tableToCsv({
        sheetName: 's',
        title: 't',
        columns: [{ key: 'a', header: 'A', format: 'money' }],
        rows: [],
      }),
    ).toBe('A\r\n');
  });
});
