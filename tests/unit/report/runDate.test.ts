/**
 * The run date as the report shows it: a date and a time to the minute with its zone stated (the run's timestamp is
 * UTC), written as each language writes a date — "3 Dec 2026 21:07 UTC", "2026年12月3日 21:07（UTC）" — on the
 * Summary, the Assumptions sheet, every page header and the workbook's comments; a timestamp that is not a date is
 * shown as it is. The workbook's created property stays a real date.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { translator } from '../../../core/i18n';
import { buildTrancheReport } from '../../../core/io/report';
import { runDateText } from '../../../core/io/report/runDate';
import { reportSheetNames } from '../../../core/io/report/sheetName';
import { DEAL_INPUT, fixtureRun } from './fixture';

const en = translator('en');
const zh = translator('zh-CN');

describe('runDateText', () => {
  it('writes day, short month, year and the 24-hour time, then UTC, in English', () => {
    expect(runDateText(en, 'en', '2026-12-03T21:07:20.123Z')).toBe('3 Dec 2026 21:07 UTC');
  });

  it('writes 年月日 and the time with （UTC） in Chinese', () => {
    expect(runDateText(zh, 'zh-CN', '2026-12-03T21:07:20.123Z')).toBe('2026年12月3日 21:07（UTC）');
  });

  it('truncates to the minute (no rounding up) and shows midnight as 00, not 24', () => {
    expect(runDateText(en, 'en', '2027-01-01T00:05:59.999Z')).toBe('1 Jan 2027 00:05 UTC');
    expect(runDateText(zh, 'zh-CN', '2027-01-01T00:05:59.999Z')).toBe('2027年1月1日 00:05（UTC）');
  });

  it('reads a timestamp with an offset in UTC, whatever zone the machine is in', () => {
    // 08:30 in Beijing (UTC+8) on 4 Dec is 00:30 UTC the same day.
    expect(runDateText(en, 'en', '2026-12-04T08:30:00+08:00')).toBe('4 Dec 2026 00:30 UTC');
    // 23:30 in New York (UTC−5) on 3 Dec is 04:30 UTC on 4 Dec: the date moves too.
    expect(runDateText(zh, 'zh-CN', '2026-12-03T23:30:00-05:00')).toBe('2026年12月4日 04:30（UTC）');
  });

  it('shows an empty or invalid timestamp as it is', () => {
    expect(runDateText(en, 'en', '')).toBe('');
    expect(runDateText(zh, 'zh-CN', 'not a date')).toBe('not a date');
    expect(runDateText(en, 'en', '2026-13-45T99:00:00Z')).toBe('2026-13-45T99:00:00Z');
  });
});

describe('the report', () => {
  const deal = Deal.parse(DEAL_INPUT);
  const result = { ...fixtureRun(deal), runAt: '2026-12-03T21:07:20.123Z' };

  /** The value beside the first cell reading `label`. */
  function valueBeside(ws: ExcelJS.Worksheet, label: string): unknown {
    let found: unknown;
    ws.eachRow((row) => {
      if (found === undefined && row.getCell(1).value === label) found = row.getCell(2).value;
    });
    return found;
  }

  for (const [lang, t, shown] of [
    ['en', en, '3 Dec 2026 21:07 UTC'],
    ['zh-CN', zh, '2026年12月3日 21:07（UTC）'],
  ] as const) {
    it(`shows the run date in words in ${lang}: Summary, Assumptions, page headers, comments`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        Buffer.from(await buildTrancheReport({ deal, result, lang })) as unknown as ArrayBuffer,
      );
      const names = reportSheetNames(result, t);
      const summary = wb.getWorksheet(names.summary);
      const assumptions = wb.getWorksheet(names.assumptions);
      if (!summary || !assumptions) throw new Error('no Summary or Assumptions sheet');
      expect(valueBeside(summary, t('report:summary.runAt'))).toBe(shown);
      expect(valueBeside(assumptions, t('report:assumptions.runAt'))).toBe(shown);
      for (const ws of wb.worksheets) {
        expect(ws.headerFooter.oddHeader, ws.name).toContain(shown);
        expect(String(ws.getCell('A2').value), ws.name).toContain(shown);
      }
      expect(wb.description).toContain(shown);
      expect(wb.description).not.toContain(result.runAt);
      expect(wb.created).toBeInstanceOf(Date);
      expect(wb.created.toISOString()).toBe('2026-12-03T21:07:20.000Z');
    });
  }

  it('keeps an invalid run date as written and writes no created date', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(
        await buildTrancheReport({ deal, result: { ...result, runAt: 'unknown' } }),
      ) as unknown as ArrayBuffer,
    );
    const summary = wb.getWorksheet('Summary');
    if (!summary) throw new Error('no Summary sheet');
    expect(valueBeside(summary, 'Run at')).toBe('unknown');
  });
});
