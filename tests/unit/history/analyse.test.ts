/**
 * One orchestration for the CLI and the app: the History screen's worker job (renderer/engine/historyAdapter.ts:
 * bytes decoded in memory, pushed in slices; or a sheet's rows) gives the same figures as `abs-workbench vintage
 * --json` (the file streamed from disk) on the sample histories, in UTF-8 and UTF-16, CSV and XLSX, and on a
 * published triangle; the curves' dashed extension ends on the chain ladder's ultimate with its S.E. band; the
 * request goes through the engine client's protocol and Cancel rejects it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import {
  curveExtensions,
  DEFAULT_VINTAGE_OPTIONS,
  historyJson,
  analysisJson,
  type HistoryAnalysis,
} from '../../../core/history/analyse';
import { chainLadder } from '../../../core/history/chainLadder';
import { main } from '../../../core/node/cli/commands/vintage';
import { readSpreadsheetRows } from '../../../core/node/import/xlsxFile';
import { EngineClient, JobCancelled, type WorkerPort } from '../../../renderer/engine/client';
import { analyseHistoryFile, type HistoryRequest } from '../../../renderer/engine/historyAdapter';
import { problemOf } from '../../../core/i18n/codedError';
import { translator } from '../../../core/i18n';
import { coreText } from '../../../core/i18n/messages';
import type { FromWorker, ToWorker } from '../../../renderer/engine/protocol';
import { RAA } from './raa';

const EN = 'samples/history/consumer-history.csv';
const ZH = 'samples/history/consumer-history-zh.csv';
const dir = mkdtempSync(join(tmpdir(), 'abs-history-analyse-'));

async function cliJson(...args: string[]): Promise<Record<string, unknown>> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await main([...args, '--json']);
  } finally {
    vi.restoreAllMocks();
  }
  const j = JSON.parse(out) as Record<string, unknown>;
  delete j.file;
  return j;
}

/** The app's result through the same JSON shape the CLI prints (a JSON round trip, as the CLI's output). */
const asJson = (x: Record<string, unknown>): unknown => JSON.parse(JSON.stringify(x));

function request(name: string, extra: Partial<HistoryRequest>): HistoryRequest {
  return { kind: 'history', name, options: DEFAULT_VINTAGE_OPTIONS, ...extra };
}

