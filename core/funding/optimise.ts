/**
 * The cheapest mix as a mixed-integer LP over monthly amounts per source, solved by HiGHS.
 *
 * One copy of the book per scenario (base and each stress); decisions before a stress starts are shared
 * with the base case (nobody knows the stress is coming), and an issue that was mandated before the stress
 * but prices in a shut market simply fails. The objective is the base-case cost plus a small weight on each
 * stress's cost. Securitization issues are binary decisions (minimum size, fixed cost); everything else is
 * continuous. Costs and constraints are those of `evaluate.ts` and `simulate.ts`, term for term.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { emptyPath, pledgeable, type Allocation, type SourcePath } from './allocation';
import { evaluateAllocation, type MixEvaluation } from './evaluate';
import { addExpr, addTerm, LpModel, type Expr, type LpSolver } from './lpModel';
import type { Optimisation } from './schema';
import { isCommitted, notesCoupon, type ScenarioTerms } from './terms';

/** Constraint families an infeasible problem is explained by. */
export type ConstraintFamily = string;

export interface BindingConstraint {
  family: ConstraintFamily;
  description: string;
  /** `description`, coded for the user's language (`coreText`). */
  descriptionMessage?: CoreMessage;
  /** Total slack needed (money, summed over months and scenarios). */
  amount: number;
  months: number[];
  scenarios: string[];
}

export interface Infeasibility {
  /** Families whose elastic slack is non-zero when every family may bend (at a penalty). */
  binding: BindingConstraint[];
  /** Families that, relaxed alone, make the problem feasible. */
  relaxingAloneRestores: ConstraintFamily[];
}

export interface OptimisationResult {
  /** 'stopped': a time or iteration limit ended the solve; the best mix found is reported, not proved optimal. */
  status: 'optimal' | 'stopped' | 'infeasible' | 'error';
  solverStatus: string;
  /** Liquidity buffer required (share of receivables). */
  liquidityBuffer: number;
  /** Base-case cost + stress weight × each stress's cost (money), as the LP minimised it. */
  objective: number | null;
  allocations: Allocation[];
  evaluations: MixEvaluation[];
  /** Average share of total funding per source id in the base case. */
  averageShares: Record<string, number>;
  infeasibility?: Infeasibility;
}

export interface FrontierPoint {
  liquidityBuffer: number;
  feasible: boolean;
  totalCost: number | null;
  weightedAverageCost: number | null;
  minLiquidity: number | null;
  averageShares: Record<string, number>;
}

const GAP_PENALTY = 1;
/** Solver values below this (model units, money / scale) are solver dust and read as zero. */
const DUST = 1e-6;
/**
 * Slack prices when explaining infeasibility: a policy (buffer, concentration, minimum equity) bends before a
 * fact (a commitment, what retail can raise, equity on hand), and leaving the book unfunded comes last, so the
 * elastic solution names the cheapest thing to change.
 */
function slackPenalty(family: string): number {
  if (family.startsWith('fundingGap:')) return 1000;
  if (family.startsWith('capacity:') || family === 'equityForHaircuts') return 100;
  return 10;
}

interface Built {
  model: LpModel;
  scale: number;
  maxNeed: number;
  families: Map<string, CoreMessage>;
}

function v(kind: string, j: number, k: number, t: number): string {
  return `${kind}_${j}_${k}_${t}`;
}

/** Funding outstanding from source j in month t of scenario k, as an expression of decision variables. */
function balance(sc: ScenarioTerms, j: number, k: number, t: number): Expr {
  const s = sc.sources[j];
  const e: Expr = new Map();
  if (!s) return e;
  switch (s.type) {
    case 'bankLine':
      return addTerm(e, v('D', j, k, t), 1);
    case 'retail':
      return addTerm(e, v('P', j, k, t), 1);
    case 'equity':
      return addTerm(e, v('E', j, k, t), 1);
    case 'securitization':
      for (let m = 1; m <= t; m++)
        if ((s.issueAllowed[m] ?? 0) > 0)
          addTerm(e, v('I', j, k, m), s.soldShare * (s.notesFactor[t - m] ?? 0));
      return e;
    case 'forwardFlow':
      for (let m = 1; m <= t; m++) addTerm(e, v('S', j, k, m), s.soldFactor[t - m] ?? 0);
      return e;
  }
}

