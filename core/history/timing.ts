/**
 * The agencies' timing-curve extension of immature vintages. From the seasoned vintages (observed to the
 * horizon H, in months on book), the timing curve is the share of lifetime loss realised by each month:
 * s(k) = Σ_seasoned C_{i,k} / Σ_seasoned C_{i,H} (volume-weighted, as the chain ladder's factors are; it is the
 * reciprocal of the chain ladder's cumulative factor to H when both use the same vintages). A vintage at month a
 * with C realised projects to a lifetime loss of C / s(a), so C (1/s(a) − 1) is still to come: 10 months into a
 * curve with s(10) = 2.31/7.01, 2.31 % realised has 4.70 % to come (../shared/DOMAIN.md). Beyond H nothing more
 * is expected. The marginal shares s(k) − s(k − 1) are the engine's CNL timing vector (core/deal/schema.ts).
 */
import type { Triangle } from './chainLadder';

export interface TimingOptions {
  /** The lifetime horizon H in periods (columns); default: the longest that at least a quarter of the rows (and two) reach. */
  horizon?: number;
}

export interface TimingOrigin {
  origin: string;
  latestPeriod: number;
  latest: number;
  ultimate: number | null;
  toCome: number | null;
}

export interface TimingResult {
  horizon: number;
  /** Rows used to fit the curve. */
  seasoned: string[];
  /** s(k) for columns k = 0 … H − 1 (cumulative share; s(H − 1) = 1). */
  cumulative: number[];
  /** s(k) − s(k − 1): the share realised in each period. */
  marginal: number[];
  origins: TimingOrigin[];
}

const lengthOf = (row: readonly number[]): number => {
  let n = 0;
  while (n < row.length && Number.isFinite(row[n]!)) n++;
  return n;
};

export function defaultHorizon(tri: Triangle): number {
  const lens = tri.values.map(lengthOf).sort((a, b) => b - a);
  const need = Math.max(2, Math.ceil(lens.length / 4));
  return lens[Math.min(need, lens.length) - 1] ?? 0;
}

export function timingCurve(tri: Triangle, opts: TimingOptions = {}): TimingResult {
  const H = opts.horizon ?? defaultHorizon(tri);
  const lens = tri.values.map(lengthOf);
  const seasonedIdx = tri.values.map((_, i) => i).filter((i) => lens[i]! >= H);
  const total = seasonedIdx.reduce((a, i) => a + tri.values[i]![H - 1]!, 0);
  const cumulative: number[] = [];
  for (let k = 0; k < H; k++) {
    const s = seasonedIdx.reduce((a, i) => a + tri.values[i]![k]!, 0);
    cumulative.push(total > 0 ? s / total : 0);
  }
  const marginal = cumulative.map((s, k) => s - (k > 0 ? cumulative[k - 1]! : 0));
  const origins = tri.values.map((row, i): TimingOrigin => {
    const a = lens[i]! - 1;
    const latest = a >= 0 ? row[a]! : 0;
    let ultimate: number | null;
    if (a < 0) ultimate = null;
    else if (a >= H - 1) ultimate = latest;
    else ultimate = cumulative[a]! > 0 ? latest / cumulative[a]! : null;
    return {
      origin: tri.origins[i] ?? String(i + 1),
      latestPeriod: a,
      latest,
      ultimate,
      toCome: ultimate === null ? null : ultimate - latest,
    };
  });
  return {
    horizon: H,
    seasoned: seasonedIdx.map((i) => tri.origins[i] ?? String(i + 1)),
    cumulative,
    marginal,
    origins,
  };
}

/** Balance-weighted mean and range of lifetime loss rates across vintages (rates: ultimate / original). */
export function lifetimeRange(
  rates: readonly (number | null)[],
  weights?: readonly number[],
): { expected: number; min: number; max: number; vintages: number } | null {
  let sw = 0;
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  rates.forEach((r, i) => {
    if (r === null || !Number.isFinite(r)) return;
    const w = weights?.[i] ?? 1;
    sw += w;
    s += w * r;
    min = Math.min(min, r);
    max = Math.max(max, r);
    n++;
  });
  return n === 0 || sw === 0 ? null : { expected: s / sw, min, max, vintages: n };
}
