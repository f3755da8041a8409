/** A Monte Carlo distribution's value at percentile p (0.99), or null when it was not computed. */
export function percentile(s: { percentiles: { p: number; value: number }[] }, p: number): number | null {
  return s.percentiles.find((x) => Math.abs(x.p - p) < 1e-9)?.value ?? null;
}
