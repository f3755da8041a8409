import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CsvTokenizer,
  TapeFormatError,
  TapeLimitError,
  parseCsvText,
  sniffDelimiter,
} from '../../../core/io/tape/csv';

function feed(text: string, delimiter: string, cuts: number[]): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const t = new CsvTokenizer(delimiter);
  const sink = (c: string[], l: number): void => {
    rows.push(c);
    lines.push(l);
  };
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    t.push(text.slice(from, c), sink);
    from = c;
  }
  t.push(text.slice(from), sink);
  t.end(sink);
  return { rows, lines };
}

describe('CsvTokenizer', () => {
  it('quoted fields with embedded delimiters, quotes and newlines; line numbers of row starts', () => {
    const text = 'id,name,amount\r\n1,"Smith, J",10\r\n2,"multi\nline ""quoted""",20\n3,plain,30';
    const { rows, lines } = parseCsvText(text, ',');
    expect(rows).toEqual([
      ['id', 'name', 'amount'],
      ['1', 'Smith, J', '10'],
      ['2', 'multi\nline "quoted"', '20'],
      ['3', 'plain', '30'],
    ]);
    expect(lines).toEqual([1, 2, 3, 5]);
  });

  it('semicolon, tab and pipe delimiters; CR-only line ends; empty trailing cells', () => {
    expect(parseCsvText('a;b\r1;2\r', ';').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsvText('a\tb\n1\t\n', '\t').rows).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsvText('a|b\n1|2', '|').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('skips and counts blank lines', () => {
    const t = new CsvTokenizer(',');
    const rows: number[] = [];
    t.push('a,b\n\n1,2\r\n\r\n3,4\n', (_c, l) => rows.push(l));
    t.end((_c, l) => rows.push(l));
    expect(rows).toEqual([1, 3, 5]);
    expect(t.blankLines).toBe(2);
  });

  it('a CRLF split across two chunks is one line end, not a blank line', () => {
    const t = new CsvTokenizer(',');
    const lines: number[] = [];
    const sink = (_c: string[], l: number): void => {
      lines.push(l);
    };
    t.push('a,b\r', sink);
    t.push('\n1,2\r', sink);
    t.push('\n\r', sink);
    t.push('\n3,"x', sink);
    t.push('"\r\n', sink);
    t.end(sink);
    expect(lines).toEqual([1, 2, 4]);
    expect(t.blankLines).toBe(1);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const text = 'id,txt\n1,"a,b"\n2,"x\r\ny ""q"""\n3,\n4,"end"';
    const whole = parseCsvText(text, ',');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        expect(feed(text, ',', cuts)).toEqual(whole);
      }),
    );
  });

  it('round-trips random tables written with RFC 4180 quoting, in random chunks', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '中', '1'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 5 }),
        (table, cuts) => {
          // A row of all-empty cells would be written as a bare delimiter; keep the first cell non-empty.
          const rows = table.map((r) => [`k${r[0]}`, r[1]!]);
          const text = rows
            .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
            .join('\r\n');
          expect(
            feed(
              text,
              ',',
              cuts.map((c) => Math.min(c, text.length)),
            ).rows,
          ).toEqual(rows);
        },
      ),
    );
  });

  it('an unterminated quote is a format error naming row and column', () => {
    expect(() => parseCsvText('a,b\n1,"open\n2,3\n', ',')).toThrow(TapeFormatError);
    expect(() => parseCsvText('a,b\n1,"open\n2,3\n', ',')).toThrow(/row 2, column 2/);
  });

  it('a gigantic cell is a limit error, quoted or not, before it is buffered whole', () => {
    const limits = { maxCellChars: 1000, maxCells: 100 };
    const big = 'x'.repeat(5000);
    expect(() => parseCsvText(`a,b\n1,${big}\n`, ',', limits)).toThrow(TapeLimitError);
    expect(() => parseCsvText(`a,b\n1,"${big}"\n`, ',', limits)).toThrow(
      /row 2, column 2: cell longer than 1000/,
    );
    // Streaming: an unterminated quote stops growing at the limit, not at the end of the file.
    const t = new CsvTokenizer(',', limits);
    t.push('a,b\n1,"', () => {});
    expect(() => {
      for (let i = 0; i < 10_000; i++) t.push('y'.repeat(1000), () => {});
    }).toThrow(TapeLimitError);
  });

  it('too many cells in a row is a limit error', () => {
    expect(() => parseCsvText(`${'a,'.repeat(50)}a\n`, ',', { maxCellChars: 100, maxCells: 10 })).toThrow(
      /more than 10 cells/,
    );
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['id,amount,rate\n1,2,3\n4,5,6\n', ','],
    ['id;amount;rate\n1;"2,5";3\n4;5,5;6\n', ';'],
    ['id\tamount\n1\t2,000\n', '\t'],
    ['id|a|b\n1|2|3\n', '|'],
  ])('%j → %j', (text, d) => {
    expect(sniffDelimiter(text).delimiter).toBe(d);
  });
  it('reports full confidence when every line agrees', () => {
    expect(sniffDelimiter('a;b\n1;2\n3;4\n').confidence).toBe(1);
  });
});
