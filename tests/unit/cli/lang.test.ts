/**
 * The CLI in both languages (issue 13): `--lang zh-CN` or a Chinese POSIX locale prints Chinese labels and
 * headings with the very figures the English run prints; errors (a missing file, a bad deal, a bad option) are
 * Chinese too; `--json` stays language-neutral.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../../../core/node/cli/cli';
import { setCliLang } from '../../../core/node/cli/lang';
import { minimalDeal } from '../deal/minimalDeal';

const sample = (name: string): string =>
  fileURLToPath(new URL(`../../../samples/deals/${name}`, import.meta.url));
const REVOLVING = sample('revolving-installment.deal.json');
const LEVEL = sample('level-pay-consumer.deal.json');
const dir = mkdtempSync(join(tmpdir(), 'abs-cli-lang-'));
const EN_ENV = { LANG: 'en_US.UTF-8' };

/** Runs the program in-process with `env` as its environment, capturing what it writes. */
async function program(
  argv: string[],
  env: Record<string, string> = EN_ENV,
): Promise<{ code: number; out: string; err: string }> {
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
    return { code: await cli(argv, env), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

/** The figures of a report: every number, in order, with the run's timestamp left out. */
const figures = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => !/\d{4}-\d\d-\d\dT/.test(l))
    .join('\n')
    .match(/-?[\d,]+\.\d+%?|\b\d{4}-\d\d-\d\d\b/g) ?? [];

afterEach(() => {
  vi.restoreAllMocks();
  setCliLang('en');
});

describe('abs-workbench in Chinese', () => {
  it('run --lang zh-CN prints Chinese labels and headings with the same figures as --lang en', async () => {
    const en = await program(['run', REVOLVING, '--lang', 'en']);
    const zh = await program(['--lang=zh-CN', 'run', REVOLVING]);
    expect(en.code).toBe(0);
    expect(zh.code).toBe(0);
    expect(en.out).toContain('Initial balance:        800,000,000.00');
    for (const text of [
      '初始余额：',
      '800,000,000.00',
      '加权平均期限（年）',
      '优先级',
      '次优先级',
      '循环购买结束：  第 10 期',
      '现金勾稽平衡',
      '触发事件',
      '兑付日为每月 26 日',
    ])
      expect(zh.out).toContain(text);
    expect(zh.out).not.toMatch(/Initial balance|Cash conserved|Trigger events/);
    expect(figures(zh.out)).toEqual(figures(en.out));
    // Projection notes and calendar notes come from the engine's coded messages.
    expect(zh.out).toContain('按模型违约率计算的违约持续至每笔贷款到期');
    expect(zh.out).toContain('CN-SSE 日历只收录 2015–2026 年已公布的节假日');
  });

  it('a Chinese locale without --lang does the same; --lang en overrides it', async () => {
    const zh = await program(['run', REVOLVING], { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toContain('初始余额：');
    const en = await program(['run', REVOLVING, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' });
    expect(en.out).toContain('Initial balance:');
    expect(en.out).not.toContain('初始余额');
  });

  it('Chinese columns stay aligned: a Chinese character takes two terminal cells', async () => {
    const { out } = await program(['run', REVOLVING, '--lang', 'zh-CN']);
    const lines = out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('证券档次  偿付顺序'));
    const cells = (s: string): number => s.length + (s.match(/[\u3000-\u9fff\uff00-\uff60]/g)?.length ?? 0);
    // The rule under the header and each class's row end in the same terminal column as the header.
    expect(cells(lines[head + 1]!)).toBe(cells(lines[head]!));
    expect(cells(lines[head + 2]!.trimEnd())).toBeLessThanOrEqual(cells(lines[head]!));
  });

  it('--json is language-neutral: the same keys and codes, English messages beside them', async () => {
    const strip = (s: string) => s.replace(/"runAt": "[^"]*"/, '');
    const en = await program(['run', REVOLVING, '--json', '--lang', 'en']);
    const zh = await program(['run', REVOLVING, '--json', '--lang', 'zh-CN']);
    expect(strip(zh.out)).toBe(strip(en.out));
    const result = JSON.parse(zh.out) as {
      projectionNotes: { conventionMessages: { code: string; message: string }[] };
      calendarNoteMessages: { code: string }[];
    };
    expect(result.projectionNotes.conventionMessages[0]!.code).toBe('notes.stopMaturity');
    expect(result.calendarNoteMessages.map((m) => m.code)).toEqual(['calendar.rolledBeyond']);
  });

  it('grid and breakeven print Chinese headings over the same figures', async () => {
    const args = ['grid', LEVEL, '--cdr', '0:10:10', '--cpr', '0:20:20', '--workers', '0'];
    const en = await program([...args, '--lang', 'en']);
    const zh = await program([...args, '--lang', 'zh-CN']);
    expect(zh.out.split('\n')[0]).toBe('证券档次 A 的本金损失（占初始本金），情景 base');
    expect(zh.out.split('\n').slice(1)).toEqual(en.out.split('\n').slice(1));
    const be = await program(['breakeven', LEVEL, '--tranche', 'A', '--mode', 'cdr', '--lang', 'zh-CN']);
    expect(be.out).toMatch(/^临界压力，情景 base/);
    expect(be.out).toContain('CDR 临界值');
  }, 60_000);

  it('funding prints its tables in Chinese over the same figures', async () => {
    const file = fileURLToPath(
      new URL('../../../samples/funding/revolving-consumer.case.json', import.meta.url),
    );
    const en = await program(['funding', file, '--no-optimise', '--lang', 'en']);
    const zh = await program(['funding', file, '--no-optimise', '--lang', 'zh-CN']);
    expect(en.out).toContain('Balance, share and cost of each source');
    expect(zh.out).toContain('各融资来源的余额、占比与成本');
    expect(zh.out).toMatch(/^融资组合\s+情景\s+足额融资/m);
    expect(zh.out).toContain('银行授信');
    expect(zh.out).not.toMatch(/\b(?:yes|no|committed|uncommitted|bankLine|forwardFlow|tenor)\b/);
    expect(figures(zh.out)).toEqual(figures(en.out));
  }, 60_000);

  it('errors are Chinese: a missing file, a bad deal, a bad option, an unknown command', async () => {
    const missing = join(dir, 'missing.json');
    expect((await program(['run', missing, '--lang', 'zh-CN'])).err).toBe(
      `abs-workbench run: ${missing}: 文件不存在\n`,
    );

    const bad = minimalDeal() as { structure: { tranches: Record<string, unknown>[] } };
    bad.structure.tranches.push({ ...bad.structure.tranches[0]! });
    const file = join(dir, 'bad.deal.json');
    writeFileSync(file, JSON.stringify(bad));
    const badRun = await program(['run', file], { LANG: 'zh_CN.UTF-8' });
    expect(badRun.code).toBe(1);
    expect(badRun.err).toContain(`${file}: structure.tranches[2].id: 证券档次编号“A”重复`);

    const broken = join(dir, 'broken.deal.json');
    writeFileSync(broken, '{\n  "name": "x",\n  "cutoffDate" "2025-01-31"\n}');
    expect((await program(['run', broken, '--lang', 'zh-CN'])).err).toBe(
      `abs-workbench run: ${broken}: 第 3 行第 16 列: JSON 格式错误：意外的 '"'：属性名之后应为“:”\n`,
    );

    const option = await program(['run', REVOLVING, '--csv', '--lang', 'zh-CN']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^abs-workbench run: 未知选项“--csv”\n\n用法：abs-workbench run/);

    const unknown = await program(['bogus'], { LANG: 'zh_CN.UTF-8' });
    expect(unknown.err).toMatch(/^abs-workbench: 未知命令“bogus”\n用法：/);
    expect((await program(['run', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).err).toBe(
      'abs-workbench: --lang fr：请使用 en 或 zh-CN\n',
    );
  });

  it('zod’s own schema messages follow the language', async () => {
    const deal = minimalDeal() as unknown as Record<string, unknown>;
    const file = join(dir, 'types.deal.json');
    writeFileSync(file, JSON.stringify({ ...deal, paymentDay: 'x', name: undefined }));
    const zh = await program(['run', file, '--lang', 'zh-CN']);
    expect(zh.err).toContain(`${file}: paymentDay: 期望 数字，实际接收 string`);
    expect(zh.err).toContain(`${file}: name: 缺失（应为 string）`);
    const en = await program(['run', file, '--lang', 'en']);
    expect(en.err).toContain(`${file}: paymentDay: expected number, received string`);
    expect(en.err).toContain(`${file}: name: missing (expected string)`);
  });
});