/** Receivables the source ties up (pledged, securitised, sold) in month t. */
function assets(sc: ScenarioTerms, j: number, k: number, t: number): Expr {
  const s = sc.sources[j];
  const b = balance(sc, j, k, t);
  if (!s) return new Map();
  if (s.type === 'bankLine') {
    const adv = s.advance[t] ?? 0;
    return adv > 0 ? addExpr(new Map(), b, 1 / adv) : new Map();
  }
  if (s.type === 'securitization') {
    const e: Expr = new Map();
    for (let m = 1; m <= t; m++)
      if ((s.issueAllowed[m] ?? 0) > 0) addTerm(e, v('I', j, k, m), s.collateralFactor[t - m] ?? 0);
    return e;
  }
  if (s.type === 'forwardFlow') return b;
  return new Map();
}

function build(scenarios: readonly ScenarioTerms[], opt: Optimisation, buffer: number): Built {
  const base = scenarios[0] as ScenarioTerms;
  const H = base.book.months;
  const model = new LpModel();
  const families = new Map<string, CoreMessage>();
  const maxNeed = Math.max(1, ...scenarios.flatMap((sc) => Array.from(sc.book.need)));
  // Money in units that put the largest need near 1,000: HiGHS's tolerances are absolute.
  const scale = Math.pow(10, Math.round(Math.log10(maxNeed)) - 3);
  const family = (f: string, description: CoreMessage): string => {
    families.set(f, description);
    return f;
  };

  scenarios.forEach((sc, k) => {
    const weight = k === 0 ? 1 : opt.stressWeight;
    const strict = k === 0 || opt.fundUnderStress;
    for (let t = 1; t <= H; t++) {
      const need = (sc.book.need[t] ?? 0) / scale;
      const receivables = (sc.book.receivables[t] ?? 0) / scale;
      const total: Expr = new Map();
      const used: Expr = new Map();
      sc.sources.forEach((s, j) => {
        addExpr(total, balance(sc, j, k, t));
        addExpr(used, assets(sc, j, k, t));
        const b = balance(sc, j, k, t);
        // Interest-like cost of the balance, less the yield on cash it funds above the receivables.
        const carry = -sc.cashYield / 12;
        switch (s.type) {
          case 'bankLine': {
            const D = v('D', j, k, t);
            const open = s.open[t] ?? 0;
            if ((s.advance[t] ?? 0) <= 0) model.fix(D, 0);
            const minimum = s.source.minimumUtilisation * open;
            if (minimum > 0) {
              // Interest on U = max(D, minimum): U ≥ D and U ≥ minimum, and the objective pushes U down.
              const U = v('U', j, k, t);
              addTerm(model.objective, U, (weight * (s.drawnRate[t] ?? 0)) / 12);
              addTerm(model.objective, D, weight * ((-s.source.commitmentFee * open) / 12 + carry));
              model.addRow({
                name: `umin_${j}_${k}_${t}`,
                terms: addTerm(addTerm(new Map(), U, 1), D, -1),
                sense: '>=',
                rhs: 0,
              });
              model.addRow({
                name: `ufloor_${j}_${k}_${t}`,
                terms: addTerm(new Map(), U, 1),
                sense: '>=',
                rhs: minimum / scale,
              });
            } else
              addTerm(
                model.objective,
                D,
                weight * (((s.drawnRate[t] ?? 0) - s.source.commitmentFee * open) / 12 + carry),
              );
            model.addRow({
              name: `commit_${j}_${k}_${t}`,
              terms: addTerm(new Map(), D, 1),
              sense: '<=',
              rhs: (s.source.commitment * open) / scale,
              family: family(
                `capacity:${s.source.id}`,
                coreMessage('funding.family.bankLine', { id: s.source.id }),
              ),
              scenario: sc.name,
              month: t,
            });
            break;
          }
          case 'retail': {
            const P = v('P', j, k, t);
            const R = v('R', j, k, t);
            addTerm(model.objective, P, weight * (s.source.rate / 12 + carry));
            addTerm(model.objective, R, weight * s.source.channelFee);
            const keep = s.keep[t] ?? 0;
            const row: Expr = addTerm(addTerm(new Map(), P, 1), R, -1);
            let rhs = 0;
            if (t === 1) rhs = (keep * s.source.initialBalance) / scale;
            else addTerm(row, v('P', j, k, t - 1), -keep);
            model.addRow({ name: `roll_${j}_${k}_${t}`, terms: row, sense: '<=', rhs });
            // Retail shrinks only as its notes mature (or in a run): P_t ≥ floor × P_{t−1}.
            const floor = s.floor[t] ?? 0;
            const stay: Expr = addTerm(new Map(), P, 1);
            let least = 0;
            if (t === 1) least = (floor * s.source.initialBalance) / scale;
            else addTerm(stay, v('P', j, k, t - 1), -floor);
            model.addRow({ name: `stay_${j}_${k}_${t}`, terms: stay, sense: '>=', rhs: least });
            model.addRow({
              name: `raise_${j}_${k}_${t}`,
              terms: addTerm(new Map(), R, 1),
              sense: '<=',
              rhs: (s.raiseCapacity[t] ?? 0) / scale,
              family: family(
                `capacity:${s.source.id}`,
                coreMessage('funding.family.retail', { id: s.source.id }),
              ),
              scenario: sc.name,
              month: t,
            });
            break;
          }
          case 'securitization': {
            for (const [name, c] of b) addTerm(model.objective, name, weight * c * carry);
            // Each issue's sold interest this month, class by class as the deal run pays them down.
            for (let m = 1; m <= t; m++)
              if ((s.issueAllowed[m] ?? 0) > 0)
                addTerm(
                  model.objective,
                  v('I', j, k, m),
                  (weight * s.soldShare * notesCoupon(s, t, t - m)) / 12,
                );
            if ((s.issueAllowed[t] ?? 0) > 0) {
              const I = v('I', j, k, t);
              const y = v('y', j, k, t);
              // Issue costs amortise over the notes' life: only the share that falls inside the horizon counts.
              let inside = 0;
              for (let a = 0; a <= H - t; a++) inside += s.issueCostWeight[a] ?? 0;
              addTerm(model.objective, I, weight * s.soldShare * s.upfrontPerNote * inside);
              const needsBinary = s.source.minimumSize > 0 || s.source.fixedCost > 0;
              const maxSize =
                Math.min(s.source.maximumSize ?? Infinity, (sc.book.receivables[t] ?? 0) * 1.0001) / scale;
              if (needsBinary) {
                model.binary(y);
                addTerm(model.objective, y, (weight * s.source.fixedCost * inside) / scale);
                model.addRow({
                  name: `imax_${j}_${k}_${t}`,
                  terms: addTerm(addTerm(new Map(), I, 1), y, -maxSize),
                  sense: '<=',
                  rhs: 0,
                });
                model.addRow({
                  name: `imin_${j}_${k}_${t}`,
                  terms: addTerm(addTerm(new Map(), I, 1), y, -s.source.minimumSize / scale),
                  sense: '>=',
                  rhs: 0,
                });
              } else model.setUpper(I, maxSize);
            }
            break;
          }
          case 'forwardFlow': {
            for (const [name, c] of b)
              addTerm(model.objective, name, weight * c * (s.source.costRate / 12 + carry));
            const S = v('S', j, k, t);
            addTerm(model.objective, S, weight * (1 - s.source.price / 100));
            model.setUpper(S, (s.saleCapacity[t] ?? 0) / scale);
            if (t === H && s.source.programmeLimit !== undefined) {
              const all: Expr = new Map();
              for (let m = 1; m <= H; m++) addTerm(all, v('S', j, k, m), 1);
              model.addRow({
                name: `prog_${j}_${k}`,
                terms: all,
                sense: '<=',
                rhs: s.source.programmeLimit / scale,
              });
            }
            break;
          }
          case 'equity': {
            const E = v('E', j, k, t);
            addTerm(model.objective, E, weight * (s.source.costOfEquity / 12 + carry));
            const capF = family(
              `capacity:${s.source.id}`,
              coreMessage('funding.family.equityAvailable', { id: s.source.id }),
            );
            model.addRow({
              name: `emax_${j}_${k}_${t}`,
              terms: addTerm(new Map(), E, 1),
              sense: '<=',
              rhs: (s.maximum[t] ?? 0) / scale,
              family: capF,
              scenario: sc.name,
              month: t,
            });
            const row: Expr = addTerm(new Map(), E, 1);
            let rhs = (s.source.maxRaisePerMonth - (s.erosion[t] ?? 0)) / scale;
            if (t === 1) rhs += s.source.initialAmount / scale;
            else addTerm(row, v('E', j, k, t - 1), -1);
            model.addRow({
              name: `eraise_${j}_${k}_${t}`,
              terms: row,
              sense: '<=',
              rhs,
              family: capF,
              scenario: sc.name,
              month: t,
            });
            // Capital that cannot be paid back stays, at its cost; what it does not fund is held as cash.
            if (!s.source.releasable)
              model.addRow({
                name: `ekeep_${j}_${k}_${t}`,
                terms: new Map(row),
                sense: '>=',
                rhs: ((t === 1 ? s.source.initialAmount : 0) - (s.erosion[t] ?? 0)) / scale,
              });
            if (s.minimumShare > 0)
              model.addRow({
                name: `emin_${j}_${k}_${t}`,
                terms: addTerm(new Map(), E, 1),
                sense: '>=',
                rhs: s.minimumShare * need,
                family: family(
                  'minEquity',
                  coreMessage('funding.family.minEquity', { share: `${(s.minimumShare * 100).toFixed(1)}%` }),
                ),
                scenario: sc.name,
                month: t,
              });
            break;
          }
        }
      });

      // The need is funded (a gap is allowed, at a penalty, only in a stress that need not be funded).
      const fund = new Map(total);
      if (!strict) {
        const g = v('G', 0, k, t);
        addTerm(fund, g, 1);
        addTerm(model.objective, g, weight * GAP_PENALTY);
      }
      model.addRow({
        name: `fund_${k}_${t}`,
        terms: fund,
        sense: '>=',
        rhs: need,
        family: strict
          ? family(
              `fundingGap:${sc.name}`,
              k === 0
                ? coreMessage('funding.family.noGapBase')
                : coreMessage('funding.family.noGapStress', { stress: sc.name }),
            )
          : undefined,
        scenario: sc.name,
        month: t,
      });

      // Receivables are pledged, securitised or sold once, and only eligible ones.
      let anyBank = false;
      sc.sources.forEach((s, j) => {
        if (s.type !== 'bankLine') return;
        anyBank = true;
        model.addRow({
          name: `elig_${j}_${k}_${t}`,
          terms: new Map(used),
          sense: '<=',
          rhs: (s.eligible[t] ?? 0) / scale,
        });
      });
      if (!anyBank)
        model.addRow({ name: `assets_${k}_${t}`, terms: new Map(used), sense: '<=', rhs: receivables });

      // Equity carries the retained notes and (if so configured) the bank haircuts.
      const eq = sc.sources.findIndex((s) => s.type === 'equity');
      const req: Expr = addTerm(new Map(), v('E', eq, k, t), 1);
      sc.sources.forEach((s, j) => {
        if (s.type === 'securitization' || (s.type === 'bankLine' && sc.haircutsFromEquity)) {
          addExpr(req, assets(sc, j, k, t), -1);
          addExpr(req, balance(sc, j, k, t), 1);
        }
      });
      model.addRow({
        name: `ereq_${k}_${t}`,
        terms: req,
        sense: '>=',
        rhs: 0,
        family: family('equityForHaircuts', coreMessage('funding.family.equityForHaircuts')),
        scenario: sc.name,
        month: t,
      });

      // Concentration limits.
      sc.sources.forEach((s, j) => {
        const m = opt.maxShare[s.source.id];
        if (m === undefined || m >= 1) return;
        const row = addExpr(new Map(), balance(sc, j, k, t));
        addExpr(row, total, -m);
        model.addRow({
          name: `share_${j}_${k}_${t}`,
          terms: row,
          sense: '<=',
          rhs: 0,
          family: family(
            `maxShare:${s.source.id}`,
            coreMessage('funding.family.maxShare', { id: s.source.id, share: `${(m * 100).toFixed(1)}%` }),
          ),
          scenario: sc.name,
          month: t,
        });
      });

      // Liquidity buffer (base case): cash above receivables plus undrawn committed headroom.
      // Only committed lines count, and their headroom together pledges no more than the free collateral:
      // Σ H_j / advance_j + collateral already used ≤ the eligible pool.
      if (k === 0 && buffer > 0) {
        const liq = new Map(total);
        const pool = new Map(used);
        sc.sources.forEach((s, j) => {
          if (s.type !== 'bankLine' || !isCommitted(s.source)) return;
          const adv = s.advance[t] ?? 0;
          if (adv <= 0) return;
          const Hd = v('H', j, k, t);
          addTerm(liq, Hd, 1);
          addTerm(pool, Hd, 1 / adv);
          model.addRow({
            name: `hcom_${j}_${t}`,
            terms: addTerm(addTerm(new Map(), Hd, 1), v('D', j, k, t), 1),
            sense: '<=',
            rhs: (s.source.commitment * (s.open[t] ?? 0)) / scale,
          });
        });
        model.addRow({ name: `hbb_${t}`, terms: pool, sense: '<=', rhs: pledgeable(sc, t) / scale });
        model.addRow({
          name: `buffer_${t}`,
          terms: liq,
          sense: '>=',
          rhs: (1 + buffer) * receivables,
          family: family(
            'liquidityBuffer',
            coreMessage('funding.family.liquidityBuffer', { share: `${(buffer * 100).toFixed(1)}%` }),
          ),
          scenario: sc.name,
          month: t,
        });
      }

      // Decisions taken before the stress is known are the base case's.
      if (k > 0 && t < sc.startMonth) {
        sc.sources.forEach((s, j) => {
          const names: string[] = [];
          if (s.type === 'bankLine') names.push('D');
          if (s.type === 'retail') names.push('P', 'R');
          if (s.type === 'equity') names.push('E');
          if (s.type === 'forwardFlow') names.push('S');
          if (
            s.type === 'securitization' &&
            (s.issueAllowed[t] ?? 0) > 0 &&
            ((base.sources[j] as typeof s).issueAllowed[t] ?? 0) > 0
          ) {
            names.push('I');
            if (model.binaries.has(v('y', j, 0, t))) names.push('y');
          }
          for (const n of names)
            model.addRow({
              name: `na_${n}_${j}_${k}_${t}`,
              terms: addTerm(addTerm(new Map(), v(n, j, k, t), 1), v(n, j, 0, t), -1),
              sense: '=',
              rhs: 0,
            });
        });
      }
    }
  });
  return { model, scale, maxNeed, families };
}

