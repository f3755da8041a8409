/**
 * Servicer report files in the app: the sample folder (eight JSON reports and a Chinese CSV) read as the CLI
 * reads it, a workbook through the sheet worker's port (here a stand-in running the same parse), and a file
 * that cannot be opened listed beside the others' problems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { parseSheet } from '../../../core/io/tape/sheetParse.mjs';
import type { SheetPort } from '../../../renderer/engine/sheetReader';
import type { SheetJob } from '../../../renderer/engine/sheetWorker';
import { readServicerReportFiles } from '../../../renderer/engine/servicerReportReader';

const DIR = 'samples/surveillance/level-pay-consumer';

/** A port that parses in-process as the worker would. */
const spawn = (): SheetPort => {
  let onMessage: (m: unknown) => void = () => {};
  return {
    listen: (m) => {
      onMessage = m;
    },
    post: (job: SheetJob) => setTimeout(() => onMessage(parseSheet(XLSX, job.bytes, job)), 0),
    terminate: () => {},
  };
};

describe('readServicerReportFiles', () => {
  it('the sample folder: nine reports, the Chinese CSV among them', async () => {
    const files = readdirSync(DIR)
      .sort()
      .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) }));
    const r = await readServicerReportFiles(files);
    expect(r.problems).toEqual([]);
    expect(r.reports.map((x) => [x.file, x.report.period])).toEqual(files.map((f, i) => [f.name, i + 1]));
    // The pool end balance the Chinese CSV states (期末资产池余额).
    expect(r.reports[8]!.report.pool.endBalance).toBe(335_917_084.89);
  });

  it('a workbook goes through the sheet port; an unreadable file is a problem beside the rest', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['期数', 1],
        ['兑付日', '2025-04-15'],
        ['期初资产池余额（万元）', 100],
        ['本期本金回收款（万元）', 10],
        ['本期收入回收款', 5_000],
        ['新增违约（万元）', 1],
        ['期末资产池余额（万元）', 89],
        ['A档期初余额', 900_000],
        ['A档利息兑付', 3_000],
        ['A档本金兑付', 100_000],
        ['A档期末余额', 800_000],
      ]),
      '报告',
    );
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await readServicerReportFiles(
      [
        { name: 'report-01.xlsx', bytes },
        { name: 'broken.xlsx', bytes: new Uint8Array([1, 2, 3]) },
        { name: 'report-02.csv', bytes: new TextEncoder().encode('期数,x\n') },
      ],
      { spawn },
    );
    expect(r.reports.map((x) => [x.file, x.report.pool.endBalance])).toEqual([['report-01.xlsx', 890_000]]);
    expect(r.problems.map((p) => [p.file, p.field])).toEqual([
      ['broken.xlsx', ''],
      ['report-02.csv', 'line 1'],
    ]);
    expect(r.problems[0]!.message.message).toMatch(/broken\.xlsx: not an Excel workbook/);
  });
});
