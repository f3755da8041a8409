/**
 * The Host for the web build: a file input for opening, a blob-URL download for saving and exporting,
 * localStorage for recents and the autosave. Browsers cannot write back to a picked file, so every save
 * is a download and tokens name stored copies, not files on disk.
 */
import type { Host, MenuCommand, OpenedFile, SavedFile, SaveOptions } from './Host';
import { shortcutCommand } from './shortcuts';
import {
  MAX_COPY_CHARS,
  readRecents,
  recentCopy,
  rememberCopy,
  webAutosave,
  type KeyValueStore,
} from './webStorage';

function pickFile(accept: string): Promise<File | null> {
  return pickFiles(accept, false).then((files) => files[0] ?? null);
}

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Text pieces as a UTF-8 blob, a few MB per task: a million-loan project is ~90 MB of JSON. The blob grows
 * by composition, so each step copies only the new bytes.
 */
async function textBlob(parts: readonly string[], mime: string): Promise<Blob> {
  const encoder = new TextEncoder();
  let blob = new Blob([], { type: mime });
  let started = performance.now();
  for (const part of parts) {
    blob = new Blob([blob, encoder.encode(part)], { type: mime });
    if (performance.now() - started > 30) {
      await new Promise((ok) => setTimeout(ok, 0));
      started = performance.now();
    }
  }
  return blob;
}

function download(name: string, data: Uint8Array | Blob, mime: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>], { type: mime });
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

export function createBrowserHost(storage: KeyValueStore = window.localStorage): Host {
  const encoder = new TextEncoder();
  const saveParts = async (parts: readonly string[], options: SaveOptions): Promise<SavedFile | null> => {
    download(options.suggestedName, await textBlob(parts, 'application/json'), 'application/json');
    let chars = 0;
    for (const p of parts) chars += p.length;
    if (chars <= MAX_COPY_CHARS) rememberCopy(storage, options.suggestedName, parts.join(''));
    return { token: null, name: options.suggestedName };
  };
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
      const copy = recentCopy(storage, token);
      return copy ? { token: null, name: copy.name, bytes: encoder.encode(copy.text) } : null;
    },
    saveProject: (text, options) => saveParts([text], options),
    saveProjectParts: saveParts,
    async openTape(): Promise<OpenedFile | null> {
      const file = await pickFile('.csv,.txt,.xlsx,.xlsm,.xls,text/csv');
      if (!file) return null;
      return { token: null, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    async openReports(): Promise<OpenedFile[]> {
      const files = await pickFiles('.json,.csv,.txt,.xlsx,.xlsm,.xls,application/json,text/csv', true);
      return Promise.all(
        files.map(async (f) => ({ token: null, name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
    },
    async exportFile(name, bytes, mime): Promise<boolean> {
      download(name, bytes, mime);
      return true;
    },
    async recentFiles() {
      return readRecents(storage);
    },
    async readAutosave() {
      return webAutosave.read(storage);
    },
    async writeAutosave(text) {
      webAutosave.write(storage, text);
    },
    async setTitle(title) {
      document.title = title;
    },
    // The browser's menu is its own: nothing to rebuild.
    async setLanguage() {},
    onMenuCommand(listener: (command: MenuCommand) => void) {
      const onKey = (e: KeyboardEvent) => {
        const command = shortcutCommand(e);
        // Inside a text box Ctrl+Z undoes typing, as everywhere else; the document's undo is for committed edits.
        const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
        if (typing && (command === 'undo' || command === 'redo')) return;
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
