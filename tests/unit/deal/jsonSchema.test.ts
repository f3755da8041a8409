import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dealJsonSchema } from '../../../core/deal/jsonSchema';

const FILE = fileURLToPath(new URL('../../../samples/deal.schema.json', import.meta.url));

describe('samples/deal.schema.json', () => {
  // Regenerate after a schema change with: UPDATE_DEAL_SCHEMA=1 npx vitest run tests/unit/deal/jsonSchema.test.ts
  it('is the JSON Schema generated from core/deal/schema.ts', () => {
    const current = dealJsonSchema();
    if (process.env.UPDATE_DEAL_SCHEMA === '1') writeFileSync(FILE, JSON.stringify(current, null, 2) + '\n');
    const committed: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(committed, 'stale: rerun with UPDATE_DEAL_SCHEMA=1').toEqual(current);
  });

  it('describes the deal: required fields, tranche coupon forms and defaults', () => {
    const s = dealJsonSchema() as {
      required: string[];
      properties: Record<string, { default?: unknown }>;
    };
    expect(s.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'name', 'cutoffDate', 'pool', 'scenarios', 'structure']),
    );
    // io: 'input' — defaulted fields are optional in a file.
    expect(s.required).not.toContain('paymentDay');
    expect(s.properties.paymentDay!.default).toBe(15);
    expect(JSON.stringify(s)).toContain('"floating"');
  });
});
