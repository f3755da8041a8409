/**
 * Source terms made concrete for one scenario: what each source can provide month by month once the
 * stress (if any) has cut lines, run retail money and shut the securitization market. The mix simulator,
 * the LP and the report all read these, so the three agree by construction.
 */
import type { Deal } from '../deal/schema';
import { eligibleReceivables, type BookProjection } from './book';
import type {
  BankLine,
  Equity,
  ForwardFlow,
  FundingCase,
  FundingSource,
  NoteClass,
  RateCurve,
  RetailCapital,
  Securitization,
  SourceType,
  Stress,
} from './schema';

/** Annual rate in month t (1-based) of a curve; the last value holds after a vector ends. */
export function rateAt(curve: RateCurve, t: number): number {
  if (typeof curve === 'number') return curve;
  const i = Math.min(Math.max(t, 1), curve.length) - 1;
  return curve[i] ?? 0;
}

/** What a run of a securitization's deal says about one issue, per unit at issue, by age. */
export interface DealRunProfile {
  /** Sold notes outstanding / sold notes at issue. */
  notes: Float64Array;
  /** Pool (receivables in the trust) / pool at issue. */
  collateral: Float64Array;
  /** Each sold class's balance / sold notes at issue, by class id. */
  classes: Record<string, Float64Array>;
}

/** Notes' sold interest rate × outstanding share of an issue `a` months old, in month t (see classFactor). */
export function notesCoupon(s: SecuritizationTerms, t: number, a: number): number {
  let x = 0;
  s.classFactor.forEach((f, k) => {
    x += (f[a] ?? 0) * (s.classRate[k]?.[t] ?? 0);
  });
  return x;
}

export interface BankTerms {
  type: 'bankLine';
  source: BankLine;
  /** 1 while the line is open in month t, 0 once it has matured unrenewed. */
  open: Float64Array;
  advance: Float64Array;
  eligible: Float64Array;
  /** Annual rate on drawn amounts: base + margin. */
  drawnRate: Float64Array;
  /**
   * Upfront and renewal fees as charged in month t: each fee is amortised straight-line over the tenor it
   * buys (month 0 is always 0), so a renewal at the horizon costs nothing inside it.
   */
  upfront: Float64Array;
}

export interface RetailTerms {
  type: 'retail';
  source: RetailCapital;
  /** Share of last month's balance that stays: unmatured plus rolled over; in a run, at most 1 − outflow. */
  keep: Float64Array;
  /**
   * Share of last month's balance that must stay: retail shrinks only as its notes mature (a ladder of equal
   * terms has 1/term maturing each month) or, in a run, by the run's outflow; it cannot be repaid early.
   */
  floor: Float64Array;
  raiseCapacity: Float64Array;
}

export interface SecuritizationTerms {
  type: 'securitization';
  source: Securitization;
  classes: NoteClass[];
  /** Share of the securitised pool sold to investors (after risk retention). */
  soldShare: number;
  /** Weighted annual coupon of the sold notes in month t. */
  coupon: Float64Array;
  /** Upfront cost per unit of notes sold: percent cost plus the weighted discount to par. */
  upfrontPerNote: number;
  /** 1 where an issue may price in month t (schedule, lead time, market open). */
  issueAllowed: Float64Array;
  /** Share of an issue's notes outstanding `age` months after issue. */
  notesFactor: Float64Array;
  /**
   * Share of an issue's costs charged `age` months after issue: the costs are amortised over the notes' expected
   * life in proportion to the notes outstanding (notesFactor[age] / Σ notesFactor over the whole life, which
   * may run past the horizon: the part beyond it is not charged inside it).
   */
  issueCostWeight: Float64Array;
  /** Share of an issue's notes outstanding at each age over their whole life (past the horizon). */
  notesLife: Float64Array;
  /**
   * Receivables the trust holds, per unit of pool securitised, at each age: from the deal run (revolving,
   * sequential pay, retained classes and losses included), else in step with the notes (notes ÷ sold share).
   */
  collateralFactor: Float64Array;
  /**
   * Sold interest per unit of notes sold at issue, by calendar month t and age a is Σ_k classFactor[k][a] ×
   * classRate[k][t]: each sold class's share of the issue's notes at that age (from the deal run: the senior
   * pays down first, so the dearer classes weigh more with age), times its coupon that month.
   */
  classFactor: Float64Array[];
  classRate: Float64Array[];
  /** Weighted average life, years, of an issue's notes. */
  notesWalYears: number;
  /** Where the notes' amortisation comes from: a run of the deal file, or the book's cohort run-off. */
  notesProfile: 'deal run' | 'book cohorts';
}

