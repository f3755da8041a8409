/**
 * The CLI built to JavaScript (issue 17): the bundle prints what the TypeScript CLI prints, its lazily loaded
 * parts (worker threads, the spreadsheet worker, HiGHS) work from the build, and shards run as real child
 * processes through it and merge to the single run. The test builds its own copy (bin/build-cli.mjs --outdir),
 * so it needs no earlier `npm run build` and never races a developer's out/cli.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../../core/node/cli/cli';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT = join(ROOT, 'out', `cli-test-${process.pid}`);
const BUNDLE = join(OUT, 'abs-workbench.mjs');
const LEVEL = join(ROOT, 'samples/deals/level-pay-consumer.deal.json');
const CNY = join(ROOT, 'samples/deals/consumer-loan-cny.deal.json');
const dir = mkdtempSync(join(tmpdir(), 'abs-bundle-'));
const ENV = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const run = promisify(execFile);

/** The bundle as a child process: exit code, stdout, stderr. */
async function bundle(args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BUNDLE, ...args], {
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

/** The TypeScript CLI in this process. */
async function inProcess(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await cli(argv, { LANG: 'en_US.UTF-8' }), out };
  } finally {
    vi.restoreAllMocks();
  }
}

const withoutRunAt = (json: string): unknown => {
  const r = JSON.parse(json) as { runAt?: string };
  delete r.runAt;
  return r;
};

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'bin/build-cli.mjs'), '--outdir', OUT], { stdio: 'pipe' });
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('the built CLI', () => {
  it('is JavaScript with its worker entries beside it and the list of sources it was built from', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(existsSync(join(OUT, 'workers-worker.mjs'))).toBe(true);
    expect(existsSync(join(OUT, 'import-xlsxWorker.mjs'))).toBe(true);
    const { sources } = JSON.parse(readFileSync(join(OUT, 'build.json'), 'utf8')) as { sources: string[] };
    expect(sources).toContain('core/node/cli/main.ts');
    expect(sources.some((s) => s.includes('node_modules'))).toBe(false);
  });

  it("prints a sample's run --json exactly as the TypeScript CLI does", async () => {
    const built = await bundle(['run', LEVEL, '--json']);
    expect(built.code).toBe(0);
    expect(built.err).toBe('');
    const ts = await inProcess(['run', LEVEL, '--json']);
    expect(withoutRunAt(built.out)).toEqual(withoutRunAt(ts.out));
  });

  it('speaks Chinese from the build too', async () => {
    const built = await bundle(['run', CNY, '--lang', 'zh-CN']);
    const ts = await inProcess(['run', CNY, '--lang', 'zh-CN']);
    const noRunAt = (s: string): string => s.replace(/^.*(引擎|Engine).*$/m, '');
    expect(built.out).toContain('交易');
    expect(noRunAt(built.out)).toBe(noRunAt(ts.out));
  });

  it('writes the Excel report (loaded on demand)', async () => {
    const xlsx = join(dir, 'report.xlsx');
    const report = await bundle(['run', LEVEL, '--xlsx', xlsx]);
    expect(report.code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('parses a spreadsheet tape in its isolating worker', async () => {
    const pool = join(dir, 'pool.json');
    const tape = await bundle(['import', join(ROOT, 'samples/tapes/sample-tape.xlsx'), '--out', pool]);
    expect(tape.err).toBe('');
    expect(tape.code).toBe(0);
    expect(existsSync(pool)).toBe(true);
  });

  it('solves a funding case with HiGHS', async () => {
    const funding = await bundle([
      'funding',
      join(ROOT, 'samples/funding/revolving-consumer.case.json'),
      '--json',
    ]);
    expect(funding.code).toBe(0);
    // The optimiser ran: HiGHS loaded its .wasm from node_modules beside the package, not from the bundle.
    const optimisation = (JSON.parse(funding.out) as { optimisation: { solverStatus: string } }).optimisation;
    expect(optimisation.solverStatus).toBe('Optimal');
  });

  it('spreads a grid over worker threads started from the build', async () => {
    // Two worker threads and this one: the grid is the same as the in-process one.
    const args = ['grid', LEVEL, '--cdr', '0:20:10', '--cpr', '0:20:10', '--metric', 'wal', '--json'];
    const grid = await bundle([...args, '--workers', '2']);
    expect(grid.code).toBe(0);
    expect(grid.out).toBe((await inProcess([...args, '--workers', '0'])).out);
  });

  it('runs shards as child processes, side by side, and merges them to the single run', async () => {
    const cmd = ['montecarlo', LEVEL, '--paths', '240', '--seed', '5', '--loss-vol', '4'];
    const parts = [1, 2, 3].map((i) => join(dir, `mc-${i}.json`));
    const [single, ...shards] = await Promise.all([
      bundle([...cmd, '--json', '--workers', '0']),
      ...parts.map((p, k) => bundle([...cmd, '--shard', `${k + 1}/3`, '--out', p])),
    ]);
    for (const s of shards) expect(s).toEqual({ code: 0, out: '', err: '' });
    const merged = await bundle(['merge', ...parts, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.out).toBe(single!.out);

    const gridCmd = ['grid', LEVEL, '--cdr', '0:15:5', '--cpr', '0:20:10', '--json'];
    const gridParts = [1, 2].map((i) => join(dir, `grid-${i}.json`));
    const [gridSingle] = await Promise.all([
      bundle(gridCmd),
      ...gridParts.map((p, k) => bundle([...gridCmd, '--shard', `${k + 1}/2`, '--out', p])),
    ]);
    expect((await bundle(['merge', ...gridParts, '--json'])).out).toBe(gridSingle!.out);

    // A part missing: refused, exit 1, the missing shard named.
    const short = await bundle(['merge', parts[0]!, parts[2]!]);
    expect(short.code).toBe(1);
    expect(short.err).toBe('abs-workbench merge: shard 2/3 is missing\n');
  }, 180_000);

  it('bin/abs-workbench.js prints nothing of its own on stdout', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'bin/abs-workbench.js'), 'run', LEVEL, '--json'],
      {
        env: ENV,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(withoutRunAt(stdout)).toEqual(withoutRunAt((await inProcess(['run', LEVEL, '--json'])).out));
  });
});
