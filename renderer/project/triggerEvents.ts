/**
 * Trigger events as the Results screen lists them: the trigger's name (its id only when it has none) and the
 * measured value against its threshold in the units the Structure screen edits them in, percent for a loss,
 * delinquency or excess-spread test and × for an OC ratio. The engine reports ids and raw ratios
 * (0.0324 / 0.0300).
 */
import type { Deal } from '../../core/deal/schema';
import type { TriggerEvent } from '../../core/result';
import { pct } from '../format';

export interface TriggerEventRow {
  /** Unique per row, for the grid. */
  key: string;
  trigger: string;
  event: 'breached' | 'cured';
  period: number;
  date: string;
  value: string;
  threshold: string;
}

export function triggerEventRows(events: readonly TriggerEvent[], deal: Deal): TriggerEventRow[] {
  const byId = new Map(deal.structure.triggers.map((t) => [t.id, t]));
  return events.map((e, i) => {
    const t = byId.get(e.id);
    const ratio = t?.test.type === 'ocRatio';
    const show = (v: number): string => (ratio ? `${v.toFixed(3)}×` : pct(v));
    return {
      key: `${e.id}-${e.period}-${i}`,
      trigger: t?.name ?? e.id,
      event: e.kind,
      period: e.period,
      date: e.date,
      value: show(e.value),
      threshold: show(e.threshold),
    };
  });
}
