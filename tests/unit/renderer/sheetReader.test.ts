/**
 * The UI's sheet reader over a stand-in worker port (the browser Worker itself is exercised by the e2e
 * test): limits before anything is posted, one worker per read and always terminated, timeouts, crashes
 * and Cancel as errors naming the file, and the engine-side preview and import of the rows it returns,
 * which must match the CLI importer's report and provenance for the same workbook.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { TapeFormatError, TapeLimitError } from '../../../core/io/tape/csv';
import { parseSheet } from '../../../core/io/tape/sheetParse.mjs';
import { previewTape } from '../../../core/io/tape/tapeStream';
import { PoolProvenance } from '../../../core/pool/poolFile';
import { importSpreadsheetFile } from '../../../core/node/import/xlsxFile';
import { EngineClient, JobCancelled, type WorkerPort } from '../../../renderer/engine/client';
import { engine } from '../../../renderer/engine/engineWorker';
import {
  isSpreadsheetTape,
  readSheetRows,
  readTapeSheet,
  sheetTape,
  type SheetPort,
} from '../../../renderer/engine/sheetReader';
import type { SheetJob } from '../../../renderer/engine/sheetWorker';
import { importSheet, importTape, inspectSheet } from '../../../renderer/engine/tapeAdapter';

const TAPE = 'samples/tapes/sample-tape.xlsx';
const SAMPLE = new Uint8Array(readFileSync(TAPE));

/** A worker port that answers with `answer(job)` (or never, or crashes), recording what happened to it. */
function fakePort(answer: ((job: SheetJob) => unknown) | 'silent' | { crash: string }) {
  const log = { spawned: 0, posted: [] as SheetJob[], terminated: 0 };
  const spawn = (): SheetPort => {
    log.spawned++;
    let onMessage: (m: unknown) => void = () => {};
    let onCrash: (m: string) => void = () => {};
    return {
      listen: (m, c) => {
        onMessage = m;
        onCrash = c;
      },
      post: (job) => {
        log.posted.push(job);
        if (answer === 'silent') return;
        if (typeof answer === 'function') setTimeout(() => onMessage(answer(job)), 0);
        else setTimeout(() => onCrash(answer.crash), 0);
      },
      terminate: () => {
        log.terminated++;
      },
    };
  };
  return { log, spawn };
}

const realParse = (job: SheetJob): unknown => parseSheet(XLSX, job.bytes, job);

