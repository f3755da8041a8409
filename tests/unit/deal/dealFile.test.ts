import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DealFileError } from '../../../core/deal/load';
import { loadDeal, readJsonFile } from '../../../core/node/dealFile';
import type { LoanPool } from '../../../core/pool/loanPool';
import { loanPoolToPoolFile } from '../../../core/pool/poolFile';
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

  it('resolves a pool file relative to the deal file', async () => {
    const loans: LoanPool = {
      size: 2,
      ids: ['a', 'b'],
      product: Uint8Array.from([0, 0]),
      segment: Uint16Array.from([0, 0]),
      segmentNames: ['all'],
      balance: Float64Array.from([1000, 2500]),
      originalBalance: Float64Array.from([1200, 2500]),
      rate: Float64Array.from([0.12, 0.2]),
      monthlyFeeRate: Float64Array.from([0, 0]),
      originalTerm: Uint16Array.from([12, 24]),
      remainingTerm: Uint16Array.from([10, 24]),
      paymentRate: Float64Array.from([0, 0]),
    };
    const provenance = {
      sourceFile: 'tape.csv',
      format: 'csv' as const,
      mapping: {
        name: 'test',
        columns: {},
        dateFormats: {},
        rateScale: {},
        maxRate: 1,
        statusCodes: {},
        productCodes: {},
        defaults: {},
      },
      importedAt: '2025-01-31T00:00:00Z',
      rowsRead: 2,
      accepted: 2,
      rejected: 0,
      byReason: {},
      rules: [],
    };
    const sub = mkdtempSync(join(dir, 'pooled-'));
    writeFileSync(
      join(sub, 'pool.json'),
      JSON.stringify(loanPoolToPoolFile(loans, provenance as never, '2025-01-31')),
    );
    const doc = { ...minimalDeal(), pool: { kind: 'file', path: 'pool.json' } };
    const p = join(sub, 'deal.json');
    writeFileSync(p, JSON.stringify(doc));
    const { pool } = await loadDeal(p);
    expect(pool.kind).toBe('loans');
    if (pool.kind !== 'loans') return;
    expect(pool.pool.size).toBe(2);
    expect(Array.from(pool.pool.balance)).toEqual([1000, 2500]);

    writeFileSync(
      join(sub, 'deal2.json'),
      JSON.stringify({ ...doc, pool: { kind: 'file', path: 'missing.json' } }),
    );
    expect(await failure(loadDeal(join(sub, 'deal2.json')))).toBe(
      `${join(sub, 'missing.json')}: file not found`,
    );
    writeFileSync(join(sub, 'bad-pool.json'), JSON.stringify({ schemaVersion: 1, kind: 'loanPool' }));
    writeFileSync(
      join(sub, 'deal3.json'),
      JSON.stringify({ ...doc, pool: { kind: 'file', path: 'bad-pool.json' } }),
    );
    expect(await failure(loadDeal(join(sub, 'deal3.json')))).toMatch(/bad-pool\.json: cutoffDate: /);
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