export interface ForwardFlowTerms {
  type: 'forwardFlow';
  source: ForwardFlow;
  /** Most receivables sold in month t. */
  saleCapacity: Float64Array;
  /** Share of a month's sale still outstanding after `age` months. */
  soldFactor: Float64Array;
  /** The same over the sold receivables' whole life (past the horizon). */
  soldLife: Float64Array;
}

export interface EquityTerms {
  type: 'equity';
  source: Equity;
  minimumShare: number;
  /** Losses beyond the base case's in month t: they eat equity on hand (0 in the base case). */
  erosion: Float64Array;
  /** Most equity outstanding in month t: the maximum less the losses beyond the base case so far. */
  maximum: Float64Array;
}

export type SourceTerms = BankTerms | RetailTerms | SecuritizationTerms | ForwardFlowTerms | EquityTerms;

export interface ScenarioTerms {
  /** 'base' or the stress's name. */
  name: string;
  stress: Stress | null;
  /** First month that differs from the base case (1 for the base case itself). */
  startMonth: number;
  book: BookProjection;
  sources: SourceTerms[];
  cashYield: number;
  haircutsFromEquity: boolean;
}

/** Committed funding counts as available under stress; retail money is the uncommitted kind by default. */
export function isCommitted(s: FundingSource): boolean {
  if (s.committed !== undefined) return s.committed;
  return s.type !== 'retail';
}

function indexCurve(c: FundingCase, curves: Record<string, RateCurve>, name: string): RateCurve {
  const curve = curves[name];
  if (curve === undefined) throw new Error(`index curve '${name}' is not given in indexCurves`);
  return curve;
}

/** Classes of a securitization source: given directly, or taken from its deal file's tranches. */
export function securitizationClasses(s: Securitization, deal: Deal | undefined): NoteClass[] {
  if (s.classes) return s.classes;
  if (!deal) throw new Error(`securitization '${s.id}': deal file not loaded`);
  const pool =
    deal.pool.kind === 'repLines' ? deal.pool.lines.reduce((a, l) => a + l.balance, 0) : Number.NaN;
  const notes = deal.structure.tranches.reduce((a, t) => a + t.balance, 0);
  // A loan-level pool file is not read here: size classes on the notes, the deal's own denominator.
  const denominator = Number.isFinite(pool) && pool > 0 ? Math.max(pool, notes) : notes;
  return deal.structure.tranches.map((t) => ({
    id: t.id,
    poolShare: t.balance / denominator,
    coupon:
      t.coupon.type === 'fixed'
        ? { type: 'fixed' as const, rate: t.coupon.rate }
        : { type: 'floating' as const, index: t.coupon.index, spread: t.coupon.spread },
    price: t.price,
    retained: s.retainedClasses
      ? s.retainedClasses.includes(t.id)
      : t.seniority === 'subordinated' || t.seniority === 'equity',
  }));
}

/**
 * Share of the pool sold after risk retention. Vertical: the originator keeps `share` of every sold class.
 * Horizontal: the retained first loss (retained classes plus any pool not issued as notes) must reach `share`
 * of the pool, taken from the most junior sold class up. Whole subordinated: every non-senior class is kept.
 */
export function soldShareOf(classes: readonly NoteClass[], rule: Securitization['riskRetention']): number {
  const order = [...classes];
  if (rule.rule === 'wholeSubordinated') {
    // Only the senior-most class (or classes marked as sold that precede any retained one) goes to investors.
    const firstRetained = order.findIndex((c) => c.retained);
    const sold = firstRetained < 0 ? order.slice(0, 1) : order.slice(0, Math.max(1, firstRetained));
    return sold.filter((c) => !c.retained).reduce((a, c) => a + c.poolShare, 0);
  }
  const sold = order.filter((c) => !c.retained).reduce((a, c) => a + c.poolShare, 0);
  if (rule.rule === 'vertical') return sold * (1 - rule.share);
  if (rule.rule === 'horizontal') return Math.min(sold, 1 - rule.share);
  return sold;
}

function soldClasses(classes: readonly NoteClass[], rule: Securitization['riskRetention']): NoteClass[] {
  if (rule.rule !== 'wholeSubordinated') return classes.filter((c) => !c.retained);
  const firstRetained = classes.findIndex((c) => c.retained);
  return (firstRetained < 0 ? classes.slice(0, 1) : classes.slice(0, Math.max(1, firstRetained))).filter(
    (c) => !c.retained,
  );
}

