/**
 * Funding-mix comparison (issue #6): bank lines, retail capital, securitization, forward flow and equity
 * compared by cost and liquidity, under stress, with the cheapest mix found by HiGHS.
 *
 * For a host (the Funding screen, the CLI):
 * 1. Parse the case with `FundingCase` (zod; JSON Schema in samples/funding/funding-case.schema.json), read the
 *    deal files `referencedDealPaths(case)` names, and call `resolveFundingInputs(case, dealsByPath)`.
 * 2. `analyseFunding(inputs, { solver })` → `FundingResult`; without a solver, mixes are compared but nothing is
 *    optimised.
 * 3. `fundingScreenModel(result)` gives tables (rows), stacked series per mix and scenario, the frontier and
 *    the binding constraints; `fundingReportTables(result)` gives the Excel sheets.
 *
 * Loading HiGHS: in Node, `loadHighsSolver()` from core/node/funding/highs (the package finds `highs.wasm` on
 * disk). In the renderer, serve the wasm as an asset and point the loader at it, and run the solve in a Web
 * Worker (solves block for seconds on a full case):
 *   import loadHighs from 'highs';
 *   import wasmUrl from 'highs/runtime?url';           // the package exports "./runtime" = build/highs.wasm
 *   const solver = await loadHighs({ locateFile: () => wasmUrl });
 * WebAssembly compilation needs `'wasm-unsafe-eval'` in the page's Content-Security-Policy `script-src`.
 */
export {
  analyseFunding,
  dealRunProfile,
  defaultProjector,
  notesProfileFromDeal,
  scenarioTerms,
  type FundingDeps,
  type FundingInputs,
  type FundingResult,
  type ScenarioSummary,
} from './analyse';
export {
  bookFromArrays,
  eligibleReceivables,
  projectBook,
  type BookProjection,
  type Projector,
} from './book';
export {
  annualIrr,
  evaluateAllocation,
  type MixEvaluation,
  type MonthRow,
  type SourceSummary,
} from './evaluate';
export { FundingInputError, referencedDealPaths, resolveFundingInputs } from './inputs';
export { fundingCaseJsonSchema } from './jsonSchema';
export type { LpSolution, LpSolver } from './lpModel';
export {
  efficientFrontier,
  optimiseMix,
  type BindingConstraint,
  type FrontierPoint,
  type Infeasibility,
  type OptimisationResult,
} from './optimise';
export {
  fundingReportTables,
  fundingScreenModel,
  type FundingScreenModel,
  type FundingStack,
} from './report';
export * from './schema';
export { simulateMix } from './simulate';
export { termsSummary, type DealRunProfile, type SourceTermsSummary } from './terms';
