/**
 * The main process's side of the Host interface, free of Electron: dialogs, the file system and the window
 * arrive as arguments, so plain Node tests drive it with hostile inputs. Paths never leave this module; the
 * renderer gets opaque tokens for files the user picked in a dialog.
 */
import { z } from 'zod';
import { atomicWrite, type AtomicFs } from './atomicSave';
import { CHANNELS, type Channel } from '../shared/channels';
import { isTrustedAppUrl } from './trustedUrl';
import {
  ExportFileArgs,
  MAX_PROJECT_BYTES,
  MAX_TAPE_BYTES,
  MAX_REPORT_BYTES,
  MAX_REPORT_FILES,
  NoArgs,
  OpenRecentArgs,
  SaveProjectArgs,
  SetLanguageArgs,
  SetTitleArgs,
  WriteAutosaveArgs,
} from './ipcSchemas';
import type { Lang } from '../../core/i18n/lang';

export interface HostFs extends AtomicFs {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ size: number }>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export type DialogKind = 'project' | 'tape' | 'export';

export interface HostDeps {
  fs: HostFs;
  showOpenDialog(kind: 'project' | 'tape'): Promise<string | null>;
  /** Several files at once (servicer reports); empty when cancelled. */
  showOpenFiles(kind: 'reports'): Promise<string[]>;
  showSaveDialog(kind: 'project' | 'export', defaultName: string): Promise<string | null>;
  setTitle(title: string): void;
  /** The app's language changed: the main process rebuilds its menu in it. */
  setLanguage(lang: Lang): void;
  /** Where recents and the autosave live (Electron's userData directory). */
  userDataDir: string;
  /** A UUID; tokens must be unguessable. */
  randomId(): string;
  /** Origins whose frames may call the host (the app bundle, and the dev server in development). */
  trustedOrigins: readonly string[];
}

export interface OpenedFileDto {
  token: string | null;
  name: string;
  bytes: Uint8Array;
}

const RECENT_LIMIT = 10;
const RecentList = z
  .array(z.object({ path: z.string().min(1).max(4096), name: z.string().max(300) }))
  .max(50);
type RecentEntry = z.infer<typeof RecentList>[number];

export class IpcRejected extends Error {}

export function baseName(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] || path;
}

