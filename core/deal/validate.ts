/**
 * Checks a parsed deal's structure before a run: the schema cannot see across fields, and a waterfall naming a
 * tranche that does not exist would otherwise fail deep inside a period. Every problem is listed at once, with
 * the path of the field in the deal file.
 */
import { coreMessage, type CoreCode, type CoreMessage, type MessageParams } from '../i18n/messages';
import type { Deal, DealPhase, Scenario, WaterfallStep } from './schema';
import { missingSupportIndices, supportProblems } from './validateSupport';

/** A problem at a field of the deal file: `message` in English, `code`/`params` for the user's language. */
export interface DealProblem extends CoreMessage {
  path: string;
}

/** Everything wrong with the deal's structure (empty when it can run). */
export function validateDeal(deal: Deal): DealProblem[] {
  const out: DealProblem[] = [];
  const add = (path: string, code: CoreCode, params?: MessageParams): void => {
    out.push({ path, ...coreMessage(code, params) });
  };
  const s = deal.structure;

  const unique = (code: CoreCode, ids: readonly string[], at: string): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(`${at}[${i}].id`, code, { id });
      seen.add(id);
    });
    return seen;
  };
  const tranches = unique(
    'deal.duplicateTranche',
    s.tranches.map((t) => t.id),
    'structure.tranches',
  );
  const fees = unique(
    'deal.duplicateFee',
    s.fees.map((f) => f.id),
    'structure.fees',
  );
  unique(
    'deal.duplicateTrigger',
    s.triggers.map((t) => t.id),
    'structure.triggers',
  );

  s.fees.forEach((f, i) => {
    if (f.basis.type === 'percentOfTranche' && !tranches.has(f.basis.tranche)) {
      add(`structure.fees[${i}].basis.tranche`, 'deal.noTranche', { id: f.basis.tranche });
    }
  });

  // One priority of payments: names it uses, steps it needs, and the sources a revenue or redemption list may use.
  const checkSteps = (
    steps: readonly WaterfallStep[],
    at: string,
    ledger?: 'revenue' | 'redemption',
  ): { inInterest: Map<string, number>; inPrincipal: Set<string>; purchases: number } => {
    const inInterest = new Map<string, number>();
    const inPrincipal = new Set<string>();
    let purchases = 0;
    steps.forEach((step, i) => {
      const stepAt = `${at}[${i}]`;
      switch (step.pay) {
        case 'fee':
          if (!fees.has(step.fee)) add(`${stepAt}.fee`, 'deal.noFee', { id: step.fee });
          else if (
            step.part === 'capExcess' &&
            s.fees.find((f) => f.id === step.fee)?.capPerPeriod === undefined
          ) {
            // Without a cap nothing is held back, so the step would never pay: almost certainly a mistake.
            add(`${stepAt}.part`, 'deal.feeNoCap', { fee: step.fee, field: 'capPerPeriod' });
          }
          break;
        case 'interest':
        case 'principal':
          step.tranches.forEach((id, j) => {
            if (!tranches.has(id)) add(`${stepAt}.tranches[${j}]`, 'deal.noTranche', { id });
            if (step.pay === 'principal') {
              inPrincipal.add(id);
            } else if (inInterest.has(id)) {
              // A second interest step would accrue the coupon twice.
              add(`${stepAt}.tranches[${j}]`, 'deal.interestTwice', { id, step: inInterest.get(id) ?? 0 });
            } else {
              inInterest.set(id, i);
            }
          });
          break;
        case 'pdlCure':
          step.tranches.forEach((id, j) => {
            if (!tranches.has(id)) add(`${stepAt}.tranches[${j}]`, 'deal.noTranche', { id });
          });
          if (!s.principalDeficiencyLedger)
            add(`${stepAt}.pay`, 'deal.stepNeeds', {
              step: 'pdlCure',
              field: 'structure.principalDeficiencyLedger',
            });
          break;
        case 'reserveDeposit':
          if (!s.reserve)
            add(`${stepAt}.pay`, 'deal.stepNeeds', { step: 'reserveDeposit', field: 'structure.reserve' });
          break;
        case 'purchase':
          purchases++;
          if (!s.revolving)
            add(`${stepAt}.pay`, 'deal.stepNeeds', { step: 'purchase', field: 'structure.revolving' });
          break;
        case 'residual':
          break;
      }
      if (step.from?.includes('reserve') && !s.reserve) add(`${stepAt}.from`, 'deal.noReserveToDraw');
      if (ledger === 'revenue' && step.from?.includes('principal'))
        add(`${stepAt}.from`, 'phases.revenueFromPrincipal', { source: 'principal' });
      if (ledger === 'redemption' && step.from?.includes('interest'))
        add(`${stepAt}.from`, 'phases.redemptionFromInterest', { source: 'interest' });
      const limit = 'limit' in step ? step.limit : undefined;
      if (limit && 'toTargetBalance' in limit) {
        if (step.pay !== 'principal')
          add(`${stepAt}.limit`, 'phases.targetOnPrincipalOnly', { step: step.pay });
        const target = limit.toTargetBalance;
        if ('schedule' in target) {
          for (let k = 1; k < target.schedule.length; k++) {
            if (target.schedule[k].fromPeriod <= target.schedule[k - 1].fromPeriod) {
              add(`${stepAt}.limit.toTargetBalance.schedule[${k}].fromPeriod`, 'deal.scheduleUnsorted', {
                field: 'fromPeriod',
              });
            }
          }
        }
      }
    });
    return { inInterest, inPrincipal, purchases };
  };

  const {
    inInterest,
    inPrincipal,
    purchases: purchaseSteps,
  } = checkSteps(s.waterfall, 'structure.waterfall');

  // Equity is paid by the residual; every other class needs its interest and its principal paid somewhere.
  s.tranches.forEach((t, i) => {
    if (t.seniority === 'equity') return;
    // A principal-only class earns no interest and an interest-only class has no principal.
    if (!inInterest.has(t.id) && !t.principalOnly)
      add(`structure.tranches[${i}]`, 'deal.noInterestStep', { id: t.id });
    if (!inPrincipal.has(t.id) && !t.interestOnly)
      add(`structure.tranches[${i}]`, 'deal.noPrincipalStep', { id: t.id });
  });

  phaseProblems(deal, checkSteps, add);

  if (s.revolving && purchaseSteps === 0) {
    add('structure.waterfall', 'deal.revolvingNoPurchase', { step: '{ "pay": "purchase" }' });
  }

  s.triggers.forEach((tr, i) => {
    const sched = tr.test.schedule;
    for (let k = 1; k < sched.length; k++) {
      if (sched[k].fromPeriod <= sched[k - 1].fromPeriod) {
        add(`structure.triggers[${i}].test.schedule[${k}].fromPeriod`, 'deal.scheduleUnsorted', {
          field: 'fromPeriod',
        });
      }
    }
    if (tr.effects.includes('endRevolving') && !s.revolving) {
      add(`structure.triggers[${i}].effects`, 'deal.endRevolvingNotRevolving', { effect: 'endRevolving' });
    }
  });

  out.push(...dealCalendarProblems(deal));
  out.push(...supportProblems(deal));

  deal.scenarios.forEach((sc, k) => {
    for (const m of missingIndices(deal, sc)) out.push({ path: `scenarios[${k}].indexCurves`, ...m });
  });
  return out;
}

