/**
 * Edits of the liquidity facility, the interest-rate hedges and the coupon features (step-up, available-funds
 * cap, interest-only / principal-only) for the Structure screen, pure so they are tested without React. Adding
 * a feature also adds the waterfall steps it needs where deals put them, so the deal still runs: facility
 * interest and commitment fee first, its repayment just before the first principal step; a swap's net payment
 * first; a cap carryover step just before the residual. Removing a feature removes its steps.
 */
import type {
  Coupon,
  Deal,
  Hedge,
  LiquidityFacility,
  Structure,
  Tranche,
  WaterfallStep,
} from '../../core/deal/schema';

type Patch<T> = Partial<T>;

function withStructure(deal: Deal, fn: (s: Structure) => Structure): Deal {
  return { ...deal, structure: fn(deal.structure) };
}

/** Inserts `step` before the first step matching `before` (at the end when none does). */
function insertBefore(
  steps: readonly WaterfallStep[],
  step: WaterfallStep,
  before: (w: WaterfallStep) => boolean,
): WaterfallStep[] {
  const at = steps.findIndex(before);
  const out = [...steps];
  out.splice(at < 0 ? out.length : at, 0, step);
  return out;
}

/** An index the deal's scenarios define (the first scenario's first curve), else SOFR. */
export function defaultIndex(deal: Deal): string {
  return Object.keys(deal.scenarios[0]?.indexCurves ?? {})[0] ?? 'SOFR';
}

// ── Liquidity facility

export function addLiquidityFacility(deal: Deal): Deal {
  if (deal.structure.liquidityFacility) return deal;
  const firstInterest = deal.structure.waterfall.find((w) => w.pay === 'interest');
  const facility: LiquidityFacility = {
    id: 'liquidity',
    // 1% of the notes, a size rating agencies see on consumer ABS that carry one.
    commitment: { percentOfNotes: 0.01, reducing: false },
    covers: { fees: true, interest: firstInterest?.pay === 'interest' ? [...firstInterest.tranches] : [] },
    order: 'reserveFirst',
    rate: { type: 'fixed', rate: 0 },
    commitmentFeeRate: 0,
    dayCount: 'ACT/360',
  };
  return withStructure(deal, (s) => {
    const head: WaterfallStep[] = [
      { pay: 'liquidity', part: 'interest' },
      { pay: 'liquidity', part: 'commitmentFee' },
    ];
    const steps = insertBefore(
      [...head, ...s.waterfall],
      { pay: 'liquidity', part: 'repay' },
      (w) => w.pay === 'principal' || w.pay === 'residual',
    );
    return { ...s, liquidityFacility: facility, waterfall: steps };
  });
}

export function removeLiquidityFacility(deal: Deal): Deal {
  return withStructure(deal, ({ liquidityFacility: _old, ...s }) => ({
    ...s,
    waterfall: s.waterfall.filter((w) => w.pay !== 'liquidity'),
  }));
}

export function setLiquidity(deal: Deal, patch: Patch<LiquidityFacility>): Deal {
  const f = deal.structure.liquidityFacility;
  if (!f) return deal;
  return withStructure(deal, (s) => ({ ...s, liquidityFacility: { ...f, ...patch } }));
}

/** The commitment as an amount or as a share of the notes (the other one is dropped). */
export function setCommitment(deal: Deal, by: 'amount' | 'percentOfNotes', value: number): Deal {
  const f = deal.structure.liquidityFacility;
  if (!f) return deal;
  const commitment =
    by === 'amount'
      ? { amount: value, reducing: f.commitment.reducing }
      : { percentOfNotes: value, reducing: f.commitment.reducing };
  return setLiquidity(deal, { commitment });
}

/**
 * Re-expresses the commitment as an amount or as a share of the notes at closing, keeping its size, the way a
 * structurer switches between the two quotes.
 */
export function switchCommitment(deal: Deal, toAmount: boolean): Deal {
  const f = deal.structure.liquidityFacility;
  if (!f) return deal;
  const notes = deal.structure.tranches.reduce((s, t) => s + t.balance, 0);
  const c = f.commitment;
  if (toAmount) {
    if (c.amount !== undefined) return deal;
    return setCommitment(deal, 'amount', Math.round((c.percentOfNotes ?? 0) * notes * 100) / 100);
  }
  if (c.percentOfNotes !== undefined) return deal;
  return setCommitment(deal, 'percentOfNotes', notes > 0 ? Math.min(1, (c.amount ?? 0) / notes) : 0);
}

