/**
 * Revolving-period edits: the replenishment profile, concentration limits, eligibility by product and segment,
 * and turning the period on or off. Each returns a new deal (unchanged when the deal does not revolve); the
 * caller validates it with the deal schema (validatedDeal) before it enters the undo history. The `…Problem`
 * functions are the in-place checks the schema cannot phrase for a user.
 */
import { Product, type Deal, type RepLine, type Revolving, type WaterfallStep } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import { eligibilityFailureMessages } from '../../core/structure/revolving';
import type { CoreMessage } from '../../core/i18n/messages';
import type { TFunction } from 'i18next';
import { enT } from '../i18n/fixedT';

export type LimitKey = Revolving['concentrationLimits'][number]['key'];
export type ConcentrationLimit = Revolving['concentrationLimits'][number];
export const PRODUCTS: readonly Product[] = Product.options;

/**
 * A new revolving period lasts 24 months, as Affirm Asset Securitization Trust 2023-B's does
 * (/work/shared/DOMAIN.md:17-19), shortened to end before the deal's horizon when that is shorter.
 */
export const DEFAULT_REVOLVING_MONTHS = 24;

/**
 * The fallback profile line when the pool is loan level (no rep lines to copy): a 12-month level-pay loan at
 * 15% APR, inside Affirm's 0-30% APR and its deals' 24-months-or-less terms (/work/shared/DOMAIN.md:31-32).
 */
const FALLBACK_LINE: RepLine = {
  id: 'new-level-12m',
  segment: 'all',
  product: 'level-pay',
  balance: 100,
  rate: 0.15,
  monthlyFeeRate: 0,
  originalTerm: 12,
  remainingTerm: 12,
  paymentRate: 0,
  count: 1,
};

function withRevolving(deal: Deal, f: (r: Revolving) => Revolving): Deal {
  const r = deal.structure.revolving;
  if (!r) return deal;
  return { ...deal, structure: { ...deal.structure, revolving: f(r) } };
}

/**
 * Percentages (total exactly 100, to 1e-4) in proportion to `weights`, by largest remainder so the shown
 * shares always add up; all-zero weights share equally.
 */
export function asPercentages(weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const w = total > 0 ? weights.map((x) => Math.max(0, x) / total) : weights.map(() => 1 / n);
  const units = 1_000_000;
  const exact = w.map((x) => x * units);
  const floor = exact.map(Math.floor);
  let left = units - floor.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floor[i] = (floor[i] ?? 0) + 1;
    left--;
  }
  return floor.map((u) => u / 10_000);
}

/** Each profile line's share of a purchase (0-1): the engine splits purchases by weight (`balance`). */
export function profileShares(r: Revolving): number[] {
  return asPercentages(r.profile.map((l) => l.balance)).map((p) => p / 100);
}

/** Why line `index` cannot take `share` of purchases (null when it can). */
export function shareProblem(r: Revolving, index: number, share: number, t: TFunction = enT): string | null {
  if (!(share > 0)) return t('structure:revolving.problem.shareZero');
  if (share > 1) return t('structure:revolving.problem.shareAbove');
  if (share >= 1 && r.profile.length > 1) return t('structure:revolving.problem.shareAll');
  if (index < 0 || index >= r.profile.length) return t('structure:revolving.problem.noLine');
  return null;
}

/**
 * Gives line `index` the share `share` of each purchase; the other lines keep their proportions among
 * themselves in the rest, so the shares still total 100%. Weights are stored as percentages.
 */
export function setProfileShare(deal: Deal, index: number, share: number): Deal {
  return withRevolving(deal, (r) => {
    if (shareProblem(r, index, share) !== null) return r;
    const others = r.profile.map((l, i) => (i === index ? 0 : Math.max(0, l.balance)));
    const otherTotal = others.reduce((a, b) => a + b, 0);
    const n = r.profile.length;
    const target = r.profile.map((_, i) =>
      i === index
        ? share
        : otherTotal > 0
          ? ((others[i] ?? 0) / otherTotal) * (1 - share)
          : (1 - share) / (n - 1),
    );
    const pcts = asPercentages(target);
    return { ...r, profile: r.profile.map((l, i) => ({ ...l, balance: pcts[i] ?? 0 })) };
  });
}

