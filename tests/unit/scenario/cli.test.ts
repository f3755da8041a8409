import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as breakevenMain } from '../../../core/node/cli/commands/breakeven';
import { main as gridMain, parseGridArgs } from '../../../core/node/cli/commands/grid';
import { CliError } from '../../../core/node/cli/errors';
import { fixtureInput } from './fixtures';

let file = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'abs-grid-'));
  file = join(dir, 'fixture.deal.json');
  writeFileSync(file, JSON.stringify(fixtureInput));
});
afterEach(() => vi.restoreAllMocks());

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const code = await run();
  return { code, out };
}

describe('grid CLI', () => {
  it('parses percent ranges into decimal axes; first axis is the rows', () => {
    const a = parseGridArgs(['d.json', '--cdr', '0:20:1', '--cpr', '5:15:5', '--metric', 'wal']);
    expect(a.spec.y).toEqual({ kind: 'cdr', from: 0, to: 0.2, step: 0.01 });
    expect(a.spec.x).toEqual({ kind: 'cpr', from: 0.05, to: 0.15, step: 0.05 });
    expect(a.spec.metric).toBe('wal');
    expect(parseGridArgs(['d.json', '--loss-multiple', '1:3:1', '--abs', '1:2:1']).spec.y.to).toBe(3);
    expect(() => parseGridArgs(['d.json', '--cdr', '0:20:1'])).toThrow(CliError);
    expect(() => parseGridArgs(['d.json', '--cdr', '0:x:1', '--cpr', '1'])).toThrow(/FROM:TO:STEP/);
    expect(() => parseGridArgs(['d.json', '--cdr', '0:2:1', '--cpr', '1', '--metric', 'irr'])).toThrow(
      /--metric/,
    );
  });

  it('prints a readable table that parses back into the grid', async () => {
    const { code, out } = await capture(() =>
      gridMain([file, '--cdr', '0:40:20', '--cpr', '0:20:10', '--tranche', 'C', '--workers', '0']),
    );
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/Principal loss .* class C, scenario base/);
    expect(lines[1]!.split(/\s{2,}/)).toEqual(['CDR \\ CPR', '0%', '10%', '20%']);
    const rows = lines.slice(2).map((l) => l.trim().split(/\s{2,}/));
    expect(rows.map((r) => r[0])).toEqual(['0%', '20%', '40%']);
    const values = rows.map((r) => r.slice(1).map((v) => Number(v.replace('%', '')) / 100));
    expect(values[0]).toEqual([0, 0, 0]);
    expect(values[2]![0]!).toBeGreaterThan(0.5); // 40% CDR wipes out most of the subordinated class
    for (let ix = 0; ix < 3; ix++) expect(values[2]![ix]!).toBeGreaterThanOrEqual(values[1]![ix]!);
  });

  it('--json gives the matrix and every cell with every class', async () => {
    const { out } = await capture(() =>
      gridMain([file, '--cdr', '0:40:20', '--cpr', '0:20:10', '--tranche', 'C', '--workers', '0', '--json']),
    );
    const j = JSON.parse(out) as {
      rows: { axis: string; values: number[] };
      columns: { values: number[] };
      matrix: number[][];
      cells: { tranches: Record<string, { lossPct: number }> }[];
    };
    expect(j.rows).toEqual({ axis: 'cdr', values: [0, 0.2, 0.4] });
    expect(j.columns.values).toEqual([0, 0.1, 0.2]);
    expect(j.matrix[2]![1]).toBe(j.cells[7]!.tranches.C!.lossPct);
    expect(Object.keys(j.cells[0]!.tranches)).toEqual(['A', 'B', 'C']);
  });

  it('bad input fails with a message naming the problem', async () => {
    await expect(
      gridMain([file, '--cdr', '0:40:20', '--cpr', '0:20:10', '--tranche', 'Z', '--workers', '0']),
    ).rejects.toThrow(/no tranche 'Z'/);
    await expect(
      gridMain([join(tmpdir(), 'missing.deal.json'), '--cdr', '0:1:1', '--cpr', '0']),
    ).rejects.toThrow(/missing\.deal\.json: file not found/);
  });
});

describe('breakeven CLI', () => {
  it('--tranche all --json gives an answer per class, senior ≥ junior', async () => {
    const { code, out } = await capture(() =>
      breakevenMain([file, '--tranche', 'all', '--mode', 'cdr', '--json']),
    );
    expect(code).toBe(0);
    const j = JSON.parse(out) as { tranches: { trancheId: string; answers: { breakeven: number }[] }[] };
    const be = j.tranches.map((t) => t.answers[0]!.breakeven);
    expect(j.tranches.map((t) => t.trancheId)).toEqual(['A', 'B', 'C']);
    expect(be[0]!).toBeGreaterThanOrEqual(be[1]!);
    expect(be[1]!).toBeGreaterThanOrEqual(be[2]!);
    // On the 0.0001 lattice.
    for (const b of be) expect(Math.abs(b * 1e4 - Math.round(b * 1e4))).toBeLessThan(1e-6);
  });

  it('prints a table and requires --tranche', async () => {
    const { out } = await capture(() => breakevenMain([file, '--tranche', 'B', '--mode', 'multiple']));
    expect(out).toMatch(/Multiple break-even/);
    expect(out.split('\n')[2]).toMatch(/^B\s+\d+\.\d\dx/);
    await expect(breakevenMain([file])).rejects.toThrow(/--tranche/);
  });
});
