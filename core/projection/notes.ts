/**
 * What a run's projection assumed and where it may surprise: the default-stop convention it used, the product
 * conventions that apply to this pool, the CNL it states against the CNL it realises, and the balance still
 * outstanding when the run ends. Plain sentences, because the CLI prints them, the result JSON carries them and
 * the Results screen lists them.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
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
  /** `conventions` and `warnings` with their codes, for a host that shows them in the user's language. */
  conventionMessages: CoreMessage[];
  warningMessages: CoreMessage[];
  /** Loans under a CNL model: lifetime net loss stated and realised, as shares of their cut-off balance. */
  cnl: { stated: number; realised: number; retimed: number } | null;
  /** Balance still performing and defaulted balance not yet liquidated after the last period. */
  leftAtEnd: { period: number; performing: number; pendingDefaults: number };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const money = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Sentences on the default-stop rule, for the CLI, the result and the Assumptions screen alike. */
export function defaultStopSentence(stop: DefaultStop): string {
  return defaultStopMessage(stop).message;
}

export function defaultStopMessage(stop: DefaultStop): CoreMessage {
  return coreMessage(stop === 'maturity' ? 'notes.stopMaturity' : 'notes.stopLag');
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
  const conventions: CoreMessage[] = [defaultStopMessage(defaultStop)];
  const warnings: CoreMessage[] = [];
  if (scenario.servicerAdvancing && scenario.defaultStop === 'maturity') {
    warnings.push(coreMessage('notes.advancingStop', { stop: 'maturity' }));
  }
  for (const p of unknownOverrideSegments([scenario], dealSegments(deal, pool))) {
    const { path: _path, ...m } = p;
    warnings.push(m);
  }

  const s = scan(pool, deal.structure.revolving?.profile ?? []);
  if (s.present.has('interest-free-fee')) {
    conventions.push(coreMessage('notes.feePlans'));
  }
  if (s.feePlansWithRate > 0) {
    warnings.push(coreMessage('notes.feePlansWithRate', { count: s.feePlansWithRate }));
  }
  if (s.seasonedFeeWithoutOriginal > 0) {
    warnings.push(
      coreMessage('notes.seasonedFeePlans', {
        count: s.seasonedFeeWithoutOriginal,
        field: 'originalBalance',
      }),
    );
  }
  if (s.present.has('revolving')) {
    conventions.push(coreMessage('notes.revolvingLines', { months: REVOLVING_HORIZON_CAP }));
  }
  if (s.present.has('single-payment')) {
    conventions.push(coreMessage('notes.singlePayment'));
  }

  let cnl: ProjectionNotes['cnl'] = null;
  const b = projection.cnlBudget;
  if (b && b.balance > 0) {
    cnl = { stated: b.stated / b.balance, realised: b.realised / b.balance, retimed: b.retimed };
    conventions.push(coreMessage('notes.cnlTiming'));
    conventions.push(
      coreMessage('notes.cnlStated', { stated: pct(cnl.stated), realised: pct(cnl.realised) }),
    );
    if (cnl.realised < cnl.stated - 1e-6) {
      warnings.push(coreMessage('notes.cnlShort', { realised: pct(cnl.realised), stated: pct(cnl.stated) }));
    }
  }

  const H = end?.period ?? projection.periods;
  const performing = end?.performing ?? projection.endBalance[H] ?? 0;
  const pendingDefaults = projection.pendingDefaults[H] ?? 0;
  if (end?.called !== true && (performing >= 0.005 || pendingDefaults >= 0.005)) {
    const params = { period: H, performing: money(performing), pending: money(pendingDefaults) };
    warnings.push(
      s.present.has('revolving')
        ? coreMessage('notes.leftAtEndRevolving', { ...params, months: REVOLVING_HORIZON_CAP })
        : coreMessage('notes.leftAtEnd', params),
    );
  }
  return {
    defaultStop,
    conventions: conventions.map((m) => m.message),
    warnings: warnings.map((m) => m.message),
    conventionMessages: conventions,
    warningMessages: warnings,
    cnl,
    leftAtEnd: { period: H, performing, pendingDefaults },
  };
}
