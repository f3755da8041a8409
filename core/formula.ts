/**
 * Assumption formulas (a curve written as `0.02 + 0.001 * min(age, 12)`): deal files are untrusted input, so a
 * formula is parsed once with mathjs and its syntax tree is checked against an allow-list before anything
 * runs. Only numbers, the variables `period` and `age`, arithmetic, comparison, logic, `a ? b : c` and a few
 * pure math functions pass; assignment, function definitions, property access, matrices, units, strings and
 * every other mathjs function (import, evaluate, parse, createUnit, simplify, derivative…) are refused.
 */
import { create, all } from 'mathjs';
import type { MathNode } from 'mathjs';

export class FormulaError extends Error {
  constructor(
    readonly formula: string,
    reason: string,
  ) {
    super(`formula "${formula}": ${reason}`);
    this.name = 'FormulaError';
  }
}

export interface FormulaVars {
  period: number;
  age: number;
}

export type CompiledFormula = ((vars: FormulaVars) => number) & {
  /** Which variables the formula reads (tables indexed by one of them are cheaper to build). */
  readonly uses: { readonly period: boolean; readonly age: boolean };
};

const VARIABLES = new Set(['period', 'age']);
const FUNCTIONS = new Set(['min', 'max', 'abs', 'exp', 'log', 'sqrt', 'pow', 'floor', 'ceil', 'round']);
const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'unaryMinus',
  'unaryPlus',
  'pow',
  'mod',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);
const RELATIONS = new Set(['smaller', 'larger', 'smallerEq', 'largerEq', 'equal', 'unequal']);
const MAX_NODES = 500;

// `predictable` keeps results real numbers (sqrt(-1) is NaN, not a Complex) so a formula is a plain function.
// Created on first use: building a mathjs instance takes a few hundred ms, which a run without formulas
// (and every CLI start) should not pay.
let math: ReturnType<typeof create> | null = null;

interface AnyNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: unknown;
  args?: AnyNode[];
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
  conditionals?: string[];
  params?: AnyNode[];
}

function check(
  formula: string,
  node: AnyNode,
  uses: { period: boolean; age: boolean },
  count: { n: number },
): void {
  if (++count.n > MAX_NODES) throw new FormulaError(formula, `longer than ${MAX_NODES} terms`);
  const fail = (why: string): never => {
    throw new FormulaError(formula, why);
  };
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value !== 'number' || !Number.isFinite(node.value)) {
        fail(`only finite numbers are allowed as constants, not ${JSON.stringify(node.value)}`);
      }
      return;
    case 'SymbolNode':
      if (!VARIABLES.has(node.name ?? '')) {
        fail(`unknown name "${node.name}" (use period, age, numbers and ${[...FUNCTIONS].join(', ')})`);
      }
      if (node.name === 'period') uses.period = true;
      else uses.age = true;
      return;
    case 'ParenthesisNode':
      check(formula, node.content as AnyNode, uses, count);
      return;
    case 'ConditionalNode':
      check(formula, node.condition as AnyNode, uses, count);
      check(formula, node.trueExpr as AnyNode, uses, count);
      check(formula, node.falseExpr as AnyNode, uses, count);
      return;
    case 'OperatorNode':
      if (typeof node.fn !== 'string' || !OPERATORS.has(node.fn)) {
        fail(`operator "${String(node.fn)}" is not allowed`);
      }
      for (const a of node.args ?? []) check(formula, a, uses, count);
      return;
    case 'RelationalNode':
      for (const c of node.conditionals ?? [])
        if (!RELATIONS.has(c)) fail(`comparison "${c}" is not allowed`);
      for (const p of node.params ?? []) check(formula, p, uses, count);
      return;
    case 'FunctionNode': {
      const fn = node.fn as AnyNode;
      if (fn.type !== 'SymbolNode' || !FUNCTIONS.has(fn.name ?? '')) {
        fail(
          fn.type === 'SymbolNode'
            ? `function "${fn.name}" is not allowed (allowed: ${[...FUNCTIONS].join(', ')})`
            : 'calling anything but a named math function is not allowed',
        );
      }
      for (const a of node.args ?? []) check(formula, a, uses, count);
      return;
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return fail('assignment and function definitions are not allowed');
    case 'AccessorNode':
    case 'IndexNode':
      return fail('property access and indexing are not allowed');
    case 'BlockNode':
      return fail('only one expression is allowed (no ; or newlines)');
    default:
      return fail(`${node.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`);
  }
}

// Stress grids and break-even searches resolve the same scenario formulas hundreds of times: keep the
// compiled ones (bounded, oldest dropped first). A compiled formula is stateless, so sharing it is safe.
const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledFormula>();

/** Parses and checks `expr` once; the returned function evaluates the checked, compiled tree. */
export function compileFormula(expr: string): CompiledFormula {
  const hit = cache.get(expr);
  if (hit) return hit;
  const compiled = compileUncached(expr);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(expr, compiled);
  return compiled;
}

function compileUncached(expr: string): CompiledFormula {
  if (expr.length > 2000) throw new FormulaError(expr.slice(0, 40) + '…', 'too long');
  let node: MathNode;
  try {
    math ??= create(all, { predictable: true });
    node = math.parse(expr);
  } catch (e) {
    throw new FormulaError(expr, `does not parse: ${e instanceof Error ? e.message : String(e)}`);
  }
  const uses = { period: false, age: false };
  check(expr, node as unknown as AnyNode, uses, { n: 0 });
  const compiled = node.compile();
  const fn = (vars: FormulaVars): number => {
    // A fresh scope per call: the formula cannot keep state, and only the two numbers are visible to it.
    const out: unknown = compiled.evaluate({ period: vars.period, age: vars.age });
    const x = typeof out === 'boolean' ? (out ? 1 : 0) : out;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new FormulaError(
        expr,
        `gives ${typeof x === 'number' ? String(x) : 'a non-number'} at period ${vars.period}, age ${vars.age}`,
      );
    }
    return x;
  };
  return Object.assign(fn, { uses: { period: uses.period, age: uses.age } });
}
