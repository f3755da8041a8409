/** Messages between the UI thread and the engine worker. Everything here is structured-cloneable. */
import type { CoreMessage } from '../../core/i18n/messages';
import type { Deal } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import type { RunResult } from '../../core/result';
import type { BreakevenResult } from '../../core/scenario/breakeven';
import type { ScenarioComparison } from '../../core/scenario/compare';
import type { GridResult, GridSpec } from '../../core/scenario/grid';
import type { MonteCarloResult } from '../../core/scenario/monteCarlo';
import type { RatingStressResult } from '../../core/scenario/ratingStress';
import type { CurveFile } from '../../core/analytics/curve';
import type { PriceQuote } from '../../core/analytics/classPricing';
import type { PriceTable } from '../../core/scenario/priceTable';
import type {
  ParCouponAnswer,
  SizingAnswer,
  SizingObjective,
  TargetYieldAnswer,
} from '../../core/scenario/solve';
import type { BreakevenMode } from '../../core/scenario/breakeven';
import type { FundingScreenModel } from '../../core/funding/report';
import type { ReportChart } from '../../core/io/report/reportChart';
import type { ReportTable } from '../../core/io/report/reportTable';
import type { AmountScale } from '../../core/i18n/amounts';
import type { Lang } from '../../core/i18n/lang';
import type {
  SheetImportRequest,
  SheetInspectRequest,
  TapeImportRequest,
  TapeImportResult,
  TapeInspectRequest,
  TapeInspection,
} from './tapeTypes';
import type { HistoryJobResult, HistoryRequest } from './historyAdapter';
import type { Refit } from '../../core/surveillance/refit';
import type { ReprojectionOutlook } from '../../core/surveillance/reprojection';
import type {
  RefitRequest,
  ReprojectRequest,
  SurveillanceRequest,
  SurveillanceResult,
} from './surveillanceAdapter';

export interface RunRequest {
  kind: 'run';
  deal: Deal;
  /** Loan-level pool imported on the Pool screen; null runs the deal's own rep lines. */
  loans: LoanPool | null;
  scenario: string;
}

export interface ReportRequest {
  kind: 'report';
  deal: Deal;
  result: RunResult;
  breakevens: BreakevenResult[] | null;
  /** Extra sheets: the stress and funding analyses the user chose on the Export screen. */
  tables: ReportTable[];
  /** The app's language and amount unit: the report is written in them. */
  lang: Lang;
  amounts: AmountScale;
  /** The Summary sheet's pictures, drawn on the page (a worker has no fonts to draw with); their bytes are transferred. */
  charts?: ReportChart[];
}

export interface BreakevenRequest {
  kind: 'breakeven';
  deal: Deal;
  loans: LoanPool | null;
  scenario: string;
}

export interface FundingRequest {
  kind: 'funding';
  /** The case file as parsed JSON (validated in the worker). */
  fundingCase: unknown;
  /** Deal files the case names, by the path written in the case. */
  deals: Record<string, Deal>;
  /** Also find the cheapest mix and the cost–liquidity frontier with HiGHS (can take tens of seconds). */
  optimise?: boolean;
}

/** Stress screen jobs: the deal, its pool and a base scenario, plus what to run. */
export interface StressBase {
  deal: Deal;
  loans: LoanPool | null;
  scenario: string;
}
export interface StressGridRequest extends StressBase {
  kind: 'stressGrid';
  spec: GridSpec;
}
export interface RatingStressRequest extends StressBase {
  kind: 'ratingStress';
}
export interface MonteCarloRequest extends StressBase {
  kind: 'monteCarlo';
  paths: number;
  seed: number;
  /** Null: the base scenario's own lifetime loss. */
  meanLoss: number | null;
  correlation: number;
  /** 'one': the copula draws the net loss itself; 'severity': it draws defaults, loss = severity × them. */
  lgd?: 'one' | 'severity';
}
/** Runs every scenario of the deal (the `scenario` field is unused). */
export interface CompareRequest extends StressBase {
  kind: 'compareScenarios';
}

