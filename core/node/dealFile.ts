/**
 * Reading deal files from disk: a size limit before anything is read (deal files are untrusted), JSON syntax
 * errors with line and column, schema errors with field paths (core/deal/load.ts), and the pool the deal
 * points at. Every failure is a DealFileError naming the file.
 */
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { dealSegments, unknownOverrideSegments } from '../assumptions/overrides';
import { findJsonSyntaxError } from '../deal/jsonSyntax';
import { DealFileError, parseDeal, zodIssues } from '../deal/load';
import type { Deal } from '../deal/schema';
import { PoolFile, poolFileToLoanPool } from '../pool/poolFile';
import type { PoolInput } from '../projection/project';

/** Far above any rep-line deal (a 100,000-line pool is about 20 MB); a loan-level pool lives in its own file. */
export const MAX_DEAL_FILE_BYTES = 50 * 1024 * 1024;

/** A million loans as columns is a few hundred MB of JSON; V8 cannot hold a string much past 512 MB anyway. */
export const MAX_POOL_FILE_BYTES = 400 * 1024 * 1024;

export interface LoadedDeal {
  deal: Deal;
  pool: PoolInput;
  /** Absolute path of the deal file. */
  file: string;
}

/**
 * Reads and parses a JSON file under a size limit. Errors name the file as the caller gave it (`label`), which is
 * what the user typed, rather than an absolute path.
 */
export async function readJsonFile(path: string, maxBytes: number, label = path): Promise<unknown> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DealFileError(label, [{ path: '', ...coreMessage('file.notAFile') }]);
    size = info.size;
  } catch (e) {
    if (e instanceof DealFileError) throw e;
    throw new DealFileError(label, [{ path: '', ...ioReason(e) }]);
  }
  if (size > maxBytes) {
    throw new DealFileError(label, [
      { path: '', ...coreMessage('file.tooLarge', { size: formatSize(size), limit: formatSize(maxBytes) }) },
    ]);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new DealFileError(label, [{ path: '', ...ioReason(e) }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // Editors on Windows save a BOM.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const where = findJsonSyntaxError(text);
    throw new DealFileError(label, [
      where
        ? {
            path: `line ${where.line}, column ${where.column}`,
            place: coreMessage('file.lineColumn', { line: where.line, column: where.column }),
            ...jsonReason(where.problem),
          }
        : { path: '', ...coreMessage('file.invalidJson') },
    ]);
  }
}

/**
 * Loads a deal file and the pool it describes, for a run: an override for a segment the pool lacks is refused
 * (the file's assumptions would silently not be the run's), naming the segments the pool has.
 */
export async function loadDeal(path: string): Promise<LoadedDeal> {
  const file = resolve(path);
  const deal = parseDeal(await readJsonFile(file, MAX_DEAL_FILE_BYTES, path), path);
  const pool = await poolOf(deal, path);
  const unknown = unknownOverrideSegments(deal.scenarios, dealSegments(deal, pool));
  if (unknown.length > 0) throw new DealFileError(path, unknown);
  return { deal, pool, file };
}

/** The segments a deal file's scenarios may override: its pool's and its purchases' (the pool read as for a run). */
export async function dealFileSegments(path: string): Promise<string[]> {
  const deal = parseDeal(await readJsonFile(resolve(path), MAX_DEAL_FILE_BYTES, path), path);
  return dealSegments(deal, await poolOf(deal, path));
}

async function poolOf(deal: Deal, dealPath: string): Promise<PoolInput> {
  if (deal.pool.kind === 'repLines') return { kind: 'repLines', lines: deal.pool.lines };
  // Relative to the deal file, so a deal and its pool move together; the label keeps what the user sees short.
  const label = isAbsolute(deal.pool.path) ? deal.pool.path : join(dirname(dealPath), deal.pool.path);
  const json = await readJsonFile(resolve(label), MAX_POOL_FILE_BYTES, label);
  const parsed = PoolFile.safeParse(json);
  if (!parsed.success) throw new DealFileError(label, zodIssues(parsed.error.issues));
  return { kind: 'loans', pool: poolFileToLoanPool(parsed.data) };
}

/** `invalid JSON: <reason>`, the reason in the user's language too (nested as a parameter's own message). */
function jsonReason(reason: CoreMessage): CoreMessage {
  return { ...coreMessage('file.invalidJsonAt', { reason: reason.message }), nested: { reason } };
}

function ioReason(e: unknown): CoreMessage {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOENT') return coreMessage('file.notFound');
  if (code === 'EACCES' || code === 'EPERM') return coreMessage('file.permissionDenied');
  if (code === 'EISDIR') return coreMessage('file.notAFile');
  return { message: e instanceof Error ? e.message : String(e) };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
