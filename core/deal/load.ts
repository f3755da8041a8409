/**
 * Deal files in: untrusted JSON → a validated `Deal`, or one error listing every problem as
 * `<file>: <field path>: <reason>` so a user can find each one in the file. Three passes:
 * 1. migrate older schema versions forward (only v1 exists now);
 * 2. the zod schema (types, ranges, required fields);
 * 3. what the schema cannot say: unknown keys (a misspelt optional field would otherwise vanish silently and
 *    change the deal), real calendar dates, and the structure's cross-references (`validate.ts`: every id a
 *    waterfall step or fee names must exist), as Hastructure's DealValidation checks them before a run.
 */
import type { TFunction } from 'i18next';
import { checkMessageOf, coreMessage, coreText, issueCoreMessage, type CoreMessage } from '../i18n/messages';
import type { z } from 'zod';
import { IsoDateError, parseIsoDate } from '../time/isoDate';
import { Deal, DEAL_SCHEMA_VERSION } from './schema';
import { validateDeal } from './validate';

export interface DealIssue extends CoreMessage {
  /**
   * Field path as written in the file, e.g. `structure.tranches[1].coupon.rate` (`(root)` for the document),
   * a place such as `line 3, column 7`, or '' for a problem with the file as a whole.
   */
  path: string;
  /** When `path` is a place in the text rather than a field path: the place, coded. */
  place?: CoreMessage;
  /** A file this one refers to failed (a funding case's deal file): its issues, rendered as `params.message`. */
  inner?: { file: string; issues: readonly DealIssue[] };
}

/** One line per issue, `<file>: <field path>: <reason>`, in the language of `t`. */
export function dealIssueLines(t: TFunction, file: string, issues: readonly DealIssue[]): string[] {
  return issues.map((i) => {
    const path = i.place ? coreText(t, i.place) : i.path;
    const m = i.inner
      ? { ...i, params: { ...i.params, message: dealIssueLines(t, i.inner.file, i.inner.issues).join('\n') } }
      : i;
    return path ? `${file}: ${path}: ${coreText(t, m)}` : `${file}: ${coreText(t, m)}`;
  });
}

export class DealFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly DealIssue[],
  ) {
    super(
      issues.map((i) => (i.path ? `${file}: ${i.path}: ${i.message}` : `${file}: ${i.message}`)).join('\n'),
    );
    this.name = 'DealFileError';
  }

  /** The message in the language of `t` (the English one is `message`). */
  text(t: TFunction): string {
    return dealIssueLines(t, this.file, this.issues).join('\n');
  }
}

type PathKey = PropertyKey;

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** Upgrades functions by the version they read: MIGRATIONS[n] turns a version-n document into version n + 1. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Brings a deal document written by an older engine to the current schema version. Documents without a
 * numeric version pass through untouched so the schema reports what is wrong with them.
 */
export function migrateDeal(json: unknown, file = '<deal>'): unknown {
  if (!isRecord(json) || typeof json.schemaVersion !== 'number') return json;
  let doc = json;
  let version = json.schemaVersion;
  if (version > DEAL_SCHEMA_VERSION) {
    throw new DealFileError(file, [
      {
        path: 'schemaVersion',
        ...coreMessage('file.newerVersion', { version, supported: DEAL_SCHEMA_VERSION }),
      },
    ]);
  }
  while (version < DEAL_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break; // The schema then rejects the version with its own message.
    doc = step(doc);
    version += 1;
  }
  return doc;
}

/** Validates a parsed JSON document as a deal; throws DealFileError listing every problem. */
export function parseDeal(json: unknown, file: string): Deal {
  const migrated = migrateDeal(json, file);
  const result = Deal.safeParse(migrated);
  if (!result.success) throw new DealFileError(file, zodIssues(result.error.issues));
  const issues = [...unknownKeys(migrated, result.data), ...dealConsistency(result.data)];
  if (issues.length > 0) throw new DealFileError(file, issues);
  return result.data;
}

