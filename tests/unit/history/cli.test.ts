/** `abs-workbench vintage`: the JSON contract on a published triangle, a history, Chinese output, a scenario. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main as runMain } from '../../../core/node/cli/commands/run';
import { main } from '../../../core/node/cli/commands/vintage';
import { CliError } from '../../../core/node/cli/errors';
import { takeLangFlag } from '../../../core/node/cli/lang';
import { RAA } from './raa';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const HISTORY = here('../../../samples/history/consumer-history.csv');
const HISTORY_ZH = here('../../../samples/history/consumer-history-zh.csv');
const DEAL = here('../../../samples/deals/revolving-installment.deal.json');
const LEVEL_PAY = here('../../../samples/deals/level-pay-consumer.deal.json');
const dir = mkdtempSync(join(tmpdir(), 'abs-vintage-cli-'));

async function run(
  fn: (a: string[]) => Promise<number>,
  ...args: string[]
): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    return { code: await fn(args), out };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  takeLangFlag([], {});
});

describe('vintage CLI', () => {
  const raaCsv = join(dir, 'raa.csv');
  writeFileSync(
    raaCsv,
    [
      'origin,1,2,3,4,5,6,7,8,9,10',
      ...RAA.map((r, i) => `${1981 + i},${r.join(',')}${','.repeat(10 - r.length)}`),
    ].join('\n') + '\n',
  );

  it('a vintage table: developmentFactors, vintages[] and total in the table’s units (Mack’s RAA figures)', async () => {
    const { code, out } = await run(main, raaCsv, '--method', 'chain-ladder', '--json');
    expect(code).toBe(0);
    const j = JSON.parse(out) as {
      developmentFactors: number[];
      vintages: { vintage: string; latest: number; ultimate: number; standardError: number }[];
      total: { latest: number; ultimate: number; standardError: number };
      unit: string;
    };
    expect(j.unit).toBe('amount');
    expect(j.developmentFactors[0]).toBeCloseTo(2.999, 3);
    expect(j.vintages[9]).toMatchObject({ vintage: '1990', latest: 2063 });
    expect(j.vintages[9]!.ultimate).toBeCloseTo(18402.44, 1);
    expect(j.vintages[9]!.standardError).toBeCloseTo(24566.3, 1);
    expect(j.total.latest).toBe(160987);
    expect(j.total.ultimate).toBeCloseTo(213122.23, 2);
    expect(j.total.standardError).toBeCloseTo(26909.01, 2);
  });

  it('a history: curves, roll rates, both extensions, back-test', async () => {
    const { code, out } = await run(main, HISTORY, '--json', '--holdout', '3');
    expect(code).toBe(0);
    const j = JSON.parse(out) as {
      source: { accepted: number; rejected: number; loans: number };
      curves: { vintage: string; cumulativeNetLoss: number[] }[];
      rollRates: { matrix: (number[] | null)[] };
      vintages: { chainLadder: { ultimate: number | null }; timing: { ultimate: number | null } }[];
      lifetime: { chainLadder: { expected: number } };
      backtest: { holdout: number };
    };
    expect(j.source).toMatchObject({ accepted: 12900, rejected: 0, loans: 900 });
    expect(j.curves).toHaveLength(18);
    for (const row of j.rollRates.matrix) if (row) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(j.lifetime.chainLadder.expected).toBeGreaterThan(0);
    expect(j.backtest.holdout).toBe(3);
  });

  it('the Chinese-header history reads the same way; --lang zh-CN prints Chinese', async () => {
    takeLangFlag(['--lang', 'zh-CN'], {});
    const { code, out } = await run(main, HISTORY_ZH, '--holdout', '0');
    expect(code).toBe(0);
    expect(out).toContain('逐笔表现数据');
    expect(out).toContain('接受 12900 条');
    expect(out).toContain('链梯法');
    expect(out).toContain('迁徙率');
  });

  it('--into writes a scenario with provenance that the engine runs; --stress adds k standard errors', async () => {
    const deal = join(dir, 'deal.json');
    copyFileSync(DEAL, deal);
    const base = await run(main, HISTORY, '--into', deal, '--scenario', 'history-base', '--json');
    expect(base.code).toBe(0);
    const stress = await run(main, HISTORY, '--into', deal, '--scenario', 'history-stress', '--stress', '2');
    expect(stress.code).toBe(0);
    expect(stress.out).toMatch(/wrote scenario history-stress/);
    const d = JSON.parse(readFileSync(deal, 'utf8')) as {
      scenarios: {
        name: string;
        default: { model: string; lifetimeNetLoss: number; timing: number[] };
        provenance?: { historyFile: string; method: string; vintages: string[] };
      }[];
    };
    const b = d.scenarios.find((s) => s.name === 'history-base')!;
    const s = d.scenarios.find((x) => x.name === 'history-stress')!;
    expect(b.default.model).toBe('CNL');
    expect(b.default.timing.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    expect(b.provenance).toMatchObject({ historyFile: 'consumer-history.csv', method: 'chain-ladder' });
    expect(b.provenance!.vintages).toHaveLength(18);
    expect(s.default.lifetimeNetLoss).toBeGreaterThan(b.default.lifetimeNetLoss);
    // Written again under the same name: replaced, not duplicated.
    await run(main, HISTORY, '--into', deal, '--scenario', 'history-base', '--json');
    expect((JSON.parse(readFileSync(deal, 'utf8')) as { scenarios: unknown[] }).scenarios).toHaveLength(5);
    const r = await run(runMain, deal, '--scenario', 'history-base', '--json');
    expect(r.code).toBe(0);
  });

  it('--segment --into: the book’s curves for the scenario, each grade’s own fit as the override of the pool segment it is mapped to', async () => {
    const deal = join(dir, 'segmented.deal.json');
    copyFileSync(LEVEL_PAY, deal);
    // Grade A's override must be what a history of grade A alone gives, fitted the same way.
    const lines = readFileSync(HISTORY, 'utf8').trimEnd().split('\n');
    const onlyA = join(dir, 'grade-a.csv');
    writeFileSync(onlyA, [lines[0]!, ...lines.slice(1).filter((l) => l.endsWith(',A'))].join('\n') + '\n');
    const plain = join(dir, 'plain.deal.json');
    copyFileSync(LEVEL_PAY, plain);
    await run(main, HISTORY, '--into', plain, '--scenario', 'book', '--json');
    await run(main, onlyA, '--into', plain, '--scenario', 'grade-a', '--json');

    const r = await run(
      main,
      HISTORY,
      '--segment',
      'grade',
      '--into',
      deal,
      '--scenario',
      'by-grade',
      '--segment-map',
      'A=prime,B=near-prime',
      '--json',
    );
    expect(r.code).toBe(0);
    type Written = {
      name: string;
      default: { lifetimeNetLoss: number; timing: number[] };
      overrides?: {
        segment: string;
        default: { lifetimeNetLoss: number; timing: number[] };
        severity: number;
      }[];
      provenance?: { segmentField?: string };
    };
    const find = (file: string, name: string): Written =>
      (JSON.parse(readFileSync(file, 'utf8')) as { scenarios: Written[] }).scenarios.find(
        (s) => s.name === name,
      )!;
    const s = find(deal, 'by-grade');
    const book = find(plain, 'book');
    const gradeA = find(plain, 'grade-a');
    expect(s.provenance?.segmentField).toBe('grade');
    // The scenario's own curve is the book's (each vintage's grades summed), as without --segment.
    expect(s.default.lifetimeNetLoss).toBeCloseTo(book.default.lifetimeNetLoss, 12);
    expect(s.overrides!.map((o) => o.segment)).toEqual(['prime', 'near-prime']);
    const prime = s.overrides![0]!;
    expect(prime.default.lifetimeNetLoss).toBeCloseTo(gradeA.default.lifetimeNetLoss, 12);
    expect(prime.default.timing).toEqual(gradeA.default.timing.map((x) => expect.closeTo(x, 12) as number));
    // The generator's grade B rolls to charge-off faster than A: its lifetime loss is higher, the book between.
    const nearPrime = s.overrides![1]!;
    expect(prime.default.lifetimeNetLoss).toBeLessThan(s.default.lifetimeNetLoss);
    expect(nearPrime.default.lifetimeNetLoss).toBeGreaterThan(s.default.lifetimeNetLoss);
    const ran = await run(runMain, deal, '--scenario', 'by-grade', '--json');
    expect(ran.code).toBe(0);
  });

  it('--segment --into refuses a history whose segments the pool does not have, naming both', async () => {
    const deal = join(dir, 'unmapped.deal.json');
    copyFileSync(LEVEL_PAY, deal);
    await expect(run(main, HISTORY, '--segment', 'grade', '--into', deal, '--scenario', 'x')).rejects.toThrow(
      /\(A, B\).*\(prime, near-prime\).*--segment-map/,
    );
    await expect(run(main, HISTORY, '--segment-map', 'A=prime')).rejects.toThrow(
      /--segment-map needs --segment/,
    );
    await expect(
      run(main, HISTORY, '--segment', 'grade', '--into', deal, '--scenario', 'x', '--segment-map', 'A'),
    ).rejects.toThrow(/"A" is not HISTORY=POOL/);
  });

  it('bad arguments exit non-zero with the reason', async () => {
    await expect(run(main)).rejects.toBeInstanceOf(CliError);
    await expect(run(main, HISTORY, '--method', 'magic')).rejects.toThrow(/--method magic/);
    await expect(run(main, HISTORY, '--into', 'x.json')).rejects.toThrow(/--scenario/);
    await expect(run(main, join(dir, 'missing.csv'))).rejects.toThrow(/cannot read/);
  });
});
