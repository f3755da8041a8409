/**
 * What a run's projection assumed and where it may surprise: the default-stop convention it used, the product
 * conventions that apply to this pool, the CNL it states against the CNL it realises, and the balance still
 * outstanding when the run ends. Plain sentences, because the CLI prints them, the result JSON carries them and
 * the Results screen lists them.
 */
import { dealSegments, unknownOverrideSegments, type DealPurchases } from '../assumptions/overrides';
import { effectiveDefaultStop, type DefaultStop } from '../assumptions/scenarioTables';
import type { RepLine, Scenario } from '../deal/schema';
import { PRODUCT_CODES } from '../pool/loanPool';
import { arrays, REVOLVING_HORIZON_CAP, type PoolInput } from './project';
import type { PoolProjection } from './types';

export interface ProjectionNotes {
  /** The rule rate-model defaults followed in this run (servicer advancing forces `lagBeforeMaturity`). */
  defaultStop: DefaultStop;
  /** Conventions that apply to this pool's products and scenario. */
  conventions: string[];
  /** Things the user should check: ignored inputs, budgets not spent, balance left at the end. */
  warnings: string[];
  /** Loans under a CNL model: lifetime net loss stated and realised, as shares of their cut-off balance. */
  cnl: { stated: number; realised: number; retimed: number } | null;
  /** Balance still performing and defaulted balance not yet liquidated after the last period. */
  leftAtEnd: { period: number; performing: number; pendingDefaults: number };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const money = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Sentences on the default-stop rule, for the CLI, the result and the Assumptions screen alike. */
export function defaultStopSentence(stop: DefaultStop): string {
  return stop === 'maturity'
    ? 'Rate-model defaults run to each loan’s maturity; the horizon runs the recovery lag past maturity so they are liquidated.'
    : 'Rate-model defaults stop in each loan’s last recovery-lag months (SIFMA Standard Formulas).';
}

interface ProductScan {
  present: Set<string>;
  seasonedFeeWithoutOriginal: number;
  feePlansWithRate: number;
}

function scan(pool: PoolInput, profile: readonly RepLine[]): ProductScan {
  const a = arrays(pool);
  const fee = PRODUCT_CODES.indexOf('interest-free-fee');
  const present = new Set<string>();
  let seasonedFeeWithoutOriginal = 0;
  let feePlansWithRate = 0;
  for (let i = 0; i < a.size; i++) {
    const prod = a.product[i] as number;
    present.add(PRODUCT_CODES[prod] ?? '');
    if (prod !== fee) continue;
    if ((a.rate[i] as number) > 0) feePlansWithRate++;
    // A seasoned instalment plan has repaid principal, so an original balance no higher than today's means the
    // tape gave none and the fee falls back to the current balance.
    const seasoned = (a.remainingTerm[i] as number) < (a.originalTerm[i] as number);
    if (
      seasoned &&
      (a.balance[i] as number) > 0 &&
      (a.originalBalance[i] as number) <= (a.balance[i] as number)
    )
      seasonedFeeWithoutOriginal++;
  }
  for (const l of profile) present.add(l.product);
  return { present, seasonedFeeWithoutOriginal, feePlansWithRate };
}

/**
 * Notes for one run of `deal` on `pool` under `scenario`, whose base projection is `projection`.
 * `end` is the deal's last period and pool balance after it when the run knows them (purchases included);
 * the projection's own last period and end balance otherwise. After a clean-up call nothing is left to warn of:
 * the seller bought the performing balance, and recoveries still to come are the seller's.
 */
export function projectionNotes(
  deal: DealPurchases,
  pool: PoolInput,
  scenario: Scenario,
  projection: PoolProjection,
  end?: { period: number; performing: number; called: boolean },
): ProjectionNotes {
  const defaultStop = effectiveDefaultStop(scenario);
  const conventions = [defaultStopSentence(defaultStop)];
  const warnings: string[] = [];
  if (scenario.servicerAdvancing && scenario.defaultStop === 'maturity') {
    warnings.push(
      'Servicer advancing uses the SIFMA default stop (none in the last recovery-lag months), not "maturity": an advanced loan needs a balance left to liquidate.',
    );
  }
  for (const p of unknownOverrideSegments([scenario], dealSegments(deal, pool))) warnings.push(p.message);

  const s = scan(pool, deal.structure.revolving?.profile ?? []);
  if (s.present.has('interest-free-fee')) {
    conventions.push(
      'Interest-free fee plans pay their fee on original principal while still paying, including the month they prepay; their rate is ignored.',
    );
  }
  if (s.feePlansWithRate > 0) {
    warnings.push(
      `${s.feePlansWithRate} interest-free fee plan(s) carry a rate above 0: fee plans earn only their fee, so the rate is ignored.`,
    );
  }
  if (s.seasonedFeeWithoutOriginal > 0) {
    warnings.push(
      `${s.seasonedFeeWithoutOriginal} seasoned fee plan(s) have no original balance above their current balance: their fee is charged on the current balance, which understates it if the tape lacks originalBalance.`,
    );
  }
  if (s.present.has('revolving')) {
    conventions.push(
      `Revolving lines repay at their payment rate with no new draws on the same accounts; a fee is charged on the current balance; a line is followed at most ${REVOLVING_HORIZON_CAP} months.`,
    );
  }
  if (s.present.has('single-payment')) {
    conventions.push(
      'Single-payment loans pay principal and simple interest since origination in one sum at maturity (or when prepaid); a default loses the accrued interest.',
    );
  }

  let cnl: ProjectionNotes['cnl'] = null;
  const b = projection.cnlBudget;
  if (b && b.balance > 0) {
    cnl = { stated: b.stated / b.balance, realised: b.realised / b.balance, retimed: b.retimed };
    conventions.push(
      'CNL is timed from the cut-off on each loan’s cut-off balance and ignores prepayment; a timing curve longer than a loan’s remaining life is re-timed within it.',
    );
    conventions.push(
      `CNL stated ${pct(cnl.stated)}, realised ${pct(cnl.realised)} of the CNL loans’ cut-off balance.`,
    );
    if (cnl.realised < cnl.stated - 1e-6) {
      warnings.push(
        `CNL realised ${pct(cnl.realised)} is below the ${pct(cnl.stated)} stated: the budget exceeded the balance still performing in some months (fast prepayment, late timing) or fell after the horizon.`,
      );
    }
  }

  const H = end?.period ?? projection.periods;
  const performing = end?.performing ?? projection.endBalance[H] ?? 0;
  const pendingDefaults = projection.pendingDefaults[H] ?? 0;
  if (end?.called !== true && (performing >= 0.005 || pendingDefaults >= 0.005)) {
    const why = s.present.has('revolving')
      ? ` (revolving lines stop being followed after ${REVOLVING_HORIZON_CAP} months)`
      : '';
    warnings.push(
      `At the end of period ${H}, ${money(performing)} is still performing and ${money(pendingDefaults)} of defaults await liquidation${why}: this run collects none of it and books no loss on it.`,
    );
  }
  return { defaultStop, conventions, warnings, cnl, leftAtEnd: { period: H, performing, pendingDefaults } };
}
