/**
 * A small builder for linear (and mixed-integer) programmes written out in CPLEX LP format, the text the
 * HiGHS solver reads. Rows may belong to a constraint family; in elastic mode each such row gets a
 * penalised slack, so an infeasible problem still solves and the non-zero slacks name what binds.
 */

export type Expr = Map<string, number>;

export interface LpRow {
  name: string;
  terms: Expr;
  sense: '<=' | '>=' | '=';
  rhs: number;
  /** Constraint family (e.g. 'liquidityBuffer'); rows without one are never relaxed. */
  family?: string;
  scenario?: string;
  month?: number;
}

/** The part of a HiGHS solution this module reads (highs-js `solve` returns a superset). */
export interface LpSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Index: number; Primal?: number }>;
}

/** Anything that solves CPLEX LP text: the loaded `highs` module satisfies it. */
export interface LpSolver {
  solve(
    problem: string,
    options?: { output_flag?: boolean; time_limit?: number; mip_rel_gap?: number },
  ): LpSolution;
}

export function addTerm(e: Expr, v: string, c: number): Expr {
  if (c === 0 || !Number.isFinite(c)) return e;
  e.set(v, (e.get(v) ?? 0) + c);
  return e;
}

export function addExpr(into: Expr, e: Expr, scale = 1): Expr {
  for (const [v, c] of e) addTerm(into, v, c * scale);
  return into;
}

function num(x: number): string {
  // Twelve significant digits: far below any money tolerance, and no "-0".
  const s = Number(x.toPrecision(12)).toString();
  return s === '-0' ? '0' : s;
}

function writeExpr(e: Expr): string {
  const parts: string[] = [];
  let line: string[] = [];
  for (const [v, c] of e) {
    if (Math.abs(c) < 1e-12) continue;
    line.push(`${c < 0 ? '-' : '+'} ${num(Math.abs(c))} ${v}`);
    if (line.length === 6) {
      parts.push(line.join(' '));
      line = [];
    }
  }
  if (line.length) parts.push(line.join(' '));
  return parts.length ? parts.join('\n   ') : '0 zero';
}

export class LpModel {
  readonly objective: Expr = new Map();
  readonly rows: LpRow[] = [];
  private readonly upper = new Map<string, number>();
  private readonly fixed = new Map<string, number>();
  readonly binaries = new Set<string>();
  readonly slacks = new Map<string, LpRow>();

  addRow(row: LpRow): void {
    this.rows.push(row);
  }

  setUpper(v: string, hi: number): void {
    this.upper.set(v, Math.min(hi, this.upper.get(v) ?? Infinity));
  }

  fix(v: string, value: number): void {
    this.fixed.set(v, value);
  }

  binary(v: string): void {
    this.binaries.add(v);
  }

  /**
   * The LP text. `relax` lists the families that get a slack with cost `penalty(family)` per unit; rows of
   * other families stay hard.
   */
  write(relax: ReadonlySet<string> = new Set(), penalty: (family: string) => number = () => 0): string {
    const obj: Expr = new Map(this.objective);
    const rows: string[] = [];
    this.slacks.clear();
    let zeroUsed = false;
    this.rows.forEach((r, i) => {
      let terms = r.terms;
      if (r.family && relax.has(r.family) && r.sense !== '=') {
        const s = `slk_${i}`;
        terms = new Map(terms);
        addTerm(terms, s, r.sense === '<=' ? -1 : 1);
        addTerm(obj, s, penalty(r.family));
        this.slacks.set(s, r);
      }
      const body = writeExpr(terms);
      if (body === '0 zero') zeroUsed = true;
      rows.push(` ${r.name}: ${body} ${r.sense} ${num(r.rhs)}`);
    });
    const objBody = writeExpr(obj);
    if (objBody === '0 zero') zeroUsed = true;
    const bounds: string[] = [];
    for (const [v, hi] of this.upper)
      if (!this.fixed.has(v) && Number.isFinite(hi)) bounds.push(` ${v} <= ${num(hi)}`);
    for (const [v, x] of this.fixed) bounds.push(` ${v} = ${num(x)}`);
    if (zeroUsed) bounds.push(' zero = 0');
    return [
      'Minimize',
      ` obj: ${objBody}`,
      'Subject To',
      ...rows,
      'Bounds',
      ...bounds,
      ...(this.binaries.size ? ['Binaries', ` ${[...this.binaries].join(' ')}`] : []),
      'End',
      '',
    ].join('\n');
  }
}
