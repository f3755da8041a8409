/**
 * Fee edits for the Structure screen, pure so they are tested without React. A fee's basis can change type
 * without changing what it charges in the first period: the amount and the annual rate are converted at the
 * balance the new basis reads (pool or class at closing), the way a structurer re-expresses a quoted fee.
 */
import type { TFunction } from 'i18next';
import type { Deal, Fee } from '../../core/deal/schema';
import { enT } from '../i18n/fixedT';

export type FeeBasisType = Fee['basis']['type'];

/** What a basis is called on screen. */
export function feeBasisLabel(type: FeeBasisType, t: TFunction = enT): string {
  return t(`structure:fees.basisType.${type}`);
}

/** The balance a basis reads at closing: the pool for a pool fee, the class for a class fee (null: none). */
function closingBase(deal: Deal, basis: Fee['basis'], poolBalance: number): number | null {
  if (basis.type === 'fixed') return null;
  if (basis.type === 'percentOfPool') return poolBalance;
  return deal.structure.tranches.find((t) => t.id === basis.tranche)?.balance ?? null;
}

/** What the fee charges in period 1 before any cap: the figure the conversion between bases keeps. */
export function firstPeriodFee(deal: Deal, fee: Fee, poolBalance: number): number {
  if (fee.basis.type === 'fixed') return fee.basis.amount;
  return ((closingBase(deal, fee.basis, poolBalance) ?? 0) * fee.basis.rate) / 12;
}

function updateFee(deal: Deal, id: string, fn: (f: Fee) => Fee): Deal {
  const at = deal.structure.fees.findIndex((f) => f.id === id);
  if (at < 0) return deal;
  const fees = deal.structure.fees.map((f, i) => (i === at ? fn(f) : f));
  return { ...deal, structure: { ...deal.structure, fees } };
}

export function addFee(deal: Deal, type: 'fixed' | 'percentOfPool'): Deal {
  let n = deal.structure.fees.length + 1;
  while (deal.structure.fees.some((f) => f.id === `fee${n}`)) n++;
  const id = `fee${n}`;
  const basis: Fee['basis'] = type === 'fixed' ? { type, amount: 0 } : { type, rate: 0 };
  return {
    ...deal,
    structure: {
      ...deal.structure,
      fees: [...deal.structure.fees, { id, basis, carryUnpaid: true }],
      // A new fee is paid first, ahead of note interest, as senior fees are.
      waterfall: [{ pay: 'fee', fee: id }, ...deal.structure.waterfall],
    },
  };
}

/** Removes the fee and the waterfall steps that pay it (a step naming a missing fee would stop the run). */
export function removeFee(deal: Deal, id: string): Deal {
  return {
    ...deal,
    structure: {
      ...deal.structure,
      fees: deal.structure.fees.filter((f) => f.id !== id),
      waterfall: deal.structure.waterfall.filter((w) => !(w.pay === 'fee' && w.fee === id)),
    },
  };
}

/** An emptied name drops it: the fee is then shown by its id. */
export function setFeeName(deal: Deal, id: string, name: string): Deal {
  const trimmed = name.trim();
  return updateFee(deal, id, ({ name: _old, ...f }) => (trimmed ? { ...f, name: trimmed } : f));
}

/**
 * Changes the basis keeping the first period's charge: fixed → % converts amount × 12 / closing balance;
 * % → fixed converts back; % of pool ↔ % of a class rescales the rate. A class basis without a class named
 * takes the most senior one. With a zero closing balance there is nothing to keep, so the value is 0.
 */
export function setFeeBasisType(
  deal: Deal,
  id: string,
  type: FeeBasisType,
  poolBalance: number,
  tranche?: string,
): Deal {
  return updateFee(deal, id, (f) => {
    const charge = firstPeriodFee(deal, f, poolBalance);
    if (type === 'fixed') return { ...f, basis: { type, amount: Math.round(charge * 100) / 100 } };
    const target: Fee['basis'] =
      type === 'percentOfPool'
        ? { type, rate: 0 }
        : { type, tranche: tranche ?? deal.structure.tranches[0]?.id ?? '', rate: 0 };
    const base = closingBase(deal, target, poolBalance);
    // Not rounded: on a class of hundreds of millions even a 1e-8 rate step moves the charge by cents.
    const rate = base && base > 0 ? (charge * 12) / base : 0;
    return { ...f, basis: { ...target, rate } };
  });
}

/** The amount (fixed) or the annual rate (a share, 0.01 = 1%), whichever the basis holds. */
export function setFeeValue(deal: Deal, id: string, value: number): Deal {
  return updateFee(deal, id, (f) => ({
    ...f,
    basis: f.basis.type === 'fixed' ? { ...f.basis, amount: value } : { ...f.basis, rate: value },
  }));
}

/** undefined lifts the cap. */
export function setFeeCap(deal: Deal, id: string, cap: number | undefined): Deal {
  return updateFee(deal, id, ({ capPerPeriod: _old, ...f }) =>
    cap === undefined ? f : { ...f, capPerPeriod: cap },
  );
}

export function setFeeCarry(deal: Deal, id: string, carryUnpaid: boolean): Deal {
  return updateFee(deal, id, (f) => ({ ...f, carryUnpaid }));
}

export function feeValueProblem(fee: Fee, v: number, t: TFunction = enT): string | null {
  if (fee.basis.type === 'fixed') return v < 0 ? t('structure:fees.problem.negative') : null;
  return v < 0 || v > 1 ? t('structure:fees.problem.rate') : null;
}