function readAllocations(
  scenarios: readonly ScenarioTerms[],
  cols: Record<string, { Index: number; Primal?: number }>,
  scale: number,
  mix: string,
): Allocation[] {
  return scenarios.map((sc, k) => {
    const H = sc.book.months;
    // HiGHS leaves values within its feasibility tolerance (1e-7 in model units) around zero; anything under
    // DUST model units (1e-6 × scale, a millionth of a thousandth of the largest need) is snapped to zero so
    // that no residual issue or draw is charged a fixed cost it does not carry in the model.
    const val = (name: string): number => {
      const x = cols[name]?.Primal ?? 0;
      return x < DUST ? 0 : x * scale;
    };
    // An issue whose on/off decision is off issues nothing, whatever crumbs its size variable holds.
    const issued = (j: number, t: number): number => {
      const y = cols[v('y', j, k, t)]?.Primal;
      return y !== undefined && y < 0.5 ? 0 : val(v('I', j, k, t));
    };
    const paths: SourcePath[] = sc.sources.map((s, j) => {
      const p = emptyPath(s.source.id, s.type, H);
      if (s.type === 'bankLine') p.balance[0] = s.source.initialDrawn;
      if (s.type === 'retail') p.balance[0] = s.source.initialBalance;
      if (s.type === 'equity') p.balance[0] = s.source.initialAmount;
      for (let t = 1; t <= H; t++) {
        switch (s.type) {
          case 'bankLine':
            p.balance[t] = val(v('D', j, k, t));
            break;
          case 'retail':
            p.balance[t] = val(v('P', j, k, t));
            p.added[t] = Math.max(0, (p.balance[t] ?? 0) - (s.keep[t] ?? 0) * (p.balance[t - 1] ?? 0));
            break;
          case 'equity':
            p.balance[t] = val(v('E', j, k, t));
            p.added[t] = Math.max(0, (p.balance[t] ?? 0) - (p.balance[t - 1] ?? 0));
            break;
          case 'securitization':
            p.added[t] = (s.issueAllowed[t] ?? 0) > 0 ? issued(j, t) : 0;
            break;
          case 'forwardFlow':
            p.added[t] = val(v('S', j, k, t));
            break;
        }
      }
      if (s.type === 'securitization' || s.type === 'forwardFlow') {
        const f = s.type === 'securitization' ? s.notesFactor : s.soldFactor;
        const mult = s.type === 'securitization' ? s.soldShare : 1;
        for (let t = 1; t <= H; t++) {
          let b = 0;
          for (let m = 1; m <= t; m++) b += (p.added[m] ?? 0) * mult * (f[t - m] ?? 0);
          p.balance[t] = b;
        }
      }
      return p;
    });
    return { mix, scenario: sc.name, paths };
  });
}

