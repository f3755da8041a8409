import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as priceMain, parsePriceArgs, parseSpread } from '../../../core/node/cli/commands/price';
import { main as solveMain, parseSolveArgs } from '../../../core/node/cli/commands/solve';
import { CliError } from '../../../core/node/cli/errors';
import { setCliLang } from '../../../core/node/cli/lang';
import { fixtureInput } from '../scenario/fixtures';

let file = '';
let curve = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'abs-price-'));
  file = join(dir, 'fixture.deal.json');
  writeFileSync(file, JSON.stringify(fixtureInput));
  curve = join(dir, 'flat.curve.json');
  writeFileSync(
    curve,
    JSON.stringify({
      name: 'flat 2%',
      asOf: '2025-01-31',
      quote: 'zero',
      compounding: 'semiannual',
      pillars: [{ tenor: '1Y', rate: 0.02 }],
    }),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  setCliLang('en');
});

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const code = await run();
  return { code, out };
}

describe('price CLI', () => {
  it('reads spreads in bp or percent, prices and ranges', () => {
    expect(parseSpread('--spread', '150bp')).toBeCloseTo(0.015, 15);
    expect(parseSpread('--spread', '1.5%')).toBeCloseTo(0.015, 15);
    expect(() => parseSpread('--spread', '150')).toThrow(/150bp or 1.5%/);
    const a = parsePriceArgs([
      'd.json',
      '--curve',
      'c.json',
      '--table',
      '--prices',
      '99:100:0.5',
      '--cpr',
      '0,20',
    ]);
    expect(a.rows).toEqual([
      { kind: 'price', clean: 99 },
      { kind: 'price', clean: 99.5 },
      { kind: 'price', clean: 100 },
    ]);
    expect(a.cpr).toEqual([0, 0.2]);
    expect(() => parsePriceArgs(['d.json'])).toThrow(/--curve FILE/);
    expect(() => parsePriceArgs(['d.json', '--curve', 'c', '--price', '99', '--spread', '1%'])).toThrow(
      CliError,
    );
  });

  it('--json: at the class’s own price the yield is the run’s and the Z-spread reprices it', async () => {
    const { code, out } = await capture(() => priceMain([file, '--curve', curve, '--json']));
    expect(code).toBe(0);
    const r = JSON.parse(out) as {
      tranches: { trancheId: string; cleanPrice: number; yield: number; zSpread: number }[];
    };
    expect(r.tranches.map((x) => x.trancheId)).toEqual(['A', 'B', 'C']);
    expect(r.tranches[0]!.cleanPrice).toBe(100);
    const back = await capture(() =>
      priceMain([
        file,
        '--curve',
        curve,
        '--tranche',
        'A',
        '--spread',
        `${r.tranches[0]!.zSpread * 100}%`,
        '--json',
      ]),
    );
    const again = JSON.parse(back.out) as { tranches: { cleanPrice: number }[] };
    expect(again.tranches[0]!.cleanPrice).toBeCloseTo(100, 8);
  });

  it('the table speaks Chinese with --lang zh-CN', async () => {
    setCliLang('zh-CN');
    const { out } = await capture(() => priceMain([file, '--curve', curve, '--table', '--tranche', 'B']));
    expect(out).toContain('价格收益率表');
    expect(out).toContain('Z 利差');
  });
});

describe('solve CLI', () => {
  it('takes exactly one goal', () => {
    expect(parseSolveArgs(['d.json', '--target-yield', 'B', '5']).goal).toEqual({
      kind: 'targetYield',
      tranche: 'B',
      target: 0.05,
    });
    expect(parseSolveArgs(['d.json', '--size', 'A', '--stress', 'cdr:20']).stress).toEqual({
      mode: 'cdr',
      value: 0.2,
    });
    expect(() => parseSolveArgs(['d.json'])).toThrow(/--size, --par-coupon, --target-yield/);
    expect(() => parseSolveArgs(['d.json', '--size', 'A', '--stress', 'x'])).toThrow(/cdr:PCT/);
  });

  it('--size --json answers with the class that absorbs the difference', async () => {
    const { code, out } = await capture(() =>
      solveMain([file, '--size', 'B', '--stress', 'multiple:2', '--step', '5000', '--json']),
    );
    expect(code).toBe(0);
    const a = JSON.parse(out) as { absorbedBy: string; largestSize: number | null; monotone: boolean };
    expect(a.absorbedBy).toBe('C');
    expect(a.largestSize).not.toBeNull();
  });
});