describe('readSheetRows', () => {
  it('reads the sample through the shared parse, one worker, terminated after', async () => {
    const { log, spawn } = fakePort(realParse);
    const s = await readSheetRows('sample-tape.xlsx', SAMPLE, { spawn });
    expect(s).toMatchObject({ sheet: 'Tape', sheets: ['Tape'], format: 'xlsx' });
    expect(s.rows).toHaveLength(501);
    expect(s.rowNumbers.slice(0, 3)).toEqual([1, 2, 3]);
    expect(s.rows[1]![4]).toBe(String(s.rows[1]![4]));
    expect(log).toMatchObject({ spawned: 1, terminated: 1 });
    // Defaults as the CLI's: Excel's row limit and the CSV cell limit.
    expect(log.posted[0]).toMatchObject({ sheet: undefined, maxRows: 1_048_576, maxCellChars: 100_000 });
  });

  it('over the byte limit or not a workbook: refused before a worker starts', async () => {
    const { log, spawn } = fakePort(realParse);
    await expect(readSheetRows('big.xlsx', SAMPLE, { spawn, maxBytes: 1024 * 1024 * 0.05 })).rejects.toThrow(
      new TapeLimitError(
        'big.xlsx: 0.1 MB is more than the 0.05 MB limit for spreadsheets; save the sheet as CSV',
      ),
    );
    await expect(
      readSheetRows('fake.xlsx', new TextEncoder().encode('loan_id,balance\n'), { spawn }),
    ).rejects.toThrow(/fake\.xlsx: not an Excel workbook/);
    expect(log.spawned).toBe(0);
  });

  it('a worker that never answers is terminated at the time limit', async () => {
    const { log, spawn } = fakePort('silent');
    await expect(readSheetRows('slow.xlsx', SAMPLE, { spawn, timeoutMs: 20 })).rejects.toThrow(
      new TapeLimitError('slow.xlsx: reading the spreadsheet took longer than 0.02 s and was stopped'),
    );
    expect(log.terminated).toBe(1);
  });

  it('a crash (out of memory, a load failure) names the file; an empty crash message still reads', async () => {
    const crashed = fakePort({ crash: 'Uncaught RangeError: Array buffer allocation failed' });
    await expect(readSheetRows('huge.xlsx', SAMPLE, { spawn: crashed.spawn })).rejects.toThrow(
      new TapeFormatError(
        'huge.xlsx: the spreadsheet reader stopped without an answer (Uncaught RangeError: Array buffer allocation failed)',
      ),
    );
    expect(crashed.log.terminated).toBe(1);
    const silent = fakePort({ crash: '' });
    await expect(readSheetRows('x.xlsx', SAMPLE, { spawn: silent.spawn })).rejects.toThrow(
      /x\.xlsx: .*\(it crashed or ran out of memory\)/,
    );
  });

  it('a broken zip and a hostile answer are checked like the CLI checks them', async () => {
    const broken = fakePort(realParse);
    await expect(
      readSheetRows('broken.xlsx', SAMPLE.subarray(0, SAMPLE.length >> 1), { spawn: broken.spawn }),
    ).rejects.toThrow(/^broken\.xlsx: cannot read the spreadsheet: /);
    const evil = fakePort(() => ({
      ok: true,
      sheet: 'S',
      sheets: ['S', { toString: () => 'T' }],
      firstRow: 2,
      rows: [['__proto__', { valueOf: () => 1 }, 3]],
    }));
    const s = await readSheetRows('evil.xlsx', SAMPLE, { spawn: evil.spawn });
    expect(s).toEqual({
      sheet: 'S',
      // No date-system flag in the answer: the 1900 system, Excel's default.
      date1904: false,
      sheets: ['S'],
      rows: [['__proto__', '', '3']],
      rowNumbers: [2],
      format: 'xlsx',
    });
    expect(Object.getPrototypeOf(s.rows[0])).toBe(Array.prototype);
  });

  it('Cancel terminates the worker and rejects with JobCancelled', async () => {
    const { log, spawn } = fakePort('silent');
    const abort = new AbortController();
    const read = readSheetRows('t.xlsx', SAMPLE, { spawn, signal: abort.signal });
    abort.abort();
    await expect(read).rejects.toBeInstanceOf(JobCancelled);
    expect(log.terminated).toBe(1);
    await expect(readSheetRows('t.xlsx', SAMPLE, { spawn, signal: abort.signal })).rejects.toBeInstanceOf(
      JobCancelled,
    );
    expect(log.spawned).toBe(1);
  });

  it("the app's Cancel button (engine().cancel()) stops a sheet read of a job", async () => {
    const { log, spawn } = fakePort('silent');
    const labels: string[] = [];
    const read = readTapeSheet('t.xlsx', SAMPLE, 'Loans', (p) => labels.push(p.label), spawn);
    expect(log.posted[0]?.sheet).toBe('Loans');
    engine().cancel();
    await expect(read).rejects.toBeInstanceOf(JobCancelled);
    expect(log.terminated).toBe(1);
    expect(labels).toEqual(['Reading t.xlsx, sheet Loans']);
  });

  it('the engine client tells cancel listeners, until they unsubscribe', () => {
    const port: WorkerPort = { post: () => {}, listen: () => {}, terminate: () => {} };
    const client = new EngineClient(() => port);
    let heard = 0;
    const stop = client.onCancel(() => heard++);
    client.cancel();
    stop();
    client.cancel();
    expect(heard).toBe(1);
  });

  it('spreadsheets are told by bytes or name', () => {
    expect(isSpreadsheetTape('tape.bin', SAMPLE)).toBe(true);
    expect(isSpreadsheetTape('Tape.XLS', new Uint8Array([1, 2]))).toBe(true);
    expect(isSpreadsheetTape('tape.csv', new TextEncoder().encode('a,b\n'))).toBe(false);
  });
});

