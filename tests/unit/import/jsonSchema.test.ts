import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { poolFileJsonSchema, tapeMappingJsonSchema } from '../../../core/io/tape/jsonSchema';

const file = (name: string): string =>
  fileURLToPath(new URL(`../../../samples/tapes/${name}`, import.meta.url));

describe('published JSON Schemas of pool files and tape mappings', () => {
  // Regenerate after a schema change with: UPDATE_TAPE_SCHEMA=1 npx vitest run tests/unit/import/jsonSchema.test.ts
  it.each([
    ['pool.schema.json', poolFileJsonSchema],
    ['mapping.schema.json', tapeMappingJsonSchema],
  ] as const)('%s is generated from the zod schema', (name, make) => {
    const current = make();
    if (process.env.UPDATE_TAPE_SCHEMA === '1')
      writeFileSync(file(name), JSON.stringify(current, null, 2) + '\n');
    const committed: unknown = JSON.parse(readFileSync(file(name), 'utf8'));
    expect(committed, 'stale: rerun with UPDATE_TAPE_SCHEMA=1').toEqual(current);
  });

  it('the pool schema names the columns and provenance; the mapping schema lists the pool fields', () => {
    const pool = poolFileJsonSchema() as {
      required: string[];
      properties: { columns: { required: string[] } };
    };
    expect(pool.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'kind', 'cutoffDate', 'size', 'provenance', 'columns']),
    );
    expect(pool.properties.columns.required).toEqual(
      expect.arrayContaining(['id', 'balance', 'rate', 'remainingTerm']),
    );
    const mapping = tapeMappingJsonSchema() as {
      properties: { columns: { propertyNames: { enum: string[] } } };
    };
    expect(mapping.properties.columns.propertyNames.enum).toEqual(
      expect.arrayContaining(['id', 'balance', 'cutoffDate']),
    );
  });
});
