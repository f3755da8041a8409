/**
 * Field primitives shared by every JSON file the engine reads (deal, funding case, servicer report), kept
 * apart from the deal schema so a schema the deal embeds (the servicer report) can use them without a cycle.
 */
import { z } from 'zod';
import { checkMessage, customIssue, type CoreCode, type CoreMessage } from '../i18n/messages';
import { IsoDateError, parseIsoDate } from '../time/isoDate';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, checkMessage('calendar.dateFormat', { format: 'YYYY-MM-DD' }))
  .superRefine((s, ctx) => {
    // Date.parse rolls 2020-02-30 over to March 1st, so the day is checked against the month's length.
    const error = calendarDateError(s);
    if (error !== undefined) ctx.addIssue(customIssue(error.code as CoreCode, error.params));
  });
/** Why `s` (already YYYY-MM-DD) is not a date, or undefined when it is one. */
function calendarDateError(s: string): CoreMessage | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined; // the regex has reported it
  try {
    parseIsoDate(s);
    return undefined;
  } catch (e) {
    if (e instanceof IsoDateError) return e.problem;
    throw e;
  }
}
export const money = z.number().finite().nonnegative();
export const rate = z.number().finite().min(-1).max(10);
export const share = z.number().finite().min(0).max(1);
export const months = z.number().int().min(0).max(1200);
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, _ . -');
