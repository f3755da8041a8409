import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../core/node/cli/commands/run';
import { CliError } from '../../../core/node/cli/errors';
import { minimalDeal } from '../deal/minimalDeal';

const SAMPLE = fileURLToPath(
  new URL('../../../samples/deals/revolving-installment.deal.json', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'abs-run-cli-'));

/** Runs the command in-process, capturing what it writes. */
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
    const code = await main(args);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

async function failure(...args: string[]): Promise<CliError> {
  try {
    await run(...args);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error('expected a CliError');
}

afterEach(() => vi.restoreAllMocks());

describe('abs-workbench run', () => {
  it('prints readable tables with thousands separators and percentages', async () => {
    const { code, out } = await run(SAMPLE);
    expect(code).toBe(0);
    expect(out).toContain('Revolving consumer-installment ABS');
    expect(out).toContain('Initial balance:        800,000,000.00');
    // Defaults run to maturity (issue 22): base CNL passes the 5% test in month 11, so revolving ends after period 10.
    expect(out).toContain('Revolving ended:        period 10');
    // Class A: RMB 600m, 75% of the pool, 5.1% coupon, paid quarterly while the deal revolves and monthly after
    // (the deal calendar). At par a quarterly 5.1% is BEY 2((1 + 0.051/4)^2 − 1) = 5.1325% and mortgage yield
    // 12((1 + 0.051/4)^(1/3) − 1) = 5.0785%; a monthly one 5.1546% and 5.1%: A's four quarterly coupons and then
    // monthly ones land between (5.138% and 5.084%).
    expect(out).toMatch(
      /^A\s+senior\s+AAA\s+600,000,000\.00\s+75\.00%\s+fixed 5\.10%\s+100\.000\s+1\.\d\d\s+\d+-1\d\s+5\.1[34]\d%\s+5\.0[89]\d%/m,
    );
    expect(out).toMatch(/^cnl\s+breached\s+11\s/m);
    // Every run says which default-stop rule it used.
    expect(out).toContain('Default stop:  maturity (defaults run to each loan’s last month)');
    expect(out).toContain('Default stop used:  maturity');
    expect(out).toMatch(/Cash conserved: every period reconciles to the cent/);
  });

  it('--json carries the DESIGN contract fields', async () => {
    const { code, out } = await run(SAMPLE, '--json', '--scenario', 'stress');
    expect(code).toBe(0);
    const r = JSON.parse(out) as {
      scenario: { name: string };
      pool: { periods: Record<string, unknown>[] };
      tranches: (Record<string, unknown> & { cashflows: Record<string, unknown>[] })[];
      checks: { cashConserved: boolean };
      triggerEvents: { id: string }[];
    };
    expect(r.scenario.name).toBe('stress');
    expect(r.checks.cashConserved).toBe(true);
    for (const k of [
      'period',
      'date',
      'beginBalance',
      'scheduledPrincipal',
      'prepayment',
      'default',
      'loss',
      'recovery',
      'interest',
      'endBalance',
    ]) {
      expect(r.pool.periods[0]).toHaveProperty(k);
    }
    for (const k of [
      'id',
      'originalBalance',
      'price',
      'paymentDelayDays',
      'wal',
      'yield',
      'mortgageYield',
      'macaulayDuration',
      'modifiedDuration',
      'convexity',
      'principalLoss',
      'interestShortfall',
    ]) {
      expect(r.tranches[0]).toHaveProperty(k);
    }
    for (const k of ['period', 'date', 'interest', 'principal', 'balance', 'writedown']) {
      expect(r.tranches[0]!.cashflows[0]).toHaveProperty(k);
    }
    expect(r.tranches.map((t) => t.id)).toEqual(['A', 'B', 'S']);
    expect(r.tranches[0]!.originalBalance).toBe(600_000_000);
    expect(r.triggerEvents.map((e) => e.id)).toContain('cnl');
    // Money is rounded to cents.
    for (const p of r.pool.periods)
      expect(Math.round((p.endBalance as number) * 100) / 100).toBe(p.endBalance as number);
  });

  it('--scenario with an unknown name lists the available ones', async () => {
    const e = await failure(SAMPLE, '--scenario', 'nope');
    expect(e.message).toBe(`${SAMPLE}: no scenario 'nope'; available: base, stress, severe`);
    expect(e.exitCode).toBe(1);
  });

  it('bad deal files fail with the file, the field path and the reason', async () => {
    const doc = minimalDeal();
    (doc.structure as { tranches: { coupon: { rate: unknown } }[] }).tranches[1]!.coupon.rate = '7.3%';
    const bad = join(dir, 'bad.deal.json');
    writeFileSync(bad, JSON.stringify(doc));
    expect((await failure(bad)).message).toBe(
      `${bad}: structure.tranches[1].coupon.rate: expected number, received string`,
    );
    const broken = join(dir, 'broken.deal.json');
    writeFileSync(broken, '{\n  "name": "x",,\n}');
    expect((await failure(broken)).message).toBe(
      `${broken}: line 2, column 15: invalid JSON: unexpected ',': expected a property name in double quotes`,
    );
    expect((await failure(join(dir, 'missing.json'))).message).toBe(
      `${join(dir, 'missing.json')}: file not found`,
    );
  });

  it('rejects bad arguments with usage and exit code 2', async () => {
    const none = await failure();
    expect(none.exitCode).toBe(2);
    expect(none.message).toMatch(/^no deal file given/);
    const unknown = await failure(SAMPLE, '--csv');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toMatch(/^unknown option '--csv'/);
    expect((await failure(SAMPLE, '--scenario')).message).toMatch(/^--scenario needs a value/);
    // Several deal files run one after another (issue 17), but one workbook holds one deal's report.
    expect((await failure(SAMPLE, SAMPLE, '--xlsx', 'x.xlsx')).message).toMatch(
      /^--xlsx writes one deal’s report/,
    );
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: abs-workbench run <deal\.json>/);
  });

  it('--xlsx writes the Excel report (a zip) and reports the file', async () => {
    const file = join(dir, 'report.xlsx');
    const { code, out } = await run(SAMPLE, `--xlsx=${file}`);
    expect(code).toBe(0);
    expect(out).toContain(`Excel report written to ${file}`);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
    const e = await failure(SAMPLE, '--xlsx', join(dir, 'no-such-dir', 'r.xlsx'));
    expect(e.message).toBe(
      `${join(dir, 'no-such-dir', 'r.xlsx')}: cannot write the Excel report: folder does not exist`,
    );
  });
});
