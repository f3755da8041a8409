/**
 * The deal file's JSON Schema, generated from the zod schema so the two cannot drift (a test compares it with
 * the committed `samples/deal.schema.json`). `io: 'input'` describes what a file may contain: fields with
 * defaults are optional there. Editors use it for completion when a deal sets `"$schema": "../deal.schema.json"`.
 * Cross-field rules (ids that must exist, CNL timing summing to 1) live in `load.ts`, not here.
 */
import { z } from 'zod';
import { Deal } from './schema';

export function dealJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Deal, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'ABS Workbench deal file',
    description:
      'A consumer-receivables ABS deal: pool, scenarios and structure. Generated from core/deal/schema.ts; do not edit.',
  };
}
