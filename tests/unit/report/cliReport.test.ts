/**
 * `run --xlsx` writes the report in the CLI's language (`--lang`, else the locale) and in the `--amounts` unit.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../core/node/cli/commands/run';
import { CliError } from '../../../core/node/cli/errors';
import { takeLangFlag } from '../../../core/node/cli/lang';
import { at, find, readReport, sheet } from './readBack';

const SAMPLE = fileURLToPath(new URL('../../../samples/deals/consumer-loan-cny.deal.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'abs-report-cli-'));

async function run(...args: string[]): Promise<number> {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await main(takeLangFlag(args, {}));
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  // Back to English for the next test (the language is the process's).
  takeLangFlag([], {});
});

describe('run --xlsx in a language and an amount unit', () => {
  it('writes the Chinese report in 万元 with --lang zh-CN --amounts wan', async () => {
    const zh = join(dir, 'zh.xlsx');
    const en = join(dir, 'en.xlsx');
    expect(await run(SAMPLE, '--xlsx', zh, '--lang', 'zh-CN', '--amounts', 'wan')).toBe(0);
    expect(await run(SAMPLE, '--xlsx', en)).toBe(0);
    const cn = readReport(readFileSync(zh));
    const plain = readReport(readFileSync(en));
    expect(cn.SheetNames.slice(0, 5)).toEqual(['目录', '概要', '投资者摘要', '假设', '资产池现金流']);
    expect(plain.SheetNames.slice(0, 5)).toEqual([
      'Contents',
      'Summary',
      'Investor summary',
      'Assumptions',
      'Pool cash flows',
    ]);
    const summary = sheet(cn, '概要');
    expect(String(at(summary, find(summary, '金额单位').r, 1)?.v)).toMatch(/^万元/);
    const initial = at(summary, find(summary, '初始资产池余额').r, 1)?.v as number;
    const english = sheet(plain, 'Summary');
    expect(initial).toBe((at(english, find(english, 'Initial balance').r, 1)?.v as number) / 1e4);
  });

  it('follows the locale when --lang is not given, and refuses an unknown unit', async () => {
    const file = join(dir, 'locale.xlsx');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(takeLangFlag([SAMPLE, '--xlsx', file], { LANG: 'zh_CN.UTF-8' }))).toBe(0);
    vi.restoreAllMocks();
    expect(readReport(readFileSync(file)).SheetNames[1]).toBe('概要');
    const e = await run(SAMPLE, '--xlsx', file, '--amounts', 'lakh').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).message).toMatch(/^--amounts lakh: use one of unit, thousand, wan, million, yi/);
    expect((e as CliError).exitCode).toBe(2);
  });
});
