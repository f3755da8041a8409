/**
 * Deal edits validated by the deal schema before they enter history, plus the cross-reference checks the
 * schema cannot express (a waterfall naming a tranche that does not exist).
 */
import { Deal, type OcTarget, type ReserveAccount, type Trigger } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import { poolFitProblems } from '../../core/deal/poolFit';
import { missingSupportIndices, supportProblems } from '../../core/deal/validateSupport';
import { coreText } from '../../core/i18n/messages';
import type { TFunction } from 'i18next';
import { money } from '../format';
import { enT } from '../i18n/fixedT';

/** Applies `update` and validates the result; returns the parsed deal or the first readable problem. */
export function validatedDeal(
  deal: Deal,
  update: (d: Deal) => Deal,
  t: TFunction = enT,
): { deal: Deal } | { error: string } {
  const next = update(deal);
  const parsed = Deal.safeParse(next);
  if (parsed.success) return { deal: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { error: t('structure:problems.invalidDeal') };
  // The schema's own message stays as zod words it; the field path is the deal's, not the language's.
  const where = issue.path.filter((p) => typeof p !== 'symbol').join('.');
  return {
    error: where ? t('structure:problems.at', { message: issue.message, path: where }) : issue.message,
  };
}

export function poolBalance(deal: Deal, loans: LoanPool | null): number {
  if (loans) {
    let s = 0;
    for (let i = 0; i < loans.size; i++) s += loans.balance[i] ?? 0;
    return s;
  }
  return deal.pool.kind === 'repLines' ? deal.pool.lines.reduce((s, l) => s + l.balance, 0) : 0;
}

/** Problems a run would hit, in words a structurer reads: unknown names, notes above the pool. */
const capitalised = (text: string): string => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

export function dealProblems(deal: Deal, loans: LoanPool | null, t: TFunction = enT): string[] {
  const problems: string[] = [];
  const tranches = new Set(deal.structure.tranches.map((t) => t.id));
  const fees = new Set(deal.structure.fees.map((f) => f.id));
  const seen = new Set<string>();
  for (const x of deal.structure.tranches) {
    if (seen.has(x.id)) problems.push(t('structure:problems.twoTranches', { id: x.id }));
    seen.add(x.id);
  }
  deal.structure.waterfall.forEach((step, i) => {
    const n = i + 1;
    if (step.pay === 'fee' && !fees.has(step.fee))
      problems.push(t('structure:problems.stepFee', { n, fee: step.fee }));
    if (step.pay === 'interest' || step.pay === 'principal') {
      for (const id of step.tranches) {
        if (!tranches.has(id))
          problems.push(
            step.pay === 'interest'
              ? t('structure:problems.stepInterest', { n, id })
              : t('structure:problems.stepPrincipal', { n, id }),
          );
      }
    }
  });
  for (const f of deal.structure.fees) {
    if (f.basis.type === 'percentOfTranche' && !tranches.has(f.basis.tranche)) {
      problems.push(t('structure:problems.feeTranche', { id: f.id, tranche: f.basis.tranche }));
    }
  }
  for (const p of poolFitProblems(deal, poolBalance(deal, loans))) {
    const text = coreText(t, p);
    problems.push(`${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`);
  }
  // The liquidity facility, hedges and coupon features, in the engine's own words (core/deal/validateSupport.ts).
  for (const p of supportProblems(deal)) problems.push(capitalised(coreText(t, p)));
  for (const s of deal.scenarios)
    for (const p of missingSupportIndices(deal, s)) problems.push(capitalised(coreText(t, p)));
  const scenarioNames = new Set<string>();
  for (const s of deal.scenarios) {
    if (scenarioNames.has(s.name)) problems.push(t('structure:problems.twoScenarios', { name: s.name }));
    scenarioNames.add(s.name);
  }
  return problems;
}

/**
 * Resizes the tranche stack to a new pool balance keeping each class's share, so an imported tape can run
 * under the deal's structure. Each class is rounded to cents; the most junior class takes the rounding so the
 * notes total exactly the pool balance (in cents). What the deal sizes in money beside the notes (the reserve's
 * opening balance and floor, fixed fees and fee caps) is scaled by the same factor, to the cent: left at an 800m
 * deal's size, a 2m reserve and a 50,000-a-month trustee fee would dwarf a 23m pool. Shares of the pool (percent
 * fees, OC and reserve targets) already follow it.
 */
export function scaleTranchesToPool(deal: Deal, pool: number): Deal {
  const ts = deal.structure.tranches;
  const notes = ts.reduce((s, t) => s + t.balance, 0);
  if (!(notes > 0) || !(pool > 0)) return deal;
  const targetCents = Math.round(pool * 100);
  let assigned = 0;
  const cents = ts.map((t, i) => {
    if (i === ts.length - 1) return targetCents - assigned;
    const c = Math.round((t.balance / notes) * targetCents);
    assigned += c;
    return c;
  });
  const scale = (x: number): number => Math.round(x * (pool / notes) * 100) / 100;
  const reserve = deal.structure.reserve;
  return {
    ...deal,
    structure: {
      ...deal.structure,
      tranches: ts.map((t, i) => ({ ...t, balance: (cents[i] ?? 0) / 100 })),
      fees: deal.structure.fees.map((f) => ({
        ...f,
        ...(f.basis.type === 'fixed' ? { basis: { ...f.basis, amount: scale(f.basis.amount) } } : {}),
        ...(f.capPerPeriod !== undefined ? { capPerPeriod: scale(f.capPerPeriod) } : {}),
      })),
      ...(reserve
        ? {
            reserve: {
              ...reserve,
              initialBalance: scale(reserve.initialBalance),
              target: { ...reserve.target, floor: scale(reserve.target.floor) },
            },
          }
        : {}),
    },
  };
}

/** What a resize changed beyond the notes, in the words the status bar shows after it. */
export function resizeSummary(before: Deal, after: Deal, t: TFunction = enT): string {
  const changed: string[] = [];
  const r0 = before.structure.reserve;
  const r1 = after.structure.reserve;
  if (r0 && r1 && r0.initialBalance !== r1.initialBalance) {
    changed.push(
      t('structure:resized.reserveOpening', { from: money(r0.initialBalance), to: money(r1.initialBalance) }),
    );
  }
  if (r0 && r1 && r0.target.floor !== r1.target.floor) {
    changed.push(
      t('structure:resized.reserveFloor', { from: money(r0.target.floor), to: money(r1.target.floor) }),
    );
  }
  before.structure.fees.forEach((f, i) => {
    const g = after.structure.fees[i];
    if (!g) return;
    if (f.basis.type === 'fixed' && g.basis.type === 'fixed' && f.basis.amount !== g.basis.amount) {
      changed.push(
        t('structure:resized.feeAmount', {
          fee: f.name ?? f.id,
          from: money(f.basis.amount),
          to: money(g.basis.amount),
        }),
      );
    }
    if (f.capPerPeriod !== undefined && g.capPerPeriod !== undefined && f.capPerPeriod !== g.capPerPeriod) {
      changed.push(
        t('structure:resized.feeCap', {
          fee: f.name ?? f.id,
          from: money(f.capPerPeriod),
          to: money(g.capPerPeriod),
        }),
      );
    }
  });
  const scaled =
    changed.length > 0
      ? t('structure:resized.scaled', { changes: changed.join(t('structure:listSep')) })
      : '';
  return t('structure:resized.summary', { scaled });
}

export type TriggerType = Trigger['test']['type'];
export type TriggerEffect = Trigger['effects'][number];
export const TRIGGER_TYPES: readonly TriggerType[] = [
  'cumulativeNetLoss',
  'delinquency',
  'excessSpread',
  'ocRatio',
];
export const TRIGGER_EFFECTS: readonly TriggerEffect[] = ['sequential', 'endRevolving', 'trapCash'];

const triggerDefaults: Record<TriggerType, { prefix: string; name: string; test: Trigger['test'] }> = {
  cumulativeNetLoss: {
    prefix: 'cnl',
    name: 'Cumulative net loss',
    test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: 0.05 }] },
  },
  delinquency: {
    prefix: 'dq',
    name: 'Delinquency',
    test: { type: 'delinquency', schedule: [{ fromPeriod: 1, threshold: 0.05 }], pipelineMonths: 3 },
  },
  excessSpread: {
    prefix: 'xs',
    name: 'Excess spread',
    test: { type: 'excessSpread', schedule: [{ fromPeriod: 1, threshold: 0.01 }], averageMonths: 3 },
  },
  ocRatio: {
    prefix: 'oc',
    name: 'OC ratio',
    test: { type: 'ocRatio', schedule: [{ fromPeriod: 1, threshold: 1 }] },
  },
};

