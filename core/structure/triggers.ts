/**
 * Performance triggers. Each period, before the waterfall runs, every trigger is measured on what is known at
 * that payment date and compared with the threshold in force (the last schedule entry whose `fromPeriod` is at
 * or before the period; before the first entry a trigger is not tested):
 * - cumulative net loss = (cumulative defaults − cumulative recoveries) through this period / initial pool; breach
 *   when above the threshold;
 * - delinquency = defaults projected for the next `pipelineMonths` periods / this period's pool end balance
 *   (loans on their way to charge-off are the delinquent ones); breach when above; untested once the pool is gone;
 * - excess spread = average of the annualised excess spread of the last `averageMonths` completed periods (this
 *   period's is only known after its waterfall); each period's is pool interest and fee collections less fees, net
 *   hedge payments, the liquidity facility's interest and commitment fee, and note interest, over the pool
 *   (./waterfall.ts); breach when below; untested until a period has completed, and with
 *   `beforeFullWindow: 'notTested'` until `averageMonths` periods have;
 * - OC ratio = pool balance / notes outstanding, both after the previous period's distributions, purchases and
 *   write-downs (the closing balances in period 1), so both sides are measured on the same date; breach when
 *   below; untested once the notes are repaid or the pool has run off (a ratio of 0 then says nothing about
 *   credit).
 * A breach takes effect in the same period; a trigger tested after the distribution (`testedAt`) is measured once
 * the payment date is paid, so its breach takes effect from the next period. A curable trigger cures when its test passes again; a non-curable
 * one stays breached. Ending the revolving period is permanent even if the trigger that ended it cures.
 */
import type { TestMoment, Trigger } from '../deal/schema';
import type { TriggerEvent } from '../result';

export interface TriggerMeasures {
  cumulativeNetLoss: number;
  /** Delinquency ratio for a pipeline of `months`, or null once the pool has run off. */
  delinquency(months: number): number | null;
  /**
   * Average annualised excess spread of the last `months` completed periods, or null if none completed (or,
   * with `fullWindowOnly`, fewer than `months`).
   */
  excessSpread(months: number, fullWindowOnly: boolean): number | null;
  /** Pool / notes after the previous period's distributions, or null when either is zero. */
  ocRatio: number | null;
}

export function thresholdAt(trigger: Trigger, period: number): number | null {
  let th: number | null = null;
  for (const s of trigger.test.schedule) {
    if (s.fromPeriod <= period) th = s.threshold;
    else break;
  }
  return th;
}

export function measureTrigger(trigger: Trigger, m: TriggerMeasures): number | null {
  const t = trigger.test;
  switch (t.type) {
    case 'cumulativeNetLoss':
      return m.cumulativeNetLoss;
    case 'delinquency':
      return m.delinquency(t.pipelineMonths);
    case 'excessSpread':
      return m.excessSpread(t.averageMonths, t.beforeFullWindow === 'notTested');
    case 'ocRatio':
      return m.ocRatio;
  }
}

export function isBreach(trigger: Trigger, value: number, threshold: number): boolean {
  const type = trigger.test.type;
  return type === 'excessSpread' || type === 'ocRatio' ? value < threshold : value > threshold;
}

/** The deal's trigger state through the run. */
export class TriggerBook {
  private readonly breached = new Set<string>();
  private revolvingEnded = false;

  constructor(private readonly triggers: readonly Trigger[]) {}

  /** Tests every trigger for `period` and appends the breach / cure events it caused to `events`. */
  update(
    period: number,
    date: string,
    m: TriggerMeasures,
    events: TriggerEvent[],
    moment: TestMoment = 'beforeDistribution',
  ): void {
    for (const tr of this.triggers) {
      if ((tr.testedAt ?? 'beforeDistribution') !== moment) continue;
      const threshold = thresholdAt(tr, period);
      if (threshold === null) continue;
      const value = measureTrigger(tr, m);
      if (value === null) continue;
      const breach = isBreach(tr, value, threshold);
      const was = this.breached.has(tr.id);
      if (breach && !was) {
        this.breached.add(tr.id);
        if (tr.effects.includes('endRevolving')) this.revolvingEnded = true;
        events.push({ id: tr.id, period, date, value, threshold, kind: 'breached' });
      } else if (!breach && was && tr.curable) {
        this.breached.delete(tr.id);
        events.push({ id: tr.id, period, date, value, threshold, kind: 'cured' });
      }
    }
  }

  private active(effect: Trigger['effects'][number]): boolean {
    for (const tr of this.triggers) if (this.breached.has(tr.id) && tr.effects.includes(effect)) return true;
    return false;
  }

  get sequential(): boolean {
    return this.active('sequential');
  }

  get trapCash(): boolean {
    return this.active('trapCash');
  }

  get endRevolving(): boolean {
    return this.revolvingEnded;
  }

  get breachedIds(): string[] {
    return this.triggers.filter((t) => this.breached.has(t.id)).map((t) => t.id);
  }

  /** Takes over the breaches of an earlier run (a restart from a deal state, ./carry.ts). */
  restore(breached: readonly string[], revolvingEnded: boolean): void {
    this.breached.clear();
    for (const id of breached) this.breached.add(id);
    this.revolvingEnded = revolvingEnded;
  }
}