type StepCheck = (
  steps: readonly WaterfallStep[],
  at: string,
  ledger?: 'revenue' | 'redemption',
) => { inInterest: Map<string, number>; inPrincipal: Set<string>; purchases: number };

/**
 * Each phase's priority of payments checked as the main one is, the features a phase or a step needs, and the
 * events of default's names.
 */
function phaseProblems(
  deal: Deal,
  checkSteps: StepCheck,
  add: (path: string, code: CoreCode, params?: MessageParams) => void,
): void {
  const s = deal.structure;
  if (s.principalDeficiencyLedger && s.lossAllocation === 'writeDown') {
    add('structure.principalDeficiencyLedger', 'phases.pdlWithWriteDown', {
      field: 'principalDeficiencyLedger',
      other: 'lossAllocation',
      mode: 'writeDown',
    });
  }
  const phases = s.phases;
  if (!phases) return;
  const needs: Partial<Record<DealPhase, [boolean, string]>> = {
    revolving: [s.revolving !== undefined, 'structure.revolving'],
    cleanUp: [s.cleanUpCall !== undefined, 'structure.cleanUpCall'],
  };
  for (const [phase, w] of Object.entries(phases.waterfalls) as [
    DealPhase,
    (typeof phases.waterfalls)[DealPhase],
  ][]) {
    if (w === undefined) continue;
    const at = `structure.phases.waterfalls.${phase}`;
    const need = needs[phase];
    if (need && !need[0]) add(at, 'phases.phaseNeeds', { phase, field: need[1] });
    const lists = Array.isArray(w)
      ? [checkSteps(w, at)]
      : [
          checkSteps(w.interest, `${at}.interest`, 'revenue'),
          checkSteps(w.principal, `${at}.principal`, 'redemption'),
        ];
    if (phase === 'revolving' && s.revolving && lists.every((l) => l.purchases === 0)) {
      add(at, 'deal.revolvingNoPurchase', { step: '{ "pay": "purchase" }' });
    }
    s.tranches.forEach((t) => {
      if (t.seniority === 'equity') return;
      if (!lists.some((l) => l.inInterest.has(t.id))) add(at, 'phases.noInterestStepIn', { id: t.id, phase });
      if (!lists.some((l) => l.inPrincipal.has(t.id)))
        add(at, 'phases.noPrincipalStepIn', { id: t.id, phase });
    });
  }
  const tranches = new Set(s.tranches.map((t) => t.id));
  const triggers = new Set(s.triggers.map((t) => t.id));
  phases.eventsOfDefault.forEach((e, i) => {
    const at = `structure.phases.eventsOfDefault[${i}]`;
    if (e.type === 'interestShortfall') {
      e.tranches.forEach((id, j) => {
        if (!tranches.has(id)) add(`${at}.tranches[${j}]`, 'deal.noTranche', { id });
      });
    } else if (e.type === 'trigger') {
      if (!triggers.has(e.trigger)) add(`${at}.trigger`, 'phases.noTrigger', { id: e.trigger });
    } else if (
      deal.calendar?.legalFinalDate === undefined &&
      s.tranches.every((t) => t.legalFinalDate === undefined)
    ) {
      add(`${at}.type`, 'phases.noLegalFinal');
    }
  });
}

