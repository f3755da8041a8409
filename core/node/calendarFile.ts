/**
 * Holiday-calendar files from disk (`run --calendar FILE`): a size limit, JSON syntax errors with line and column,
 * and schema errors with the field path, each naming the file, like deal files.
 */
import { DealFileError, zodIssues } from '../deal/load';
import { CalendarFile } from '../time/holidayCalendar';
import { readJsonFile } from './dealFile';

/** A calendar lists a few hundred dates; anything near this is not a calendar. */
export const MAX_CALENDAR_FILE_BYTES = 5 * 1024 * 1024;

export async function loadCalendarFile(path: string): Promise<CalendarFile> {
  const json = await readJsonFile(path, MAX_CALENDAR_FILE_BYTES);
  const parsed = CalendarFile.safeParse(json);
  if (!parsed.success) throw new DealFileError(path, zodIssues(parsed.error.issues));
  return parsed.data;
}
