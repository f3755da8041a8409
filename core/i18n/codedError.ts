/**
 * A range error whose message is a coded engine message (core/i18n/messages.ts): thrown where a caller hands the
 * engine a value it cannot use (a grid axis), so the CLI and the app word it in their user's language while the
 * English `message` stays what logs and tests read.
 */
import type { CoreMessage } from './messages';

export class CodedRangeError extends RangeError {
  constructor(readonly problem: CoreMessage) {
    super(problem.message);
    this.name = 'RangeError';
  }
}

/** The coded message an error carries, if any (also after a worker boundary turned it into a plain object). */
export function problemOf(err: unknown): CoreMessage | undefined {
  if (err instanceof CodedRangeError) return err.problem;
  const p = (err as { problem?: unknown } | null)?.problem;
  return p !== null && typeof p === 'object' && typeof (p as CoreMessage).message === 'string'
    ? (p as CoreMessage)
    : undefined;
}
