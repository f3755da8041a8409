/**
 * JSON Schemas of the pool file and of a saved tape mapping, generated from their zod schemas so they
 * cannot drift (a test compares them with the committed `samples/tapes/*.schema.json`). Cross-field rules
 * (column lengths, remaining ≤ original term) are checked by the zod schema, not expressible here.
 */
import { z } from 'zod';
import { PoolFile } from '../../pool/poolFile';
import { TapeMapping } from './mapping';

export function poolFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PoolFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'ABS Workbench pool file',
    description:
      'A loan-level pool written by `abs-workbench import`: one array per field, plus provenance. Generated from core/pool/poolFile.ts; do not edit.',
  };
}

export function tapeMappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(TapeMapping, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'ABS Workbench tape mapping',
    description:
      'Which loan-tape column feeds which pool field, and how its dates, rates, statuses and products are written. Generated from core/io/tape/mapping.ts; do not edit.',
  };
}
