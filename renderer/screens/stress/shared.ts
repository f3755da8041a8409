/** What the Stress screen's tabs share: the held results, the kept inputs, a request's base fields. */
import type { AxisKind } from '../../../core/scenario/axis';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import type { ScenarioComparison } from '../../../core/scenario/compare';
import type { GridMetric, GridResult } from '../../../core/scenario/grid';
import type { MonteCarloResult } from '../../../core/scenario/monteCarlo';
import type { RatingStressResult } from '../../../core/scenario/ratingStress';
import type { CurveFile } from '../../../core/analytics/curve';
import type { PriceTable } from '../../../core/scenario/priceTable';
import type { SolveAnswer } from '../../engine/protocol';
import type { ProjectDoc } from '../../project/document';
import { keptKey } from '../../project/kept';
import type { AxisForm, MonteCarloForm } from '../../project/stressForms';

export const TABS = ['grid', 'breakeven', 'rating', 'monteCarlo', 'compare', 'pricing', 'solver'] as const;
export type Tab = (typeof TABS)[number];

/** A result with the document it was computed from, so the screen can say when the deal changed since. */
export interface Held<T> {
  doc: ProjectDoc;
  value: T;
}

/** Base request fields from the current document. */
export function base(doc: ProjectDoc) {
  return { deal: doc.deal, loans: doc.pool?.loans ?? null, scenario: doc.scenario };
}

/** Sensible starting ranges per kind, in display units (percent for rates). */
export const AXIS_DEFAULTS: Record<AxisKind, Omit<AxisForm, 'kind'>> = {
  cdr: { from: '0', to: '20', step: '5' },
  cpr: { from: '0', to: '30', step: '10' },
  absSpeed: { from: '0.5', to: '2.5', step: '0.5' },
  lossMultiple: { from: '1', to: '5', step: '1' },
  prepaymentMultiple: { from: '0.5', to: '1.5', step: '0.5' },
  severity: { from: '50', to: '100', step: '10' },
  lagMonths: { from: '0', to: '12', step: '3' },
  rateShift: { from: '-2', to: '4', step: '1' },
};

/** What the Stress screen keeps in the project state when the user leaves it (see project/kept.ts). */
export const KEPT = {
  tab: keptKey<Tab>('stress.tab', 'grid'),
  grid: keptKey<Held<GridResult> | null>('stress.grid', null),
  breakeven: keptKey<Held<BreakevenResult[]> | null>('stress.breakeven', null),
  rating: keptKey<Held<RatingStressResult> | null>('stress.rating', null),
  monteCarlo: keptKey<Held<MonteCarloResult> | null>('stress.monteCarlo', null),
  compare: keptKey<Held<ScenarioComparison> | null>('stress.compare', null),
  gridX: keptKey<AxisForm>('stress.grid.x', { kind: 'cdr', ...AXIS_DEFAULTS.cdr }),
  gridY: keptKey<AxisForm>('stress.grid.y', { kind: 'cpr', ...AXIS_DEFAULTS.cpr }),
  /** null: the deal's first class. */
  gridTranche: keptKey<string | null>('stress.grid.tranche', null),
  gridMetric: keptKey<GridMetric>('stress.grid.metric', 'wal'),
  monteCarloForm: keptKey<MonteCarloForm>('stress.monteCarlo.form', {
    paths: '2000',
    seed: '1',
    meanLoss: '',
    rho: '10',
  }),
  /** Loss given default of the Monte Carlo copula: 1 (the drawn loss is net) or the scenario's severity. */
  monteCarloLgd: keptKey<'one' | 'severity'>('stress.monteCarlo.lgd', 'one'),
  compareClass: keptKey<string | null>('stress.compare.class', null),
  /** Pricing tab: the table with the curve's name, the chosen sample curve (or a loaded file), the class and rows. */
  pricing: keptKey<Held<{ table: PriceTable; curveName: string }> | null>('stress.pricing', null),
  pricingCurve: keptKey<string>('stress.pricing.curve', 'cny-government-2024-03-18'),
  pricingLoaded: keptKey<{ name: string; file: CurveFile } | null>('stress.pricing.loaded', null),
  pricingClass: keptKey<string | null>('stress.pricing.class', null),
  pricingRows: keptKey<{ from: string; to: string; step: string }>('stress.pricing.rows', {
    from: '99',
    to: '101',
    step: '0.25',
  }),
  solver: keptKey<Held<SolveAnswer> | null>('stress.solver', null),
  solverForm: keptKey<SolverForm>('stress.solver.form', {
    goal: 'size',
    tranche: null,
    stressKind: 'lossMultiple',
    stressValue: '3',
    objective: 'whole',
    limit: '0',
    targetYield: '5',
    mode: 'lossMultiple',
  }),
};

export interface SolverForm {
  goal: 'size' | 'parCoupon' | 'targetYield';
  tranche: string | null;
  stressKind: 'none' | 'cdr' | 'lossMultiple';
  stressValue: string;
  objective: 'whole' | 'maxLoss' | 'minYield';
  limit: string;
  targetYield: string;
  mode: 'cdr' | 'lossMultiple';
}
