/**
 * Stress testing (issue #5): pure, so it runs in the CLI, in worker_threads (core/node/workers) and in a
 * browser Web Worker alike. Build a StressEngine with `dealEngine(deal, pool)`, then grids, break-evens,
 * rating stresses, Monte Carlo and scenario comparison take it.
 */
export * from './axis';
export * from './breakeven';
export * from './compare';
export { dealEngine, type DealEngineOptions } from './dealEngine';
export * from './engine';
export * from './grid';
export * from './monteCarlo';
export * from './normal';
export * from './prng';
export * from './ratingStress';
export * from './reportTable';
export * from './stressPool';
export * from './vasicek';
export * from './priceTable';
export * from './solve';
