/**
 * Chain ladder and Mack's standard error against a published triangle: the RAA triangle (Mack 1994, as shipped
 * in the R ChainLadder package) and the package vignette's printed results for
 * `MackChainLadder(RAA, est.sigma = "Mack")` — "Claims reserving with R: ChainLadder package vignette",
 * Gesmann et al., section "Mack chain-ladder" (https://mages.github.io/ChainLadder/articles/ChainLadder.html;
 * source articles/ChainLadder.md in github.com/mages/ChainLadder). The expected values are the printed ones,
 * not our own output: ultimates to the unit, Mack S.E. to one decimal (summary(mack)$ByOrigin), total S.E.
 * 26,909.01, link ratios 2.999 1.624 1.271 1.172 1.113 1.042 1.033 1.017 1.009 and the log-linear tail 1.009.
 */
import { describe, expect, it } from 'vitest';
import { chainLadder, logLinearTail } from '../../../core/history/chainLadder';
import { RAA } from './raa';

const YEARS = RAA.map((_, i) => String(1981 + i));

// Printed in the vignette (summary(mack)$ByOrigin): Ultimate (rounded to units) and Mack.S.E (one decimal).
const PUBLISHED = [
  { ultimate: 18834, se: 0.0 },
  { ultimate: 16858, se: 206.2 },
  { ultimate: 24083, se: 623.4 },
  { ultimate: 28703, se: 747.2 },
  { ultimate: 28927, se: 1469.5 },
  { ultimate: 19501, se: 2001.9 },
  { ultimate: 17749, se: 2209.2 },
  { ultimate: 24019, se: 5357.9 },
  { ultimate: 16045, se: 6333.2 },
  { ultimate: 18402, se: 24566.3 },
];

describe('chain ladder with Mack standard errors: RAA, as published', () => {
  const r = chainLadder({ origins: YEARS, values: RAA });

  it('volume-weighted link ratios', () => {
    const printed = [2.999, 1.624, 1.271, 1.172, 1.113, 1.042, 1.033, 1.017, 1.009];
    r.developmentFactors.forEach((f, k) => expect(f).toBeCloseTo(printed[k]!, 3));
  });

  it('ultimates and Mack S.E. per origin year', () => {
    r.origins.forEach((o, i) => {
      expect(Math.abs(o.ultimate! - PUBLISHED[i]!.ultimate)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(o.standardError! - PUBLISHED[i]!.se)).toBeLessThanOrEqual(0.05);
    });
  });

  it('totals: latest 160,987, ultimate 213,122.23, Mack S.E. 26,909.01', () => {
    expect(r.total.latest).toBe(160987);
    expect(r.total.ultimate).toBeCloseTo(213122.23, 2);
    expect(r.total.standardError).toBeCloseTo(26909.01, 2);
  });

  it('log-linear tail factor 1.009 and the squared triangle with it', () => {
    expect(logLinearTail(r.developmentFactors)).toBeCloseTo(1.009, 3);
    const t = chainLadder({ origins: YEARS, values: RAA }, { tail: 'loglinear' });
    // Vignette's "Ult" column with the tail: 19012 for 1981, 18576 for 1990, outstanding about 54,146.
    expect(Math.round(t.origins[0]!.ultimate!)).toBe(19012);
    expect(Math.round(t.origins[9]!.ultimate!)).toBe(18576);
    expect(Math.round(t.total.ultimate - t.total.latest)).toBe(54146);
  });

  it('a 5 % tail applied to the volume-weighted factors (the vignette LDF exhibit: total 223,778)', () => {
    const t = chainLadder({ origins: YEARS, values: RAA }, { tail: 1.05 });
    expect(Math.round(t.total.ultimate)).toBe(223778);
    expect(Math.round(t.origins[9]!.ultimate!)).toBe(19323);
  });

  it('simple average and last-n alternatives differ from volume weighting and carry no Mack S.E.', () => {
    const s = chainLadder({ origins: YEARS, values: RAA }, { method: 'simple' });
    const first = RAA.slice(0, 9).map((row) => row[1]! / row[0]!);
    expect(s.developmentFactors[0]).toBeCloseTo(first.reduce((a, b) => a + b, 0) / 9, 12);
    expect(s.origins[9]!.standardError).toBeNull();
    const l = chainLadder({ origins: YEARS, values: RAA }, { method: 'last-n', lastN: 3 });
    // Column 0 → 1 over the last three rows that have both columns: 1987, 1988 and 1989.
    expect(l.developmentFactors[0]).toBeCloseTo((4020 + 6947 + 5395) / (557 + 1351 + 3133), 12);
  });
});
