/**
 * One class of a deal run priced off a discount curve: at a clean price (→ Z-spread, yield, discount margin) or
 * at a Z-spread (→ price). Pure, on the run's cash flows:
 * - cash arrives on the payment date plus the deal's payment delay; it is bought at the deal's settlement date
 *   (the deal calendar's), so flows on or before it are not bought;
 * - accrued interest is the run's (`accruedAtSettlement`: the first coupon's interest pro rata to the part of its
 *   accrual period, in the class's day count, that has run at settlement); dirty = clean + accrued;
 * - yield, WAL and modified duration are the SIFMA ones of ./yield.ts (bond-equivalent, 30/360 from settlement);
 *   the spread to the curve at the WAL is that yield less the curve's zero rate, semiannually compounded (so both
 *   are bond-equivalent), at settlement + WAL;
 * - a floating class also gets its discount margin (./discountMargin.ts) over the current fixing held flat (the
 *   index curve's period-1 rate in the scenario) or over the curve's forwards.
 */
import type { Deal, Scenario } from '../deal/schema';
import type { TrancheResult } from '../result';
import { accruedAtSettlement } from '../run';
import { indexRates } from '../structure/interest';
import { yearFraction } from '../time/dayCount';
import { addDays } from '../time/isoDate';
import { settlementDateOf, signedYears30360 } from '../time/schedule';
import { principalWindow, weightedAverageLife } from './averageLife';
import { curveTime, zeroRate, type CurveCompounding, type DiscountCurve } from './curve';
import { discountMargin, type DmIndex, type FloaterPeriod } from './discountMargin';
import { durationAt } from './duration';
import type { TrancheFlow } from './flows';
import { pricePar } from './par';
import { yieldFromPrice } from './yield';
import { priceOffCurve, zSpreadFromPrice, type CurveFlow } from './zSpread';

export type PriceQuote = { kind: 'price'; clean: number } | { kind: 'spread'; spread: number };
export type DmConvention = 'flat' | 'forwards';

export interface ClassPricing {
  trancheId: string;
  settlementDate: string;
  /** % of original balance. */
  cleanPrice: number | null;
  dirtyPrice: number | null;
  /** Money accrued at settlement. */
  accrued: number;
  /** Z-spread over the curve (decimal), in `compounding`. */
  zSpread: number | null;
  compounding: CurveCompounding;
  /** Bond-equivalent yield at the clean price. */
  yield: number | null;
  wal: number | null;
  modifiedDuration: number | null;
  /** Yield − the curve's semiannual zero rate at settlement + WAL. */
  spreadToCurveAtWal: number | null;
  firstPrincipalDate: string | null;
  lastPrincipalDate: string | null;
  /** Discount margin of a floating class; null for a fixed one. */
  discountMargin: number | null;
  dmConvention: DmConvention | null;
}

function cashDate(deal: Deal, date: string): string {
  return deal.paymentDelayDays > 0 ? addDays(date, deal.paymentDelayDays) : date;
}

/** The class's flows as the SIFMA analytics see them: 30/360 years from settlement to the cash date. */
export function sifmaFlows(deal: Deal, tr: TrancheResult): TrancheFlow[] {
  const settle = settlementDateOf(deal);
  return tr.cashflows.map((c) => ({
    period: c.period,
    t: signedYears30360(settle, cashDate(deal, c.date)),
    interest: c.interest,
    principal: c.principal,
  }));
}

/** The class's flows in curve time (the curve's day count from its date). */
export function curveFlows(deal: Deal, tr: TrancheResult, curve: DiscountCurve): CurveFlow[] {
  return tr.cashflows
    .filter((c) => c.interest + c.principal !== 0)
    .map((c) => ({ t: curveTime(curve, cashDate(deal, c.date)), amount: c.interest + c.principal }));
}

/** Periods from settlement to each cash date with money, in the class's day count (for the DM). */
export function floaterPeriods(deal: Deal, tr: TrancheResult): FloaterPeriod[] {
  const dayCount = deal.structure.tranches.find((t) => t.id === tr.id)?.dayCount ?? '30/360';
  let prev = settlementDateOf(deal);
  const out: FloaterPeriod[] = [];
  for (const c of tr.cashflows) {
    const amount = c.interest + c.principal;
    const end = cashDate(deal, c.date);
    if (amount === 0 || end <= prev) continue;
    out.push({ tau: yearFraction(prev, end, dayCount), amount, start: prev, end });
    prev = end;
  }
  return out;
}

export interface ClassPricingOptions {
  compounding?: CurveCompounding;
  /** DM index: the current fixing held flat (default) or the curve's forwards. */
  dm?: DmConvention;
}

export function priceClass(
  deal: Deal,
  scenario: Scenario,
  tr: TrancheResult,
  curve: DiscountCurve,
  quote: PriceQuote,
  opts: ClassPricingOptions = {},
): ClassPricing {
  const compounding = opts.compounding ?? 'semiannual';
  const settle = settlementDateOf(deal);
  const par = pricePar(tr);
  const accrued = accruedAtSettlement(tr, deal);
  const flows = curveFlows(deal, tr, curve);
  const tSettle = curveTime(curve, settle);
  let clean: number | null;
  let dirty: number | null;
  let z: number | null;
  if (quote.kind === 'price') {
    clean = quote.clean;
    dirty = par > 0 ? quote.clean + (100 * accrued) / par : null;
    z = zSpreadFromPrice(curve, flows, par, quote.clean, { compounding, tSettle, accrued });
  } else {
    const p =
      par > 0 ? priceOffCurve(curve, flows, par, quote.spread, { compounding, tSettle, accrued }) : null;
    clean = p ? p.clean : null;
    dirty = p ? p.dirty : null;
    z = p ? quote.spread : null;
  }
  const sifma = sifmaFlows(deal, tr);
  const y = clean !== null && clean > 0 && par > 0 ? yieldFromPrice(sifma, par, clean, accrued) : null;
  const wal = weightedAverageLife(sifma);
  const d = y ? durationAt(sifma, y.bey) : null;
  const window = principalWindow(sifma);
  const dateOf = (period: number): string | null =>
    tr.cashflows.find((c) => c.period === period)?.date ?? null;
  const tranche = deal.structure.tranches.find((t) => t.id === tr.id);
  let dm: number | null = null;
  let dmConvention: DmConvention | null = null;
  if (tranche?.coupon.type === 'floating' && dirty !== null) {
    dmConvention = opts.dm ?? 'flat';
    const index: DmIndex =
      dmConvention === 'flat'
        ? { kind: 'flat', fixing: indexRates(scenario)(tranche.coupon.index, 1) }
        : { kind: 'forwards', curve };
    dm = discountMargin(floaterPeriods(deal, tr), index, (dirty / 100) * par);
  }
  return {
    trancheId: tr.id,
    settlementDate: settle,
    cleanPrice: clean,
    dirtyPrice: dirty,
    accrued,
    zSpread: z,
    compounding,
    yield: y ? y.bey : null,
    wal,
    modifiedDuration: d ? d.modified : null,
    spreadToCurveAtWal: y && wal !== null ? y.bey - zeroRate(curve, tSettle + wal, 'semiannual') : null,
    firstPrincipalDate: window ? dateOf(window.first) : null,
    lastPrincipalDate: window ? dateOf(window.last) : null,
    discountMargin: dm,
    dmConvention,
  };
}
