/**
 * A message the engine produces (a deal problem, a run refusal, a calendar or projection note) carries a
 * stable `code` and its `params` beside the English `message`, so each host shows it in its own language:
 * `coreText(t, problem)`. A message without a code (or with one the catalog lacks) shows its English text.
 *
 * The English text is rendered from the English catalog (`coreMessage`), so the sentence a log or a JSON
 * result carries and the one the English app shows cannot drift apart.
 */
import type { TFunction } from 'i18next';
import { translator } from './index';
import { core as coreEn } from './locales/en/core';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface CoreMessage {
  /** Key in the `core` namespace. */
  code?: string;
  params?: MessageParams;
  /** Params that are messages themselves (a reason inside "invalid JSON: …"), rendered in the same language. */
  nested?: Readonly<Record<string, CoreMessage>>;
  /** The English text, for logs, JSON output and tests. */
  message: string;
}

/** Dotted paths to the leaves of a catalog: `deal.noTranche`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every code the engine may put on a message: a key of the `core` catalog, checked when compiled. */
export type CoreCode = Leaves<typeof coreEn>;

/** A coded message with its English text. */
export function coreMessage(
  code: CoreCode,
  params: MessageParams = {},
): { code: CoreCode; params: MessageParams; message: string } {
  return { code, params, message: englishText(code, params) };
}

type Tree = { readonly [k: string]: string | Tree };

/**
 * The English text of a code, interpolated directly: the engine makes these on every run (projection notes),
 * where going through i18next costs tens of microseconds each. The English core catalog uses only `{{name}}`
 * variables and the `_context` forms, which is all this reads; tests check it against i18next's rendering.
 */
function englishText(code: CoreCode, params: MessageParams): string {
  const parts = code.split('.');
  const last = parts.pop()!;
  let node: Tree | string | undefined = coreEn as unknown as Tree;
  for (const p of parts) node = typeof node === 'object' ? node[p] : undefined;
  if (typeof node !== 'object') return translator('en')(`core:${code}`, { ...params });
  const context = params.context;
  const withContext = context !== undefined ? node[`${last}_${String(context)}`] : undefined;
  const text = typeof withContext === 'string' ? withContext : node[last];
  if (typeof text !== 'string') return translator('en')(`core:${code}`, { ...params });
  return text.replace(/\{\{(\w+)\}\}/g, (m: string, name: string) =>
    params[name] !== undefined ? String(params[name]) : m,
  );
}

export function coreText(t: TFunction, m: CoreMessage): string {
  if (m.code === undefined) return m.message;
  const key = `core:${m.code}`;
  const nested = Object.fromEntries(Object.entries(m.nested ?? {}).map(([k, v]) => [k, coreText(t, v)]));
  return t(key, { ...m.params, ...nested, defaultValue: m.message });
}

/**
 * The `params` of a zod custom issue that carries a core code, so `zodIssues` (core/deal/load.ts) turns it into a
 * coded problem: `ctx.addIssue(customIssue('calendar.beforeFirstYear', {}, ['publishedThrough']))`.
 */
export interface CodedIssueParams {
  coreCode: CoreCode;
  coreParams: MessageParams;
}

export function customIssue(
  code: CoreCode,
  params: MessageParams = {},
  path?: PropertyKey[],
): { code: 'custom'; message: string; params: CodedIssueParams; path?: PropertyKey[] } {
  return { code: 'custom', ...codedRefinement(code, params), ...(path ? { path } : {}) };
}

/** The same for `.refine(check, codedRefinement(code))`. */
export function codedRefinement(
  code: CoreCode,
  params: MessageParams = {},
): { message: string; params: CodedIssueParams } {
  return { message: coreMessage(code, params).message, params: { coreCode: code, coreParams: params } };
}

/** The coded message a zod issue carries (from `customIssue`/`codedRefinement`), if any. */
export function issueCoreMessage(issue: { message: string; params?: unknown }): CoreMessage | undefined {
  const p = issue.params as Partial<CodedIssueParams> | undefined;
  if (p === undefined || p === null || typeof p.coreCode !== 'string') return undefined;
  return { code: p.coreCode, params: p.coreParams ?? {}, message: issue.message };
}

/**
 * A coded message for a zod check that cannot carry params (`.regex(re, checkMessage(...))`): the English text
 * is the check's message, and `zodIssues` finds the code again from it. Kept for literal messages only.
 */
const CHECK_MESSAGES = new Map<string, CoreMessage>();

export function checkMessage(code: CoreCode, params: MessageParams = {}): string {
  const m = coreMessage(code, params);
  CHECK_MESSAGES.set(m.message, m);
  return m.message;
}

export function checkMessageOf(message: string): CoreMessage | undefined {
  return CHECK_MESSAGES.get(message);
}