function freshId(taken: ReadonlySet<string>, base: string): string {
  const stem = base.slice(0, 60);
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** Appends a copy of the last line under a fresh id, taking an equal share (1 / lines) from the others. */
export function addProfileLine(deal: Deal): Deal {
  return withRevolving(deal, (r) => {
    const last = r.profile[r.profile.length - 1] ?? FALLBACK_LINE;
    const line: RepLine = { ...last, id: freshId(new Set(r.profile.map((l) => l.id)), last.id) };
    const n = r.profile.length + 1;
    const shares = [...profileShares(r).map((s) => (s * (n - 1)) / n), 1 / n];
    const pcts = asPercentages(shares);
    return { ...r, profile: [...r.profile, line].map((l, i) => ({ ...l, balance: pcts[i] ?? 0 })) };
  });
}

/** Removes line `index`; the others keep their proportions (the schema refuses an empty profile). */
export function removeProfileLine(deal: Deal, index: number): Deal {
  return withRevolving(deal, (r) => {
    const rest = r.profile.filter((_, i) => i !== index);
    const pcts = asPercentages(rest.map((l) => l.balance));
    return { ...r, profile: rest.map((l, i) => ({ ...l, balance: pcts[i] ?? 0 })) };
  });
}

export type ProfileField =
  'id' | 'segment' | 'rate' | 'monthlyFeeRate' | 'originalTerm' | 'remainingTerm' | 'paymentRate';

/** Sets one field of profile line `index`. */
export function setProfileField<K extends ProfileField>(
  deal: Deal,
  index: number,
  key: K,
  value: RepLine[K],
): Deal {
  return withRevolving(deal, (r) => {
    const line = r.profile[index];
    if (!line) return r;
    const next: RepLine = { ...line, [key]: value };
    // A new receivable is usually bought unseasoned: a term edit on such a line moves both terms together.
    if (key === 'originalTerm' && line.remainingTerm === line.originalTerm) {
      next.remainingTerm = next.originalTerm;
    }
    const profile = r.profile.map((l, i) => (i === index ? next : l));
    const gone =
      key === 'segment' &&
      !profile.some((l) => l.segment === line.segment) &&
      !poolSegments(deal).has(line.segment);
    if (!gone) return { ...r, profile };
    // The old name now groups nothing, so rules written for it follow the line to its new name.
    const to = String(value);
    const segments = r.eligibility.segments;
    return {
      ...r,
      profile,
      concentrationLimits: r.concentrationLimits.map((c) =>
        c.key === 'segment' && c.value === line.segment ? { ...c, value: to } : c,
      ),
      eligibility:
        segments && segments.includes(line.segment)
          ? {
              ...r.eligibility,
              segments: [...new Set(segments.map((x) => (x === line.segment ? to : x)))].sort(),
            }
          : r.eligibility,
    };
  });
}

/**
 * Changes a line's product, filling what the new product needs so the line stays valid and clearing what only
 * the old one used (the projection charges a monthly fee on any line that has one). An interest-free line
 * charges a fee and no rate: 0.5% a month when it had none, the bottom of JD Baitiao's 0.5-1.2% flat monthly
 * fee (/work/shared/DOMAIN.md:33-34). A revolving balance needs a payment rate: 1 / term, paid down over the
 * line's term.
 */
export function setProfileProduct(deal: Deal, index: number, product: Product): Deal {
  return withRevolving(deal, (r) => {
    const line = r.profile[index];
    if (!line) return r;
    const next: RepLine = { ...line, product };
    if (product === 'interest-free-fee') {
      next.rate = 0;
      if (!(next.monthlyFeeRate > 0)) next.monthlyFeeRate = 0.005;
    } else next.monthlyFeeRate = 0;
    if (product === 'revolving') {
      if (!(next.paymentRate > 0)) next.paymentRate = 1 / Math.max(1, next.originalTerm);
    } else next.paymentRate = 0;
    return { ...r, profile: r.profile.map((l, i) => (i === index ? next : l)) };
  });
}

/** Why `id` cannot name profile line `index` (unique among the profile, schema id characters). */
export function profileIdProblem(r: Revolving, index: number, id: string, t: TFunction = enT): string | null {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) return t('structure:revolving.problem.lineId');
  if (r.profile.some((l, i) => i !== index && l.id === id))
    return t('structure:revolving.problem.lineTaken', { id });
  return null;
}

/** Why the terms of a profile line are inconsistent (remaining above original), for an in-place message. */
export function termProblem(
  line: RepLine,
  key: 'originalTerm' | 'remainingTerm',
  v: number,
  t: TFunction = enT,
): string | null {
  if (!Number.isInteger(v) || v < 1) return t('structure:revolving.problem.termWhole');
  if (v > 1200) return t('structure:revolving.problem.termMax');
  if (key === 'remainingTerm' && v > line.originalTerm)
    return t('structure:revolving.problem.aboveOriginal', { term: line.originalTerm });
  if (key === 'originalTerm' && v < line.remainingTerm && line.remainingTerm !== line.originalTerm) {
    return t('structure:revolving.problem.belowRemaining', { term: line.remainingTerm });
  }
  return null;
}

