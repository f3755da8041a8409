/**
 * Trigger edits beyond add/remove/effects (those stay in dealEdit.ts): the id and name, the delinquency pipeline
 * or excess-spread averaging window, and the threshold schedule (step-ups and step-downs by period).
 *
 * The schema takes any schedule of at least one step; the run refuses one whose start periods do not rise
 * (core/deal/validate.ts). The `*Problem` functions say so in words before an edit is applied, so a field can
 * refuse it in place instead of letting the deal fail at run time.
 */
import type { TFunction } from 'i18next';
import { id as idSchema, type Deal, type Trigger } from '../../core/deal/schema';
import { enT } from '../i18n/fixedT';

export type ThresholdStep = Trigger['test']['schedule'][number];
type TriggerType = Trigger['test']['type'];

/** Longest window or start period the schema accepts (months). */
const MAX_MONTHS = 1200;

function mapTrigger(deal: Deal, triggerId: string, f: (t: Trigger) => Trigger): Deal {
  return {
    ...deal,
    structure: {
      ...deal.structure,
      triggers: deal.structure.triggers.map((t) => (t.id === triggerId ? f(t) : t)),
    },
  };
}

function withSchedule(t: Trigger, schedule: ThresholdStep[]): Trigger {
  return { ...t, test: { ...t.test, schedule } };
}

/** Why `next` cannot be the id of the trigger now called `current` (null when it can). */
export function triggerIdProblem(
  deal: Deal,
  current: string,
  next: string,
  t: TFunction = enT,
): string | null {
  if (next.trim() === '') return t('structure:triggers.problem.noId');
  if (!idSchema.safeParse(next).success) return t('structure:triggers.problem.idChars');
  if (next !== current && deal.structure.triggers.some((x) => x.id === next))
    return t('structure:triggers.problem.idTaken', { id: next });
  return null;
}

/**
 * Renames a trigger. Nothing else in a deal names a trigger (waterfall steps and principal rules act on its
 * effects, not its id), so the trigger itself is the only place to change; results name it by its new id.
 */
export function renameTrigger(deal: Deal, current: string, next: string): Deal {
  return mapTrigger(deal, current, (t) => ({ ...t, id: next }));
}

/** Sets the display name; an empty name falls back to the id. */
export function setTriggerName(deal: Deal, triggerId: string, name: string): Deal {
  const trimmed = name.trim();
  return mapTrigger(deal, triggerId, (t) => {
    const { name: _old, ...rest } = t;
    return trimmed ? { ...rest, name: trimmed } : rest;
  });
}

/** The test's measuring window: delinquency looks ahead `pipelineMonths`, excess spread averages `averageMonths`. */
export interface TriggerWindow {
  key: 'pipelineMonths' | 'averageMonths';
  label: string;
  months: number;
}

export function triggerWindow(trigger: Trigger, t: TFunction = enT): TriggerWindow | null {
  switch (trigger.test.type) {
    case 'delinquency':
      return {
        key: 'pipelineMonths',
        label: t('structure:triggers.window.pipelineMonths'),
        months: trigger.test.pipelineMonths,
      };
    case 'excessSpread':
      return {
        key: 'averageMonths',
        label: t('structure:triggers.window.averageMonths'),
        months: trigger.test.averageMonths,
      };
    default:
      return null;
  }
}

export function windowProblem(months: number, t: TFunction = enT): string | null {
  return Number.isInteger(months) && months >= 1 && months <= MAX_MONTHS
    ? null
    : t('structure:triggers.problem.window', { max: MAX_MONTHS });
}

/** Sets the pipeline or averaging window; a test without one is left unchanged. */
export function setTriggerWindow(deal: Deal, triggerId: string, months: number): Deal {
  return mapTrigger(deal, triggerId, (t) => {
    if (t.test.type === 'delinquency') return { ...t, test: { ...t.test, pipelineMonths: months } };
    if (t.test.type === 'excessSpread') return { ...t, test: { ...t.test, averageMonths: months } };
    return t;
  });
}

/**
 * What a threshold may be. Loss and delinquency are shares of a balance (0–100%); excess spread is an annual
 * rate and may be set below zero (a trigger that only fires when spread turns negative); the OC ratio is pool over
 * notes, above zero.
 */
