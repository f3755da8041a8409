/** `abs-workbench surveil`: the sample's reports against the closing run, and a report that does not add up refused. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../core/node/cli/commands/surveil';
import { takeLangFlag } from '../../../core/node/cli/lang';
import { sampleReports, sampleRun } from './fixtures';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const DEAL = here('../../../samples/deals/level-pay-consumer.deal.json');
const REPORTS = here('../../../samples/surveillance/level-pay-consumer');

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    return { code: await main(args), out };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  takeLangFlag([], {});
});

describe('surveil CLI', () => {
  it('the sample: defaults at 1.4 × the pricing CDR show above it every month, and CNL headroom shrinks', async () => {
    const { code, out } = await run(DEAL, '--reports', REPORTS, '--json');
    expect(code).toBe(0);
    const j = JSON.parse(out) as {
      periods: {
        period: number;
        actual: { cumulativeNetLoss: number; cdr: number };
        projected: { cumulativeNetLoss: number; cdr: number };
      }[];
      triggerHeadroom: { trigger: string; period: number; headroom: number }[];
      projectedBreaches: { scenario: string; trigger: string; period: number | null }[];
    };
    expect(j.periods.map((p) => p.period)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const p of j.periods) {
      // The sample's pool runs at 1.4 × the pricing CDR: the ratio holds to the rounding of its cents.
      expect(p.actual.cdr / p.projected.cdr).toBeCloseTo(1.4, 7);
      expect(p.actual.cumulativeNetLoss).toBeGreaterThan(p.projected.cumulativeNetLoss);
    }
    const cnl = j.triggerHeadroom.filter((h) => h.trigger === 'cnl').map((h) => h.headroom);
    expect(cnl.every((h, i) => i === 0 || h < cnl[i - 1]!)).toBe(true);
    expect(j.projectedBreaches.map((b) => b.scenario)).toEqual(['base', 'stress', 'severe']);
  });

  it('the last report is a Chinese item/value CSV; the text output is Chinese with --lang zh-CN', async () => {
    takeLangFlag(['--lang', 'zh-CN'], {});
    const { out } = await run(DEAL, '--reports', REPORTS);
    expect(out).toContain('实际与预测对比');
    expect(out).toContain('触发事件余量');
  });

  it('a report that does not reconcile is refused with file, period and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abs-surveil-'));
    cpSync(REPORTS, dir, { recursive: true });
    const file = join(dir, 'report-03.json');
    const r = JSON.parse(readFileSync(file, 'utf8')) as { pool: { endBalance: number } };
    r.pool.endBalance += 1;
    writeFileSync(file, JSON.stringify(r));
    await expect(run(DEAL, '--reports', dir)).rejects.toThrow(
      /report-03\.json: period 3 \(2025-06-15\): pool\.endBalance: the pool does not roll forward[\s\S]*report-04\.json: period 4 \(2025-07-15\): pool\.beginBalance/,
    );
  });
});

describe('surveil --append and the stored history', () => {
  const copyDeal = (): { dir: string; deal: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'abs-surveil-append-'));
    const deal = join(dir, 'deal.json');
    cpSync(DEAL, deal);
    return { dir, deal };
  };

  it('round trip: append the folder, then surveil from the deal file alone gives the same comparison', async () => {
    const { deal } = copyDeal();
    const direct = JSON.parse((await run(DEAL, '--reports', REPORTS, '--json')).out) as Record<
      string,
      unknown
    >;
    const appended = JSON.parse((await run(deal, '--reports', REPORTS, '--append', '--json')).out) as Record<
      string,
      unknown
    >;
    expect(appended.appended).toEqual({ file: deal, periods: [1, 2, 3, 4, 5, 6, 7, 8, 9], alreadyHeld: [] });
    const stored = JSON.parse(readFileSync(deal, 'utf8')) as {
      surveillance: { reports: { period: number }[] };
    };
    expect(stored.surveillance.reports.map((r) => r.period)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const fromDeal = JSON.parse((await run(deal, '--json')).out) as Record<string, unknown>;
    for (const key of ['reports', 'periods', 'triggerHeadroom', 'projectedBreaches'])
      expect(fromDeal[key]).toEqual(direct[key]);
    expect(fromDeal.periods).toEqual(appended.periods);
    // Appending the same folder again changes nothing and says so.
    const before = readFileSync(deal, 'utf8');
    const again = await run(deal, '--reports', REPORTS, '--append');
    expect(again.out).toContain('periods 1, 2, 3, 4, 5, 6, 7, 8, 9: the same report is already in');
    expect(readFileSync(deal, 'utf8')).toBe(before);
  });

  it('a refused batch leaves the deal file as it was, every problem named by file, month and field', async () => {
    const { dir, deal } = copyDeal();
    const reports = join(dir, 'reports');
    cpSync(REPORTS, reports, { recursive: true });
    const file = join(reports, 'report-05.json');
    const r = JSON.parse(readFileSync(file, 'utf8')) as { classes: { id: string }[] };
    r.classes[1]!.id = 'B2';
    writeFileSync(file, JSON.stringify(r));
    const before = readFileSync(deal, 'utf8');
    await expect(run(deal, '--reports', reports, '--append')).rejects.toThrow(
      /nothing was appended[\s\S]*report-05\.json: period 5 \(2025-08-15\): classes\.B2: class 'B2' is not a class of the deal[\s\S]*report-06\.json: period 6 \(2025-09-15\): classes\.B2/,
    );
    expect(readFileSync(deal, 'utf8')).toBe(before);
  });

  it('an unreadable workbook and a broken JSON file are both listed: one does not hide the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abs-surveil-bad-'));
    cpSync(join(REPORTS, 'report-01.json'), join(dir, 'report-01.json'));
    writeFileSync(join(dir, 'report-02.xlsx'), 'not a workbook');
    writeFileSync(join(dir, 'report-03.json'), '{"period": 3,');
    await expect(run(DEAL, '--reports', dir)).rejects.toThrow(
      /cannot be read \(2 problems\)[\s\S]*report-02\.xlsx: not an Excel workbook[\s\S]*report-03\.json: line 1, column 14: invalid JSON/,
    );
  });

  it('surveil on a deal with no history asks for reports', async () => {
    await expect(run(DEAL)).rejects.toThrow(/holds no servicer report yet: give --reports DIR/);
  });

  it('--refit NAME --into writes the re-fitted scenario, with its provenance, into the deal file', async () => {
    const { deal } = copyDeal();
    await run(deal, '--reports', REPORTS, '--append');
    const { out } = await run(deal, '--refit', 'actuals', '--into', deal, '--json');
    const j = JSON.parse(out) as { refit: { defaultRatio: number; prepaymentRatio: number; months: number } };
    // Actual / expected to date: the sample's reported defaults and prepayments over the pricing run's, months
    // 1–9 (the sample defaults at 1.4 × the pricing CDR, so its amounts run near 1.4 ×; its CPR is the pricing
    // one on a smaller pool, so its prepayments run a little under).
    const reports = sampleReports();
    const pricing = sampleRun('level-pay-consumer.deal.json').pool.periods.slice(0, 9);
    const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
    const ae = sum(reports.map((r) => r.pool.defaults)) / sum(pricing.map((p) => p.default));
    expect(j.refit.defaultRatio).toBeCloseTo(ae, 8);
    expect(j.refit.defaultRatio).toBeCloseTo(1.4, 1);
    expect(j.refit.prepaymentRatio).toBeCloseTo(
      sum(reports.map((r) => r.pool.prepayments)) / sum(pricing.map((p) => p.prepayment)),
      8,
    );
    expect(j.refit.prepaymentRatio).toBeLessThan(1);
    const written = JSON.parse(readFileSync(deal, 'utf8')) as {
      scenarios: { name: string; provenance?: { source: string; reports: number[]; baseScenario: string } }[];
    };
    const s = written.scenarios.find((x) => x.name === 'actuals')!;
    expect(s.provenance).toMatchObject({
      source: 'servicer-reports',
      reports: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      baseScenario: 'base',
    });
    const text = await run(deal, '--refit', 'actuals', '--scenario', 'base');
    expect(text.out).toContain(`defaults × ${ae.toFixed(4)}`);
    expect(text.out).toContain('not written anywhere');
  });
});
