/**
 * What goes into the crash-recovery autosave. The deal and assumptions always; an imported pool only while
 * it is small, because the autosave is written on the UI thread a moment after every edit. Measured on the
 * 1M-loan generated tape (tests/bench/uiPool.ts, Node, this machine): serialising a project takes ~100 ms
 * at 20k loans, ~270 ms at 50k and over a second at 200k (88 characters a loan), and a browser keeps about
 * 5 million characters in localStorage. Above the limit the autosave names the pool it left out, so a
 * recovered project can say which tape to import again.
 */
import { serializeProject, type ProjectDoc, type ProjectPool } from './document';
import type { TFunction } from 'i18next';
import { integer } from '../format';
import { enT } from '../i18n/fixedT';

export const AUTOSAVE_MAX_LOANS = 20_000;

export interface OmittedPool {
  sourceFile: string;
  loans: number;
  importedAt: string;
}

export function poolAutosaved(pool: ProjectPool | null): boolean {
  return pool === null || pool.loans.size <= AUTOSAVE_MAX_LOANS;
}

/** The autosave text: the project, or the project without its pool plus a note of the pool left out. */
export function autosaveText(doc: ProjectDoc): string {
  if (poolAutosaved(doc.pool) || doc.pool === null) return serializeProject(doc);
  const omitted: OmittedPool = {
    sourceFile: doc.pool.provenance.sourceFile,
    loans: doc.pool.loans.size,
    importedAt: doc.pool.provenance.importedAt,
  };
  const light = JSON.parse(serializeProject({ ...doc, pool: null })) as Record<string, unknown>;
  return JSON.stringify({ ...light, poolOmitted: omitted });
}

/** The pool an autosave left out, if any (null for a full autosave or text that is not one). */
export function omittedPool(text: string): OmittedPool | null {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || !('poolOmitted' in raw)) return null;
    const p = raw.poolOmitted;
    if (typeof p !== 'object' || p === null) return null;
    const o = p as Record<string, unknown>;
    if (typeof o.sourceFile !== 'string' || typeof o.loans !== 'number') return null;
    return {
      sourceFile: o.sourceFile,
      loans: o.loans,
      importedAt: typeof o.importedAt === 'string' ? o.importedAt : '',
    };
  } catch {
    return null;
  }
}

/** Shown on the Pool screen while the pool is too large to autosave. */
export function notAutosavedText(loans: number, t: TFunction = enT): string {
  return t('app:autosave.tooLarge', { loans: integer(loans), keys: 'Ctrl+S' });
}

/** Said on recovery when the autosave left the pool out. */
export function reimportText(p: OmittedPool, t: TFunction = enT): string {
  return t('app:recovery.reimport', { loans: integer(p.loans), file: p.sourceFile });
}
