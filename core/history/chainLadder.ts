/**
 * The chain-ladder method on a cumulative triangle, with Mack's (1993) distribution-free standard error.
 *
 * Rows are origin periods (vintages), columns development periods (months on book); row i is observed for
 * columns 0 … a_i (a ragged triangle is allowed: monthly vintages seen to different ages). For each column k,
 * P_k is the set of rows observed at k and k + 1.
 * - Development factor, volume-weighted: f_k = Σ_{P_k} C_{i,k+1} / Σ_{P_k} C_{i,k}. Alternatives: the simple
 *   average of the individual ratios C_{i,k+1}/C_{i,k}, or the volume-weighted factor over the last n rows of P_k.
 * - Mack's variance parameter: σ²_k = Σ_{P_k} C_{i,k} (C_{i,k+1}/C_{i,k} − f_k)² / (|P_k| − 1); where only one
 *   row is left, Mack's extrapolation σ²_k = min(σ⁴_{k−1}/σ²_{k−2}, σ²_{k−2}, σ²_{k−1}).
 * - Projection: Ĉ_{i,k+1} = Ĉ_{i,k} f_k from the latest diagonal; ultimate = Ĉ_{i,n−1} × tail.
 * - Standard error of row i (Mack 1993, Theorem 3): mse(R_i) = Ĉ²_{i,n−1} Σ_{k=a_i}^{n−2} σ²_k/f²_k
 *   (1/Ĉ_{i,k} + 1/S_k), with S_k = Σ_{P_k} C_{j,k}; of the total (Corollary): Σ_i mse(R_i) +
 *   2 Σ_{i<j} Ĉ_{i,n−1} Ĉ_{j,n−1} Σ_{k ≥ max(a_i,a_j)} (σ²_k/f²_k) / S_k.
 *   It is given for volume-weighted factors only (the estimator Mack's formula is derived for), and scaled by
 *   the tail factor without the tail's own uncertainty.
 * - Log-linear tail: log(f_k − 1) regressed on the development period k + 1 over factors above 1, extrapolated
 *   100 periods past the last column and multiplied up (the ChainLadder package's vignette does the same).
 */

export interface Triangle {
  /** Row labels (vintages). */
  origins: string[];
  /** values[i][k]: cumulative amount of row i at column k; rows are observed as a prefix. */
  values: number[][];
  /** Column labels (months on book); defaults to 1 … n. */
  periods?: number[];
}

export type FactorMethod = 'volume' | 'simple' | 'last-n';

export interface ChainLadderOptions {
  method?: FactorMethod;
  /** Rows per column for `last-n`. */
  lastN?: number;
  /** A tail factor, or 'loglinear' to fit one. Default 1. */
  tail?: number | 'loglinear';
}

export interface OriginResult {
  origin: string;
  /** Index of the latest observed column. */
  latestPeriod: number;
  latest: number;
  /** Projected ultimate; null when it cannot be projected (latest is zero and a factor is undefined). */
  ultimate: number | null;
  /** Mack standard error of the ultimate (= of the reserve); null for non-volume factors. */
  standardError: number | null;
  /** Projected cumulative values for every column (observed ones as given). */
  projected: (number | null)[];
}

export interface ChainLadderResult {
  method: FactorMethod;
  /** f_k for k = 0 … n − 2 (null when no row has a positive value at k). */
  developmentFactors: (number | null)[];
  tailFactor: number;
  sigma2: (number | null)[];
  origins: OriginResult[];
  total: { latest: number; ultimate: number; standardError: number | null };
}

function observedLength(row: readonly number[]): number {
  let n = 0;
  while (n < row.length && Number.isFinite(row[n]!)) n++;
  return n;
}

/** log(f − 1) = a + b x by least squares; the tail is Π_{x=n}^{n+100} (1 + e^{a+bx}). 1 when it does not decay. */
export function logLinearTail(factors: readonly (number | null)[]): number {
  const xs: number[] = [];
  const ys: number[] = [];
  factors.forEach((f, k) => {
    if (f !== null && f > 1) {
      xs.push(k + 1);
      ys.push(Math.log(f - 1));
    }
  });
  if (xs.length < 2) return 1;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const b = sxy / sxx;
  if (!(b < 0)) return 1;
  const a = my - b * mx;
  const n = factors.length + 1;
  let tail = 1;
  for (let x = n; x <= n + 100; x++) tail *= 1 + Math.exp(a + b * x);
  return tail;
}

