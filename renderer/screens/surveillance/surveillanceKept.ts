/**
 * What the Surveillance screen keeps while the user is elsewhere (project/kept.ts): the outcome of the last
 * import (the refusals stay listed until the next one), the comparison and the re-projection with the document
 * they were projected from, so a deal edit marks it stale rather than dropping it.
 */
import type { ReportFileProblem } from '../../../core/surveillance/reportFile';
import type { ReprojectionOutlook } from '../../../core/surveillance/reprojection';
import type { SurveillanceResult } from '../../engine/surveillanceAdapter';
import type { ProjectDoc } from '../../project/document';
import { keptKey } from '../../project/kept';

export interface LastImport {
  /** Counts the imports of the session: the panel says which one it shows (for tests waiting on the next). */
  seq: number;
  files: number;
  /** Periods appended, in order (none when anything was refused: a batch goes in whole or not at all). */
  appended: number[];
  /** Periods the deal already held with the very same report: skipped. */
  alreadyHeld: number[];
  refused: ReportFileProblem[];
}

export const KEPT = {
  lastImport: keptKey<LastImport | null>('surveillance.lastImport', null),
  /** The re-fit form as typed: the new scenario's name ('' : the default) and the scenario measured against. */
  refit: keptKey<{ name: string; base: string }>('surveillance.refit', { name: '', base: '' }),
  comparison: keptKey<{ doc: ProjectDoc; value: SurveillanceResult } | null>('surveillance.comparison', null),
  /** The re-projection from the latest report, run with the comparison and kept the same way. */
  reprojection: keptKey<{ doc: ProjectDoc; value: ReprojectionOutlook } | null>(
    'surveillance.reprojection',
    null,
  ),
};
