/**
 * Duration and convexity at a bond-equivalent yield Y, with PVᵢ = CFᵢ / (1 + Y/2)^(2tᵢ) and P = Σ PVᵢ:
 * - Macaulay duration D = Σ tᵢ × PVᵢ / P, in years;
 * - modified duration = D / (1 + Y/2) = −(1/P) dP/dY (SIFMA);
 * - convexity C = (1/P) d²P/dY² = Σ PVᵢ × tᵢ × (tᵢ + ½) / ((1 + Y/2)² × P), in years²
 *   (so ΔP/P ≈ −modified × ΔY + ½ × C × ΔY²).
 */
import type { TrancheFlow } from './flows';

export interface DurationMeasures {
  macaulay: number;
  modified: number;
  convexity: number;
}

export function durationAt(flows: readonly TrancheFlow[], bey: number): DurationMeasures | null {
  const base = 1 + bey / 2;
  const k = -2 * Math.log(base);
  let pv = 0;
  let first = 0;
  let second = 0;
  for (const f of flows) {
    const cf = f.interest + f.principal;
    if (cf === 0) continue;
    const v = cf * Math.exp(k * f.t);
    pv += v;
    first += f.t * v;
    second += f.t * (f.t + 0.5) * v;
  }
  if (!(pv > 0)) return null;
  const macaulay = first / pv;
  return { macaulay, modified: macaulay / base, convexity: second / (base * base * pv) };
}
