/**
 * Structure edits' Undo/Redo labels. Kept apart from the editor hook so tests (compiled without the DOM and
 * React's global types) can import it.
 */
import type { structure as structureEn } from '../../i18n/locales/en/structure';
import type { LabelKey } from '../../project/history';

type UndoKey = Exclude<keyof typeof structureEn.undo, 'phase'>;

/** The Undo/Redo label of a Structure edit: a key of the `structure:undo` catalog (checked here), translated when shown. */
export function editLabel(key: UndoKey, params?: LabelKey['params']): LabelKey {
  return params ? { key: `structure:undo.${key}`, params } : { key: `structure:undo.${key}` };
}
