/**
 * What the browser host keeps in localStorage: recent projects (as stored copies, since a page cannot reopen
 * a file by path) and the crash-recovery autosave. DOM-free over a minimal store so plain Node tests run it.
 */
import type { RecentFile } from './Host';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const RECENT_KEY = 'absWorkbench.recent';
const AUTOSAVE_KEY = 'absWorkbench.autosave';
const COPY_PREFIX = 'absWorkbench.copy.';
/** Larger projects (a big loan tape) are not kept as recent copies: localStorage holds a few MB at most. */
export const MAX_COPY_CHARS = 2_000_000;
const RECENT_LIMIT = 10;

export function readRecents(storage: KeyValueStore): RecentFile[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is RecentFile =>
        typeof r === 'object' && r !== null && typeof r.token === 'string' && typeof r.name === 'string',
    );
  } catch {
    return [];
  }
}

/** Stores a copy of a project for the recent list; returns its token, or null when it does not fit. */
export function rememberCopy(storage: KeyValueStore, name: string, text: string): string | null {
  if (text.length > MAX_COPY_CHARS) return null;
  const token = `copy-${name}`;
  try {
    storage.setItem(COPY_PREFIX + token, text);
    const list = [{ token, name }, ...readRecents(storage).filter((r) => r.token !== token)];
    for (const dropped of list.slice(RECENT_LIMIT)) storage.removeItem(COPY_PREFIX + dropped.token);
    storage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_LIMIT)));
    return token;
  } catch {
    return null; // quota exceeded: recents are a convenience, never a reason to fail a save
  }
}

export function recentCopy(storage: KeyValueStore, token: string): { name: string; text: string } | null {
  const entry = readRecents(storage).find((r) => r.token === token);
  const text = entry ? storage.getItem(COPY_PREFIX + token) : null;
  return entry && text !== null ? { name: entry.name, text } : null;
}

function trySet(storage: KeyValueStore, key: string, text: string): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

export const webAutosave = {
  read: (storage: KeyValueStore): string | null => storage.getItem(AUTOSAVE_KEY),
  /**
   * Stores the autosave; returns false when it does not fit. Recent copies are a convenience and the
   * autosave is the user's unsaved work, so when storage is full the copies go first, oldest first.
   */
  write(storage: KeyValueStore, text: string | null): boolean {
    if (text === null) {
      storage.removeItem(AUTOSAVE_KEY);
      return true;
    }
    if (trySet(storage, AUTOSAVE_KEY, text)) return true;
    storage.removeItem(AUTOSAVE_KEY);
    if (trySet(storage, AUTOSAVE_KEY, text)) return true;
    const recents = readRecents(storage);
    while (recents.length > 0) {
      const dropped = recents.pop()!;
      storage.removeItem(COPY_PREFIX + dropped.token);
      trySet(storage, RECENT_KEY, JSON.stringify(recents));
      if (trySet(storage, AUTOSAVE_KEY, text)) return true;
    }
    return false;
  },
};
