/**
 * Stress inputs checked in place, in the units the user typed (issue 19 item 10): rates in percent, multiples
 * as ×, the lag in months; the engine's own message spoke in fractions ("'to' (0.1) is below 'from' (0.3)").
 */
import { describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../../../renderer/i18n';
import {
  axisFormProblem,
  axisFromForm,
  axisProblemText,
  monteCarloFormProblem,
} from '../../../renderer/project/stressForms';

initI18n('en');
const t = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

describe('grid axis form', () => {
  it('says "to" is below "from" in percent: CDR from 30 to 10', () => {
    expect(axisProblemText(t, { kind: 'cdr', from: '30', to: '10', step: '5' })).toBe(
      "CDR: 'to' (10%) is below 'from' (30%)",
    );
  });

  it('checks the range per kind, in its units', () => {
    expect(axisFormProblem(t, { kind: 'cpr', from: '0', to: '120', step: '10' })).toBe(
      "'to' (120%) must be from 0% to 100%",
    );
    expect(axisFormProblem(t, { kind: 'lossMultiple', from: '-1', to: '2', step: '1' })).toBe(
      "'from' (-1×) must be from 0× to 100×",
    );
    expect(axisFormProblem(t, { kind: 'absSpeed', from: '0', to: '100', step: '1' })).toBe(
      "'to' (100%) must be from 0% to below 100%",
    );
    expect(axisFormProblem(t, { kind: 'cdr', from: '0', to: 'x', step: '1' })).toBe("'to' is not a number");
    expect(axisFormProblem(t, { kind: 'cdr', from: '0', to: '10', step: '0' })).toBe(
      "'step' must be above 0",
    );
  });

  it('counts points as the engine does: 0 to 100% by 0.25 is 401 points, over the 201 allowed', () => {
    // (100 − 0) / 0.25 + 1 = 401.
    expect(axisFormProblem(t, { kind: 'cdr', from: '0', to: '100', step: '0.25' })).toBe(
      '401 points from 0% to 100% by 0.25%; at most 201',
    );
    // (100 − 0) / 0.5 + 1 = 201: the largest allowed (the 40,401-cell grid).
    expect(axisFormProblem(t, { kind: 'cdr', from: '0', to: '100', step: '0.5' })).toBeNull();
  });

  it('turns a passing rate form into fractions for the engine, multiples as they are', () => {
    expect(axisFromForm({ kind: 'cdr', from: '0', to: '20', step: '5' })).toEqual({
      kind: 'cdr',
      from: 0,
      to: 0.2,
      step: 0.05,
    });
    expect(axisFromForm({ kind: 'lossMultiple', from: '1', to: '5', step: '1' }).to).toBe(5);
  });
});

describe('Monte Carlo form', () => {
  const ok = { paths: '10000', seed: '1', meanLoss: '', rho: '10' };
  it('passes 10,000 paths with or without separators, and names each bad field', () => {
    expect(monteCarloFormProblem(t, ok)).toBeNull();
    expect(monteCarloFormProblem(t, { ...ok, paths: '10,000' })).toBeNull();
    expect(monteCarloFormProblem(t, { ...ok, paths: '2.5' })).toBe(
      'Paths must be a whole number from 1 to 10,000,000',
    );
    expect(monteCarloFormProblem(t, { ...ok, seed: 'a' })).toBe('Seed must be a whole number');
    expect(monteCarloFormProblem(t, { ...ok, meanLoss: '100' })).toMatch(/^Mean loss must be above 0%/);
    expect(monteCarloFormProblem(t, { ...ok, rho: '100' })).toBe('Correlation must be from 0% to below 100%');
  });
});

describe('the same checks in Chinese (issue 13)', () => {
  it('names the axis from the glossary and the field in Chinese, the values in the units typed', () => {
    expect(axisProblemText(zh, { kind: 'cdr', from: '30', to: '10', step: '5' })).toBe(
      '年化违约率(CDR)：终止值（10%）低于起始值（30%）',
    );
    expect(axisProblemText(zh, { kind: 'lagMonths', from: '0', to: '2000', step: '1' })).toBe(
      '回收滞后期（月）：“终止值”（2000个月）须在 0个月 至 1200个月 之间',
    );
    expect(axisFormProblem(zh, { kind: 'absSpeed', from: '0', to: '100', step: '1' })).toBe(
      '“终止值”（100%）须不低于 0% 且低于 100%',
    );
    expect(axisFormProblem(zh, { kind: 'cdr', from: '0', to: '100', step: '0.25' })).toBe(
      '从 0% 到 100%、步长 0.25% 共 401 个点，最多 201 个',
    );
  });

  it('says what is wrong with a Monte Carlo field in Chinese', () => {
    const ok = { paths: '10000', seed: '1', meanLoss: '', rho: '10' };
    expect(monteCarloFormProblem(zh, { ...ok, paths: '0' })).toBe('路径数须为 1 至 10,000,000 之间的整数');
    expect(monteCarloFormProblem(zh, { ...ok, rho: '100' })).toBe('相关系数须不低于 0% 且低于 100%');
  });
});