describe('engine worker side: sheet preview and import', () => {
  it('imports the sample as the CLI does: counts, sheet row numbers, provenance with format and sheet', async () => {
    const cli = await importSpreadsheetFile(TAPE);
    const { spawn } = fakePort(realParse);
    const sheet = await readSheetRows('sample-tape.xlsx', SAMPLE, { spawn });
    const preview = sheetTape('sample-tape.xlsx', SAMPLE.byteLength, sheet, true);
    expect(preview.rows).toHaveLength(61);
    const inspection = inspectSheet({ kind: 'sheetInspect', ...preview });
    expect(inspection.sheet).toEqual({ name: 'Tape', names: ['Tape'] });
    expect(inspection.suggestion.preset).toBe('generator');
    expect(inspection.rows).toHaveLength(30);
    const labels: string[] = [];
    const r = importSheet(
      {
        kind: 'sheetImport',
        ...sheetTape('sample-tape.xlsx', SAMPLE.byteLength, sheet),
        mapping: inspection.suggestion.mapping,
      },
      (_d, _t, label) => labels.push(label),
    );
    // samples/tapes/README.md: 500 rows, 7 deliberately bad.
    expect([r.report.accepted, r.report.rejected]).toEqual([493, 7]);
    expect([r.report.accepted, r.report.rejected]).toEqual([cli.report.accepted, cli.report.rejected]);
    expect(r.report.rejects.map((x) => x.row)).toEqual(cli.report.rejects.map((x) => x.row));
    expect(r.provenance).toMatchObject({
      sourceFile: 'sample-tape.xlsx',
      sourceBytes: SAMPLE.byteLength,
      format: 'xlsx',
      sheet: 'Tape',
      rowsRead: 500,
      accepted: 493,
      rejected: 7,
    });
    expect(r.provenance.encoding).toBeUndefined();
    expect(labels.at(-1)).toBe('Importing sample-tape.xlsx, sheet Tape: 501 rows');
    // The project file refuses provenance it could not load back: a crafted sheet name is cut to fit.
    expect(PoolProvenance.safeParse(r.provenance).success).toBe(true);
    const long = importSheet(
      {
        kind: 'sheetImport',
        ...sheetTape('sample-tape.xlsx', SAMPLE.byteLength, { ...sheet, sheet: 'S'.repeat(300) }),
        mapping: inspection.suggestion.mapping,
      },
      () => {},
    );
    expect(long.provenance.sheet).toHaveLength(200);
    expect(PoolProvenance.safeParse(long.provenance).success).toBe(true);
  });

  it('CSV tapes keep their provenance (encoding, delimiter, no sheet) through the shared provenance code', () => {
    const text =
      'loan_id,current_balance,annual_rate,original_term,remaining_term\nA,100,0.1,12,6\nB,-5,0.1,12,6\n';
    const bytes = new TextEncoder().encode(text);
    const r = importTape(
      { kind: 'tapeImport', name: 't.csv', bytes, mapping: previewTape(text).suggestion.mapping },
      () => {},
    );
    expect(r.provenance).toMatchObject({
      sourceFile: 't.csv',
      sourceBytes: bytes.byteLength,
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      rowsRead: 2,
      accepted: 1,
      rejected: 1,
      byReason: { 'negative-balance': 1 },
    });
    expect(r.provenance.sheet).toBeUndefined();
  });
});
