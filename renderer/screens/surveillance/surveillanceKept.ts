/**
 * What the Surveillance screen keeps while the user is elsewhere (project/kept.ts): the outcome of the last
 * import (the refusals stay listed until the next one) and the comparison with the document it was projected
 * from, so a deal edit marks it stale rather than dropping it.
 */
import type { ReportRefusal, SurveillanceResult } from '../../engine/surveillanceAdapter';
import type { ProjectDoc } from '../../project/document';
import { keptKey } from '../../project/kept';

export interface LastImport {
  /** Counts the imports of the session: the panel says which one it shows (for tests waiting on the next). */
  seq: number;
  files: number;
  /** Periods appended, in order. */
  appended: number[];
  refused: ReportRefusal[];
}

export const KEPT = {
  lastImport: keptKey<LastImport | null>('surveillance.lastImport', null),
  comparison: keptKey<{ doc: ProjectDoc; value: SurveillanceResult } | null>('surveillance.comparison', null),
};
