/**
 * Shardable runs (issue 17): `--shard i/n` writes a part, `merge` prints exactly what one process prints. Shards
 * here run in-process (tests/unit/cli/bundle.test.ts runs them as child processes through the built CLI); every
 * comparison is against the same command run whole, never against numbers copied from our own output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../../../core/node/cli/cli';
import { CliError } from '../../../core/node/cli/errors';
import { setCliLang } from '../../../core/node/cli/lang';
import { mergeParts } from '../../../core/node/cli/commands/merge';
import { inShard, makePart, parseShard, shardPositions, type PartFile } from '../../../core/node/cli/shard';

const sample = (name: string): string =>
  fileURLToPath(new URL(`../../../samples/deals/${name}`, import.meta.url));
const LEVEL = sample('level-pay-consumer.deal.json');
const PAYLATER = sample('static-paylater.deal.json');
const dir = mkdtempSync(join(tmpdir(), 'abs-shard-'));
const EN_ENV = { LANG: 'en_US.UTF-8' };

/** Runs the program in-process, capturing what it writes; a CliError comes back as its exit code and text. */
async function program(argv: string[]): Promise<{ code: number; out: string; err: string }> {
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
    return { code: await cli(argv, EN_ENV), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Runs `command` whole, then as `n` shards and a merge; returns both outputs. */
async function wholeAndMerged(
  command: string[],
  n: number,
  name: string,
): Promise<{ whole: string; merged: string; parts: string[] }> {
  const whole = await program([...command, '--json']);
  expect(whole.err).toBe('');
  expect(whole.code).toBe(0);
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) {
    const part = join(dir, `${name}-${i}-of-${n}.json`);
    const r = await program([...command, '--shard', `${i}/${n}`, '--out', part]);
    expect(r.code).toBe(0);
    // A shard prints nothing: its result is the part.
    expect(r.out).toBe('');
    parts.push(part);
  }
  // Given out of order: merge sorts by shard and item index.
  const merged = await program(['merge', ...[...parts].reverse(), '--json']);
  expect(merged.err).toBe('');
  expect(merged.code).toBe(0);
  return { whole: whole.out, merged: merged.out, parts };
}

afterEach(() => {
  vi.restoreAllMocks();
  setCliLang('en');
});

describe('--shard i/n', () => {
  it('reads shard i of n counting from 1', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard(' 2 / 2 ')).toEqual({ index: 2, count: 2 });
  });

  it('refuses what is not a shard of a count, saying why, with exit code 2', () => {
    const refuse = (text: string | undefined): CliError => {
      try {
        parseShard(text);
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        expect((e as CliError).exitCode).toBe(2);
        return e as CliError;
      }
      throw new Error(`accepted ${text}`);
    };
    // Kubernetes' completion index counts from 0: 0/n is the classic off-by-one, refused rather than wrapped.
    expect(refuse('0/4').message).toBe('--shard 0/4: the shard must be from 1 to 4 (counting from 1)');
    expect(refuse('5/4').message).toBe('--shard 5/4: the shard must be from 1 to 4 (counting from 1)');
    expect(refuse('1/0').message).toBe('--shard 1/0: the shard count must be from 1 to 100000');
    expect(refuse('2').message).toMatch(/^--shard 2: expected i\/n/);
    expect(refuse('a/b').message).toMatch(/^--shard a\/b: expected i\/n/);
    expect(refuse('-1/4').message).toMatch(/expected i\/n/);
    expect(refuse(undefined).message).toMatch(/^--shard : expected i\/n/);
  });

  it('says so in Chinese too', () => {
    setCliLang('zh-CN');
    expect(() => parseShard('0/4')).toThrow('--shard 0/4：分片序号应在 1 至 4 之间（从 1 起算）');
  });

  it('round-robin: every item belongs to exactly one shard, neighbours to different ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (total, n) => {
        const seen = new Array<number>(total).fill(0);
        for (let i = 1; i <= n; i++) {
          const mine = shardPositions(total, { index: i, count: n });
          for (const j of mine) {
            seen[j]!++;
            expect(inShard(j, { index: i, count: n })).toBe(true);
          }
          // Shares differ by at most one item: no shard gets a block of the slow end.
          expect(Math.abs(mine.length - total / n)).toBeLessThan(1);
        }
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
    );
  });

  it('is refused without --out, and --out without --shard', async () => {
    const noOut = await program(['grid', LEVEL, '--cdr', '0:10:5', '--cpr', '0:10:5', '--shard', '1/2']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--shard needs --out FILE');
    const noShard = await program([
      'montecarlo',
      LEVEL,
      '--paths',
      '10',
      '--correlation',
      '10',
      '--out',
      'x',
    ]);
    expect(noShard.code).toBe(2);
    expect(noShard.err).toContain('--out is for shard runs');
  });
});

