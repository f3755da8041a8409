/**
 * `abs-workbench vintage` with a history mapping: `--mapping FILE` reads the platform-export sample to the figures
 * of the same history in our own layout; `--preset`; `--suggest-mapping` prints a mapping `--mapping` accepts; a
 * file whose required fields stay unmapped is refused with their names and the file's headers; unknown status
 * codes are listed with their row counts, in English or Chinese.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../core/node/cli/commands/vintage';
import { CliError } from '../../../core/node/cli/errors';
import { takeLangFlag } from '../../../core/node/cli/lang';
import { historyCsv } from '../../../samples/generator/historyGenerator';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const PLATFORM = here('../../../samples/history/consumer-history-platform.csv');
const PLATFORM_MAPPING = here('../../../samples/history/consumer-history-platform.mapping.json');
const dir = mkdtempSync(join(tmpdir(), 'abs-vintage-mapping-'));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await main(args), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

async function refusal(...args: string[]): Promise<string> {
  try {
    await run(...args);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as CliError).message;
  }
  throw new Error('not refused');
}

afterEach(() => {
  takeLangFlag([], {});
});

describe('vintage with a history mapping', () => {
  // The sample was written by `historyGenerator.ts --layout platform` with the generator's defaults: the same
  // rows in our English layout are the reference.
  const english = join(dir, 'english.csv');
  writeFileSync(
    english,
    historyCsv({ seed: 11, vintages: 18, loansPerVintage: 30, maxMob: 18, lastAsOf: 24, term: 12 }),
  );

  it('--mapping FILE: the platform export gives the English layout’s --json figures', async () => {
    const a = await run(PLATFORM, '--mapping', PLATFORM_MAPPING, '--json');
    const b = await run(english, '--json');
    expect(a.code).toBe(0);
    const strip = (s: string): unknown => {
      const { file: _, ...rest } = JSON.parse(s) as Record<string, unknown>;
      return rest;
    };
    expect(strip(a.out)).toEqual(strip(b.out));
  });

  it('without a mapping the export is refused, naming the unmapped fields and the headers it has', async () => {
    const msg = await refusal(PLATFORM);
    expect(msg).toContain('asOf, originationDate, currentBalance');
    expect(msg).toContain('rpt_prd');
    takeLangFlag(['--lang', 'zh-CN'], {});
    expect(await refusal(PLATFORM)).toContain('缺少以下字段的列');
  });

  it('--suggest-mapping prints a mapping that, once completed, --mapping accepts', async () => {
    const { code, out, err } = await run('--suggest-mapping', PLATFORM);
    expect(code).toBe(0);
    expect(err).toContain('acct_no (100%)');
    expect(err).toMatch(/Required and not found: asOf, originationDate, currentBalance/);
    const m = JSON.parse(out) as { columns: Record<string, string>; values: Record<string, unknown> };
    expect(m.columns.loanId).toBe('acct_no');
    m.columns = { ...m.columns, asOf: 'rpt_prd', originationDate: 'disb_dt', currentBalance: 'os_prin_wan' };
    const file = join(dir, 'completed.json');
    writeFileSync(file, JSON.stringify(m));
    // No status codes in the suggestion: PP and PO are unknown, listed with their rows.
    const r = await run(PLATFORM, '--mapping', file, '--holdout', '0');
    const text = readFileSync(PLATFORM, 'utf8');
    const rows = (code: string): number => text.split('\n').filter((l) => l.includes(`,${code},`)).length;
    expect(r.out).toContain('Unknown status codes (2)');
    expect(r.out).toContain(`  PP: ${rows('PP')} rows`);
    expect(r.out).toContain(`  PO: ${rows('PO')} rows`);
    takeLangFlag(['--lang', 'zh-CN'], {});
    const zh = await run(PLATFORM, '--mapping', file, '--holdout', '0');
    expect(zh.out).toContain(`  PP：${rows('PP')} 行`);
  });

  it('--preset: a known one is used, an unknown one is refused with the list', async () => {
    const zh = here('../../../samples/history/consumer-history-zh.csv');
    expect((await run(zh, '--preset', 'generator-zh', '--json')).code).toBe(0);
    const msg = await refusal(zh, '--preset', 'nope');
    expect(msg).toContain('generator, generator-zh, reg-ab-ii');
    expect(await refusal(zh, '--preset', 'generator', '--mapping', PLATFORM_MAPPING)).toContain('not both');
  });

  it('a mapping file that is not one is refused with the path of its problem', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ name: 'x', columns: { loanId: 'a' }, amountUnits: { recoveryAmount: 'kilo' } }),
    );
    expect(await refusal(PLATFORM, '--mapping', bad)).toMatch(
      /bad\.json: not a history mapping \(amountUnits\.recoveryAmount/,
    );
  });
});