/** A profile held level for `level` months before it runs off: ages 0..level are 1. */
function shifted(profile: Float64Array, level: number): Float64Array {
  const out = new Float64Array(profile.length + level);
  for (let a = 0; a < out.length; a++) out[a] = a <= level ? 1 : (profile[a - level] ?? 0);
  return out;
}

function stressedOpen(line: BankLine, H: number, stress: Stress | null): Float64Array {
  const open = new Float64Array(H + 1);
  const cut = stress?.bankLinesNotRenewed ?? false;
  // Maturities fall every tenor; unrenewed, the line is repaid at the first one on or after the stress.
  let end = Infinity;
  if (!line.renews) end = line.tenorMonths;
  else if (cut && stress) end = Math.ceil(stress.startMonth / line.tenorMonths) * line.tenorMonths;
  for (let t = 0; t <= H; t++) open[t] = t < end ? 1 : 0;
  return open;
}

export function buildScenarioTerms(
  c: FundingCase,
  name: string,
  stress: Stress | null,
  book: BookProjection,
  curves: Record<string, RateCurve>,
  deals: Record<string, Deal>,
  /** Share of sold notes outstanding by age, from a run of each securitization's deal, by source id. */
  notesProfiles: Record<string, DealRunProfile> = {},
  /** The base case's realised losses by month: a stress's losses above them come out of equity. */
  baseLosses: Float64Array = book.losses,
): ScenarioTerms {
  const H = book.months;
  const start = stress?.startMonth ?? 1;
  const inStress = (t: number): boolean => stress !== null && t >= start;
  const sources: SourceTerms[] = c.fundingSources.map((s): SourceTerms => {
    switch (s.type) {
      case 'bankLine': {
        const open = stressedOpen(s, H, stress);
        const advance = new Float64Array(H + 1);
        const drawnRate = new Float64Array(H + 1);
        const upfront = new Float64Array(H + 1);
        const base = indexCurve(c, curves, s.index);
        for (let t = 0; t <= H; t++) {
          advance[t] = Math.max(0, s.advanceRate - (inStress(t) ? (stress?.advanceRateCut ?? 0) : 0));
          drawnRate[t] = rateAt(base, t) + s.margin;
        }
        // Month t lies in the tenor signed (or renewed) at k × tenor; that fee is owed only if the line was
        // signed then, which the open flag at the start of the tenor says (signing at 0 always happens).
        for (let t = 1; t <= H; t++) {
          const signedAt = Math.floor((t - 1) / s.tenorMonths) * s.tenorMonths;
          if (signedAt === 0 || (open[signedAt] ?? 0) > 0)
            upfront[t] = (s.upfrontFee * s.commitment) / s.tenorMonths;
        }
        return {
          type: 'bankLine',
          source: s,
          open,
          advance,
          eligible: eligibleReceivables(book, s.eligibilityMaxDaysPastDue),
          drawnRate,
          upfront,
        };
      }
      case 'retail': {
        const keep = new Float64Array(H + 1);
        const floor = new Float64Array(H + 1);
        const raiseCapacity = new Float64Array(H + 1);
        const run = stress?.retailRun;
        for (let t = 1; t <= H; t++) {
          if (run && inStress(t)) {
            // Rollover collapses (everything maturing leaves) and at least the run's outflow goes each month.
            keep[t] = Math.min(1 - 1 / s.termMonths, 1 - run.outflowPerMonth);
            floor[t] = keep[t] ?? 0;
            raiseCapacity[t] = 0;
          } else {
            keep[t] = 1 - (1 - s.rolloverRate) / s.termMonths;
            floor[t] = 1 - 1 / s.termMonths;
            raiseCapacity[t] = s.monthlyRaiseCapacity;
          }
        }
        return { type: 'retail', source: s, keep, floor, raiseCapacity };
      }
      case 'securitization': {
        const classes = securitizationClasses(s, deals[s.id]);
        const soldShare = soldShareOf(classes, s.riskRetention);
        const sold = soldClasses(classes, s.riskRetention);
        const soldWeight = sold.reduce((a, k) => a + k.poolShare, 0);
        const coupon = new Float64Array(H + 1);
        for (let t = 0; t <= H; t++) {
          let acc = 0;
          for (const k of sold) {
            const r =
              k.coupon.type === 'fixed'
                ? k.coupon.rate
                : rateAt(indexCurve(c, curves, k.coupon.index), t) + k.coupon.spread;
            acc += r * k.poolShare;
          }
          coupon[t] = soldWeight > 0 ? acc / soldWeight : 0;
        }
        const discount =
          soldWeight > 0 ? sold.reduce((a, k) => a + (1 - k.price / 100) * k.poolShare, 0) / soldWeight : 0;
        const issueAllowed = new Float64Array(H + 1);
        const closedFrom = stress ? start : Infinity;
        const closedTo = stress ? start + stress.securitizationClosedMonths : -Infinity;
        for (let t = Math.max(1, s.leadTimeMonths); t <= H; t++) {
          const onSchedule = (t - Math.max(1, s.leadTimeMonths)) % s.issueEveryMonths === 0;
          const shut = t >= closedFrom && t < closedTo;
          issueAllowed[t] = onSchedule && !shut ? 1 : 0;
        }
        const profile = notesProfiles[s.id];
        const run = profile?.notes;
        const notesFactor = new Float64Array(H + 1);
        for (let a = 0; a <= H; a++)
          notesFactor[a] = run
            ? (run[Math.min(a, run.length - 1)] ?? 0)
            : a <= s.revolvingMonths
              ? 1
              : (book.cohortFactor[a - s.revolvingMonths] ?? 0);
        const classRate = sold.map((k) => {
          const r = new Float64Array(H + 1);
          for (let t = 0; t <= H; t++)
            r[t] =
              k.coupon.type === 'fixed'
                ? k.coupon.rate
                : rateAt(indexCurve(c, curves, k.coupon.index), t) + k.coupon.spread;
          return r;
        });
        const classFactor = sold.map((k) => {
          const f = new Float64Array(H + 1);
          const byRun = profile?.classes[k.id];
          for (let a = 0; a <= H; a++)
            f[a] = byRun
              ? (byRun[Math.min(a, byRun.length - 1)] ?? 0)
              : soldWeight > 0
                ? ((notesFactor[a] ?? 0) * k.poolShare) / soldWeight
                : 0;
          return f;
        });
        const collateralFactor = new Float64Array(H + 1);
        for (let a = 0; a <= H; a++)
          collateralFactor[a] = profile
            ? (profile.collateral[Math.min(a, profile.collateral.length - 1)] ?? 0)
            : (notesFactor[a] ?? 0);
        let wal = 0;
        for (let a = 1; a <= H; a++) wal += (((notesFactor[a - 1] ?? 0) - (notesFactor[a] ?? 0)) * a) / 12;
        wal += ((notesFactor[H] ?? 0) * H) / 12;
        // The whole life, past the horizon: the deal run's profile, or the cohorts' run-off (both run long;
        // with no cohorts the notes stay level and are taken to be repaid at the horizon).
        const life = run ?? shifted(book.cohortLife, s.revolvingMonths);
        let lifeMonths = 0;
        for (const f of life) lifeMonths += f;
        const issueCostWeight = new Float64Array(H + 1);
        for (let a = 0; a <= H; a++)
          issueCostWeight[a] = lifeMonths > 0 ? (notesFactor[a] ?? 0) / lifeMonths : 0;
        return {
          type: 'securitization',
          source: s,
          classes,
          soldShare,
          coupon,
          upfrontPerNote: s.percentCost + discount,
          issueAllowed,
          notesFactor,
          issueCostWeight,
          notesLife: life,
          collateralFactor,
          classFactor,
          classRate,
          notesWalYears: wal,
          notesProfile: run ? 'deal run' : 'book cohorts',
        };
      }
      case 'forwardFlow': {
        const saleCapacity = new Float64Array(H + 1);
        for (let t = 1; t <= H; t++) saleCapacity[t] = s.maxShareOfOriginations * (book.originations[t] ?? 0);
        return {
          type: 'forwardFlow',
          source: s,
          saleCapacity,
          soldFactor: Float64Array.from(book.cohortFactor),
          soldLife: book.cohortLife,
        };
      }
      case 'equity': {
        const erosion = new Float64Array(H + 1);
        const maximum = new Float64Array(H + 1);
        let extra = 0;
        let eaten = 0;
        for (let t = 0; t <= H; t++) {
          extra += (book.losses[t] ?? 0) - (baseLosses[t] ?? 0);
          // Only cumulative excess loss erodes equity; a month of lower losses does not create capital.
          const now = Math.max(eaten, extra);
          erosion[t] = now - eaten;
          eaten = now;
          maximum[t] = Math.max(0, s.maximumAmount - eaten);
        }
        return {
          type: 'equity',
          source: s,
          minimumShare: c.optimisation?.minEquityShare ?? s.minimumShare,
          erosion,
          maximum,
        };
      }
    }
  });
  return {
    name,
    stress,
    startMonth: start,
    book,
    sources,
    cashYield: c.cashYield,
    haircutsFromEquity: c.haircutsFromEquity,
  };
}