/**
 * Dates that must follow one another and a first payment date on the payment day. Exported so the Structure
 * screen refuses a date in place by these same rules.
 */
export function dealCalendarProblems(deal: Deal): DealProblem[] {
  const out: DealProblem[] = [];
  const add = (path: string, code: CoreCode, params?: MessageParams): void => {
    out.push({ path, ...coreMessage(code, params) });
  };
  const closing = deal.closingDate ?? deal.settlementDate ?? deal.cutoffDate;
  if (deal.closingDate !== undefined && deal.closingDate < deal.cutoffDate) {
    add('closingDate', 'deal.closingBeforeCutoff', { closing: deal.closingDate, cutoff: deal.cutoffDate });
  }
  const first = deal.firstPaymentDate;
  if (first !== undefined) {
    if (first <= closing) add('firstPaymentDate', 'deal.firstNotAfterClosing', { first, closing });
    if (Number(first.slice(8, 10)) !== deal.paymentDay) {
      add('firstPaymentDate', 'deal.firstNotOnPaymentDay', {
        day: Number(first.slice(8, 10)),
        field: 'paymentDay',
        paymentDay: deal.paymentDay,
      });
    }
    const months =
      (Number(first.slice(0, 4)) - Number(deal.cutoffDate.slice(0, 4))) * 12 +
      Number(first.slice(5, 7)) -
      Number(deal.cutoffDate.slice(5, 7));
    if (months < 1) add('firstPaymentDate', 'deal.firstInCutoffMonth');
  }
  const legal = deal.calendar?.legalFinalDate;
  if (legal !== undefined && legal <= closing) {
    add('calendar.legalFinalDate', 'deal.legalNotAfterClosing', { legal, closing });
  }
  return out;
}

/** Floating coupons whose index the scenario does not define. */
export function missingIndices(deal: Deal, scenario: Scenario): CoreMessage[] {
  const out: CoreMessage[] = [];
  for (const t of deal.structure.tranches) {
    if (t.coupon.type === 'floating' && scenario.indexCurves[t.coupon.index] === undefined) {
      out.push(
        coreMessage('deal.missingIndex', { scenario: scenario.name, index: t.coupon.index, tranche: t.id }),
      );
    }
  }
  out.push(...missingSupportIndices(deal, scenario));
  return out;
}
