/**
 * Trigger headroom from servicer reports: measured the way the engine measures it when the report states no
 * test, so a servicer reporting exactly the run shows the run's breach in the same month; a stated test wins;
 * each scenario's first projected breach comes from its own run.
 */
import { describe, expect, it } from 'vitest';
import { actualAgainstProjected } from '../../../core/surveillance/compare';
import { projectedBreaches, triggerHeadroom } from '../../../core/surveillance/headroom';
import { ServicerReport } from '../../../core/surveillance/servicerReport';
import { reportsOf, sampleDeal, sampleRun } from './fixtures';

const FILE = 'revolving-installment.deal.json';

describe('trigger headroom', () => {
  const deal = sampleDeal(FILE);
  const run = sampleRun(FILE);
  const reports = reportsOf(run, 14);
  const rows = actualAgainstProjected(run, reports);
  const cells = triggerHeadroom(deal.structure.triggers, reports, rows);

  it('CNL headroom = threshold in force − cumulative net loss, breached in the month the run breaches', () => {
    const cnl = cells.filter((c) => c.trigger === 'cnl');
    expect(cnl).toHaveLength(14);
    for (const c of cnl) {
      const row = run.pool.periods[c.period - 1]!;
      expect(c.source).toBe('measured');
      expect(c.value!).toBeCloseTo(row.cumulativeNetLossPct, 9);
      expect(c.headroom!).toBeCloseTo(c.threshold! - row.cumulativeNetLossPct, 9);
    }
    const firstBreach = cnl.find((c) => c.breached)?.period ?? null;
    const engine = run.triggerEvents.find((e) => e.id === 'cnl' && e.kind === 'breached')?.period ?? null;
    expect(engine).not.toBeNull();
    expect(firstBreach).toBe(engine);
  });

  it('a test the report states is taken as stated', () => {
    const stated = reports.map((r, i) =>
      i === 2 ? ServicerReport.parse({ ...r, triggers: [{ id: 'cnl', value: 0.031, breached: true }] }) : r,
    );
    const c = triggerHeadroom(deal.structure.triggers, stated, rows).find(
      (x) => x.trigger === 'cnl' && x.period === 3,
    )!;
    expect(c).toMatchObject({ source: 'reported', value: 0.031, threshold: 0.03, breached: true });
    expect(c.headroom!).toBeCloseTo(-0.001, 12);
  });

  it('each scenario’s first projected breach is its own run’s', () => {
    const runs = deal.scenarios.map((s) => sampleRun(FILE, s.name));
    const b = projectedBreaches(deal.structure.triggers, runs);
    expect(b).toHaveLength(deal.scenarios.length * deal.structure.triggers.length);
    for (const r of runs) {
      const first = r.triggerEvents.find((e) => e.id === 'cnl' && e.kind === 'breached');
      expect(b.find((x) => x.scenario === r.scenario.name && x.trigger === 'cnl')!.period).toBe(
        first?.period ?? null,
      );
    }
    // A harsher scenario breaches no later than the base.
    const at = (s: string): number =>
      b.find((x) => x.scenario === s && x.trigger === 'cnl')!.period ?? Infinity;
    expect(at('severe')).toBeLessThanOrEqual(at('base'));
  });
});