/** Why a profile line would never be bought under the current eligibility criteria (empty when eligible). */
export function profileExclusions(
  r: Revolving,
): { id: string; reasons: string[]; messages: CoreMessage[] }[] {
  return r.profile
    .map((l) => {
      const messages = eligibilityFailureMessages(l, r.eligibility);
      return { id: l.id, reasons: messages.map((m) => m.message), messages };
    })
    .filter((x) => x.reasons.length > 0);
}

function poolSegments(deal: Deal): Set<string> {
  return new Set(deal.pool.kind === 'repLines' ? deal.pool.lines.map((l) => l.segment) : []);
}

/** Segment names an imported tape's loans hold (segmentNames may name some a filtered pool no longer has). */
export function tapeSegments(loans: LoanPool | null): string[] {
  if (!loans) return [];
  const used = new Set<number>();
  for (let i = 0; i < loans.size; i++) used.add(loans.segment[i] ?? 0);
  return loans.segmentNames.filter((_, k) => used.has(k));
}

/**
 * Segments a structurer can choose from: the pool's (the deal's rep lines, and `loaded`, the segment names of
 * an imported loan tape the run uses instead), the profile's, and any already named in a rule.
 */
export function knownSegments(deal: Deal, loaded: readonly string[] = []): string[] {
  const out = poolSegments(deal);
  for (const s of loaded) out.add(s);
  const r = deal.structure.revolving;
  if (r) {
    for (const l of r.profile) out.add(l.segment);
    for (const s of r.eligibility.segments ?? []) out.add(s);
    for (const c of r.concentrationLimits) if (c.key === 'segment') out.add(c.value);
  }
  return [...out].sort();
}

/**
 * Restricts eligibility to a list of products or segments (`undefined` lifts the restriction). The list is
 * kept in a stable order; an empty list is kept too (and refused by `eligibleListProblem` in the UI).
 */
export function setEligibleList(
  deal: Deal,
  key: 'products' | 'segments',
  list: readonly string[] | undefined,
): Deal {
  return withRevolving(deal, (r) => {
    const eligibility = { ...r.eligibility };
    if (list === undefined) delete eligibility[key];
    else if (key === 'products') eligibility.products = PRODUCTS.filter((p) => list.includes(p));
    else eligibility.segments = [...new Set(list)].sort();
    return { ...r, eligibility };
  });
}

/** Turns one product or segment on or off; a list not yet restricted starts from every `choices` entry. */
export function toggleEligible(
  deal: Deal,
  key: 'products' | 'segments',
  value: string,
  on: boolean,
  choices: readonly string[],
): Deal {
  const r = deal.structure.revolving;
  if (!r) return deal;
  const current: readonly string[] = r.eligibility[key] ?? choices;
  const next = on ? [...current.filter((x) => x !== value), value] : current.filter((x) => x !== value);
  return setEligibleList(deal, key, next);
}

export function eligibleListProblem(
  list: readonly string[] | undefined,
  what: 'product' | 'segment',
  t: TFunction = enT,
): string | null {
  if (list === undefined || list.length > 0) return null;
  return what === 'product'
    ? t('structure:revolving.problem.emptyProducts')
    : t('structure:revolving.problem.emptySegments');
}

/** Adds a limit on the first group of `key` that has none yet (its current share of the pool is a fair start). */
export function addConcentrationLimit(deal: Deal, key: LimitKey): Deal {
  return withRevolving(deal, (r) => {
    const taken = new Set(r.concentrationLimits.filter((c) => c.key === key).map((c) => c.value));
    const choices: readonly string[] = key === 'product' ? PRODUCTS : knownSegments(deal);
    const value = choices.find((c) => !taken.has(c)) ?? choices[0] ?? 'all';
    return { ...r, concentrationLimits: [...r.concentrationLimits, { key, value, maxShare: 0.35 }] };
  });
}

export function removeConcentrationLimit(deal: Deal, index: number): Deal {
  return withRevolving(deal, (r) => ({
    ...r,
    concentrationLimits: r.concentrationLimits.filter((_, i) => i !== index),
  }));
}

export function setConcentrationLimit(deal: Deal, index: number, patch: Partial<ConcentrationLimit>): Deal {
  return withRevolving(deal, (r) => ({
    ...r,
    concentrationLimits: r.concentrationLimits.map((c, i) => (i === index ? { ...c, ...patch } : c)),
  }));
}

