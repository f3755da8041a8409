/**
 * Checks a parsed deal's structure before a run: the schema cannot see across fields, and a waterfall naming a
 * tranche that does not exist would otherwise fail deep inside a period. Every problem is listed at once, with
 * the path of the field in the deal file.
 */
import { coreMessage, type CoreCode, type CoreMessage, type MessageParams } from '../i18n/messages';
import type { Deal, Scenario } from './schema';
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

  const inInterest = new Map<string, number>();
  const inPrincipal = new Set<string>();
  let purchaseSteps = 0;
  s.waterfall.forEach((step, i) => {
    const at = `structure.waterfall[${i}]`;
    switch (step.pay) {
      case 'fee':
        if (!fees.has(step.fee)) add(`${at}.fee`, 'deal.noFee', { id: step.fee });
        else if (
          step.part === 'capExcess' &&
          s.fees.find((f) => f.id === step.fee)?.capPerPeriod === undefined
        ) {
          // Without a cap nothing is held back, so the step would never pay: almost certainly a mistake.
          add(`${at}.part`, 'deal.feeNoCap', { fee: step.fee, field: 'capPerPeriod' });
        }
        break;
      case 'interest':
      case 'principal':
        step.tranches.forEach((id, j) => {
          if (!tranches.has(id)) add(`${at}.tranches[${j}]`, 'deal.noTranche', { id });
          if (step.pay === 'principal') {
            inPrincipal.add(id);
          } else if (inInterest.has(id)) {
            // A second interest step would accrue the coupon twice.
            add(`${at}.tranches[${j}]`, 'deal.interestTwice', { id, step: inInterest.get(id) ?? 0 });
          } else {
            inInterest.set(id, i);
          }
        });
        break;
      case 'reserveDeposit':
        if (!s.reserve)
          add(`${at}.pay`, 'deal.stepNeeds', { step: 'reserveDeposit', field: 'structure.reserve' });
        break;
      case 'purchase':
        purchaseSteps++;
        if (!s.revolving)
          add(`${at}.pay`, 'deal.stepNeeds', { step: 'purchase', field: 'structure.revolving' });
        break;
      case 'residual':
        break;
    }
    if (step.from?.includes('reserve') && !s.reserve) add(`${at}.from`, 'deal.noReserveToDraw');
  });

  // Equity is paid by the residual; every other class needs its interest and its principal paid somewhere.
  s.tranches.forEach((t, i) => {
    if (t.seniority === 'equity') return;
    // A principal-only class earns no interest and an interest-only class has no principal.
    if (!inInterest.has(t.id) && !t.principalOnly)
      add(`structure.tranches[${i}]`, 'deal.noInterestStep', { id: t.id });
    if (!inPrincipal.has(t.id) && !t.interestOnly)
      add(`structure.tranches[${i}]`, 'deal.noPrincipalStep', { id: t.id });
  });

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