/**
 * Appends a trigger of `type` with a one-step schedule at a conservative level. A breach switches principal to
 * sequential and, in a revolving deal, also ends the revolving period, as amortisation events usually do.
 */
export function addTrigger(deal: Deal, type: TriggerType): Deal {
  const def = triggerDefaults[type];
  const ids = new Set(deal.structure.triggers.map((t) => t.id));
  let triggerId = def.prefix;
  for (let n = 2; ids.has(triggerId); n++) triggerId = `${def.prefix}${n}`;
  const effects: TriggerEffect[] = deal.structure.revolving ? ['sequential', 'endRevolving'] : ['sequential'];
  const trigger: Trigger = { id: triggerId, name: def.name, test: def.test, effects, curable: false };
  return { ...deal, structure: { ...deal.structure, triggers: [...deal.structure.triggers, trigger] } };
}

/**
 * Changes what a trigger tests. Thresholds mean different things per test (a loss share, a ratio of pool to
 * notes, an annual spread), so the schedule starts again from the new test's conservative default; the id,
 * effects and curing stay, and a name that starts with the old test's default name follows the test.
 */
export function setTriggerType(deal: Deal, triggerId: string, type: TriggerType): Deal {
  // The same test is no edit: the deal comes back as it was, so no undo step is recorded.
  const current = deal.structure.triggers.find((t) => t.id === triggerId)?.test.type;
  if (current === undefined || current === type) return deal;
  return mapTrigger(deal, triggerId, (t) => {
    const oldName = triggerDefaults[t.test.type].name;
    const newName = triggerDefaults[type].name;
    const { name: _name, ...rest } = t;
    const name =
      t.name === undefined
        ? newName
        : t.name.startsWith(oldName)
          ? newName + t.name.slice(oldName.length)
          : t.name;
    return { ...rest, name, test: triggerDefaults[type].test };
  });
}

