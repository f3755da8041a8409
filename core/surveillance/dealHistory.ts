/**
 * What a deal file keeps after closing: the servicer reports received so far. Surveillance appends each
 * month's report here once it reconciles, so the deal file alone says what the trustee published and the
 * projection can be compared with it (and restarted from it) without the report files.
 */
import { z } from 'zod';
import { DealState } from './dealState';
import { ServicerReport } from './servicerReport';

export const DealSurveillance = z
  .object({
    /** The servicer reports received so far, in period order, each reconciled before it was appended. */
    reports: z.array(ServicerReport).max(1200).default([]),
    /** The deal as of the latest payment date, which a re-projection restarts from (./dealState.ts). */
    state: DealState.optional(),
  })
  .strict()
  .describe(
    'After closing: the servicer reports received so far, in period order, and the deal state a re-projection restarts from.',
  );
export type DealSurveillance = z.infer<typeof DealSurveillance>;