export interface SourceTermsSummary {
  id: string;
  name: string;
  type: SourceType;
  committed: boolean;
  /** Annual rate in month 1: drawn rate, retail rate, sold notes' coupon, buyer's yield, cost of equity. */
  rate: number;
  /** Advance rate (lines), sold share of the pool (securitization), 1 for the others. */
  advanceOrSoldShare: number;
  /** Contractual life in years (line tenor, half the retail term, notes WAL); null for equity. */
  lifeYears: number | null;
  /** The terms in words, for the report. */
  terms: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** One line per source of what the scenario's terms are, so every figure in the report traces to them. */
export function termsSummary(sc: ScenarioTerms): SourceTermsSummary[] {
  return sc.sources.map((s) => {
    const base = {
      id: s.source.id,
      name: s.source.name ?? s.source.id,
      type: s.type,
      committed: isCommitted(s.source),
    };
    switch (s.type) {
      case 'bankLine':
        return {
          ...base,
          rate: s.drawnRate[1] ?? 0,
          advanceOrSoldShare: s.advance[1] ?? 0,
          lifeYears: s.source.tenorMonths / 12,
          terms: `${s.source.commitment} committed, ${pct(s.source.advanceRate)} advance on receivables under ${s.source.eligibilityMaxDaysPastDue} dpd, ${s.source.index} + ${pct(s.source.margin)}, ${pct(s.source.commitmentFee)} on undrawn, ${pct(s.source.upfrontFee)} upfront, ${s.source.tenorMonths}-month tenor${s.source.renews ? ', renewed' : ', not renewed'}${s.source.minimumUtilisation > 0 ? `, interest on at least ${s.source.minimumUtilisation}` : ''}`,
        };
      case 'retail':
        return {
          ...base,
          rate: s.source.rate,
          advanceOrSoldShare: 1,
          lifeYears: (s.source.termMonths + 1) / 2 / 12,
          terms: `${pct(s.source.rate)} for ${s.source.termMonths} months, ${pct(s.source.channelFee)} channel fee, ${s.source.monthlyRaiseCapacity} a month new money, ${pct(s.source.rolloverRate)} rolled over`,
        };
      case 'securitization':
        return {
          ...base,
          rate: s.coupon[1] ?? 0,
          advanceOrSoldShare: s.soldShare,
          lifeYears: s.notesWalYears,
          terms: `classes ${s.classes.map((k) => `${k.id} ${pct(k.poolShare)}${k.retained ? ' retained' : ''}`).join(', ')}; risk retention ${s.source.riskRetention.rule} ${pct(s.source.riskRetention.share)}; ${pct(s.soldShare)} sold; issue every ${s.source.issueEveryMonths} months from month ${Math.max(1, s.source.leadTimeMonths)}, at least ${s.source.minimumSize}; costs ${s.source.fixedCost} + ${pct(s.upfrontPerNote)} of notes; amortisation from ${s.notesProfile}`,
        };
      case 'forwardFlow':
        return {
          ...base,
          rate: s.source.costRate,
          advanceOrSoldShare: 1,
          lifeYears: sc.book.assetWalYears,
          terms: `up to ${pct(s.source.maxShareOfOriginations)} of originations at ${s.source.price}% of par, buyer yield ${pct(s.source.costRate)}${s.source.programmeLimit !== undefined ? `, programme ${s.source.programmeLimit}` : ''}`,
        };
      case 'equity':
        return {
          ...base,
          rate: s.source.costOfEquity,
          advanceOrSoldShare: 1,
          lifeYears: null,
          terms: `${pct(s.source.costOfEquity)} cost of equity, at least ${pct(s.minimumShare)} of the need, ${s.source.initialAmount} on hand, at most ${s.source.maximumAmount}, ${s.source.maxRaisePerMonth} a month new${s.source.releasable ? ', releasable' : ''}`,
        };
    }
  });
}
