/**
 * The funding case's JSON Schema, generated from the zod schema so the two cannot drift (a test compares it
 * with the committed `samples/funding/funding-case.schema.json`). Cross-field rules (source ids a mix names,
 * one equity source) live in the zod refinement, not here.
 */
import { z } from 'zod';
import { FundingCase } from './schema';

export function fundingCaseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FundingCase, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'ABS Workbench funding case',
    description:
      'A funding comparison: the book, funding sources and their terms, mixes, stresses and optimisation constraints. Generated from core/funding/schema.ts; do not edit.',
  };
}
