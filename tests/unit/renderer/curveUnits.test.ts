/**
 * Curve editors share one unit convention: rates typed in percent (a constant, a vector and a formula alike),
 * stored as annual decimals (DESIGN: 0.12 = 12%); speeds (PSA, SDA) as typed. The range check a constant gets
 * applies to every value a formula produces.
 */
import { describe, expect, it } from 'vitest';
import {
  curveRangeProblem,
  editorFormulaProblem,
  formulaForEditor,
  formulaFromEditor,
} from '../../../renderer/project/curveUnits';
import { resolveCurve } from '../../../core/assumptions/curve';
import { i18n, initI18n } from '../../../renderer/i18n';

initI18n('en');
const t = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

describe('formula units', () => {
  it('stores a rate formula typed in percent as a decimal: "6 + 0.5 * period" is 6.5% = 0.065 at period 1', () => {
    const stored = formulaFromEditor('6 + 0.5 * period', 'rate');
    expect(stored).toBe('(6 + 0.5 * period) / 100');
    // By hand: (6 + 0.5 × 1) / 100 = 0.065; at period 4, (6 + 2) / 100 = 0.08.
    expect(resolveCurve({ formula: stored }).at(1, 1)).toBeCloseTo(0.065, 12);
    expect(resolveCurve({ formula: stored }).at(4, 4)).toBeCloseTo(0.08, 12);
    expect(formulaForEditor(stored, 'rate')).toBe('6 + 0.5 * period');
  });

  it('shows a decimal formula from an older deal file in percent, and leaves speeds as they are', () => {
    expect(formulaForEditor('0.02 + 0.001 * age', 'rate')).toBe('100 * (0.02 + 0.001 * age)');
    expect(formulaFromEditor('150', 'speed')).toBe('150');
    expect(formulaForEditor('150', 'speed')).toBe('150');
  });
});

describe('the range check on what a curve produces', () => {
  it('stops "0.1 * period" (a decimal formula) at period 11, where it first exceeds 100%', () => {
    // By hand: 0.1 × 10 = 1.00 = 100% is still a rate; 0.1 × 11 = 1.10 = 110% is not. (It reaches 360% at 36.)
    expect(curveRangeProblem({ formula: '0.1 * period' }, 'rate', t)).toBe(
      'gives 110% at period 11; a rate must be between 0% and 100%',
    );
  });

  it('checks a formula typed in percent the same way: "10 * period" fails at period 11 too', () => {
    expect(editorFormulaProblem('10 * period', 'rate', t)).toBe(
      'gives 110% at period 11; a rate must be between 0% and 100%',
    );
    expect(editorFormulaProblem('5 + 1 * min(age, 12)', 'rate', t)).toBeNull();
  });

  it('refuses a negative rate or speed and names the period', () => {
    // By hand: 3 − 0.5 × 7 = −0.5% at period 7 (6 gives 0%, allowed).
    expect(editorFormulaProblem('3 - 0.5 * period', 'rate', t)).toBe(
      'gives -0.5% at period 7; a rate must be between 0% and 100%',
    );
    // SDA speed 100 − 10 × 11 = −10.
    expect(curveRangeProblem({ formula: '100 - 10 * period' }, 'speed', t)).toBe(
      'gives -10 at period 11; a speed cannot be negative',
    );
    expect(curveRangeProblem(0.06, 'rate', t)).toBeNull();
    expect(curveRangeProblem({ vector: [0.02, 1.2], by: 'period' }, 'rate', t)).toBe(
      'gives 120% at period 2; a rate must be between 0% and 100%',
    );
  });

  it('says why a formula does not compile', () => {
    expect(editorFormulaProblem('5 + min(age, ', 'rate', t)).not.toBeNull();
  });
});

describe('the range check in the screen’s language', () => {
  it('refuses a rate formula past 100% in Chinese, naming the period and the value', () => {
    // By hand: 10% × 11 = 110% at period 11, as in English above.
    expect(editorFormulaProblem('10 * period', 'rate', zh)).toBe('第 11 期为 110%；比率应在 0% 至 100% 之间');
    expect(curveRangeProblem({ formula: '100 - 10 * period' }, 'speed', zh)).toBe(
      '第 11 期为 -10；速度不能为负数',
    );
  });

  it('prefixes the parser’s reason in Chinese, and leaves it alone in English', () => {
    const en = editorFormulaProblem('5 + min(age, ', 'rate', t);
    expect(en).not.toBeNull();
    expect(editorFormulaProblem('5 + min(age, ', 'rate', zh)).toBe(`公式有误：${en}`);
  });
});
