/**
 * Cross-field checks of the liquidity facility, the hedges and the coupon features (step-up, available-funds
 * cap, interest-only and principal-only classes): what the schema cannot see, found before a run rather than
 * deep inside a period. Called by `validateDeal`; the paths are those of the deal file.
 */
import { coreMessage, type CoreCode, type CoreMessage, type MessageParams } from '../i18n/messages';
import type { Deal, Scenario } from './schema';

export interface SupportProblem extends CoreMessage {
  path: string;
}

export function supportProblems(deal: Deal): SupportProblem[] {
  const out: SupportProblem[] = [];
  const add = (path: string, code: CoreCode, params?: MessageParams): void => {
    out.push({ path, ...coreMessage(code, params) });
  };
  const s = deal.structure;
  const tranches = new Set(s.tranches.map((t) => t.id));
  const hedges = s.hedges ?? [];
  const hedgeIds = new Set<string>();
  hedges.forEach((h, i) => {
    if (hedgeIds.has(h.id)) add(`structure.hedges[${i}].id`, 'support.duplicateHedge', { id: h.id });
    hedgeIds.add(h.id);
    if (h.notional.type === 'tranche' && !tranches.has(h.notional.tranche)) {
      add(`structure.hedges[${i}].notional.tranche`, 'deal.noTranche', { id: h.notional.tranche });
    }
  });

  const paidHedges = new Set<string>();
  const liquidityParts = new Map<string, number>();
  let firstPrincipal = -1;
  const carryoverClasses = new Set<string>();
  s.waterfall.forEach((step, i) => {
    const at = `structure.waterfall[${i}]`;
    if (step.pay === 'principal' && firstPrincipal < 0) firstPrincipal = i;
    if (step.pay === 'hedge') {
      const h = hedges.find((x) => x.id === step.hedge);
      if (!h) add(`${at}.hedge`, 'support.noHedge', { id: step.hedge });
      else if (h.type === 'cap') add(`${at}.hedge`, 'support.capNeedsNoStep', { id: h.id, step: 'hedge' });
      paidHedges.add(step.hedge);
    } else if (step.pay === 'liquidity') {
      if (!s.liquidityFacility) {
        add(`${at}.pay`, 'deal.stepNeeds', { step: 'liquidity', field: 'structure.liquidityFacility' });
      }
      const before = liquidityParts.get(step.part);
      if (before !== undefined)
        add(`${at}.part`, 'support.liquidityStepTwice', { part: step.part, step: before + 1 });
      else liquidityParts.set(step.part, i);
      if (step.part === 'repay' && firstPrincipal >= 0) {
        add(`${at}.part`, 'support.repayAfterPrincipal', { step: firstPrincipal + 1 });
      }
    } else if (step.pay === 'capCarryover') {
      step.tranches.forEach((id, j) => {
        const t = s.tranches.find((x) => x.id === id);
        if (!t) add(`${at}.tranches[${j}]`, 'deal.noTranche', { id });
        else if (!t.availableFundsCap) add(`${at}.tranches[${j}]`, 'support.carryoverNoCap', { id });
        carryoverClasses.add(id);
      });
    }
  });
  hedges.forEach((h, i) => {
    if (h.type === 'swap' && !paidHedges.has(h.id)) {
      add(`structure.hedges[${i}]`, 'support.swapNoStep', {
        id: h.id,
        step: `{ "pay": "hedge", "hedge": "${h.id}" }`,
      });
    }
  });

  const f = s.liquidityFacility;
  if (f) {
    if (f.commitment.amount === undefined && f.commitment.percentOfNotes === undefined) {
      add('structure.liquidityFacility.commitment', 'support.noCommitment', {
        amount: 'amount',
        percent: 'percentOfNotes',
      });
    }
    if (!f.covers.fees && f.covers.interest.length === 0) {
      add('structure.liquidityFacility.covers', 'support.coversNothing', {
        fees: 'fees',
        interest: 'interest',
      });
    }
    f.covers.interest.forEach((id, j) => {
      if (!tranches.has(id))
        add(`structure.liquidityFacility.covers.interest[${j}]`, 'deal.noTranche', { id });
    });
    const covered = new Set(f.covers.interest);
    s.waterfall.forEach((step, i) => {
      if (step.pay !== 'interest') return;
      const inside = step.tranches.filter((id) => covered.has(id));
      if (inside.length > 0 && inside.length < step.tranches.length) {
        add(`structure.waterfall[${i}].tranches`, 'support.coversPart', {
          covered: inside.join(', '),
          others: step.tranches.filter((id) => !covered.has(id)).join(', '),
        });
      }
    });
    if (!liquidityParts.has('repay')) {
      add('structure.waterfall', 'support.noRepayStep', { step: '{ "pay": "liquidity", "part": "repay" }' });
    }
    if (!liquidityParts.has('interest')) {
      add('structure.waterfall', 'support.noLiquidityInterestStep', {
        step: '{ "pay": "liquidity", "part": "interest" }',
      });
    }
    if (f.commitmentFeeRate > 0 && !liquidityParts.has('commitmentFee')) {
      add('structure.waterfall', 'support.noCommitmentFeeStep', {
        step: '{ "pay": "liquidity", "part": "commitmentFee" }',
      });
    }
  }

  s.tranches.forEach((t, i) => {
    const at = `structure.tranches[${i}]`;
    if (t.interestOnly && t.principalOnly) add(at, 'support.ioAndPo');
    if (t.interestOnly) {
      if (t.balance !== 0) add(`${at}.balance`, 'support.ioBalance', { balance: t.balance });
      const n = t.interestOnly.notional;
      if (n.type === 'tranche') {
        if (n.tranche === t.id) add(`${at}.interestOnly.notional.tranche`, 'support.ioOwnNotional');
        else if (!tranches.has(n.tranche))
          add(`${at}.interestOnly.notional.tranche`, 'deal.noTranche', { id: n.tranche });
      }
      if (t.availableFundsCap) add(`${at}.availableFundsCap`, 'support.ioCapped');
    }
    if (t.availableFundsCap && !t.interestOnly && !carryoverClasses.has(t.id)) {
      add(`${at}.availableFundsCap`, 'support.capNoCarryoverStep', {
        id: t.id,
        step: `{ "pay": "capCarryover", "tranches": ["${t.id}"] }`,
      });
    }
    if (t.stepUp?.from === 'cleanUpCallDate' && !s.cleanUpCall) {
      add(`${at}.stepUp.from`, 'support.stepUpNoCall', { field: 'structure.cleanUpCall' });
    }
  });
  return out;
}

/** Index curves the hedges, the facility and step-up coupons read that the scenario does not define. */
export function missingSupportIndices(deal: Deal, scenario: Scenario): CoreMessage[] {
  const out: CoreMessage[] = [];
  const need = (index: string, what: string): void => {
    if (scenario.indexCurves[index] === undefined) {
      out.push(coreMessage('support.missingIndex', { scenario: scenario.name, index, what }));
    }
  };
  for (const h of deal.structure.hedges ?? []) need(h.index, h.id);
  const f = deal.structure.liquidityFacility;
  if (f?.rate.type === 'floating') need(f.rate.index, f.id);
  for (const t of deal.structure.tranches) {
    if (t.stepUp?.coupon.type === 'floating') need(t.stepUp.coupon.index, t.id);
  }
  // One message per index and what reads it, however many checks found it.
  return out.filter((m, i) => out.findIndex((x) => x.message === m.message) === i);
}