export function setCoveredClass(deal: Deal, id: string, covered: boolean): Deal {
  const f = deal.structure.liquidityFacility;
  if (!f) return deal;
  const interest = covered
    ? [...new Set([...f.covers.interest, id])]
    : f.covers.interest.filter((x) => x !== id);
  return setLiquidity(deal, { covers: { ...f.covers, interest } });
}

// ── Hedges

export function nextHedgeId(deal: Deal, stem: string): string {
  const ids = new Set((deal.structure.hedges ?? []).map((h) => h.id));
  let n = 1;
  while (ids.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** The class a new hedge follows: the first floating-rate class, else the first class. */
function hedgedClass(deal: Deal): string {
  const t = deal.structure.tranches;
  return (t.find((x) => x.coupon.type === 'floating') ?? t[0])?.id ?? '';
}

export function addHedge(deal: Deal, type: Hedge['type']): Deal {
  const id = nextHedgeId(deal, type);
  const notional: Hedge['notional'] = { type: 'tranche', tranche: hedgedClass(deal) };
  const index = defaultIndex(deal);
  const hedge: Hedge =
    type === 'swap'
      ? { type, id, dealPays: 'fixed', fixedRate: 0, index, spread: 0, notional, dayCount: 'ACT/360' }
      : { type, id, index, strike: 0, notional, dayCount: 'ACT/360' };
  return withStructure(deal, (s) => ({
    ...s,
    hedges: [...(s.hedges ?? []), hedge],
    // A swap's net payment is senior: paid first, as the counterparty ranks with the senior expenses.
    waterfall: type === 'swap' ? [{ pay: 'hedge', hedge: id }, ...s.waterfall] : s.waterfall,
  }));
}

export function removeHedge(deal: Deal, id: string): Deal {
  return withStructure(deal, ({ hedges, ...s }) => {
    const rest = (hedges ?? []).filter((h) => h.id !== id);
    return {
      ...s,
      ...(rest.length > 0 ? { hedges: rest } : {}),
      waterfall: s.waterfall.filter((w) => !(w.pay === 'hedge' && w.hedge === id)),
    };
  });
}

/** Indices the hedges read that some scenario does not define (the run would stop on them). */
export function undefinedHedgeIndices(deal: Deal): string[] {
  const out = new Set<string>();
  for (const h of deal.structure.hedges ?? []) {
    if (deal.scenarios.some((s) => s.indexCurves[h.index] === undefined)) out.add(h.index);
  }
  return [...out];
}

/** Gives every scenario without a curve for `index` a flat one at `rate` (scenarios with a curve keep theirs). */
export function setFlatIndex(deal: Deal, index: string, rate: number): Deal {
  return {
    ...deal,
    scenarios: deal.scenarios.map((s) =>
      s.indexCurves[index] === undefined ? { ...s, indexCurves: { ...s.indexCurves, [index]: rate } } : s,
    ),
  };
}

/** Changes fields of a hedge of its own type (a swap's fixed rate, a cap's strike, the notional …). */
export function setHedge(deal: Deal, id: string, fn: (h: Hedge) => Hedge): Deal {
  return withStructure(deal, (s) => ({
    ...s,
    hedges: (s.hedges ?? []).map((h) => (h.id === id ? fn(h) : h)),
  }));
}

// ── Coupon features

function updateTranche(deal: Deal, id: string, fn: (t: Tranche) => Tranche): Deal {
  return withStructure(deal, (s) => ({ ...s, tranches: s.tranches.map((t) => (t.id === id ? fn(t) : t)) }));
}

export type StepUpFrom = 'none' | 'date' | 'cleanUpCallDate';

/**
 * Sets when a class steps up. A new step-up keeps the class's coupon kind and adds 1% to its rate or margin,
 * a common step-up size, for the user to change.
 */
export function setStepUpFrom(deal: Deal, id: string, from: StepUpFrom, date: string): Deal {
  return updateTranche(deal, id, ({ stepUp, ...t }) => {
    if (from === 'none') return t;
    const coupon: Coupon =
      stepUp?.coupon ??
      (t.coupon.type === 'fixed'
        ? { ...t.coupon, rate: t.coupon.rate + 0.01 }
        : { ...t.coupon, spread: t.coupon.spread + 0.01 });
    return {
      ...t,
      stepUp: {
        from:
          from === 'date'
            ? stepUp && stepUp.from !== 'cleanUpCallDate'
              ? stepUp.from
              : date
            : 'cleanUpCallDate',
        coupon,
      },
    };
  });
}

export function setStepUpDate(deal: Deal, id: string, date: string): Deal {
  return updateTranche(deal, id, (t) => (t.stepUp ? { ...t, stepUp: { ...t.stepUp, from: date } } : t));
}

/** The stepped-up rate (fixed) or margin (floating). */
export function setStepUpRate(deal: Deal, id: string, value: number): Deal {
  return updateTranche(deal, id, (t) =>
    t.stepUp
      ? {
          ...t,
          stepUp: {
            ...t.stepUp,
            coupon:
              t.stepUp.coupon.type === 'fixed'
                ? { ...t.stepUp.coupon, rate: value }
                : { ...t.stepUp.coupon, spread: value },
          },
        }
      : t,
  );
}

/** Turns the cap on with a carryover step before the residual (or joins an existing one), or off. */
export function setAvailableFundsCap(deal: Deal, id: string, on: boolean): Deal {
  const capped = updateTranche(deal, id, ({ availableFundsCap: _old, ...t }) =>
    on ? { ...t, availableFundsCap: true } : t,
  );
  return withStructure(capped, (s) => {
    if (!on) {
      const waterfall = s.waterfall
        .map((w) => (w.pay === 'capCarryover' ? { ...w, tranches: w.tranches.filter((x) => x !== id) } : w))
        .filter((w) => w.pay !== 'capCarryover' || w.tranches.length > 0);
      return { ...s, waterfall };
    }
    const existing = s.waterfall.findIndex((w) => w.pay === 'capCarryover');
    if (existing >= 0) {
      const waterfall = s.waterfall.map((w, i) =>
        i === existing && w.pay === 'capCarryover' && !w.tranches.includes(id)
          ? { ...w, tranches: [...w.tranches, id] }
          : w,
      );
      return { ...s, waterfall };
    }
    return {
      ...s,
      waterfall: insertBefore(
        s.waterfall,
        { pay: 'capCarryover', tranches: [id] },
        (w) => w.pay === 'residual',
      ),
    };
  });
}

export type CashflowKind = 'both' | 'interestOnly' | 'principalOnly';

export function cashflowKind(t: Tranche): CashflowKind {
  return t.interestOnly ? 'interestOnly' : t.principalOnly ? 'principalOnly' : 'both';
}

/**
 * Makes a class pay both, interest only (balance 0, notional the pool, no cap) or principal only. An IO class
 * leaves the principal steps (it has no principal); a PO class leaves the interest steps.
 */
export function setCashflowKind(deal: Deal, id: string, kind: CashflowKind): Deal {
  const next = updateTranche(deal, id, ({ interestOnly: _io, principalOnly: _po, ...t }) => {
    if (kind === 'interestOnly') {
      const { availableFundsCap: _cap, ...rest } = t;
      return { ...rest, balance: 0, interestOnly: { notional: { type: 'pool' } } };
    }
    return kind === 'principalOnly' ? { ...t, principalOnly: true } : t;
  });
  const leave = kind === 'interestOnly' ? 'principal' : kind === 'principalOnly' ? 'interest' : null;
  if (!leave) return next;
  return withStructure(next, (s) => ({
    ...s,
    waterfall: s.waterfall
      .map((w) =>
        w.pay === leave || (leave === 'principal' && w.pay === 'capCarryover')
          ? { ...w, tranches: w.tranches.filter((x) => x !== id) }
          : w,
      )
      .filter((w) => !('tranches' in w) || w.tranches.length > 0),
  }));
}

/** The notional of an interest-only class: the pool, or another class. */
export function setIoNotional(deal: Deal, id: string, notional: 'pool' | string): Deal {
  return updateTranche(deal, id, (t) =>
    t.interestOnly
      ? {
          ...t,
          interestOnly: {
            notional: notional === 'pool' ? { type: 'pool' } : { type: 'tranche', tranche: notional },
          },
        }
      : t,
  );
}
