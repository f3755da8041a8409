/**
 * Priority-of-payments edits: which collections account each step draws from (and in what order), and which
 * classes an interest or principal step pays. The schema accepts an empty source list and any tranche name; the
 * `*Problem` functions catch those (and what core/deal/validate.ts would refuse at run time) before an edit is
 * applied, in words a structurer reads.
 */
import type { TFunction } from 'i18next';
import type { Deal, FundsSource, WaterfallStep } from '../../core/deal/schema';
import { coreText } from '../../core/i18n/messages';
import { validateDeal } from '../../core/deal/validate';
import { defaultSources } from '../../core/structure/funds';
import { enT } from '../i18n/fixedT';

export const FUNDS_SOURCES: readonly FundsSource[] = ['interest', 'principal', 'reserve'];

/** What a source is called on screen. */
export function sourceLabel(source: FundsSource, t: TFunction = enT): string {
  return t(`structure:waterfall.source.${source}`);
}

/** The sources a step draws from, in order: its own list, or the engine's default for its kind. */
export function stepSources(step: WaterfallStep): readonly FundsSource[] {
  return defaultSources(step);
}

function mapStep(deal: Deal, index: number, f: (s: WaterfallStep) => WaterfallStep): Deal {
  return {
    ...deal,
    structure: {
      ...deal.structure,
      waterfall: deal.structure.waterfall.map((s, i) => (i === index ? f(s) : s)),
    },
  };
}

/** Sets the step's sources; `undefined` goes back to the default for its kind. */
export function setStepSources(deal: Deal, index: number, from: readonly FundsSource[] | undefined): Deal {
  return mapStep(deal, index, (s) => {
    const { from: _old, ...rest } = s;
    return (from === undefined ? rest : { ...rest, from: [...from] }) as WaterfallStep;
  });
}

/** The source list after turning `source` on (drawn last) or off, starting from what the step draws now. */
export function toggledSources(step: WaterfallStep, source: FundsSource, on: boolean): FundsSource[] {
  const now = stepSources(step).filter((s) => s !== source);
  return on ? [...now, source] : now;
}

/** Moves `source` one place earlier (-1) or later (+1) in the step's draw order. */
export function movedSources(step: WaterfallStep, source: FundsSource, by: -1 | 1): FundsSource[] {
  const list = [...stepSources(step)];
  const i = list.indexOf(source);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return list;
  list[i] = list[j] as FundsSource;
  list[j] = source;
  return list;
}

export function sourcesProblem(deal: Deal, from: readonly FundsSource[], t: TFunction = enT): string | null {
  if (from.length === 0) return t('structure:waterfall.problem.noSource');
  if (new Set(from).size !== from.length) return t('structure:waterfall.problem.sourceTwice');
  if (from.includes('reserve') && !deal.structure.reserve) return t('structure:waterfall.problem.noReserve');
  return null;
}

export function stepTranches(step: WaterfallStep): readonly string[] | null {
  return step.pay === 'interest' || step.pay === 'principal' ? step.tranches : null;
}

/**
 * The class list after adding (in the stack's order, so a sequential principal step pays senior first) or
 * dropping a tranche. A name the stack no longer has is dropped on the way, since it can only fail the run.
 */
export function toggledTranches(deal: Deal, step: WaterfallStep, trancheId: string, on: boolean): string[] {
  const now = new Set(stepTranches(step) ?? []);
  if (on) now.add(trancheId);
  else now.delete(trancheId);
  return deal.structure.tranches.map((t) => t.id).filter((id) => now.has(id));
}

export function setStepTranches(deal: Deal, index: number, tranches: readonly string[]): Deal {
  return mapStep(deal, index, (s) =>
    s.pay === 'interest' || s.pay === 'principal' ? { ...s, tranches: [...tranches] } : s,
  );
}