export function thresholdProblem(type: TriggerType, v: number, t: TFunction = enT): string | null {
  if (!Number.isFinite(v)) return t('structure:triggers.problem.number');
  switch (type) {
    case 'cumulativeNetLoss':
    case 'delinquency':
      return v < 0 || v > 1 ? t('structure:triggers.problem.share') : null;
    case 'excessSpread':
      return v < -1 || v > 1 ? t('structure:triggers.problem.spread') : null;
    case 'ocRatio':
      return v <= 0 || v > 10 ? t('structure:triggers.problem.ratio') : null;
  }
}

/** The first thing wrong with a schedule, in words, or null: whole start periods from 1 that strictly rise. */
export function scheduleProblem(
  type: TriggerType,
  schedule: readonly ThresholdStep[],
  t: TFunction = enT,
): string | null {
  if (schedule.length === 0) return t('structure:triggers.problem.noSteps');
  for (let k = 0; k < schedule.length; k++) {
    const step = schedule[k] as ThresholdStep;
    const n = k + 1;
    if (!Number.isInteger(step.fromPeriod) || step.fromPeriod < 1 || step.fromPeriod > MAX_MONTHS)
      return t('structure:triggers.problem.stepStart', { n, max: MAX_MONTHS });
    const prev = schedule[k - 1];
    if (prev && step.fromPeriod <= prev.fromPeriod)
      return t('structure:triggers.problem.stepAfter', { n, k, period: prev.fromPeriod });
    const bad = thresholdProblem(type, step.threshold, t);
    if (bad) return t('structure:triggers.problem.stepThreshold', { n, problem: bad.toLowerCase() });
  }
  return null;
}

/**
 * Why step `k` cannot start at `from`, in the few words a narrow field has room for: a whole period, after the
 * step before it and before the step after it (the schedule must rise strictly).
 */
export function stepStartProblem(
  schedule: readonly ThresholdStep[],
  k: number,
  from: number,
  t: TFunction = enT,
): string | null {
  if (!Number.isInteger(from) || from < 1 || from > MAX_MONTHS)
    return t('structure:triggers.problem.period', { max: MAX_MONTHS });
  const prev = schedule[k - 1];
  if (prev && from <= prev.fromPeriod)
    return t('structure:triggers.problem.after', { period: prev.fromPeriod });
  const next = schedule[k + 1];
  if (next && from >= next.fromPeriod)
    return t('structure:triggers.problem.before', { period: next.fromPeriod });
  return null;
}

/** The schedule after replacing step `k` with `patch`, for checking an edit before it is applied. */
export function patchedSchedule(
  schedule: readonly ThresholdStep[],
  k: number,
  patch: Partial<ThresholdStep>,
): ThresholdStep[] {
  return schedule.map((s, i) => (i === k ? { ...s, ...patch } : s));
}

export function setThresholdStep(
  deal: Deal,
  triggerId: string,
  k: number,
  patch: Partial<ThresholdStep>,
): Deal {
  return mapTrigger(deal, triggerId, (t) => withSchedule(t, patchedSchedule(t.test.schedule, k, patch)));
}

/**
 * Appends a step a year after the last one, at the same threshold, so the schedule stays valid and the user
 * only changes what steps (a typical CNL schedule steps up every 6 or 12 months). Returns the deal unchanged when
 * there is no room left in the horizon the schema allows.
 */
export function addThresholdStep(deal: Deal, triggerId: string): Deal {
  return mapTrigger(deal, triggerId, (t) => {
    const last = t.test.schedule.at(-1);
    const from = last ? Math.min(MAX_MONTHS, last.fromPeriod + 12) : 1;
    if (last && from <= last.fromPeriod) return t;
    return withSchedule(t, [...t.test.schedule, { fromPeriod: from, threshold: last?.threshold ?? 0 }]);
  });
}

/** Removes step `k`; the last remaining step is kept, since a trigger without a threshold tests nothing. */
export function removeThresholdStep(deal: Deal, triggerId: string, k: number): Deal {
  return mapTrigger(deal, triggerId, (t) =>
    t.test.schedule.length <= 1
      ? t
      : withSchedule(
          t,
          t.test.schedule.filter((_, i) => i !== k),
        ),
  );
}