/** Zod issues as one readable line each; a union nobody matched names each form it tried. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PathKey[] = []): DealIssue[] {
  const out: DealIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A branch whose issues all sit below the value, none of them a missing field, matched the value's
      // shape: its issues are the real ones, the other branches' are noise.
      const shaped = issue.errors.filter((branch) => branch.every((i) => i.path.length > 0 && !isMissing(i)));
      if (shaped.length === 1) {
        out.push(...zodIssues(shaped[0]!, path));
        continue;
      }
      const tried = issue.errors.map((branch) =>
        branch.map((i) => `${i.path.length ? formatPath(i.path) + ' ' : ''}${reason(i).message}`).join(', '),
      );
      out.push({
        path: formatPath(path),
        ...coreMessage('file.noneOfForms', { tried: tried.join(' | ') }),
      });
      continue;
    }
    out.push({ path: formatPath(path), ...reason(issue) });
  }
  return out;
}

/**
 * A required field absent from the file. zod words it in its configured language (English "… received
 * undefined", Chinese "… 实际接收 undefined"); both name the received type last.
 */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && /\bundefined$/.test(issue.message);
}

/**
 * An issue's reason: coded when the engine wrote it (custom checks, literal check messages), else zod's own
 * message, which zod words in the language set with `z.config` (core/i18n/zodLocale.ts).
 */
function reason(issue: z.core.$ZodIssue): CoreMessage {
  if (isMissing(issue) && issue.code === 'invalid_type') {
    return coreMessage('file.missing', { expected: issue.expected });
  }
  const coded = issueCoreMessage(issue) ?? checkMessageOf(issue.message);
  if (coded) return coded;
  return { message: issue.message.replace(/^(?:Invalid input: |无效输入：)/, '') };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Keys the editor's JSON Schema hint and comments may use; the engine ignores them. */
const IGNORED_KEYS = new Set(['$schema', '$comment']);

/**
 * Zod drops keys it does not know, so a key present in the input but missing from the parsed output is one the
 * schema does not have (defaults only ever add keys).
 */
export function unknownKeys(input: unknown, output: unknown, path: PathKey[] = []): DealIssue[] {
  const out: DealIssue[] = [];
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, i) => out.push(...unknownKeys(item, output[i], [...path, i])));
  } else if (isRecord(input) && isRecord(output)) {
    for (const key of Object.keys(input)) {
      if (IGNORED_KEYS.has(key)) continue;
      if (!(key in output))
        out.push({ path: formatPath([...path, key]), ...coreMessage('file.unknownField') });
      else out.push(...unknownKeys(input[key], output[key], [...path, key]));
    }
  }
  return out;
}

/**
 * Checks across fields that the schema cannot express: the structure's own checks (`validateDeal`, the same
 * ones `runDeal` applies, so a file that loads can run) plus calendar dates, scenario names, CNL timing and
 * rep-line ids.
 */
export function dealConsistency(deal: Deal): DealIssue[] {
  const issues: DealIssue[] = [];
  const add = (path: PathKey[], m: CoreMessage) => issues.push({ path: formatPath(path), ...m });

  for (const key of ['cutoffDate', 'settlementDate'] as const) {
    const value = deal[key];
    if (value === undefined) continue;
    try {
      parseIsoDate(value);
    } catch (e) {
      if (!(e instanceof IsoDateError)) throw e;
      add([key], e.problem);
    }
  }

  issues.push(...validateDeal(deal));

  const names = new Set<string>();
  deal.scenarios.forEach((sc, i) => {
    if (names.has(sc.name))
      add(['scenarios', i, 'name'], coreMessage('deal.duplicateScenario', { name: sc.name }));
    names.add(sc.name);
    const cnl = [sc.default, ...sc.overrides.map((o) => o.default)];
    cnl.forEach((d, k) => {
      if (d?.model !== 'CNL') return;
      const sum = d.timing.reduce((a, b) => a + b, 0);
      // Timing is a share of lifetime loss per period; off by more than rounding, the loss would not be the stated one.
      if (Math.abs(sum - 1) > 1e-4) {
        const at: PathKey[] =
          k === 0 ? ['scenarios', i, 'default'] : ['scenarios', i, 'overrides', k - 1, 'default'];
        add([...at, 'timing'], coreMessage('deal.cnlTiming', { sum: sum.toFixed(6) }));
      }
    });
  });

  if (deal.pool.kind === 'repLines') {
    const ids = new Set<string>();
    deal.pool.lines.forEach((l, i) => {
      if (ids.has(l.id)) add(['pool', 'lines', i, 'id'], coreMessage('deal.duplicateLine', { id: l.id }));
      ids.add(l.id);
    });
  }
  return issues;
}
