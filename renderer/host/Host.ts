/**
 * The one interface between the UI and whatever hosts it (Electron main process or a plain browser tab).
 * The renderer never sees a file-system path: files it may reopen or overwrite are named by opaque tokens
 * the host handed out after a dialog, so a compromised page cannot name a path of its choosing.
 */

import type { Lang } from '../../core/i18n/lang';

/** Opaque handle for a file the user picked; meaningful only to the host that issued it. */
export type FileToken = string;

export interface OpenedFile {
  /** Null when the host cannot write back to the file (the browser). */
  token: FileToken | null;
  name: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  token: FileToken | null;
  name: string;
}

export interface RecentFile {
  token: FileToken;
  name: string;
}

export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'export', 'undo', 'redo', 'run'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface SaveOptions {
  /** Ask for a new file even when the project already has one. */
  saveAs: boolean;
  /** The file the project came from, if any. */
  token: FileToken | null;
  suggestedName: string;
}

export interface Host {
  readonly kind: 'electron' | 'web';
  /** Shows an open dialog for project files; null when the user cancels. */
  openProject(): Promise<OpenedFile | null>;
  openRecent(token: FileToken): Promise<OpenedFile | null>;
  /** Writes the project (atomically on disk); null when the user cancels the dialog. */
  saveProject(text: string, options: SaveOptions): Promise<SavedFile | null>;
  /**
   * The same, for a project whose text comes in pieces (their concatenation is the file), so a host that can
   * write pieces never builds one ~90 MB string for a million-loan pool. Optional: callers fall back to
   * saveProject with the joined text.
   */
  saveProjectParts?(parts: readonly string[], options: SaveOptions): Promise<SavedFile | null>;
  /** Shows an open dialog for loan tapes (CSV / XLSX). */
  openTape(): Promise<OpenedFile | null>;
  /** Shows an open dialog for servicer reports (JSON, CSV, XLSX), several at once; empty when cancelled. */
  openReports(): Promise<OpenedFile[]>;
  /** Saves bytes through a save dialog (desktop) or a download (browser); false when cancelled. */
  exportFile(name: string, bytes: Uint8Array, mime: string): Promise<boolean>;
  recentFiles(): Promise<RecentFile[]>;
  /** The last autosaved project text, if the previous session did not close cleanly. */
  readAutosave(): Promise<string | null>;
  /** Stores the project for crash recovery; null clears it (clean close, or a fresh save). */
  writeAutosave(text: string | null): Promise<void>;
  setTitle(title: string): Promise<void>;
  /**
   * The app's language changed: the desktop host rebuilds its menu in it. Optional: the browser has no menu of
   * its own.
   */
  setLanguage?(lang: Lang): Promise<void>;
  /** Subscribes to menu commands and keyboard accelerators; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
