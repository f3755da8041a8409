/**
 * The Host for the web build: a file input for opening, a blob-URL download for saving and exporting,
 * localStorage for recents and the autosave. Browsers cannot write back to a picked file, so every save
 * is a download and tokens name stored copies, not files on disk.
 */
import type { Host, MenuCommand, OpenedFile, RecentFile, SavedFile } from './Host';
import { shortcutCommand } from './shortcuts';

const RECENT_KEY = 'absWorkbench.recent';
const AUTOSAVE_KEY = 'absWorkbench.autosave';
const COPY_PREFIX = 'absWorkbench.copy.';
/** Larger projects (a big loan tape) are not kept as recent copies: localStorage holds a few MB at most. */
const MAX_COPY_CHARS = 2_000_000;

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

function download(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function readRecents(storage: Storage): RecentFile[] {
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

function rememberCopy(storage: Storage, name: string, text: string): string | null {
  if (text.length > MAX_COPY_CHARS) return null;
  const token = `copy-${name}`;
  try {
    storage.setItem(COPY_PREFIX + token, text);
    const list = [{ token, name }, ...readRecents(storage).filter((r) => r.token !== token)].slice(0, 10);
    storage.setItem(RECENT_KEY, JSON.stringify(list));
    return token;
  } catch {
    return null; // quota exceeded: recents are a convenience, never a reason to fail a save
  }
}

export function createBrowserHost(storage: Storage = window.localStorage): Host {
  const encoder = new TextEncoder();
  return {
    kind: 'web',
    async openProject(): Promise<OpenedFile | null> {
      const file = await pickFile('.absproj,.json,application/json');
      if (!file) return null;
      const bytes = new Uint8Array(await file.arrayBuffer());
      rememberCopy(storage, file.name, new TextDecoder().decode(bytes));
      return { token: null, name: file.name, bytes };
    },
    async openRecent(token): Promise<OpenedFile | null> {
      const text = storage.getItem(COPY_PREFIX + token);
      const entry = readRecents(storage).find((r) => r.token === token);
      if (text === null || !entry) return null;
      return { token: null, name: entry.name, bytes: encoder.encode(text) };
    },
    async saveProject(text, options): Promise<SavedFile | null> {
      download(options.suggestedName, encoder.encode(text), 'application/json');
      rememberCopy(storage, options.suggestedName, text);
      return { token: null, name: options.suggestedName };
    },
    async openTape(): Promise<OpenedFile | null> {
      const file = await pickFile('.csv,.txt,.xlsx,text/csv');
      if (!file) return null;
      return { token: null, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async exportFile(name, bytes, mime): Promise<boolean> {
      download(name, bytes, mime);
      return true;
    },
    async recentFiles() {
      return readRecents(storage);
    },
    async readAutosave() {
      return storage.getItem(AUTOSAVE_KEY);
    },
    async writeAutosave(text) {
      try {
        if (text === null) storage.removeItem(AUTOSAVE_KEY);
        else storage.setItem(AUTOSAVE_KEY, text);
      } catch {
        // Quota exceeded (a very large pool): the autosave is best effort in the browser.
      }
    },
    async setTitle(title) {
      document.title = title;
    },
    onMenuCommand(listener: (command: MenuCommand) => void) {
      const onKey = (e: KeyboardEvent) => {
        const command = shortcutCommand(e);
        if (command) {
          e.preventDefault();
          listener(command);
        }
      };
      window.addEventListener('keydown', onKey);
      return () => window.removeEventListener('keydown', onKey);
    },
  };
}
