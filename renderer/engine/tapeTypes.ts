/** The import wizard's conversation with the worker: inspect a tape, then import it with a mapping. */
import type { ImportedPool, PoolProvenance } from '../../core/pool/poolFile';
import type { ImportReport } from '../../core/io/tape/report';
import type { MappingSuggestion, TapeMapping } from '../../core/io/tape/mapping';

export interface TapeInspectRequest {
  kind: 'tapeInspect';
  name: string;
  bytes: Uint8Array;
}

export interface TapeImportRequest {
  kind: 'tapeImport';
  name: string;
  bytes: Uint8Array;
  mapping: TapeMapping;
}

export interface TapeInspection {
  encoding: string;
  delimiter: string;
  headers: string[];
  /** First data rows as text, for the mapping preview. */
  rows: string[][];
  suggestion: MappingSuggestion;
}

export interface TapeImportResult {
  pool: ImportedPool;
  provenance: PoolProvenance;
  report: ImportReport;
}
