/**
 * Undo/redo as a stack of whole documents. Documents are immutable values, so each entry shares
 * everything it did not change with its neighbours and an undo is a pointer move.
 */
import type { TFunction } from 'i18next';

/**
 * What an edit is called on Undo/Redo. A key with its parameters is translated when it is shown, so the history
 * reads in the language of the moment, not the one of the edit (a user switching to Chinese mid-session sees
 * every earlier edit in Chinese too). A plain string is shown as it is.
 */
export interface LabelKey {
  /** `namespace:key` of a catalog entry. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
export type EditLabel = string | LabelKey;

/** The label as the user reads it in `t`'s language. */
export function labelText(t: TFunction, label: EditLabel): string {
  return typeof label === 'string' ? label : t(label.key, { ...label.params });
}

export interface History<T> {
  readonly past: readonly { doc: T; label: EditLabel }[];
  readonly present: T;
  readonly future: readonly { doc: T; label: EditLabel }[];
  /** Label of the edit that produced `present` (what Undo would revert). */
  readonly presentLabel: EditLabel | null;
}

export const HISTORY_LIMIT = 200;

export function startHistory<T>(doc: T): History<T> {
  return { past: [], present: doc, future: [], presentLabel: null };
}

export function commit<T>(h: History<T>, doc: T, label: EditLabel): History<T> {
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
export const undoLabel = <T>(h: History<T>): EditLabel | null => (h.past.length > 0 ? h.presentLabel : null);
export const redoLabel = <T>(h: History<T>): EditLabel | null => h.future[0]?.label ?? null;
