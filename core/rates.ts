/**
 * Rate conventions of the SIFMA Uniform Practices "Standard Formulas" (../shared/DESIGN.md): annual rates
 * to monthly rates and the standard prepayment (PSA, ABS) and default (SDA) ramps. Every function clamps its
 * answer to [0, 1]: a rate outside that range has no meaning as a share of a balance, and the projection's
 * conservation (principal in = principal out) depends on it.
 */

const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0);

/** SMM = 1 − (1 − CPR)^(1/12). */
export function cprToSmm(cpr: number): number {
  const c = clamp01(cpr);
  return c === 1 ? 1 : 1 - Math.pow(1 - c, 1 / 12);
}

/** CPR = 1 − (1 − SMM)^12. */
export function smmToCpr(smm: number): number {
  const s = clamp01(smm);
  return s === 1 ? 1 : 1 - Math.pow(1 - s, 12);
}

/** MDR = 1 − (1 − CDR)^(1/12) (same algebra as CPR → SMM). */
export function cdrToMdr(cdr: number): number {
  return cprToSmm(cdr);
}

export function mdrToCdr(mdr: number): number {
  return smmToCpr(mdr);
}

/** PSA: CPR = speed/100 × 0.2% × max(1, min(age, 30)), capped at 100%; age in months since origination. */
export function psaCpr(speed: number, age: number): number {
  return clamp01((speed / 100) * 0.002 * Math.max(1, Math.min(age, 30)));
}

/**
 * ABS speed: SMM = ABS / (1 − ABS × (age − 1)), age = the LOAN's age in months (SF-13). The ABS convention
 * prepays a fixed share of the ORIGINAL number of loans each month; once ABS × (age − 1) reaches 1 every
 * original loan has been prepaid, so whatever is left prepays in full (SMM = 1).
 */
export function absSmm(absSpeed: number, age: number): number {
  if (absSpeed <= 0) return 0;
  const denominator = 1 - absSpeed * (Math.max(1, age) - 1);
  return denominator <= 0 ? 1 : clamp01(absSpeed / denominator);
}

/**
 * SDA (SF-20): CDR rises 0.02% a month of age to 0.60% at month 30, is flat to month 60, falls 0.0095% a
 * month to 0.03% at month 120 and stays there; `multiple` scales it (100 = 100% SDA). Defaults are zero in the
 * last `lag` months of the loan's remaining life (`remainingMonths` = months left at the start of the month),
 * because a loan defaulting then could not be liquidated before it matures. The projection applies that cut-off
 * itself, per loan, only under the scenario's `lagBeforeMaturity` default stop; consumer runs default to maturity.
 */
export function sdaCdr(multiple: number, age: number, remainingMonths: number, lag: number): number {
  if (remainingMonths <= lag) return 0;
  const a = Math.max(1, age);
  let base: number;
  if (a <= 30) base = 0.0002 * a;
  else if (a <= 60) base = 0.006;
  else if (a <= 120) base = 0.006 - 0.000095 * (a - 60);
  else base = 0.0003;
  return clamp01((base * multiple) / 100);
}
