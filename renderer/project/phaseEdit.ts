/**
 * Deal phases on Structure (issue #15): which phases have a priority of payments of their own, combined or split
 * into revenue (interest) and redemption (principal) lists, their steps and the caps or targets on them, the
 * events of default that accelerate the deal, and the principal deficiency ledger. Pure edits of the deal; the
 * `*Problem` functions say in place why an edit is refused, in the words core/deal/validate.ts uses at run time.
 */
import type { TFunction } from 'i18next';
import type {
  Deal,
  DealPhase,
  EventOfDefault,
  FundsSource,
  PhaseWaterfall,
  StepLimit,
  Structure,
  WaterfallStep,
} from '../../core/deal/schema';
import { coreText } from '../../core/i18n/messages';
import { validateDeal } from '../../core/deal/validate';
import { accelerationWaterfall } from '../../core/structure/phase';
import { enT } from '../i18n/fixedT';

export const PHASES: readonly DealPhase[] = ['revolving', 'amortising', 'accelerated', 'cleanUp'];
export type Ledger = 'revenue' | 'redemption';

/** A step's sources without the one its list may not draw on (an emptied list goes back to the default). */
function without(step: WaterfallStep, source: FundsSource): WaterfallStep {
  if (!step.from?.includes(source)) return step;
  const { from, ...rest } = step;
  const kept = from.filter((x) => x !== source);
  return (kept.length > 0 ? { ...rest, from: kept } : rest) as WaterfallStep;
}

/** Steps that belong to the redemption (principal) list when a combined list is split. */
const REDEMPTION_KINDS: ReadonlySet<WaterfallStep['pay']> = new Set(['principal', 'purchase']);

function withStructure(deal: Deal, f: (s: Structure) => Structure): Deal {
  return { ...deal, structure: f(deal.structure) };
}

function withPhases(deal: Deal, f: (p: NonNullable<Structure['phases']>) => Structure['phases']): Deal {
  return withStructure(deal, (s) => {
    const next = f(s.phases ?? { waterfalls: {}, eventsOfDefault: [] });
    const { phases: _old, ...rest } = s;
    return next === undefined ? rest : { ...rest, phases: next };
  });
}

/** The phase's own priority of payments, or undefined when it uses the main one (or, accelerated, the default). */
export function ownWaterfall(deal: Deal, phase: DealPhase): PhaseWaterfall | undefined {
  return deal.structure.phases?.waterfalls[phase];
}

/** The steps a phase runs when it has none of its own. */
export function inheritedSteps(deal: Deal, phase: DealPhase): WaterfallStep[] {
  return phase === 'accelerated' ? accelerationWaterfall(deal.structure) : [...deal.structure.waterfall];
}

/** Gives the phase a list of its own (a copy of what it runs now), or takes it away. */
export function setOwnWaterfall(deal: Deal, phase: DealPhase, on: boolean): Deal {
  return withPhases(deal, (p) => {
    const waterfalls = { ...p.waterfalls };
    if (on) waterfalls[phase] = inheritedSteps(deal, phase);
    else delete waterfalls[phase];
    return { ...p, waterfalls };
  });
}

/**
 * Splits a combined list into revenue and redemption lists (principal and purchase steps go to redemption, with
 * a residual at the end of each) or joins them back, revenue first.
 */
export function setSplit(deal: Deal, phase: DealPhase, split: boolean): Deal {
  const w = ownWaterfall(deal, phase) ?? inheritedSteps(deal, phase);
  let next: PhaseWaterfall;
  if (split) {
    if (!Array.isArray(w)) return deal;
    const interest = w.filter((s) => !REDEMPTION_KINDS.has(s.pay)).map((s) => without(s, 'principal'));
    const principal: WaterfallStep[] = w
      .filter((s) => REDEMPTION_KINDS.has(s.pay))
      .map((s) => without(s, 'interest'));
    principal.push({ pay: 'residual' });
    next = { interest: interest.length > 0 ? interest : [{ pay: 'residual' }], principal };
  } else {
    if (Array.isArray(w)) return deal;
    const body = [...w.interest, ...w.principal].filter((s) => s.pay !== 'residual');
    next = [...body, { pay: 'residual' }];
  }
  return withPhases(deal, (p) => ({ ...p, waterfalls: { ...p.waterfalls, [phase]: next } }));
}

/** The list one ledger of a phase holds (the combined list when `ledger` is undefined). */
export function phaseList(
  deal: Deal,
  phase: DealPhase,
  ledger: Ledger | undefined,
): readonly WaterfallStep[] {
  const w = ownWaterfall(deal, phase);
  if (w === undefined) return [];
  if (Array.isArray(w)) return w;
  return ledger === 'redemption' ? w.principal : w.interest;
}

/** Replaces one list of a phase's own priority of payments. */
export function editPhaseList(
  deal: Deal,
  phase: DealPhase,
  ledger: Ledger | undefined,
  update: (steps: WaterfallStep[]) => WaterfallStep[],
): Deal {
  const w = ownWaterfall(deal, phase);
  if (w === undefined) return deal;
  const next: PhaseWaterfall = Array.isArray(w)
    ? update([...w])
    : ledger === 'redemption'
      ? { ...w, principal: update([...w.principal]) }
      : { ...w, interest: update([...w.interest]) };
  return withPhases(deal, (p) => ({ ...p, waterfalls: { ...p.waterfalls, [phase]: next } }));
}

