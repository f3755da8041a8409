/**
 * The Surveillance screen's re-projection (renderer/engine/surveillanceAdapter.ts `reprojectFrom`, on
 * core/surveillance/reprojection.ts) is the run `abs-workbench surveil --reproject --json` prints: the sample deal
 * with its nine servicer reports appended, restarted after the last one, under the same scenario.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDeal } from '../../../core/deal/load';
import type { Deal } from '../../../core/deal/schema';
import { main } from '../../../core/node/cli/commands/surveil';
import { takeLangFlag } from '../../../core/node/cli/lang';
import type { PoolInput } from '../../../core/projection/project';
import { runDeal } from '../../../core/run';
import type { ReprojectionOutlook } from '../../../core/surveillance/reprojection';
import { reprojectFrom } from '../../../renderer/engine/surveillanceAdapter';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const REPORTS = here('../../../samples/surveillance/level-pay-consumer');

async function cli(...args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    expect(await main(args)).toBe(0);
    return out;
  } finally {
    vi.restoreAllMocks();
  }
}

interface CashflowJson {
  period: number;
  date: string;
  principal: number;
  balance: number;
}
interface CliReprojection {
  scenario: string;
  state: {
    period: number;
    date: string;
    pool: { endBalance: number };
    classes: { id: string; balance: number }[];
  };
  pool: { periods: { period: number; date: string; endBalance: number; cumulativeNetLossPct: number }[] };
  tranches: { id: string; principalLoss: number; interestShortfall: number; cashflows: CashflowJson[] }[];
  checks: { cashConserved: boolean };
}

/**
 * 30/360 years between two payment dates on the 15th (no month-end adjustment applies): the SIFMA WAL clock, here
 * started on the report date, the settlement of a trade in the class that day.
 */
function years30360(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)) / 360;
}

/** WAL = Σ t × principal / Σ principal over the flows after the report date (the deal pays with no delay). */
function walFrom(asOf: string, flows: readonly CashflowJson[]): number | null {
  let weighted = 0;
  let total = 0;
  for (const f of flows)
    if (f.date > asOf && f.principal > 0) {
      weighted += years30360(asOf, f.date) * f.principal;
      total += f.principal;
    }
  return total > 0 ? weighted / total : null;
}

const toCents = (x: number): number => Math.round(x * 100);

afterEach(() => {
  takeLangFlag([], {});
});

describe('the re-projection on the Surveillance screen', () => {
  let deal: Deal;
  let pool: PoolInput;
  let printed: CliReprojection;
  let screen: ReprojectionOutlook;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reproject-'));
    const file = join(dir, 'level-pay-consumer.deal.json');
    copyFileSync(here('../../../samples/deals/level-pay-consumer.deal.json'), file);
    // The screen re-projects from the reports kept in the deal file: append them, then re-project from the file.
    await cli(file, '--reports', REPORTS, '--append');
    printed = JSON.parse(await cli(file, '--reproject', '--scenario', 'stress', '--json')) as CliReprojection;
    deal = parseDeal(JSON.parse(readFileSync(file, 'utf8')), file);
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    pool = { kind: 'repLines', lines: deal.pool.lines };
    screen = reprojectFrom({ deal, loans: null, scenario: 'stress' }, pool);
  });

  it('restarts from the same state as the CLI: the last report (period 9), its class balances and pool', () => {
    expect(deal.surveillance?.reports).toHaveLength(9);
    expect(screen.scenario).toBe(printed.scenario);
    expect(screen.period).toBe(9);
    expect(screen.period).toBe(printed.state.period);
    expect(screen.date).toBe(printed.state.date);
    expect(screen.cashConserved).toBe(printed.checks.cashConserved);
    for (const c of screen.classes)
      expect(c.reprojected.balance).toBe(printed.state.classes.find((x) => x.id === c.id)!.balance);
    expect(screen.path[0]).toMatchObject({ date: printed.state.date, pool: printed.state.pool.endBalance });
    expect(toCents(screen.path[0]!.notes!)).toBe(
      printed.state.classes.reduce((s, c) => s + toCents(c.balance), 0),
    );
  });

  it("gives each class the CLI's principal loss and interest shortfall, and its WAL from the report date", () => {
    for (const tr of printed.tranches) {
      const c = screen.classes.find((x) => x.id === tr.id)!;
      expect(c.reprojected.principalLoss).toBe(tr.principalLoss);
      expect(c.reprojected.interestShortfall).toBe(tr.interestShortfall);
      const expected = walFrom(printed.state.date, tr.cashflows);
      if (expected === null) expect(c.reprojected.wal).toBeNull();
      else expect(c.reprojected.wal).toBeCloseTo(expected, 12);
      const paying = tr.cashflows.filter((f) => f.principal > 0);
      expect(c.reprojected.lastPrincipal).toBe(paying.length > 0 ? paying[paying.length - 1]!.period : null);
    }
  });

  it("sets the CLI's pool and notes outstanding period by period beside the closing run's", () => {
    const closing = runDeal(deal, pool, { scenario: 'stress', analytics: false });
    for (const p of printed.pool.periods) {
      const point = screen.path.find((x) => x.date === p.date)!;
      expect(point.pool).toBe(p.endBalance);
      const i = printed.pool.periods.indexOf(p);
      expect(toCents(point.notes!)).toBe(
        printed.tranches.reduce((s, tr) => s + toCents(tr.cashflows[i]!.balance), 0),
      );
      const atClosing = closing.pool.periods.find((x) => x.date === p.date);
      expect(point.closingPool).toBe(atClosing?.endBalance ?? null);
    }
    expect(screen.cnl.reprojected).toBe(
      printed.pool.periods[printed.pool.periods.length - 1]!.cumulativeNetLossPct,
    );
    expect(screen.cnl.closing).toBe(
      closing.pool.periods[closing.pool.periods.length - 1]!.cumulativeNetLossPct,
    );
  });

  it('measures the closing side from the same date: its balance then and its WAL from then', () => {
    const closing = runDeal(deal, pool, { scenario: 'stress', analytics: false });
    for (const tr of closing.tranches) {
      const c = screen.classes.find((x) => x.id === tr.id)!;
      expect(c.closing.balance).toBe(tr.cashflows.find((f) => f.period === screen.period)!.balance);
      const expected = walFrom(screen.date, tr.cashflows);
      if (expected === null) expect(c.closing.wal).toBeNull();
      else expect(c.closing.wal).toBeCloseTo(expected, 12);
      expect(c.closing.principalLoss).toBe(tr.principalLoss);
      expect(c.closing.interestShortfall).toBe(tr.interestShortfall);
    }
  });
});
