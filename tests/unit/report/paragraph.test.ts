/**
 * The Summary's deal description wraps within the printed page: merged from the value column to the last printed
 * column, wrapped, its row as tall as its lines (ExcelJS does not fit row heights, nor do all readers on opening).
 * The lines are estimated as a spreadsheet wraps: between words, or between any two CJK characters, a CJK
 * character two columns wide, a column's width less one for its padding.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { paragraphLines, textWidth } from '../../../core/io/report/sheetWriter';
import { DEAL_INPUT, fixtureRun } from './fixture';

describe('paragraphLines', () => {
  it('wraps between words: "aaa bbb" fills a 7-column line, "ccc" starts the next', () => {
    // Capacity 8 less the padding column: 7 a line.
    expect(paragraphLines('aaa bbb ccc', 8)).toBe(2);
    expect(paragraphLines('aaa bbb', 8)).toBe(1);
  });

  it('wraps Chinese between any two characters, each two columns wide', () => {
    // 8 characters = 16 columns; 6 a line = 3 characters: 3 + 3 + 2.
    expect(paragraphLines('一二三四五六七八', 7)).toBe(3);
    // Full-width punctuation is wide too: 4 characters = 8 columns on lines of 6.
    expect(paragraphLines('一二，三', 7)).toBe(2);
  });

  it('cuts a word longer than a line where the line ends, and starts a line at a line break', () => {
    expect(paragraphLines('abcdefghij', 5)).toBe(3);
    expect(paragraphLines('ab\ncd', 10)).toBe(2);
  });
});

describe('the Summary’s description', () => {
  const base = Deal.parse(DEAL_INPUT);
  const result = fixtureRun(base);

  async function summaryOf(description: string): Promise<ExcelJS.Worksheet> {
    const deal = { ...base, description };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildTrancheReport({ deal, result })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Summary');
    if (!ws) throw new Error('no Summary sheet');
    return ws;
  }

  function descriptionRow(ws: ExcelJS.Worksheet): number {
    let found = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'Description') found = n;
    });
    return found;
  }

  for (const [language, text] of [
    ['English', 'A static pool of consumer installment loans sold on an e-commerce platform. '.repeat(12)],
    [
      'Chinese',
      '由电商平台发放的分期消费贷款组成的静态资产池，优先级与次级分层，超额利差提供信用增级。'.repeat(8),
    ],
  ] as const) {
    it(`merges a long ${language} description across the printed columns, wrapped, with room for its lines`, async () => {
      const ws = await summaryOf(text.trim());
      const r = descriptionRow(ws);
      expect(r).toBeGreaterThan(0);
      const printArea = ws.pageSetup.printArea ?? '';
      const lastColumn = /:\$?([A-Z]+)\$?\d+$/.exec(printArea)?.[1] ?? '';
      expect(lastColumn).not.toBe('');
      const lastIndex = ws.getColumn(lastColumn).number;
      // Merged from B to the print area's last column: the cell at its end is part of the merge, mastered by B.
      const end = ws.getCell(r, lastIndex);
      expect(end.isMerged).toBe(true);
      expect(end.master.address).toBe(`B${r}`);
      expect(ws.getCell(r, 2).alignment?.wrapText).toBe(true);
      // Lines at least the text's width over the span's (fewer would clip its end); 15 points a line.
      let span = 0;
      for (let c = 2; c <= lastIndex; c++) span += ws.getColumn(c).width ?? 9;
      const atLeast = Math.ceil(textWidth(text.trim()) / span);
      expect(atLeast).toBeGreaterThan(1);
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(15 * atLeast);
      expect(ws.getRow(r).height).toBeLessThanOrEqual(409);
    });
  }

  it('leaves a short description on one line of the value column', async () => {
    const ws = await summaryOf('Test deal.');
    const r = descriptionRow(ws);
    expect(ws.getCell(r, 2).value).toBe('Test deal.');
    expect(ws.getRow(r).height ?? 15).toBeLessThanOrEqual(15);
  });
});
