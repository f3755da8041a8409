/** `abs-workbench surveil --reproject`: the sample deal re-projected from its ninth servicer report, in both languages. */
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

interface Reprojection {
  kind: string;
  scenario: string;
  state: { period: number; pool: { endBalance: number }; classes: { id: string; balance: number }[] };
  pool: { periods: { period: number; beginBalance: number }[] };
  tranches: { id: string; cashflows: { period: number; beginBalance: number }[] }[];
  checks: { cashConserved: boolean };
}

describe('surveil --reproject', () => {
  it('restarts after the last report (period 9) from the balances it published', async () => {
    const { code, out } = await run(
      DEAL,
      '--reports',
      REPORTS,
      '--reproject',
      '--scenario',
      'stress',
      '--json',
    );
    expect(code).toBe(0);
    const j = JSON.parse(out) as Reprojection;
    expect(j.kind).toBe('reprojection');
    expect(j.scenario).toBe('stress');
    expect(j.state.period).toBe(9);
    expect(j.pool.periods[0]!.period).toBe(10);
    // The pool restarts from the balance the trustee reported, and each class from its reported balance.
    expect(j.pool.periods[0]!.beginBalance).toBeCloseTo(j.state.pool.endBalance, 2);
    for (const tr of j.tranches) {
      const reported = j.state.classes.find((c) => c.id === tr.id)!.balance;
      expect(tr.cashflows[0]!.beginBalance).toBe(reported);
    }
    expect(j.checks.cashConserved).toBe(true);
  });

  it('prints in Chinese with --lang zh-CN, naming what the reports did not publish', async () => {
    takeLangFlag(['--lang', 'zh-CN'], {});
    const { code, out } = await run(DEAL, '--reports', REPORTS, '--reproject');
    expect(code).toBe(0);
    expect(out).toContain('自第 9 期');
    expect(out).toContain('报告未披露、取自其他来源的项目');
    expect(out).toContain('储备账户：按目标余额');
    expect(out).not.toMatch(/\bnone\b|Re-projection/);
  });
});