export function createHostService(deps: HostDeps) {
  const pathByToken = new Map<string, string>();
  const tokenByPath = new Map<string, string>();
  const recentPath = `${deps.userDataDir}/recent-files.json`;
  const autosavePath = `${deps.userDataDir}/autosave.absproj.json`;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function tokenFor(path: string): string {
    const existing = tokenByPath.get(path);
    if (existing) return existing;
    const token = deps.randomId();
    pathByToken.set(token, path);
    tokenByPath.set(path, token);
    return token;
  }

  async function readLimited(path: string, limit: number): Promise<Uint8Array> {
    const { size } = await deps.fs.stat(path);
    if (size > limit) throw new IpcRejected(`${baseName(path)} is larger than ${limit / 1024 / 1024} MB`);
    return deps.fs.readFile(path);
  }

  async function write(path: string, data: Uint8Array): Promise<void> {
    await atomicWrite(deps.fs, path, data, () => deps.randomId().slice(0, 8));
  }

  async function loadRecents(): Promise<RecentEntry[]> {
    try {
      const parsed = RecentList.safeParse(JSON.parse(decoder.decode(await deps.fs.readFile(recentPath))));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  async function remember(path: string): Promise<void> {
    const list = (await loadRecents()).filter((r) => r.path !== path);
    list.unshift({ path, name: baseName(path) });
    await deps.fs.mkdir(deps.userDataDir, { recursive: true });
    await write(recentPath, encoder.encode(JSON.stringify(list.slice(0, RECENT_LIMIT))));
  }

  async function openPath(path: string, limit: number): Promise<OpenedFileDto> {
    const bytes = await readLimited(path, limit);
    return { token: tokenFor(path), name: baseName(path), bytes };
  }

  const handlers: Record<Channel, (args: unknown) => Promise<unknown>> = {
    [CHANNELS.openProject]: async (args) => {
      NoArgs.parse(args);
      const path = await deps.showOpenDialog('project');
      if (!path) return null;
      const file = await openPath(path, MAX_PROJECT_BYTES);
      await remember(path);
      return file;
    },
    [CHANNELS.openRecent]: async (args) => {
      const [token] = OpenRecentArgs.parse(args);
      const path = pathByToken.get(token);
      if (!path) throw new IpcRejected('unknown file token');
      const file = await openPath(path, MAX_PROJECT_BYTES);
      await remember(path);
      return file;
    },
    [CHANNELS.saveProject]: async (args) => {
      const [text, options] = SaveProjectArgs.parse(args);
      let path = options.token && !options.saveAs ? pathByToken.get(options.token) : undefined;
      if (options.token && !options.saveAs && !path) throw new IpcRejected('unknown file token');
      if (!path) {
        const chosen = await deps.showSaveDialog('project', options.suggestedName);
        if (!chosen) return null;
        path = chosen;
      }
      await write(path, encoder.encode(text));
      await remember(path);
      return { token: tokenFor(path), name: baseName(path) };
    },
    [CHANNELS.openTape]: async (args) => {
      NoArgs.parse(args);
      const path = await deps.showOpenDialog('tape');
      if (!path) return null;
      const bytes = await readLimited(path, MAX_TAPE_BYTES);
      // Tapes are read-only inputs: no token, so the renderer can never write to them.
      return { token: null, name: baseName(path), bytes };
    },
    [CHANNELS.openReports]: async (args) => {
      NoArgs.parse(args);
      const paths = (await deps.showOpenFiles('reports')).slice(0, MAX_REPORT_FILES);
      // Read-only inputs like tapes: no token.
      return Promise.all(
        paths.map(async (path) => ({
          token: null,
          name: baseName(path),
          bytes: await readLimited(path, MAX_REPORT_BYTES),
        })),
      );
    },
    [CHANNELS.exportFile]: async (args) => {
      const [name, bytes] = ExportFileArgs.parse(args);
      const path = await deps.showSaveDialog('export', name);
      if (!path) return false;
      await write(path, bytes);
      return true;
    },
    [CHANNELS.recentFiles]: async (args) => {
      NoArgs.parse(args);
      return (await loadRecents()).map((r) => ({ token: tokenFor(r.path), name: r.name }));
    },
    [CHANNELS.readAutosave]: async (args) => {
      NoArgs.parse(args);
      try {
        return decoder.decode(await readLimited(autosavePath, MAX_PROJECT_BYTES));
      } catch {
        return null;
      }
    },
    [CHANNELS.writeAutosave]: async (args) => {
      const [text] = WriteAutosaveArgs.parse(args);
      if (text === null) {
        await deps.fs.unlink(autosavePath).catch(() => undefined);
        return undefined;
      }
      await deps.fs.mkdir(deps.userDataDir, { recursive: true });
      await write(autosavePath, encoder.encode(text));
      return undefined;
    },
    [CHANNELS.setTitle]: async (args) => {
      const [title] = SetTitleArgs.parse(args);
      deps.setTitle(title.replace(/[\p{Cc}]/gu, ' '));
      return undefined;
    },
    [CHANNELS.setLanguage]: async (args) => {
      const [lang] = SetLanguageArgs.parse(args);
      deps.setLanguage(lang);
      return undefined;
    },
  };

  /**
   * Entry point for every `ipcMain.handle`: refuses frames that are not the app, channels it does not know,
   * and payloads that fail their schema, before touching anything.
   */
  async function handle(senderFrameUrl: unknown, channel: unknown, args: unknown): Promise<unknown> {
    if (!isTrustedAppUrl(senderFrameUrl, deps.trustedOrigins)) {
      throw new IpcRejected('IPC from an untrusted frame');
    }
    if (typeof channel !== 'string' || !Object.hasOwn(handlers, channel)) {
      throw new IpcRejected('unknown IPC channel');
    }
    try {
      return await handlers[channel as Channel](args);
    } catch (err) {
      if (err instanceof z.ZodError)
        throw new IpcRejected(`invalid IPC payload: ${err.issues[0]?.message ?? ''}`);
      throw err;
    }
  }

  return { handle, channels: Object.keys(handlers) as Channel[] };
}

export type HostService = ReturnType<typeof createHostService>;
