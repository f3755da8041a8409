import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DealFileError } from '../../../core/deal/load';
import { loadDeal, readJsonFile } from '../../../core/node/dealFile';
import { minimalDeal } from './minimalDeal';

const dir = mkdtempSync(join(tmpdir(), 'abs-dealfile-'));
function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DealFileError);
    return (e as Error).message;
  }
  throw new Error('expected a DealFileError');
}

describe('loadDeal', () => {
  it('loads a valid deal with its rep-line pool', async () => {
    const p = write('ok.deal.json', '\ufeff' + JSON.stringify(minimalDeal(), null, 2));
    const { deal, pool, file } = await loadDeal(p);
    expect(file).toBe(p);
    expect(deal.name).toBe('Test deal');
    expect(pool.kind).toBe('repLines');
    expect(pool.kind === 'repLines' && pool.lines[0]!.balance).toBe(1_000_000);
  });

  it('names the file, line and column of a JSON syntax error', async () => {
    const p = write('bad.deal.json', '{\n  "schemaVersion": 1,\n  "name": "x",\n}\n');
    expect(await failure(loadDeal(p))).toBe(
      `${p}: line 4, column 1: invalid JSON: unexpected '}': expected a property name in double quotes`,
    );
  });

  it('names the file and field path of a schema error', async () => {
    const doc = minimalDeal();
    (doc.structure as { tranches: { coupon: { rate: unknown } }[] }).tranches[1]!.coupon.rate = null;
    const p = write('schema.deal.json', JSON.stringify(doc));
    expect(await failure(loadDeal(p))).toBe(
      `${p}: structure.tranches[1].coupon.rate: expected number, received null`,
    );
  });

  it('reports a missing file and a directory clearly', async () => {
    expect(await failure(loadDeal(join(dir, 'nope.json')))).toBe(`${join(dir, 'nope.json')}: file not found`);
    expect(await failure(loadDeal(dir))).toBe(`${dir}: not a file`);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const p = write('big.json', JSON.stringify({ pad: 'x'.repeat(3000) }));
    expect(await failure(readJsonFile(p, 1024, 'big.json'))).toBe(
      'big.json: 2.9 KB is over the 1.0 KB limit for this kind of file',
    );
    await expect(readJsonFile(p, 1_000_000)).resolves.toEqual({ pad: 'x'.repeat(3000) });
  });
});
