import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from '../../../core/formula';

describe('compileFormula', () => {
  it('evaluates arithmetic, comparisons, conditionals and whitelisted functions of period and age', () => {
    const f = compileFormula('0.02 + 0.001 * min(age, 12)');
    expect(f({ period: 1, age: 5 })).toBeCloseTo(0.025, 15);
    expect(f({ period: 1, age: 40 })).toBeCloseTo(0.032, 15);
    expect(f.uses).toEqual({ period: false, age: true });
    const g = compileFormula('period <= 3 ? 0.01 : max(0, 0.05 - 0.001 * period)');
    expect(g({ period: 3, age: 0 })).toBe(0.01);
    expect(g({ period: 10, age: 0 })).toBeCloseTo(0.04, 15);
    expect(g({ period: 80, age: 0 })).toBe(0);
    expect(g.uses).toEqual({ period: true, age: false });
    expect(
      compileFormula(
        'round(exp(log(2)) * 100) / 100 + sqrt(4) + pow(2, 3) + abs(-1) + floor(1.5) + ceil(0.2)',
      )({ period: 0, age: 0 }),
    ).toBe(15);
    expect(compileFormula('period > 2 and age < 10')({ period: 3, age: 1 })).toBe(1);
    expect(compileFormula('2 age')({ period: 0, age: 4 })).toBe(8);
    expect(compileFormula('1 < period < 3')({ period: 2, age: 0 })).toBe(1);
  });

  it.each([
    ['x = 1', /assignment/],
    ['f(x) = x', /assignment/],
    ['period = 5', /assignment/],
    ['import({}, {override: true})', /function "import"/],
    ['evaluate("1+1")', /function "evaluate"|not a number|finite numbers/],
    ['parse("1")', /function "parse"|finite numbers/],
    ['createUnit("foo")', /function "createUnit"|finite numbers/],
    ['simplify("x")', /function "simplify"|finite numbers/],
    ['derivative("x^2", "x")', /function "derivative"|finite numbers/],
    ['cos(period)', /function "cos"/],
    ['pi * period', /unknown name "pi"/],
    ['constructor', /unknown name/],
    ['__proto__', /unknown name/],
    ['period.constructor', /property access/],
    ['min.constructor("return process")(1)', /property access|calling anything/],
    ['(min)(1, 2)', /calling anything|unknown name|does not parse/],
    ['period[1]', /property access|indexing/],
    ['[1, 2]', /array/],
    ['{a: 1}', /object/],
    ['"abc"', /finite numbers/],
    ['1e999', /finite numbers/],
    ['2 cm', /unknown name "cm"/],
    ['5!', /operator "factorial"/],
    ['1:3', /range/],
    ['age; period', /one expression/],
    ['period to cm', /operator|unknown name/],
    ['', /does not parse|constant|expressions/],
    ['(1 + ', /does not parse/],
  ])('refuses %s', (expr, reason) => {
    expect(() => compileFormula(expr)).toThrow(FormulaError);
    expect(() => compileFormula(expr)).toThrow(reason);
  });

  it('refuses results that are not finite numbers when evaluated', () => {
    const f = compileFormula('1 / (period - 1)');
    expect(f({ period: 2, age: 0 })).toBe(1);
    expect(() => f({ period: 1, age: 0 })).toThrow(/gives Infinity at period 1/);
    expect(() => compileFormula('sqrt(age - 10)')({ period: 1, age: 1 })).toThrow(FormulaError);
  });

  it('keeps no state between calls', () => {
    const f = compileFormula('period + age');
    expect(f({ period: 1, age: 2 })).toBe(3);
    expect(f({ period: 10, age: 20 })).toBe(30);
  });
});