/**
 * Costs no decision changes, left out of the LP: commitment fees on the whole open commitment, amortised
 * upfront fees, and the cash yield the LP credits on every unit of funding although only funding above the
 * receivables is cash (the need is at least the receivables, so Σ yield / 12 × receivables is added back).
 */
function constantCost(sc: ScenarioTerms): number {
  let c = 0;
  for (let t = 1; t <= sc.book.months; t++) c += (sc.cashYield / 12) * (sc.book.receivables[t] ?? 0);
  for (const s of sc.sources) {
    if (s.type !== 'bankLine') continue;
    for (let t = 0; t <= sc.book.months; t++) {
      c += s.upfront[t] ?? 0;
      if (t > 0) c += (s.source.commitment * (s.open[t] ?? 0) * s.source.commitmentFee) / 12;
    }
  }
  return c;
}

function solveOptions(opt: Optimisation): { output_flag: boolean; time_limit: number; mip_rel_gap: number } {
  return { output_flag: false, time_limit: 120, mip_rel_gap: opt.mipRelGap };
}

function isOptimal(status: string): boolean {
  return status === 'Optimal';
}

function averageShares(e: MixEvaluation | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of e?.sources ?? []) out[s.id] = s.averageShare;
  return out;
}

/** Explains an infeasible problem: elastic slacks on every family, then each family relaxed alone. */
function explain(built: Built, solver: LpSolver, opt: Optimisation): Infeasibility {
  const all = new Set(built.families.keys());
  const res = solver.solve(built.model.write(all, slackPenalty), solveOptions(opt));
  const byFamily = new Map<string, BindingConstraint>();
  if (isOptimal(res.Status)) {
    for (const [name, row] of built.model.slacks) {
      const amount = (res.Columns[name]?.Primal ?? 0) * built.scale;
      if (amount <= 1e-7 * built.maxNeed) continue;
      const f = row.family as string;
      const b = byFamily.get(f) ?? {
        family: f,
        description: built.families.get(f)?.message ?? f,
        ...(built.families.has(f) ? { descriptionMessage: built.families.get(f) } : {}),
        amount: 0,
        months: [],
        scenarios: [],
      };
      b.amount += amount;
      if (row.month !== undefined && !b.months.includes(row.month)) b.months.push(row.month);
      if (row.scenario !== undefined && !b.scenarios.includes(row.scenario)) b.scenarios.push(row.scenario);
      byFamily.set(f, b);
    }
  }
  const restores: string[] = [];
  for (const f of all) {
    const r = solver.solve(built.model.write(new Set([f]), slackPenalty), solveOptions(opt));
    if (!isOptimal(r.Status)) continue;
    // The hard problem is infeasible, so a solution here means this family alone is what stands in the way.
    restores.push(f);
  }
  const binding = [...byFamily.values()].sort((a, b) => b.amount - a.amount);
  for (const b of binding) b.months.sort((x, y) => x - y);
  return { binding, relaxingAloneRestores: restores };
}

