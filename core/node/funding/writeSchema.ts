/** `tsx core/node/funding/writeSchema.ts`: regenerates samples/funding/funding-case.schema.json. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fundingCaseJsonSchema } from '../../funding/jsonSchema';

export const FUNDING_SCHEMA_FILE = fileURLToPath(
  new URL('../../../samples/funding/funding-case.schema.json', import.meta.url),
);

export function fundingSchemaText(): string {
  return JSON.stringify(fundingCaseJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(FUNDING_SCHEMA_FILE, fundingSchemaText());
}
