/**
 * The project document: the deal, an optional imported loan pool and a little UI state, versioned so old
 * project files migrate forward. The whole document is an immutable value; edits produce new documents.
 */
import { z } from 'zod';
import { Deal } from '../../core/deal/schema';
import {
  loanPoolToPoolFile,
  PoolFile,
  poolFileJsonChunks,
  poolFileToImportedPool,
  type ImportedPool,
  type PoolProvenance,
} from '../../core/pool/poolFile';

export const PROJECT_FORMAT = 'abs-workbench-project';
export const PROJECT_VERSION = 1;

/** A loan tape imported on the Pool screen: it replaces the deal's rep lines when the deal runs. */
export interface ProjectPool {
  loans: ImportedPool;
  provenance: PoolProvenance;
}

export interface ProjectDoc {
  deal: Deal;
  pool: ProjectPool | null;
  /** Scenario runs use (and the results screen shows). */
  scenario: string;
}

const ProjectFile = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.number().int().min(1),
  deal: z.unknown(),
  /** The pool in the importer's own pool-file format, so `abs-workbench` reads the same data. */
  pool: z.unknown().nullable(),
  scenario: z.string().max(64).optional(),
});

export class ProjectFileError extends Error {}

export function newProject(deal: Deal): ProjectDoc {
  return { deal, pool: null, scenario: deal.scenarios[0]?.name ?? '' };
}

export function serializeProject(doc: ProjectDoc): string {
  return JSON.stringify({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    deal: doc.deal,
    pool: doc.pool ? loanPoolToPoolFile(doc.pool.loans, doc.pool.provenance) : null,
    scenario: doc.scenario,
  });
}

/**
 * The text of serializeProject in pieces (their concatenation), built a slice at a time with a pause for
 * the UI between slices, so saving a million-loan project keeps the window painting and can report
 * progress (0..1).
 */
export async function serializeProjectParts(
  doc: ProjectDoc,
  onProgress: (share: number) => void = () => undefined,
  sliceMs = 30,
): Promise<string[]> {
  if (!doc.pool) return [serializeProject(doc)];
  const head = JSON.stringify({ format: PROJECT_FORMAT, version: PROJECT_VERSION, deal: doc.deal });
  const parts = [head.slice(0, -1) + ',"pool":'];
  // poolFileJsonChunks yields a head, then per column (18) an opening, ~64k-loan pieces and a closing.
  const pieces = 2 + 18 * (2 + Math.ceil(doc.pool.loans.size / 65_536));
  let started = performance.now();
  for (const chunk of poolFileJsonChunks(doc.pool.loans, doc.pool.provenance)) {
    parts.push(chunk);
    if (performance.now() - started > sliceMs) {
      onProgress(Math.min(1, parts.length / pieces));
      await new Promise((ok) => setTimeout(ok, 0));
      started = performance.now();
    }
  }
  parts.push(`,"scenario":${JSON.stringify(doc.scenario)}}`);
  return parts;
}

function issuesText(err: z.ZodError, prefix: string): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${prefix}${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('\n');
}

/**
 * Reads a project file, or a bare deal file (`*.deal.json`) which opens as a new project around it.
 * Throws ProjectFileError with the field path of the first problems.
 */
export function parseProject(text: string, fileName: string): ProjectDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ProjectFileError(`${fileName} is not JSON: ${(err as Error).message}`);
  }
  const isProject = typeof raw === 'object' && raw !== null && 'format' in raw;
  if (!isProject) {
    const deal = Deal.safeParse(raw);
    if (!deal.success) throw new ProjectFileError(`${fileName}\n${issuesText(deal.error, '')}`);
    return newProject(deal.data);
  }
  const file = ProjectFile.safeParse(raw);
  if (!file.success) throw new ProjectFileError(`${fileName}\n${issuesText(file.error, '')}`);
  if (file.data.version > PROJECT_VERSION) {
    throw new ProjectFileError(
      `${fileName} was written by a newer ABS Workbench (project version ${file.data.version})`,
    );
  }
  const deal = Deal.safeParse(file.data.deal);
  if (!deal.success) throw new ProjectFileError(`${fileName}\n${issuesText(deal.error, 'deal.')}`);
  const scenario =
    file.data.scenario && deal.data.scenarios.some((s) => s.name === file.data.scenario)
      ? file.data.scenario
      : (deal.data.scenarios[0]?.name ?? '');
  let pool: ProjectPool | null = null;
  if (file.data.pool !== null && file.data.pool !== undefined) {
    const pf = PoolFile.safeParse(file.data.pool);
    if (!pf.success) throw new ProjectFileError(`${fileName}\n${issuesText(pf.error, 'pool.')}`);
    pool = { loans: poolFileToImportedPool(pf.data), provenance: pf.data.provenance };
  }
  return { deal: deal.data, pool, scenario };
}
