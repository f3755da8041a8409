/** Messages between the UI thread and the engine worker. Everything here is structured-cloneable. */
import type { Deal } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import type { RunResult } from '../../core/result';
import type { BreakevenResult } from '../../core/scenario/breakeven';
import type { FundingScreenModel } from '../../core/funding/report';
import type { TapeImportRequest, TapeImportResult, TapeInspectRequest, TapeInspection } from './tapeTypes';

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

export type EngineRequest =
  RunRequest | ReportRequest | BreakevenRequest | TapeInspectRequest | TapeImportRequest | FundingRequest;

export interface EngineResponses {
  run: RunResult;
  report: Uint8Array;
  breakeven: BreakevenResult[];
  tapeInspect: TapeInspection;
  tapeImport: TapeImportResult;
  funding: FundingScreenModel;
}

export type ToWorker = { id: number; request: EngineRequest };

export type FromWorker =
  | { id: number; type: 'progress'; done: number; total: number; label: string }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; message: string };