describe('merge gives what one process gives', () => {
  it('a grid, cell by cell (3 shards of 20 cells)', async () => {
    const { whole, merged } = await wholeAndMerged(
      ['grid', LEVEL, '--cdr', '0:20:5', '--cpr', '0:30:10', '--metric', 'wal', '--workers', '0'],
      3,
      'grid',
    );
    expect(merged).toBe(whole);
    expect((JSON.parse(merged) as { cells: unknown[] }).cells).toHaveLength(20);
  });

  it('the readable table as well', async () => {
    const cmd = ['grid', LEVEL, '--cdr', '0:10:5', '--cpr', '0:10:10', '--workers', '0'];
    const whole = await program(cmd);
    const parts = [1, 2].map((i) => join(dir, `table-${i}.json`));
    for (const [k, p] of parts.entries()) await program([...cmd, '--shard', `${k + 1}/2`, '--out', p]);
    expect((await program(['merge', ...parts])).out).toBe(whole.out);
  });

  it('a break-even set, split by scenario', async () => {
    const { whole, merged } = await wholeAndMerged(
      ['breakeven', LEVEL, '--tranche', 'all', '--scenario', 'all', '--mode', 'cdr'],
      2,
      'breakeven',
    );
    expect(merged).toBe(whole);
    const scenarios = (JSON.parse(merged) as { scenarios: { scenario: string }[] }).scenarios;
    expect(scenarios.map((s) => s.scenario)).toEqual(['base', 'stress', 'severe']);
  }, 180_000);

  it('a Monte Carlo of 300 paths, to the last digit (4 shards against 1 worker thread)', async () => {
    const { whole, merged, parts } = await wholeAndMerged(
      ['montecarlo', LEVEL, '--paths', '300', '--seed', '11', '--correlation', '8', '--workers', '1'],
      4,
      'mc',
    );
    expect(merged).toBe(whole);
    const part = JSON.parse(readFileSync(parts[1]!, 'utf8')) as PartFile;
    // Round-robin: shard 2 of 4 ran paths 1, 5, 9, …
    expect(part.items.slice(0, 3).map((it) => it.index)).toEqual([1, 5, 9]);
    expect(part.items).toHaveLength(75);
  });

  it('two deals, to the cent (the runs differ only in when they ran)', async () => {
    const { whole, merged } = await wholeAndMerged(['run', LEVEL, PAYLATER], 2, 'run');
    const strip = (s: string): unknown =>
      (JSON.parse(s) as { runs: { file: string; result: { runAt?: string } }[] }).runs.map((r) => {
        delete r.result.runAt;
        return r;
      });
    const runs = strip(merged) as { file: string }[];
    expect(runs.map((r) => r.file)).toEqual([LEVEL, PAYLATER]);
    expect(runs).toEqual(strip(whole));
  });

  it('one deal sharded prints the plain run', async () => {
    const part = join(dir, 'one-deal.json');
    await program(['run', LEVEL, '--shard', '1/1', '--out', part]);
    const merged = JSON.parse((await program(['merge', part, '--json'])).out) as { tranches: unknown[] };
    expect(merged.tranches).toHaveLength(4);
  });
});