/** The price/yield table of one class off a curve (the deal's scenarios as columns). */
export interface PriceTableRequest extends StressBase {
  kind: 'priceTable';
  tranche: string;
  curve: CurveFile;
  rows: PriceQuote[];
}
/** One solver run (core/scenario/solve.ts); the stress of a sizing applies to the base scenario. */
export type SolveGoal =
  | {
      kind: 'size';
      tranche: string;
      stress: { mode: BreakevenMode; value: number } | null;
      objective: SizingObjective;
    }
  | { kind: 'parCoupon'; tranche: string; targetYield: number }
  | { kind: 'targetYield'; tranche: string; targetYield: number; mode: BreakevenMode };
export interface SolveRequest extends StressBase {
  kind: 'solve';
  goal: SolveGoal;
}
export type SolveAnswer =
  | ({ goal: 'size' } & SizingAnswer)
  | ({ goal: 'parCoupon' } & ParCouponAnswer)
  | ({ goal: 'targetYield' } & TargetYieldAnswer);

export type EngineRequest =
  | RunRequest
  | ReportRequest
  | BreakevenRequest
  | TapeInspectRequest
  | TapeImportRequest
  | SheetInspectRequest
  | SheetImportRequest
  | FundingRequest
  | StressGridRequest
  | RatingStressRequest
  | MonteCarloRequest
  | CompareRequest
  | PriceTableRequest
  | SolveRequest
  | HistoryRequest
  | SurveillanceRequest
  | RefitRequest
  | ReprojectRequest;

export interface EngineResponses {
  run: RunResult;
  report: Uint8Array;
  breakeven: BreakevenResult[];
  tapeInspect: TapeInspection;
  tapeImport: TapeImportResult;
  sheetInspect: TapeInspection;
  sheetImport: TapeImportResult;
  funding: FundingScreenModel;
  stressGrid: GridResult;
  ratingStress: RatingStressResult;
  monteCarlo: MonteCarloResult;
  compareScenarios: ScenarioComparison;
  priceTable: PriceTable;
  solve: SolveAnswer;
  history: HistoryJobResult;
  surveillance: SurveillanceResult;
  surveillanceRefit: Refit;
  surveillanceReproject: ReprojectionOutlook;
}

/**
 * The loan-level pool of a job, which the engine worker keeps between jobs: a million loans are ~50 MB of
 * columns and a million id strings, which a structured clone per run would copy (on the UI thread, then in the
 * worker) for a projection that reads them once. The client sends a pool once per worker and then only its key;
 * the request's own `loans` travels as null.
 */
export interface PoolHandle {
  key: number;
  /** Present when the worker has not got this pool yet. */
  pool?: LoanPool;
}

export type ToWorker = {
  id: number;
  request: EngineRequest;
  pool?: PoolHandle;
  /** An import's pool stays in the worker that read it, under this key: the first run needs no copy either. */
  keepPoolAs?: number;
};

/** A step the engine worker reports, named by its key in the `app:jobs.progress` catalog. */
export type ProgressKey =
  | 'run'
  | 'report'
  | 'breakevens'
  | 'funding'
  | 'optimise'
  | 'gridCell'
  | 'ratingStresses'
  | 'calibrate'
  | 'monteCarlo'
  | 'scenario'
  | 'reading'
  | 'pricing'
  | 'solving'
  | 'historyRead'
  | 'vintages'
  | 'surveillance'
  | 'refit'
  | 'reproject';

export type FromWorker =
  | {
      id: number;
      type: 'progress';
      done: number;
      total: number;
      /** English, for a step without a key (the tape importer's own) and for logs. */
      label: string;
      /** Shown translated in the status bar when present. */
      key?: ProgressKey;
      params?: Readonly<Record<string, string | number>>;
    }
  | { id: number; type: 'done'; value: unknown }
  /** The worker does not hold the pool a job named by key (it kept a newer one): send it the pool. */
  | { id: number; type: 'poolMissing' }
  /** `problem`: the engine's coded message (core/i18n/codedError.ts), shown in the interface language. */
  | { id: number; type: 'error'; message: string; problem?: CoreMessage };