/** Why limit `index` cannot become `next`: a second limit on the same group would make one of them moot. */
export function limitProblem(
  r: Revolving,
  index: number,
  next: ConcentrationLimit,
  t: TFunction = enT,
): string | null {
  if (next.value.trim() === '') return t('structure:revolving.problem.limitGroup');
  if (!(next.maxShare >= 0 && next.maxShare <= 1)) return t('structure:revolving.problem.limitShare');
  if (r.concentrationLimits.some((c, i) => i !== index && c.key === next.key && c.value === next.value)) {
    return next.key === 'product'
      ? t('structure:revolving.problem.limitTwiceProduct', { value: next.value })
      : t('structure:revolving.problem.limitTwiceSegment', { value: next.value });
  }
  return null;
}

/**
 * The profile a new revolving period starts from: the pool's own rep lines bought new (remaining term =
 * original term), lines alike in everything but seasoning merged, weighted by balance.
 */
export function defaultProfile(deal: Deal): RepLine[] {
  if (deal.pool.kind !== 'repLines') return [FALLBACK_LINE];
  const byShape = new Map<string, RepLine>();
  for (const l of deal.pool.lines) {
    const shape = [l.segment, l.product, l.rate, l.monthlyFeeRate, l.originalTerm, l.paymentRate].join('|');
    const seen = byShape.get(shape);
    if (seen) seen.balance += l.balance;
    else {
      byShape.set(shape, {
        id: `new-${l.id}`.slice(0, 64),
        segment: l.segment,
        product: l.product,
        balance: l.balance,
        rate: l.rate,
        monthlyFeeRate: l.monthlyFeeRate,
        originalTerm: l.originalTerm,
        remainingTerm: l.originalTerm,
        paymentRate: l.paymentRate,
        count: 1,
      });
    }
  }
  // The schema holds at most 1,000 profile lines: keep the largest.
  const lines = [...byShape.values()].sort((a, b) => b.balance - a.balance).slice(0, 1000);
  const pcts = asPercentages(lines.map((l) => l.balance));
  return lines.map((l, i) => ({ ...l, balance: pcts[i] ?? 0 }));
}

export function defaultRevolving(deal: Deal): Revolving {
  const end =
    deal.horizonMonths !== undefined
      ? Math.max(1, Math.min(DEFAULT_REVOLVING_MONTHS, deal.horizonMonths - 1))
      : DEFAULT_REVOLVING_MONTHS;
  return {
    endPeriod: end,
    purchasePrice: 100,
    profile: defaultProfile(deal),
    eligibility: {},
    concentrationLimits: [],
    targetPoolShare: 1,
  };
}

/** Triggers that only end the revolving period: turning the period off leaves them nothing to do. */
export function revolvingOnlyTriggers(deal: Deal): string[] {
  return deal.structure.triggers
    .filter((t) => t.effects.length === 1 && t.effects[0] === 'endRevolving')
    .map((t) => t.id);
}

/**
 * Turns the revolving period on (default period and profile, a purchase step ahead of the first principal
 * step) or off (the period, its purchase steps, `endRevolving` effects and the triggers that had only that
 * effect go), so the deal still runs either way.
 */
export function setRevolvingOn(deal: Deal, on: boolean): Deal {
  const s = deal.structure;
  if (on) {
    if (s.revolving) return deal;
    const waterfall = s.waterfall.filter((w) => w.pay !== 'purchase');
    let at = waterfall.findIndex((w) => w.pay === 'principal');
    if (at < 0) at = waterfall.findIndex((w) => w.pay === 'residual');
    if (at < 0) at = waterfall.length;
    // Principal collections buy first, then excess interest, as China's continuous-purchase deals may
    // (NAFMII 2019, /work/shared/DOMAIN.md:15-16) and the revolving sample does.
    const purchase: WaterfallStep = { pay: 'purchase', from: ['principal', 'interest'] };
    return {
      ...deal,
      structure: {
        ...s,
        revolving: defaultRevolving(deal),
        waterfall: [...waterfall.slice(0, at), purchase, ...waterfall.slice(at)],
      },
    };
  }
  if (!s.revolving) return deal;
  const drop = new Set(revolvingOnlyTriggers(deal));
  return {
    ...deal,
    structure: {
      ...s,
      revolving: undefined,
      waterfall: s.waterfall.filter((w) => w.pay !== 'purchase'),
      triggers: s.triggers
        .filter((t) => !drop.has(t.id))
        .map((t) => ({ ...t, effects: t.effects.filter((e) => e !== 'endRevolving') })),
    },
  };
}

export type RevolvingNumber = 'endPeriod' | 'purchasePrice' | 'targetPoolShare';

export function setRevolvingNumber(deal: Deal, key: RevolvingNumber, value: number): Deal {
  return withRevolving(deal, (r) => ({ ...r, [key]: value }));
}
