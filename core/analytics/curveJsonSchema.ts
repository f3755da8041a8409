/**
 * The discount-curve file's JSON Schema, generated from the zod schema so the two cannot drift (a test compares it
 * with the committed `samples/curves/curve.schema.json`). Increasing tenors are checked in the zod refinement only.
 */
import { z } from 'zod';
import { CurveFile } from './curve';

export function curveJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CurveFile, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'ABS Workbench discount curve',
    description:
      'Zero rates or par yields by tenor from a curve date, with their compounding, day count and interpolation. ' +
      'Generated from core/analytics/curve.ts; do not edit.',
  };
}