export function chainLadder(tri: Triangle, opts: ChainLadderOptions = {}): ChainLadderResult {
  const method = opts.method ?? 'volume';
  const rows = tri.values;
  const len = rows.map(observedLength);
  const n = Math.max(0, ...len);
  const f: (number | null)[] = [];
  const sums: number[] = [];
  const sigma2: (number | null)[] = [];
  for (let k = 0; k + 1 < n; k++) {
    let pk = rows.map((_, i) => i).filter((i) => len[i]! >= k + 2);
    if (method === 'last-n') pk = pk.slice(-Math.max(1, opts.lastN ?? 5));
    const all = rows.map((_, i) => i).filter((i) => len[i]! >= k + 2);
    const num = pk.reduce((a, i) => a + rows[i]![k + 1]!, 0);
    const den = pk.reduce((a, i) => a + rows[i]![k]!, 0);
    let fk: number | null;
    if (method === 'simple') {
      const ratios = pk.filter((i) => rows[i]![k]! > 0).map((i) => rows[i]![k + 1]! / rows[i]![k]!);
      fk = ratios.length > 0 ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null;
    } else fk = den > 0 ? num / den : null;
    f.push(fk);
    sums.push(all.reduce((a, i) => a + rows[i]![k]!, 0));
    const pos = pk.filter((i) => rows[i]![k]! > 0);
    if (fk !== null && pos.length >= 2) {
      let s = 0;
      for (const i of pos) s += rows[i]![k]! * (rows[i]![k + 1]! / rows[i]![k]! - fk) ** 2;
      sigma2.push(s / (pos.length - 1));
    } else sigma2.push(null);
  }
  // Mack's extrapolation where a column has a single ratio (the last one, in a full triangle).
  for (let k = 0; k < sigma2.length; k++) {
    if (sigma2[k] !== null || f[k] === null) continue;
    const s1 = k >= 1 ? sigma2[k - 1] : null;
    const s2 = k >= 2 ? sigma2[k - 2] : null;
    if (s1 != null && s2 != null && s2 > 0) sigma2[k] = Math.min((s1 * s1) / s2, s2, s1);
    else sigma2[k] = s1 ?? 0;
  }
  const tail = opts.tail === 'loglinear' ? logLinearTail(f) : (opts.tail ?? 1);
  const withSe = method === 'volume';

  const origins: OriginResult[] = rows.map((row, i) => {
    const a = len[i]! - 1;
    const projected: (number | null)[] = row.slice(0, a + 1);
    let c: number | null = a >= 0 ? row[a]! : null;
    let v = 0; // Σ σ²/f² (1/Ĉ + 1/S) over the projected columns
    for (let k = Math.max(a, 0); k + 1 < n; k++) {
      const fk = f[k];
      if (c === null || fk === null || fk === undefined) {
        // No factor for this column (no row had a positive value there): the row cannot be projected.
        c = null;
        projected.push(null);
        continue;
      }
      if (c > 0) v += ((sigma2[k] ?? 0) / (fk * fk)) * (1 / c + 1 / sums[k]!);
      c = c * fk;
      projected.push(c);
    }
    const ultimate = c === null ? null : c * tail;
    const se = withSe && c !== null ? tail * Math.sqrt(c * c * v) : null;
    return {
      origin: tri.origins[i] ?? String(i + 1),
      latestPeriod: a,
      latest: a >= 0 ? row[a]! : 0,
      ultimate,
      standardError: se,
      projected,
    };
  });

  const latest = origins.reduce((s, o) => s + o.latest, 0);
  const ultimate = origins.reduce((s, o) => s + (o.ultimate ?? o.latest), 0);
  let totalSe: number | null = null;
  if (withSe) {
    let mse = origins.reduce((s, o) => s + (o.standardError ?? 0) ** 2, 0);
    const cn = origins.map((o) => (o.ultimate === null ? 0 : o.ultimate / tail));
    for (let i = 0; i < origins.length; i++) {
      for (let j = i + 1; j < origins.length; j++) {
        if (cn[i] === 0 || cn[j] === 0) continue;
        let s = 0;
        for (let k = Math.max(len[i]! - 1, len[j]! - 1, 0); k + 1 < n; k++) {
          const fk = f[k];
          if (fk === null || fk === undefined || sums[k] === 0) continue;
          s += (sigma2[k] ?? 0) / (fk * fk) / sums[k]!;
        }
        mse += 2 * cn[i]! * cn[j]! * s * tail * tail;
      }
    }
    totalSe = Math.sqrt(mse);
  }
  return {
    method,
    developmentFactors: f,
    tailFactor: tail,
    sigma2,
    origins,
    total: { latest, ultimate, standardError: totalSe },
  };
}