describe('merge refuses parts that do not belong together, naming the file', () => {
  const part = (over: Partial<PartFile> = {}): PartFile => ({
    ...makePart('grid', 'h1', { index: 1, count: 2 }, 4, { spec: 1 }, [
      { index: 0, value: 'a' },
      { index: 2, value: 'c' },
    ]),
    ...over,
  });
  const second = (over: Partial<PartFile> = {}): PartFile =>
    part({
      shard: { index: 2, count: 2 },
      items: [
        { index: 1, value: 'b' },
        { index: 3, value: 'd' },
      ],
      ...over,
    });
  const refusal = (files: string[], parts: PartFile[]): string => {
    try {
      mergeParts(files, parts);
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      return (e as CliError).message;
    }
    throw new Error('merged');
  };

  it('merges matching parts in index order', () => {
    expect(mergeParts(['b.json', 'a.json'], [second(), part()]).items).toEqual(['a', 'b', 'c', 'd']);
  });

  it('another command', () => {
    expect(refusal(['a.json', 'b.json'], [part(), second({ command: 'montecarlo' })])).toBe(
      'b.json: a part of `montecarlo`, but a.json is a part of `grid`',
    );
  });

  it('other inputs (deal file or options changed between shards)', () => {
    expect(refusal(['a.json', 'b.json'], [part(), second({ inputsHash: 'h2' })])).toMatch(
      /^b\.json: computed from other inputs than a\.json/,
    );
    expect(refusal(['a.json', 'b.json'], [part(), second({ context: { spec: 2 } })])).toMatch(
      /^b\.json: computed from other inputs/,
    );
  });

  it('another shard count', () => {
    expect(refusal(['a.json', 'b.json'], [part(), second({ shard: { index: 2, count: 3 } })])).toBe(
      'b.json: one of 3 shards, but a.json is one of 2',
    );
  });

  it('the same shard twice, and a shard missing', () => {
    expect(refusal(['a.json', 'c.json'], [part(), part()])).toBe('a.json and c.json are both shard 1/2');
    expect(refusal(['a.json'], [part()])).toBe('shard 2/2 is missing');
  });

  it('a part whose items are not its share', () => {
    expect(refusal(['a.json', 'b.json'], [part(), second({ items: [{ index: 0, value: 'x' }] })])).toMatch(
      /^b\.json: the part file is damaged/,
    );
    expect(refusal(['a.json', 'b.json'], [part(), second({ items: [{ index: 1, value: 'b' }] })])).toBe(
      'b.json: item 3 of its share is missing',
    );
  });

  it('files that are not parts, through the command', async () => {
    const notPart = join(dir, 'not-a-part.json');
    writeFileSync(notPart, JSON.stringify({ runs: [] }));
    const r = await program(['merge', notPart]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${notPart}: not a part file (no "format": "abs-workbench-part")`);
    const missing = await program(['merge', join(dir, 'nope.json')]);
    expect(missing.err).toContain(`cannot read ${join(dir, 'nope.json')}: file not found`);
    const newer = join(dir, 'v9.json');
    writeFileSync(newer, JSON.stringify({ ...part(), version: 9 }));
    expect((await program(['merge', newer])).err).toContain(
      `${newer}: part format version 9; this program reads version 1`,
    );
  });

  it('parts of another deal file, through the command', async () => {
    const cmd = (deal: string): string[] => ['run', deal, '--scenario', 'base'];
    const a = join(dir, 'deal-a.json');
    const b = join(dir, 'deal-b.json');
    await program([...cmd(LEVEL), PAYLATER, '--shard', '1/2', '--out', a]);
    await program([...cmd(PAYLATER), LEVEL, '--shard', '2/2', '--out', b]);
    const r = await program(['merge', a, b]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${b}: computed from other inputs than ${a}`);
  });
});
