import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calendarJsonSchema } from '../../../core/time/calendarJsonSchema';

const FILE = fileURLToPath(new URL('../../../samples/calendar.schema.json', import.meta.url));

describe('samples/calendar.schema.json', () => {
  // Regenerate after a schema change with: UPDATE_CALENDAR_SCHEMA=1 npx vitest run tests/unit/time/calendarJsonSchema.test.ts
  it('is the JSON Schema generated from core/time/holidayCalendar.ts', () => {
    const current = calendarJsonSchema();
    if (process.env.UPDATE_CALENDAR_SCHEMA === '1')
      writeFileSync(FILE, JSON.stringify(current, null, 2) + '\n');
    const committed: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
    expect(committed, 'stale: rerun with UPDATE_CALENDAR_SCHEMA=1').toEqual(current);
  });
});