describe('the History screen’s worker job against the CLI', () => {
  it('the English sample: every --json figure, with progress reported while reading', async () => {
    const steps: string[] = [];
    const r = analyseHistoryFile(request('h.csv', { bytes: new Uint8Array(readFileSync(EN)) }), (_d, _t, s) =>
      steps.push(s),
    );
    expect(r.analysis.kind).toBe('history');
    expect(asJson(historyJson(r.analysis as HistoryAnalysis))).toEqual(await cliJson(EN));
    expect(steps).toContain('historyRead');
    expect(steps.at(-1)).toBe('vintages');
    expect(r.encoding).toBe('utf-8');
    // grade is not one of the history's fields: it is what vintages can be segmented by.
    expect(r.segmentFields).toEqual(['grade']);
  });

  it('the Chinese-header sample, as UTF-16LE with a BOM, segmented by 等级 and fitted by the timing curve', async () => {
    const text = readFileSync(ZH, 'utf8');
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const opts = { ...DEFAULT_VINTAGE_OPTIONS, method: 'timing' as const, holdout: 3 };
    const r = analyseHistoryFile(
      request('h.csv', { bytes, options: opts, segment: '等级' }),
      () => undefined,
    );
    expect(r.encoding).toBe('utf-16le');
    expect(asJson(historyJson(r.analysis as HistoryAnalysis))).toEqual(
      await cliJson(ZH, '--segment', '等级', '--method', 'timing', '--holdout', '3'),
    );
  });

  it('an XLSX history (rows from the sheet reader) as the CLI reads the same workbook', async () => {
    const rows = readFileSync(EN, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const path = join(dir, 'history.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'History');
    XLSX.writeFile(wb, path);
    const sheet = await readSpreadsheetRows(path);
    const r = analyseHistoryFile(
      request('history.xlsx', {
        sheet: { rows: sheet.rows, rowNumbers: sheet.rowNumbers, sheet: sheet.sheet },
      }),
      () => undefined,
    );
    expect(asJson(historyJson(r.analysis as HistoryAnalysis))).toEqual(await cliJson(path));
  });

  it('a published triangle (Mack’s RAA data) with simple-average factors and a log-linear tail', async () => {
    const path = join(dir, 'raa.csv');
    writeFileSync(
      path,
      [
        'origin,1,2,3,4,5,6,7,8,9,10',
        ...RAA.map((r, i) => `${1981 + i},${r.join(',')}${','.repeat(10 - r.length)}`),
      ].join('\n') + '\n',
    );
    const opts = { ...DEFAULT_VINTAGE_OPTIONS, factors: 'simple' as const, tail: 'loglinear' as const };
    const r = analyseHistoryFile(
      request('raa.csv', { bytes: new Uint8Array(readFileSync(path)), options: opts }),
      () => undefined,
    );
    expect(r.analysis.kind).toBe('table');
    if (r.analysis.kind !== 'table') return;
    const { kind: _k, ...cli } = await cliJson(path, '--factors', 'simple', '--tail', 'loglinear');
    const { unit, periods, problems, ...rest } = cli;
    expect(
      asJson({ unit: r.analysis.unit, periods: r.analysis.periods, problems: r.analysis.problems }),
    ).toEqual({
      unit,
      periods,
      problems,
    });
    expect(asJson(analysisJson(r.analysis))).toEqual(rest);
  });

  it('a file that is neither a history nor a table is refused with its name', () => {
    const bytes = new TextEncoder().encode('loan_id,as_of_month\n');
    expect(() => analyseHistoryFile(request('empty.csv', { bytes }), () => undefined)).toThrow(/empty\.csv/);
  });

  it('a history missing a required column is refused with a coded message the page words in Chinese', () => {
    const bytes = new TextEncoder().encode('loan_id,as_of_month,status\nL1,2024-01,current\n');
    let err: unknown;
    try {
      analyseHistoryFile(request('short.csv', { bytes }), () => undefined);
    } catch (e) {
      err = e;
    }
    const problem = problemOf(err);
    expect(problem?.code).toBe('history.inFile');
    expect(problem?.message).toMatch(/^short\.csv: no column for /);
    expect(coreText(translator('zh-CN'), problem!)).toMatch(/^short\.csv：缺少以下字段的列：/);
  });
});

describe('curve extensions (the dashed part and its band)', () => {
  // Mack (1993)'s RAA triangle: the 1990 row is observed at month 1 only.
  const cl = chainLadder({ origins: RAA.map((_, i) => String(1981 + i)), values: RAA.map((r) => [...r]) });

  it('start at the latest observed value with no band, and end on the ultimate ± its standard error', () => {
    const e = curveExtensions(cl, null);
    const last = e[9]!;
    const o = cl.origins[9]!;
    expect(last.latestPeriod).toBe(0);
    expect(last.projected[0]).toBe(o.latest);
    expect(last.low[0]).toBe(o.latest);
    expect(last.high[0]).toBe(o.latest);
    expect(last.projected[9]).toBeCloseTo(o.ultimate!, 6);
    expect(last.high[9]! - last.projected[9]!).toBeCloseTo(o.standardError!, 6);
    // The band widens as development still to come is projected: never narrower a month later.
    for (let k = 1; k < 10; k++)
      expect(last.high[k]! - last.low[k]!).toBeGreaterThanOrEqual(
        last.high[k - 1]! - last.low[k - 1]! - 1e-9,
      );
    // A fully developed row has nothing dashed past its last column and no band.
    expect(e[0]!.projected.filter((x) => x !== null)).toEqual([RAA[0]!.at(-1)]);
  });

  it('are divided by each row’s scale (a history’s original balance)', () => {
    const scale = RAA.map(() => 1000);
    const e = curveExtensions(cl, scale);
    expect(e[9]!.projected[9]).toBeCloseTo(cl.origins[9]!.ultimate! / 1000, 9);
  });
});

/** A worker that answers a history request by running the job in-process, as worker.ts does. */
class InProcessWorker implements WorkerPort {
  private onMessage: (m: FromWorker) => void = () => undefined;
  terminated = false;
  hold = false;
  private held: (() => void) | null = null;
  post(m: ToWorker): void {
    const run = (): void => {
      if (this.terminated || m.request.kind !== 'history') return;
      const value = analyseHistoryFile(m.request, (done, total, key) =>
        this.onMessage({ id: m.id, type: 'progress', done, total, label: key, key }),
      );
      // Structured clone, as postMessage does: the result must survive it.
      this.onMessage({ id: m.id, type: 'done', value: structuredClone(value) });
    };
    if (this.hold) this.held = run;
    else queueMicrotask(run);
  }
  listen(onMessage: (m: FromWorker) => void): void {
    this.onMessage = onMessage;
  }
  terminate(): void {
    this.terminated = true;
  }
  release(): void {
    this.held?.();
  }
}

describe('the history request through the engine client', () => {
  const bytes = new Uint8Array(readFileSync(EN));

  it('round-trips: progress heard, a cloneable result with the CLI’s figures', async () => {
    const c = new EngineClient(() => new InProcessWorker());
    const keys: string[] = [];
    const r = await c.request(request('h.csv', { bytes }), (p) => keys.push(p.key ?? ''));
    expect(keys).toContain('historyRead');
    expect(keys).toContain('vintages');
    expect(asJson(historyJson(r.analysis as HistoryAnalysis))).toEqual(await cliJson(EN));
  });

  it('Cancel terminates the worker and rejects the job', async () => {
    const workers: InProcessWorker[] = [];
    const c = new EngineClient(() => {
      const w = new InProcessWorker();
      w.hold = true;
      workers.push(w);
      return w;
    });
    const p = c.request(request('h.csv', { bytes }));
    c.cancel();
    await expect(p).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.release();
  });
});
