/**
 * A message the engine produces (a deal problem, a run refusal, a calendar or projection note) carries a
 * stable `code` and its `params` beside the English `message`, so each host shows it in its own language:
 * `coreText(t, problem)`. A message without a code (or with one the catalog lacks) shows its English text.
 */
import type { TFunction } from 'i18next';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface CoreMessage {
  /** Key in the `core` namespace. */
  code?: string;
  params?: MessageParams;
  /** The English text, for logs, JSON output and tests. */
  message: string;
}

export function coreText(t: TFunction, m: CoreMessage): string {
  if (m.code === undefined) return m.message;
  const key = `core:${m.code}`;
  return t(key, { ...m.params, defaultValue: m.message });
}