/**
 * Why step `index` cannot pay `tranches`: none listed, a name not in the stack, interest accrued twice. An edit
 * checks against every other interest step; a standing step (`earlierOnly`) is blamed only for a class an earlier
 * step already pays, as the run's check does, so one conflict flags one step.
 */
export function tranchesProblem(
  deal: Deal,
  index: number,
  tranches: readonly string[],
  earlierOnly = false,
  t: TFunction = enT,
): string | null {
  const step = deal.structure.waterfall[index];
  if (!step || (step.pay !== 'interest' && step.pay !== 'principal')) return null;
  if (tranches.length === 0)
    return step.pay === 'interest'
      ? t('structure:waterfall.problem.interestNoClass')
      : t('structure:waterfall.problem.principalNoClass');
  const known = new Set(deal.structure.tranches.map((t) => t.id));
  const unknown = tranches.find((id) => !known.has(id));
  if (unknown !== undefined) return t('structure:waterfall.problem.noTranche', { id: unknown });
  if (step.pay === 'interest') {
    for (const [j, other] of deal.structure.waterfall.entries()) {
      if (j === index || other.pay !== 'interest' || (earlierOnly && j > index)) continue;
      const twice = tranches.find((id) => other.tranches.includes(id));
      // A class in two interest steps would accrue its coupon twice.
      if (twice !== undefined) return t('structure:waterfall.problem.twice', { id: twice, n: j + 1 });
    }
  }
  return null;
}

/**
 * Why ticking (or unticking) one class on step `index` is refused: a step keeps at least one class, and a class
 * joins an interest step only if no other interest step pays it. Unticking never adds a conflict, so it is how a
 * step the run refuses gets fixed one class at a time.
 */
export function trancheToggleProblem(
  deal: Deal,
  index: number,
  trancheId: string,
  on: boolean,
  t: TFunction = enT,
): string | null {
  const step = deal.structure.waterfall[index];
  if (!step || (step.pay !== 'interest' && step.pay !== 'principal')) return null;
  if (toggledTranches(deal, step, trancheId, on).length === 0)
    return tranchesProblem(deal, index, [], false, t);
  if (!on || step.pay !== 'interest') return null;
  const j = deal.structure.waterfall.findIndex(
    (w, k) => k !== index && w.pay === 'interest' && w.tranches.includes(trancheId),
  );
  return j < 0 ? null : t('structure:waterfall.problem.twice', { id: trancheId, n: j + 1 });
}

/**
 * What the run would refuse about step `index`: its classes and sources in this module's words (steps numbered
 * from 1, as the screen shows them), then anything else core/deal/validate.ts finds on the step.
 */
export function stepProblems(deal: Deal, index: number, t: TFunction = enT): string[] {
  const step = deal.structure.waterfall[index];
  if (!step) return [];
  const own: string[] = [];
  const tranches = stepTranches(step);
  const classes = tranches ? tranchesProblem(deal, index, tranches, true, t) : null;
  if (classes) own.push(classes);
  const sources = step.from ? sourcesProblem(deal, step.from, t) : null;
  if (sources) own.push(sources);
  const at = `structure.waterfall[${index}]`;
  const rest = validateDeal(deal)
    .filter(
      (p) =>
        p.path === at ||
        (p.path.startsWith(`${at}.`) && !/^\.(tranches|from)\b/.test(p.path.slice(at.length))),
    )
    .map((p) => coreText(t, p));
  return [...own, ...rest];
}

/**
 * Classes a new interest step should pay: those no interest step pays yet (a class in two would accrue twice),
 * or every class when all are paid already, leaving the user to pick in the step editor.
 */
export function unpaidInterestClasses(deal: Deal): string[] {
  const paid = new Set(deal.structure.waterfall.flatMap((w) => (w.pay === 'interest' ? w.tranches : [])));
  const ids = deal.structure.tranches.map((t) => t.id);
  const unpaid = ids.filter((id) => !paid.has(id));
  return unpaid.length > 0 ? unpaid : ids;
}
