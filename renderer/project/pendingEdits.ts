/**
 * Fields holding text that was refused (a negative class balance showing its message in place). The deal never
 * saw that text, so a run would silently use the last valid value and the field would revert when the screen
 * changes; Run asks this list first and names the fields instead.
 */
import type { TFunction } from 'i18next';
import { enT } from '../i18n/fixedT';

export interface PendingEdit {
  /** The field's label, as its screen reader and the user see it ("Class A balance"). */
  field: string;
  /** Why the text was refused. */
  message: string;
}

export class PendingEdits {
  private readonly byField = new Map<symbol, PendingEdit>();

  /** Records (or with null, forgets) the refused text of the field owning `key`. */
  set(key: symbol, edit: PendingEdit | null): void {
    if (edit) this.byField.set(key, edit);
    else this.byField.delete(key);
  }

  list(): PendingEdit[] {
    return [...this.byField.values()];
  }
}

/** The one list the app's fields write to. */
export const pendingEdits = new PendingEdits();

/** The status-bar message when a run is refused because of `edits` (null when there are none). */
export function pendingEditsText(edits: readonly PendingEdit[], t: TFunction = enT): string | null {
  if (edits.length === 0) return null;
  const named = edits
    .map((e) => t('app:run.pendingField', { field: e.field, message: e.message }))
    .join(t('structure:listSep'));
  return edits.length === 1
    ? t('app:run.pendingOne', { named })
    : t('app:run.pendingMany', { named, count: edits.length });
}