export function removeTrigger(deal: Deal, triggerId: string): Deal {
  return {
    ...deal,
    structure: { ...deal.structure, triggers: deal.structure.triggers.filter((t) => t.id !== triggerId) },
  };
}

function mapTrigger(deal: Deal, triggerId: string, f: (t: Trigger) => Trigger): Deal {
  return {
    ...deal,
    structure: {
      ...deal.structure,
      triggers: deal.structure.triggers.map((t) => (t.id === triggerId ? f(t) : t)),
    },
  };
}

/** Turns one effect on or off, keeping the schema's order; turning off the last one leaves an invalid deal. */
export function setTriggerEffect(deal: Deal, triggerId: string, effect: TriggerEffect, on: boolean): Deal {
  return mapTrigger(deal, triggerId, (t) => ({
    ...t,
    effects: TRIGGER_EFFECTS.filter((e) => (e === effect ? on : t.effects.includes(e))),
  }));
}

export function setTriggerCurable(deal: Deal, triggerId: string, curable: boolean): Deal {
  return mapTrigger(deal, triggerId, (t) => ({ ...t, curable }));
}

export type EligibilityLimit = 'maxRemainingTerm' | 'minRate' | 'maxRate';

/** Sets or (with `undefined`) lifts one revolving eligibility limit; a static deal is returned unchanged. */
export function setEligibility(deal: Deal, key: EligibilityLimit, value: number | undefined): Deal {
  const r = deal.structure.revolving;
  if (!r) return deal;
  const eligibility = { ...r.eligibility };
  if (value === undefined) delete eligibility[key];
  else eligibility[key] = value;
  return { ...deal, structure: { ...deal.structure, revolving: { ...r, eligibility } } };
}

/** Sets one part of the OC target, creating the target (all parts zero) when the deal has none. */
export function setOcTarget(deal: Deal, key: keyof OcTarget, value: number): Deal {
  const ocTarget: OcTarget = {
    percentOfCurrentPool: 0,
    percentOfInitialPool: 0,
    floorPercentOfInitialPool: 0,
    ...deal.structure.ocTarget,
    [key]: value,
  };
  return { ...deal, structure: { ...deal.structure, ocTarget } };
}

type ReserveTarget = ReserveAccount['target'];

/** The reserve account with schema defaults, for a deal that has none yet. */
function reserveOrDefault(deal: Deal): ReserveAccount {
  return {
    id: 'reserve',
    initialBalance: 0,
    coversPrincipalAtMaturity: true,
    ...deal.structure.reserve,
    target: { percentOfInitialPool: 0, percentOfCurrentPool: 0, floor: 0, ...deal.structure.reserve?.target },
  };
}

/** Sets the reserve's opening balance, creating the account (target all zero) when the deal has none. */
export function setReserveInitialBalance(deal: Deal, value: number): Deal {
  return {
    ...deal,
    structure: { ...deal.structure, reserve: { ...reserveOrDefault(deal), initialBalance: value } },
  };
}

/** Sets one part of the reserve target, creating the account (no opening balance) when the deal has none. */
export function setReserveTarget(deal: Deal, key: keyof ReserveTarget, value: number): Deal {
  const reserve = reserveOrDefault(deal);
  return {
    ...deal,
    structure: { ...deal.structure, reserve: { ...reserve, target: { ...reserve.target, [key]: value } } },
  };
}
