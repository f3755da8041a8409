/**
 * `run --xlsx` hands the report its three pictures (issue 14), drawn in the CLI's language; a picture that cannot
 * be drawn costs a warning, never the report.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import * as report from '../../../core/io/report';
import { main, reportInput } from '../../../core/node/cli/commands/run';
import { takeLangFlag } from '../../../core/node/cli/lang';
import { translator } from '../../../core/i18n';
import { fixtureRun, DEAL_INPUT } from './fixture';

vi.mock('../../../core/io/report', async (original) => {
  const actual = await original<typeof import('../../../core/io/report')>();
  return { ...actual, buildTrancheReport: vi.fn(actual.buildTrancheReport) };
});

const SAMPLE = fileURLToPath(new URL('../../../samples/deals/consumer-loan-cny.deal.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'abs-report-charts-'));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Runs the command in-process in the language `lang` asks for, capturing stderr. */
async function run(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await main(takeLangFlag(args, {})), err };
  } finally {
    vi.mocked(process.stdout.write).mockRestore();
    vi.mocked(process.stderr.write).mockRestore();
  }
}

afterEach(() => {
  takeLangFlag([], {});
  vi.mocked(report.buildTrancheReport).mockClear();
});

describe('run --xlsx with pictures', () => {
  it('gives the report the note-balance, cumulative-loss and excess-spread PNGs, in the report language', async () => {
    const file = join(dir, 'zh.xlsx');
    const { code } = await run([SAMPLE, '--xlsx', file, '--lang', 'zh-CN', '--amounts', 'wan']);
    expect(code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const build = vi.mocked(report.buildTrancheReport);
    expect(build).toHaveBeenCalledTimes(1);
    const charts = build.mock.calls[0]?.[0].charts ?? [];
    expect(charts.map((c) => [c.id, c.title])).toEqual([
      ['noteBalances', '各档证券未偿本金余额'],
      ['cumulativeLoss', '累计违约率与累计净损失率'],
      ['excessSpread', '超额利差（年化）'],
    ]);
    for (const c of charts) expect([...c.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('writes the report without pictures, and says so in the CLI language, when they cannot be drawn', async () => {
    takeLangFlag(['--lang', 'zh-CN'], {});
    const t = translator('zh-CN');
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
    const deal = Deal.parse(DEAL_INPUT);
    const input = await reportInput('out.xlsx', deal, fixtureRun(deal), 'unit', t, () =>
      Promise.reject(new Error('no rasteriser for this platform')),
    ).finally(() => vi.mocked(process.stderr.write).mockRestore());
    expect(input.charts).toBeUndefined();
    expect(input.lang).toBe('zh-CN');
    expect(err).toBe(
      'abs-workbench run: out.xlsx：警告：图表无法生成，报告将不附图表：no rasteriser for this platform\n',
    );
    // The report itself is still written.
    expect((await report.buildTrancheReport(input)).byteLength).toBeGreaterThan(0);
  });
});
