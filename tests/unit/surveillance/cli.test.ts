/** `abs-workbench surveil`: the sample's reports against the closing run, and a report that does not add up refused. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../core/node/cli/commands/surveil';
import { takeLangFlag } from '../../../core/node/cli/lang';

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
  it('the sample: defaults running 1.4 × the pricing case show above it every month, and CNL headroom shrinks', async () => {
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
      expect(p.actual.cdr / p.projected.cdr).toBeCloseTo(1.4, 2);
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