/** Sets (or, with undefined, removes) the cap or target of a fee, principal or residual step. */
export function setStepLimit(
  deal: Deal,
  phase: DealPhase,
  ledger: Ledger | undefined,
  index: number,
  limit: StepLimit | undefined,
): Deal {
  return editPhaseList(deal, phase, ledger, (steps) =>
    steps.map((s, i) => {
      if (i !== index || (s.pay !== 'fee' && s.pay !== 'principal' && s.pay !== 'residual')) return s;
      const { limit: _old, ...rest } = s;
      return limit === undefined ? rest : { ...rest, limit };
    }),
  );
}

/** Why a cap or target cannot go on a step: a target balance limits principal steps only. */
export function limitProblem(step: WaterfallStep, limit: StepLimit, t: TFunction = enT): string | null {
  if ('toTargetBalance' in limit && step.pay !== 'principal')
    return t('structure:phases.problem.targetOnPrincipal');
  return null;
}

/** Steps that may carry a limit. */
export function limitable(step: WaterfallStep): boolean {
  return step.pay === 'fee' || step.pay === 'principal' || step.pay === 'residual';
}

export function addEventOfDefault(deal: Deal, event: EventOfDefault): Deal {
  return withPhases(deal, (p) => ({ ...p, eventsOfDefault: [...p.eventsOfDefault, event] }));
}

export function removeEventOfDefault(deal: Deal, index: number): Deal {
  return withPhases(deal, (p) => ({
    ...p,
    eventsOfDefault: p.eventsOfDefault.filter((_, i) => i !== index),
  }));
}

export function setShortfallPeriods(deal: Deal, index: number, periods: number): Deal {
  return withPhases(deal, (p) => ({
    ...p,
    eventsOfDefault: p.eventsOfDefault.map((e, i) =>
      i === index && e.type === 'interestShortfall' ? { ...e, periods } : e,
    ),
  }));
}

/** The event a new one of `type` starts as: the most senior class's interest, or the first trigger. */
export function newEvent(deal: Deal, type: EventOfDefault['type']): EventOfDefault | null {
  if (type === 'interestShortfall') {
    const senior =
      deal.structure.tranches.find((x) => x.seniority === 'senior') ?? deal.structure.tranches[0];
    return senior ? { type, tranches: [senior.id], periods: 1 } : null;
  }
  if (type === 'trigger') {
    const first = deal.structure.triggers[0];
    return first ? { type, trigger: first.id } : null;
  }
  return { type };
}

/** Why a new event of that type cannot be added (no trigger to name, no legal final date). */
export function newEventProblem(deal: Deal, type: EventOfDefault['type'], t: TFunction = enT): string | null {
  if (type === 'trigger' && deal.structure.triggers.length === 0)
    return t('structure:phases.problem.noTrigger');
  if (
    type === 'unpaidAtLegalFinal' &&
    deal.calendar?.legalFinalDate === undefined &&
    deal.structure.tranches.every((x) => x.legalFinalDate === undefined)
  )
    return t('structure:phases.problem.noLegalFinal');
  return null;
}

/** Turns the principal deficiency ledger on or off; on, the notes are no longer written down. */
export function setDeficiencyLedger(deal: Deal, on: boolean): Deal {
  return withStructure(deal, (s) => {
    const { principalDeficiencyLedger: _old, lossAllocation, ...rest } = s;
    if (!on) return lossAllocation === undefined ? rest : { ...rest, lossAllocation };
    // The ledger is the form writeDown takes with a PDL; an explicit writeDown would be refused.
    return {
      ...rest,
      ...(lossAllocation === 'none' ? { lossAllocation } : {}),
      principalDeficiencyLedger: true,
    };
  });
}

/** Why turning the ledger off is refused: a pdlCure step would have no ledger to credit. */
export function deficiencyLedgerProblem(deal: Deal, on: boolean, t: TFunction = enT): string | null {
  if (on) return null;
  const all = [
    ...deal.structure.waterfall,
    ...PHASES.flatMap((p) => {
      const w = ownWaterfall(deal, p);
      return w === undefined ? [] : Array.isArray(w) ? w : [...w.interest, ...w.principal];
    }),
  ];
  return all.some((s) => s.pay === 'pdlCure') ? t('structure:phases.problem.cureNeedsLedger') : null;
}

/** What the run would refuse in a phase's priority of payments, in the user's language. */
export function phaseProblems(deal: Deal, phase: DealPhase, t: TFunction = enT): string[] {
  const at = `structure.phases.waterfalls.${phase}`;
  return validateDeal(deal)
    .filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`))
    .map((p) => coreText(t, p));
}

/** What the run would refuse about the events of default and the ledger. */
export function eventProblems(deal: Deal, t: TFunction = enT): string[] {
  return validateDeal(deal)
    .filter(
      (p) =>
        p.path.startsWith('structure.phases.eventsOfDefault') ||
        p.path === 'structure.principalDeficiencyLedger',
    )
    .map((p) => coreText(t, p));
}
