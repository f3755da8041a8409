/**
 * Deal phases (revolving, amortising, accelerated, clean-up) and the events of default that accelerate a deal.
 * Each phase may have its own priority of payments (`structure.phases.waterfalls`), a combined list or separate
 * revenue (interest) and redemption (principal) lists; a phase without one uses `structure.waterfall`.
 *
 * Separate lists run revenue first, then redemption, then the residual steps of each: the engine pays the notes
 * everything they are owed before the seller gets cash, and a residual run before the redemption steps would see
 * notes the principal steps are about to pay. Revenue steps draw only on interest collections (and the reserve
 * where the step may), redemption steps only on principal collections, whatever sources a step names.
 *
 * Acceleration follows the UK/EU post-enforcement priority of payments: from the first period after the event
 * (the same period for a trigger tested before the distribution), interest and principal are pooled and paid to
 * fees, then to each seniority level its interest and then its principal in full, pro rata within a level, then
 * the residual. It is permanent.
 */
import type {
  DealPhase,
  EventOfDefault,
  FundsSource,
  Structure,
  Tranche,
  WaterfallStep,
} from '../deal/schema';
import type { AccelerationEvent } from '../result';
import { defaultSources } from './funds';

export type StepLedger = 'revenue' | 'redemption';

export interface PhaseStep {
  step: WaterfallStep;
  /** Index in the list it was written in (the phase's combined list, or its interest or principal list). */
  index: number;
  ledger?: StepLedger;
  from: readonly FundsSource[];
}

const LEVEL: Record<Tranche['seniority'], number> = { senior: 0, mezzanine: 1, subordinated: 2, equity: 3 };

/** The post-enforcement priority of payments used when a deal accelerates and gives none of its own. */
export function accelerationWaterfall(structure: Structure): WaterfallStep[] {
  // Hedge counterparties and the liquidity facility keep their seniority after an event of default (they rank
  // with the senior expenses, ahead of every note), and a cap carryover stays subordinated to every note: their
  // steps are taken from the deal's priority of payments, in its order.
  const written = (pay: WaterfallStep['pay'][]): WaterfallStep[] =>
    structure.waterfall.filter((s) => pay.includes(s.pay));
  const steps: WaterfallStep[] = [
    ...structure.fees.map((f): WaterfallStep => ({ pay: 'fee', fee: f.id })),
    ...written(['hedge', 'liquidity']),
  ];
  const levels = new Map<number, string[]>();
  for (const t of structure.tranches) {
    if (t.seniority === 'equity') continue;
    const r = LEVEL[t.seniority];
    const ids = levels.get(r);
    if (ids) ids.push(t.id);
    else levels.set(r, [t.id]);
  }
  for (const [, ids] of [...levels.entries()].sort((a, b) => a[0] - b[0])) {
    steps.push({ pay: 'interest', tranches: ids }, { pay: 'principal', tranches: ids });
  }
  steps.push(...written(['capCarryover']), { pay: 'residual' });
  return steps;
}

/** The list of steps a phase and ledger name, as written (the acceleration default when none is written). */
export function writtenSteps(
  structure: Structure,
  phase: DealPhase | undefined,
  ledger: StepLedger | undefined,
): readonly WaterfallStep[] {
  const w = phase === undefined ? undefined : structure.phases?.waterfalls[phase];
  if (w === undefined) {
    return phase === 'accelerated' && structure.phases
      ? accelerationWaterfall(structure)
      : structure.waterfall;
  }
  if (Array.isArray(w)) return w;
  return ledger === 'redemption' ? w.principal : w.interest;
}

/** The step a waterfall result row names (undefined for the engine's own rows, such as unallocated funds). */
export function stepOfRow(
  structure: Structure,
  row: { step: number; ledger?: StepLedger },
  phase?: DealPhase,
): WaterfallStep | undefined {
  return writtenSteps(structure, phase, row.ledger)[row.step];
}

/** A phase's steps in the order they run, with the sources each may draw on. */
export function phaseSteps(structure: Structure, phase: DealPhase): PhaseStep[] {
  const w = structure.phases?.waterfalls[phase];
  if (w === undefined || Array.isArray(w)) {
    return writtenSteps(structure, phase, undefined).map((step, index) => ({
      step,
      index,
      from: defaultSources(step),
    }));
  }
  const tag = (steps: readonly WaterfallStep[], ledger: StepLedger): PhaseStep[] =>
    steps.map((step, index) => {
      const not: FundsSource = ledger === 'revenue' ? 'principal' : 'interest';
      return { step, index, ledger, from: defaultSources(step).filter((s) => s !== not) };
    });
  const revenue = tag(w.interest, 'revenue');
  const redemption = tag(w.principal, 'redemption');
  const last = (s: PhaseStep): boolean => s.step.pay === 'residual';
  return [
    ...revenue.filter((s) => !last(s)),
    ...redemption.filter((s) => !last(s)),
    ...revenue.filter(last),
    ...redemption.filter(last),
  ];
}

/** What the events of default read after a period's distribution. */
export interface DefaultTestState {
  /** Interest unpaid after this payment date, by class id. */
  interestShortfall(id: string): number;
  /** True when the class is outstanding after a payment on or after its legal final date. */
  pastLegalFinal(id: string): boolean;
}

/** Tracks the events of default and the acceleration they cause. */
export class PhaseBook {
  private event: AccelerationEvent | null = null;
  private readonly runs: number[];

  constructor(
    private readonly events: readonly EventOfDefault[],
    private readonly triggerMoment: (id: string) => 'beforeDistribution' | 'afterDistribution',
    private readonly tranches: readonly string[],
  ) {
    this.runs = events.map(() => 0);
  }

  get accelerated(): boolean {
    return this.event !== null;
  }

  get acceleration(): AccelerationEvent | null {
    return this.event;
  }

  /** Consecutive failed tests per event of default (what a restart must carry, ./carry.ts). */
  get counts(): number[] {
    return this.runs.slice();
  }

  /** Takes over the counts and acceleration of an earlier run (a restart from a deal state). */
  restore(counts: readonly number[], event: AccelerationEvent | null): void {
    this.runs.forEach((_, k) => (this.runs[k] = counts[k] ?? 0));
    this.event = event;
  }

  /** Before the distribution of `period`: a breached trigger tested before distribution accelerates now. */
  beforeDistribution(period: number, breached: readonly string[]): void {
    if (this.event) return;
    this.events.forEach((e, k) => {
      if (this.event || e.type !== 'trigger') return;
      if (this.triggerMoment(e.trigger) === 'beforeDistribution' && breached.includes(e.trigger)) {
        this.event = { period, event: k, type: e.type, testedPeriod: period };
      }
    });
  }

  /** After the distribution of payment date `period`: an event found now accelerates from the next period. */
  afterDistribution(period: number, breached: readonly string[], s: DefaultTestState): void {
    if (this.event) return;
    this.events.forEach((e, k) => {
      if (this.event) return;
      let occurred = false;
      switch (e.type) {
        case 'trigger':
          occurred = this.triggerMoment(e.trigger) === 'afterDistribution' && breached.includes(e.trigger);
          break;
        case 'interestShortfall':
          this.runs[k] = e.tranches.some((id) => s.interestShortfall(id) > 0) ? this.runs[k] + 1 : 0;
          occurred = this.runs[k] >= e.periods;
          break;
        case 'unpaidAtLegalFinal':
          occurred = this.tranches.some((id) => s.pastLegalFinal(id));
          break;
      }
      if (occurred) this.event = { period: period + 1, event: k, type: e.type, testedPeriod: period };
    });
  }
}
