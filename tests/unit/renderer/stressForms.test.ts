/**
 * Stress inputs checked in place, in the units the user typed (issue 19 item 10): rates in percent, multiples
 * as ×, the lag in months; the engine's own message spoke in fractions ("'to' (0.1) is below 'from' (0.3)").
 */
import { describe, expect, it } from 'vitest';
import {
  axisFormProblem,
  axisFromForm,
  axisProblemText,
  monteCarloFormProblem,
} from '../../../renderer/project/stressForms';

describe('grid axis form', () => {
  it('says "to" is below "from" in percent: CDR from 30 to 10', () => {
    expect(axisProblemText({ kind: 'cdr', from: '30', to: '10', step: '5' })).toBe(
      "CDR: 'to' (10%) is below 'from' (30%)",
    );
  });

  it('checks the range per kind, in its units', () => {
    expect(axisFormProblem({ kind: 'cpr', from: '0', to: '120', step: '10' })).toBe(
      "'to' (120%) must be from 0% to 100%",
    );
    expect(axisFormProblem({ kind: 'lossMultiple', from: '-1', to: '2', step: '1' })).toBe(
      "'from' (-1×) must be from 0× to 100×",
    );
    expect(axisFormProblem({ kind: 'absSpeed', from: '0', to: '100', step: '1' })).toBe(
      "'to' (100%) must be from 0% to below 100%",
    );
    expect(axisFormProblem({ kind: 'cdr', from: '0', to: 'x', step: '1' })).toBe("'to' is not a number");
    expect(axisFormProblem({ kind: 'cdr', from: '0', to: '10', step: '0' })).toBe("'step' must be above 0");
  });

  it('counts points as the engine does: 0 to 100% by 0.25 is 401 points, over the 201 allowed', () => {
    // (100 − 0) / 0.25 + 1 = 401.
    expect(axisFormProblem({ kind: 'cdr', from: '0', to: '100', step: '0.25' })).toBe(
      '401 points from 0% to 100% by 0.25%; at most 201',
    );
    // (100 − 0) / 0.5 + 1 = 201: the largest allowed (the 40,401-cell grid).
    expect(axisFormProblem({ kind: 'cdr', from: '0', to: '100', step: '0.5' })).toBeNull();
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
    expect(monteCarloFormProblem(ok)).toBeNull();
    expect(monteCarloFormProblem({ ...ok, paths: '10,000' })).toBeNull();
    expect(monteCarloFormProblem({ ...ok, paths: '2.5' })).toBe(
      'Paths must be a whole number from 1 to 10,000,000',
    );
    expect(monteCarloFormProblem({ ...ok, seed: 'a' })).toBe('Seed must be a whole number');
    expect(monteCarloFormProblem({ ...ok, meanLoss: '100' })).toMatch(/^Mean loss must be above 0%/);
    expect(monteCarloFormProblem({ ...ok, rho: '100' })).toBe('Correlation must be from 0% to below 100%');
  });
});
