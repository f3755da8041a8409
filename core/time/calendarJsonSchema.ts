/**
 * The holiday-calendar file's JSON Schema, generated from the zod schema so the two cannot drift (a test compares
 * it with the committed `samples/calendar.schema.json`). The file's own checks (holidays within the published
 * years, working weekends on a Saturday or Sunday) live in the zod refinement, not here.
 */
import { z } from 'zod';
import { CalendarFile } from './holidayCalendar';

export function calendarJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CalendarFile, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'ABS Workbench holiday calendar',
    description:
      'Business-day calendar: weekday holidays and working weekends for the published years, fixed-date holidays ' +
      'beyond them. Generated from core/time/holidayCalendar.ts; do not edit.',
  };
}