/** The cheapest allocation meeting the constraints at a liquidity buffer (share of receivables). */
export function optimiseMix(
  scenarios: readonly ScenarioTerms[],
  opt: Optimisation,
  solver: LpSolver,
  buffer = opt.minLiquidityBuffer,
  withExplanation = true,
): OptimisationResult {
  const built = build(scenarios, opt, buffer);
  const res = solver.solve(built.model.write(), solveOptions(opt));
  const stopped =
    (res.Status === 'Time limit reached' || res.Status === 'Iteration limit reached') &&
    Object.values(res.Columns).some((c) => c.Primal !== undefined);
  if (!isOptimal(res.Status) && !stopped) {
    const infeasible = res.Status === 'Infeasible' || res.Status === 'Primal infeasible or unbounded';
    return {
      status: infeasible ? 'infeasible' : 'error',
      solverStatus: res.Status,
      liquidityBuffer: buffer,
      objective: null,
      allocations: [],
      evaluations: [],
      averageShares: {},
      ...(infeasible && withExplanation ? { infeasibility: explain(built, solver, opt) } : {}),
    };
  }
  const allocations = readAllocations(scenarios, res.Columns, built.scale, 'optimal');
  const evaluations = allocations.map((a, k) => evaluateAllocation(scenarios[k] as ScenarioTerms, a));
  return {
    status: stopped ? 'stopped' : 'optimal',
    solverStatus: res.Status,
    liquidityBuffer: buffer,
    objective:
      res.ObjectiveValue * built.scale +
      scenarios.reduce((a, sc, k) => a + (k === 0 ? 1 : opt.stressWeight) * constantCost(sc), 0),
    allocations,
    evaluations,
    averageShares: averageShares(evaluations[0]),
  };
}

/** Cost against liquidity buffer: the optimum re-solved for each buffer of the sweep. */
export function efficientFrontier(
  scenarios: readonly ScenarioTerms[],
  opt: Optimisation,
  solver: LpSolver,
): FrontierPoint[] {
  const { from, to, steps } = opt.frontier;
  const points: FrontierPoint[] = [];
  for (let i = 0; i < steps; i++) {
    const buffer = from + ((to - from) * i) / (steps - 1);
    const r = optimiseMix(scenarios, opt, solver, buffer, false);
    const e = r.evaluations[0];
    points.push({
      liquidityBuffer: buffer,
      feasible: r.status === 'optimal' || r.status === 'stopped',
      totalCost: e?.totalCost ?? null,
      weightedAverageCost: e?.weightedAverageCost ?? null,
      minLiquidity: e?.minLiquidity ?? null,
      averageShares: averageShares(e),
    });
  }
  return points;
}
