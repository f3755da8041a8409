/**
 * The one-factor Gaussian copula (Vasicek) pool-loss distribution. With PD the mean default fraction and ρ
 * the asset correlation, the pool's default fraction given the systematic factor Z ~ N(0, 1) is
 *   L(Z) = Φ((Φ⁻¹(PD) − √ρ·Z) / √(1 − ρ)),
 * so a high Z is a good economy. Mean E[L] = PD; variance Var[L] = Φ₂(Φ⁻¹(PD), Φ⁻¹(PD); ρ) − PD², which
 * we evaluate with the Sheppard/Plackett form Φ₂(h, h; ρ) − Φ(h)² = (1/2π) ∫₀^{asin ρ} exp(−h²/(1 + sin θ)) dθ
 * (smooth in θ, so Gauss–Legendre converges fast; no bivariate-normal library needed).
 */
import { normalCdf, normalInv } from './normal';

/** Default fraction for the systematic factor z. */
export function vasicekLoss(pd: number, rho: number, z: number): number {
  if (pd <= 0) return 0;
  if (pd >= 1) return 1;
  if (rho <= 0) return pd;
  return normalCdf((normalInv(pd) - Math.sqrt(rho) * z) / Math.sqrt(1 - rho));
}

/** The α-quantile of the default fraction: Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(α)) / √(1 − ρ)). */
export function vasicekQuantile(pd: number, rho: number, alpha: number): number {
  if (pd <= 0) return 0;
  if (pd >= 1) return 1;
  if (rho <= 0) return pd;
  return normalCdf((normalInv(pd) + Math.sqrt(rho) * normalInv(alpha)) / Math.sqrt(1 - rho));
}

/** P(L ≤ x) = Φ((√(1 − ρ)·Φ⁻¹(x) − Φ⁻¹(PD)) / √ρ). */
export function vasicekCdf(pd: number, rho: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (rho <= 0) return x >= pd ? 1 : 0;
  return normalCdf((Math.sqrt(1 - rho) * normalInv(x) - normalInv(pd)) / Math.sqrt(rho));
}

// 20-point Gauss–Legendre on [−1, 1] (abscissae and weights for the positive half).
const GL_X = [
  0.0765265211334973, 0.2277858511416451, 0.3737060887154195, 0.5108670019508271, 0.636053680726515,
  0.7463319064601508, 0.8391169718222188, 0.9122344282513259, 0.9639719272779138, 0.9931285991850949,
];
const GL_W = [
  0.1527533871307258, 0.1491729864726037, 0.142096109318382, 0.1316886384491766, 0.1181945319615184,
  0.1019301198172404, 0.0832767415767048, 0.0626720483341091, 0.0406014298003869, 0.0176140071391521,
];

/** ∫ₐᵇ f by composite 20-point Gauss–Legendre over `pieces` equal sub-intervals. */
function integrate(f: (x: number) => number, a: number, b: number, pieces = 8): number {
  const h = (b - a) / pieces;
  let total = 0;
  for (let k = 0; k < pieces; k++) {
    const mid = a + (k + 0.5) * h;
    const half = h / 2;
    for (let i = 0; i < GL_X.length; i++) {
      const dx = half * GL_X[i]!;
      total += GL_W[i]! * (f(mid - dx) + f(mid + dx)) * half;
    }
  }
  return total;
}

/** Bivariate standard normal P(X ≤ h, Y ≤ h) with correlation ρ ∈ [0, 1). */
export function bivariateNormalCdfDiagonal(h: number, rho: number): number {
  const base = normalCdf(h) ** 2;
  if (rho <= 0) return base;
  const top = Math.asin(Math.min(rho, 1));
  return base + integrate((t) => Math.exp((-h * h) / (1 + Math.sin(t))), 0, top) / (2 * Math.PI);
}

/** Variance of the Vasicek default fraction. */
export function vasicekVariance(pd: number, rho: number): number {
  if (pd <= 0 || pd >= 1 || rho <= 0) return 0;
  const h = normalInv(pd);
  const top = Math.asin(Math.min(rho, 1));
  return integrate((t) => Math.exp((-h * h) / (1 + Math.sin(t))), 0, top) / (2 * Math.PI);
}

/**
 * The correlation ρ at which the default fraction has standard deviation `volatility` (bisection: the variance
 * rises with ρ from 0 to PD(1 − PD)). Throws when the volatility is not reachable.
 */
export function vasicekRhoForVolatility(pd: number, volatility: number): number {
  if (!(pd > 0 && pd < 1)) throw new RangeError(`PD must be in (0, 1), got ${pd}`);
  const target = volatility * volatility;
  const max = pd * (1 - pd);
  if (!(volatility >= 0) || target >= max) {
    throw new RangeError(
      `loss volatility ${volatility} is not reachable for mean ${pd}: it must be below √(PD(1 − PD)) = ${Math.sqrt(max).toFixed(6)}`,
    );
  }
  let lo = 0;
  let hi = 1 - 1e-12;
  for (let i = 0; i < 200 && hi - lo > 1e-14; i++) {
    const mid = (lo + hi) / 2;
    if (vasicekVariance(pd, mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
