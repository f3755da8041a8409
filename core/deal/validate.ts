/**
 * Checks a parsed deal's structure before a run: the schema cannot see across fields, and a waterfall naming a
 * tranche that does not exist would otherwise fail deep inside a period. Every problem is listed at once, with
 * the path of the field in the deal file.
 */
import type { Deal, Scenario } from './schema';

export interface DealProblem {
  path: string;
  message: string;
}

/** Everything wrong with the deal's structure (empty when it can run). */
export function validateDeal(deal: Deal): DealProblem[] {
  const out: DealProblem[] = [];
  const add = (path: string, message: string): void => {
    out.push({ path, message });
  };
  const s = deal.structure;

  const unique = (kind: string, ids: readonly string[], at: string): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(`${at}[${i}].id`, `duplicate ${kind} id '${id}'`);
      seen.add(id);
    });
    return seen;
  };
  const tranches = unique(
    'tranche',
    s.tranches.map((t) => t.id),
    'structure.tranches',
  );
  const fees = unique(
    'fee',
    s.fees.map((f) => f.id),
    'structure.fees',
  );
  unique(
    'trigger',
    s.triggers.map((t) => t.id),
    'structure.triggers',
  );

  s.fees.forEach((f, i) => {
    if (f.basis.type === 'percentOfTranche' && !tranches.has(f.basis.tranche)) {
      add(`structure.fees[${i}].basis.tranche`, `no tranche '${f.basis.tranche}'`);
    }
  });

  const inInterest = new Map<string, number>();
  const inPrincipal = new Set<string>();
  let purchaseSteps = 0;
  s.waterfall.forEach((step, i) => {
    const at = `structure.waterfall[${i}]`;
    switch (step.pay) {
      case 'fee':
        if (!fees.has(step.fee)) add(`${at}.fee`, `no fee '${step.fee}'`);
        else if (
          step.part === 'capExcess' &&
          s.fees.find((f) => f.id === step.fee)?.capPerPeriod === undefined
        ) {
          // Without a cap nothing is held back, so the step would never pay: almost certainly a mistake.
          add(`${at}.part`, `fee '${step.fee}' has no capPerPeriod, so it has no excess to pay`);
        }
        break;
      case 'interest':
      case 'principal':
        step.tranches.forEach((id, j) => {
          if (!tranches.has(id)) add(`${at}.tranches[${j}]`, `no tranche '${id}'`);
          if (step.pay === 'principal') {
            inPrincipal.add(id);
          } else if (inInterest.has(id)) {
            // A second interest step would accrue the coupon twice.
            add(
              `${at}.tranches[${j}]`,
              `tranche '${id}' already earns interest in step ${inInterest.get(id)}`,
            );
          } else {
            inInterest.set(id, i);
          }
        });
        break;
      case 'reserveDeposit':
        if (!s.reserve) add(`${at}.pay`, 'a reserveDeposit step needs structure.reserve');
        break;
      case 'purchase':
        purchaseSteps++;
        if (!s.revolving) add(`${at}.pay`, 'a purchase step needs structure.revolving');
        break;
      case 'residual':
        break;
    }
    if (step.from?.includes('reserve') && !s.reserve) add(`${at}.from`, 'no reserve account to draw from');
  });

  // Equity is paid by the residual; every other class needs its interest and its principal paid somewhere.
  s.tranches.forEach((t, i) => {
    if (t.seniority === 'equity') return;
    if (!inInterest.has(t.id)) add(`structure.tranches[${i}]`, `tranche '${t.id}' is in no interest step`);
    if (!inPrincipal.has(t.id)) add(`structure.tranches[${i}]`, `tranche '${t.id}' is in no principal step`);
  });

  if (s.revolving && purchaseSteps === 0) {
    add('structure.waterfall', 'the deal revolves but no step buys receivables (add { "pay": "purchase" })');
  }

  s.triggers.forEach((tr, i) => {
    const sched = tr.test.schedule;
    for (let k = 1; k < sched.length; k++) {
      if (sched[k].fromPeriod <= sched[k - 1].fromPeriod) {
        add(
          `structure.triggers[${i}].test.schedule[${k}].fromPeriod`,
          'schedule must be sorted by fromPeriod',
        );
      }
    }
    if (tr.effects.includes('endRevolving') && !s.revolving) {
      add(`structure.triggers[${i}].effects`, 'endRevolving on a deal that does not revolve');
    }
  });

  for (const p of dealCalendarProblems(deal)) add(p.path, p.message);

  deal.scenarios.forEach((sc, k) => {
    for (const p of missingIndices(deal, sc)) add(`scenarios[${k}].indexCurves`, p);
  });
  return out;
}

/**
 * Dates that must follow one another and a first payment date on the payment day. Exported so the Structure
 * screen refuses a date in place by these same rules.
 */
export function dealCalendarProblems(deal: Deal): DealProblem[] {
  const out: DealProblem[] = [];
  const add = (path: string, message: string): void => {
    out.push({ path, message });
  };
  const closing = deal.closingDate ?? deal.settlementDate ?? deal.cutoffDate;
  if (deal.closingDate !== undefined && deal.closingDate < deal.cutoffDate) {
    add('closingDate', `${deal.closingDate} is before the cut-off date ${deal.cutoffDate}`);
  }
  const first = deal.firstPaymentDate;
  if (first !== undefined) {
    if (first <= closing) add('firstPaymentDate', `${first} is not after the closing date ${closing}`);
    if (Number(first.slice(8, 10)) !== deal.paymentDay) {
      add(
        'firstPaymentDate',
        `falls on day ${Number(first.slice(8, 10))}, not on paymentDay ${deal.paymentDay}`,
      );
    }
    const months =
      (Number(first.slice(0, 4)) - Number(deal.cutoffDate.slice(0, 4))) * 12 +
      Number(first.slice(5, 7)) -
      Number(deal.cutoffDate.slice(5, 7));
    if (months < 1) add('firstPaymentDate', 'must be in a month after the cut-off month');
  }
  const legal = deal.calendar?.legalFinalDate;
  if (legal !== undefined && legal <= closing) {
    add('calendar.legalFinalDate', `${legal} is not after the closing date ${closing}`);
  }
  return out;
}

/** Floating coupons whose index the scenario does not define. */
export function missingIndices(deal: Deal, scenario: Scenario): string[] {
  const out: string[] = [];
  for (const t of deal.structure.tranches) {
    if (t.coupon.type === 'floating' && scenario.indexCurves[t.coupon.index] === undefined) {
      out.push(`scenario '${scenario.name}' has no index curve '${t.coupon.index}' (tranche ${t.id})`);
    }
  }
  return out;
}
