import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../core/node/cli/commands/import';
import { CliError } from '../../../core/node/cli/errors';
import { takeLangFlag } from '../../../core/node/cli/lang';
import { PoolFile, poolFileToImportedPool } from '../../../core/pool/poolFile';
import { MAPPING_PRESETS, TapeMapping } from '../../../core/io/tape/mapping';
import { poolSummary } from '../../../core/pool/strat';

let dir: string;
let out: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'abs-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  out = [];
});
function capture(): void {
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
}

describe('abs-workbench import', () => {
  it('imports the committed sample: report, summary, pool file and rejects', async () => {
    capture();
    const pool = join(dir, 'pool.json');
    const rejects = join(dir, 'rejects.csv');
    const code = await main(['samples/tapes/sample-tape.csv', '--rejects', rejects, '--out', pool]);
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/encoding: utf-8/);
    expect(text).toMatch(/delimiter: ','/);
    expect(text).toMatch(/mapping: generator/);
    expect(text).toMatch(/rows read: 10000 {2}accepted: 9986 {2}rejected: 14/);
    expect(text).toMatch(/row 715, column 'current_balance': negative-balance/);
    expect(text).toMatch(/pool summary at cut-off 2025-06-30/);
    const pf = PoolFile.parse(JSON.parse(readFileSync(pool, 'utf8')));
    expect(pf.size).toBe(9986);
    expect(pf.provenance).toMatchObject({
      sourceFile: 'samples/tapes/sample-tape.csv',
      rowsRead: 10000,
      accepted: 9986,
      rejected: 14,
    });
    expect(pf.provenance.mapping.name).toBe('generator');
    expect(poolSummary(poolFileToImportedPool(pf)).count).toBe(9986);
    const rej = readFileSync(rejects, 'utf8').trim().split('\r\n');
    expect(rej).toHaveLength(15);
    expect(rej.some((l) => l.includes(`"'=HYPERLINK(`))).toBe(true);
  });

  it('reads the XLSX sample and the Chinese GBK sample', async () => {
    capture();
    expect(await main(['samples/tapes/sample-tape.xlsx', '--sheet', 'Tape'])).toBe(0);
    expect(out.join('')).toMatch(/sheet: Tape/);
    out = [];
    expect(await main(['samples/tapes/sample-tape-cn-gbk.csv', '--json'])).toBe(0);
    const j = JSON.parse(out.join('')) as {
      report: { source: { encoding: string }; accepted: number };
      summary: { count: number };
    };
    expect(j.report.source.encoding).toBe('gb18030');
    expect(j.summary.count).toBe(j.report.accepted);
  });

  it('a saved mapping file is validated and used', async () => {
    capture();
    const m = join(dir, 'm.mapping.json');
    writeFileSync(m, JSON.stringify({ ...MAPPING_PRESETS.generator!, name: 'my-platform' }));
    expect(await main(['samples/tapes/sample-tape.csv', '--mapping', m])).toBe(0);
    expect(out.join('')).toMatch(/mapping: my-platform/);
    writeFileSync(m, JSON.stringify({ name: 'x', columns: { balance: 5 } }));
    await expect(main(['samples/tapes/sample-tape.csv', '--mapping', m])).rejects.toThrow(
      /m\.mapping\.json: not a valid mapping: columns\.balance/,
    );
    await expect(main(['samples/tapes/sample-tape.csv', '--mapping', 'nope'])).rejects.toThrow(
      /unknown mapping preset 'nope'/,
    );
  });

  it('committed mapping files match the built-in presets', () => {
    for (const [name, preset] of Object.entries(MAPPING_PRESETS)) {
      const file = TapeMapping.parse(
        JSON.parse(readFileSync(`samples/tapes/mappings/${name}.mapping.json`, 'utf8')),
      );
      expect(file).toEqual(preset);
    }
  });

  it('unreadable input exits with the file, row/column and reason; column-level problems write no pool', async () => {
    capture();
    await expect(main([join(dir, 'missing.csv')])).rejects.toThrow(
      /missing\.csv: cannot read the tape \(ENOENT\)/,
    );
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'loan_id,current_balance,annual_rate,original_term\nA,"1,2\n');
    await expect(main([broken])).rejects.toThrow(
      /broken\.csv: row 2, column 2: a quoted field is never closed/,
    );
    const amb = join(dir, 'amb.csv');
    writeFileSync(
      amb,
      'Loan ID,Balance,Interest Rate,Original Term,Remaining Term,Origination Date\nA,1,0.1,12,6,03/04/2024\n',
    );
    const pool = join(dir, 'amb-pool.json');
    const err = await main([amb, '--out', pool]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toMatch(/column 'Origination Date'.*dateFormats\.originationDate/);
    expect(existsSync(pool)).toBe(false);
    await expect(main([amb, '--bogus'])).rejects.toThrow(/unknown option --bogus/);
    await expect(main([])).rejects.toThrow(/usage: import/);
  });
});

describe('abs-workbench import of a Chinese platform tape', () => {
  const tape = 'samples/tapes/sample-tape-cn-platform-gbk.csv';
  afterEach(() => takeLangFlag([], {}));

  it('lists each unknown code with its rows and how to map it', async () => {
    capture();
    expect(await main([tape])).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/codes not recognised/);
    expect(text).toMatch(/status '展期' in column '贷款状态': 3 rows/);
    expect(text).toMatch(/repaymentMethod '等本等息' in column '还款方式': 4 rows/);
    expect(text).toMatch(/--map-value status:展期=restructured/);
  });

  it('--map-value maps them for the import and --save-mapping keeps the value map in the mapping file', async () => {
    capture();
    const saved = join(dir, 'cn.mapping.json');
    expect(
      await main([
        tape,
        '--map-value',
        'status:展期=restructured',
        '--map-value',
        'repaymentMethod:等本等息=level-pay',
        '--save-mapping',
        saved,
      ]),
    ).toBe(0);
    expect(out.join('')).not.toMatch(/codes not recognised/);
    const m = TapeMapping.parse(JSON.parse(readFileSync(saved, 'utf8')));
    expect(m.values).toMatchObject({
      status: { 展期: 'restructured' },
      repaymentMethod: { 等本等息: 'level-pay' },
    });
    out = [];
    expect(await main([tape, '--mapping', saved, '--json'])).toBe(0);
    const j = JSON.parse(out.join('')) as {
      report: { unknownValues: unknown[]; byReason: Record<string, number> };
    };
    expect(j.report.unknownValues).toEqual([]);
    expect(j.report.byReason['unknown-status']).toBeUndefined();
    await expect(main([tape, '--map-value', 'status:展期=frozen'])).rejects.toThrow(/'frozen' is not one of/);
    await expect(main([tape, '--map-value', 'colour:x=level-pay'])).rejects.toThrow(
      /expected field:tape value=code/,
    );
  });

  it('prints the report in Chinese under --lang zh-CN', async () => {
    capture();
    takeLangFlag(['--lang', 'zh-CN'], {});
    expect(await main([tape])).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/读取 300 行，接受 287 行，拒绝 13 行/);
    expect(text).toMatch(/无法识别的代码/);
    expect(text).toMatch(/第 57 行，列「贷款状态」：unknown-status：无法识别的贷款状态（原值「展期」）/);
  });
});
