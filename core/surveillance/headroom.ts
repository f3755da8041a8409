/**
 * Trigger headroom month by month: how far each of the deal's triggers stood from its threshold on each
 * servicer report, and when each scenario's run projects it to breach. A trigger's value is the report's own
 * test result when the report gives one (trustees state them: 累计违约率, 超额利差 …); else it is measured from
 * the reports the way the engine measures it: cumulative net loss over the initial pool, the pool over the notes
 * outstanding before the distribution (OC ratio), the annualised excess spread averaged over the trigger's
 * window of periods completed before the one tested. A delinquency
 * trigger has no measure from a report without its stated value.
 * Headroom is positive while the trigger holds: threshold − value for a trigger breached above its threshold
 * (CNL, delinquency), value − threshold for one breached below it (excess spread, OC ratio).
 */
import type { Trigger } from '../deal/schema';
import type { RunResult } from '../result';
import { thresholdAt } from '../structure/triggers';
import type { ComparisonRow } from './compare';
import type { ServicerReport } from './servicerReport';

export interface HeadroomCell {
  trigger: string;
  period: number;
  value: number | null;
  threshold: number | null;
  headroom: number | null;
  /** Where the value comes from: the report's stated test, or measured from its figures. */
  source: 'reported' | 'measured' | 'none';
  breached: boolean;
}

const below = (t: Trigger): boolean => t.test.type === 'excessSpread' || t.test.type === 'ocRatio';

export function triggerHeadroom(
  triggers: readonly Trigger[],
  reports: readonly ServicerReport[],
  rows: readonly ComparisonRow[],
): HeadroomCell[] {
  const sorted = [...reports].sort((a, b) => a.period - b.period);
  const out: HeadroomCell[] = [];
  for (const tr of triggers) {
    sorted.forEach((rep, i) => {
      const stated = rep.triggers.find((x) => x.id === tr.id);
      let value: number | null = stated?.value ?? null;
      let source: HeadroomCell['source'] = stated ? 'reported' : 'none';
      if (value === null) {
        value = measured(tr, sorted, rows, i);
        if (value !== null) source = 'measured';
      }
      const threshold = thresholdAt(tr, rep.period);
      const headroom =
        value === null || threshold === null ? null : below(tr) ? value - threshold : threshold - value;
      out.push({
        trigger: tr.id,
        period: rep.period,
        value,
        threshold,
        headroom,
        source,
        breached: stated?.breached ?? (headroom !== null && headroom < 0),
      });
    });
  }
  return out;
}

function measured(
  tr: Trigger,
  reports: readonly ServicerReport[],
  rows: readonly ComparisonRow[],
  i: number,
): number | null {
  const t = tr.test;
  const row = rows.find((r) => r.period === reports[i]!.period);
  switch (t.type) {
    case 'cumulativeNetLoss':
      return row?.actual.cumulativeNetLoss ?? null;
    case 'ocRatio': {
      // Measured before this period's distribution: the pool and the notes after the previous one.
      const prev = reports[i - 1];
      const rep = reports[i]!;
      const pool = prev ? prev.pool.endBalance : rep.pool.beginBalance;
      const notes = (prev ?? rep).classes.reduce((s, c) => s + (prev ? c.endBalance : c.beginBalance), 0);
      return pool > 0 && notes > 0 ? pool / notes : null;
    }
    case 'excessSpread': {
      const window: number[] = [];
      // As the engine tests it: the periods completed before this one (none before the second report).
      for (let k = Math.max(0, i - t.averageMonths); k < i; k++) {
        const r = rows.find((x) => x.period === reports[k]!.period);
        if (r?.actual.excessSpread !== null && r?.actual.excessSpread !== undefined)
          window.push(r.actual.excessSpread);
      }
      return window.length > 0 ? window.reduce((s, x) => s + x, 0) / window.length : null;
    }
    case 'delinquency':
      return null;
  }
}

/** Each scenario's first projected breach of each trigger (period and date), or null when it never breaches. */
export function projectedBreaches(
  triggers: readonly Trigger[],
  runs: readonly RunResult[],
): { scenario: string; trigger: string; period: number | null; date: string | null }[] {
  const out: { scenario: string; trigger: string; period: number | null; date: string | null }[] = [];
  for (const run of runs)
    for (const tr of triggers) {
      const e = run.triggerEvents.find((x) => x.id === tr.id && x.kind === 'breached');
      out.push({
        scenario: run.scenario.name,
        trigger: tr.id,
        period: e?.period ?? null,
        date: e?.date ?? null,
      });
    }
  return out;
}
