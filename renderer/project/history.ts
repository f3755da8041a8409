/**
 * Undo/redo as a stack of whole documents. Documents are immutable values, so each entry shares
 * everything it did not change with its neighbours and an undo is a pointer move.
 */

export interface History<T> {
  readonly past: readonly { doc: T; label: string }[];
  readonly present: T;
  readonly future: readonly { doc: T; label: string }[];
  /** Label of the edit that produced `present` (what Undo would revert). */
  readonly presentLabel: string | null;
}

export const HISTORY_LIMIT = 200;

export function startHistory<T>(doc: T): History<T> {
  return { past: [], present: doc, future: [], presentLabel: null };
}

export function commit<T>(h: History<T>, doc: T, label: string): History<T> {
  if (Object.is(doc, h.present)) return h;
  const past = [...h.past, { doc: h.present, label: h.presentLabel ?? '' }];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    present: doc,
    future: [],
    presentLabel: label,
  };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return {
    past: h.past.slice(0, -1),
    present: prev.doc,
    future: [{ doc: h.present, label: h.presentLabel ?? '' }, ...h.future],
    presentLabel: prev.label || null,
  };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (!next) return h;
  return {
    past: [...h.past, { doc: h.present, label: h.presentLabel ?? '' }],
    present: next.doc,
    future: h.future.slice(1),
    presentLabel: next.label || null,
  };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;
export const undoLabel = <T>(h: History<T>): string | null => (h.past.length > 0 ? h.presentLabel : null);
export const redoLabel = <T>(h: History<T>): string | null => h.future[0]?.label ?? null;
