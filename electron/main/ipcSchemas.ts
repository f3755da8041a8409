/**
 * Every IPC payload is parsed here before the main process acts on it: the renderer is treated as untrusted.
 */
import { z } from 'zod';
import { LANGS } from '../../core/i18n/lang';

export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;
export const MAX_TAPE_BYTES = 1024 * 1024 * 1024;
/** A servicer report is a page of figures; a month's workbook with its schedules stays well under this. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** Reports picked at once: a hundred years of monthly reports. */
export const MAX_REPORT_FILES = 1200;
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

export const FileTokenArg = z.string().regex(/^[0-9a-f-]{36}$/, 'not a file token');

const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[/\\\0]/.test(s) && s !== '.' && s !== '..', 'a file name, not a path');

export const SaveProjectArgs = z.tuple([
  z.string().max(MAX_PROJECT_BYTES),
  z.object({ saveAs: z.boolean(), token: FileTokenArg.nullable(), suggestedName: fileName }).strict(),
]);

export const ExportFileArgs = z.tuple([
  fileName,
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_EXPORT_BYTES, 'file too large'),
  z.string().max(200),
]);

export const OpenRecentArgs = z.tuple([FileTokenArg]);
export const WriteAutosaveArgs = z.tuple([z.string().max(MAX_PROJECT_BYTES).nullable()]);
export const SetTitleArgs = z.tuple([z.string().max(300)]);
export const SetLanguageArgs = z.tuple([z.enum(LANGS)]);
export const NoArgs = z.tuple([]);
