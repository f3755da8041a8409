/**
 * Electron main process: the thin shell. Everything with logic lives in Electron-free modules
 * (hostService, trustedUrl, atomicSave, menu) that plain Node tests cover.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, MENU_EVENT } from '../shared/channels';
import { createHostService, type HostFs } from './hostService';
import type { Lang } from '../../core/i18n/lang';
import { menuSpec } from './menu';
import {
  allowNavigation,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  resolveBundlePath,
} from './trustedUrl';

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];
const bundleDir = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;

const hostFs: HostFs = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: fsp.rename,
  unlink: fsp.unlink,
  readFile: async (path) => new Uint8Array(await fsp.readFile(path)),
  stat: fsp.stat,
  mkdir: fsp.mkdir,
};

const filters = {
  project: [{ name: 'ABS Workbench project', extensions: ['absproj', 'json'] }],
  tape: [{ name: 'Loan tape', extensions: ['csv', 'xlsx', 'xlsm', 'xls', 'txt'] }],
  export: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  reports: [{ name: 'Servicer report', extensions: ['json', 'csv', 'txt', 'xlsx', 'xlsm', 'xls'] }],
};

const host = createHostService({
  fs: hostFs,
  userDataDir: app.getPath('userData'),
  randomId: randomUUID,
  trustedOrigins,
  setTitle: (title) => mainWindow?.setTitle(title),
  setLanguage: (lang) => Menu.setApplicationMenu(buildMenu(lang)),
  showOpenDialog: async (kind) => {
    if (!mainWindow) return null;
    const r = await dialog.showOpenDialog(mainWindow, { properties: ['openFile'], filters: filters[kind] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  showOpenFiles: async (kind) => {
    if (!mainWindow) return [];
    const r = await dialog.showOpenDialog(mainWindow, {
      properties: ['openFile', 'multiSelections'],
      filters: filters[kind],
    });
    return r.canceled ? [] : r.filePaths;
  },
  showSaveDialog: async (kind, defaultPath) => {
    if (!mainWindow) return null;
    const list =
      kind === 'export' && defaultPath.toLowerCase().endsWith('.csv') ? filters.csv : filters[kind];
    const r = await dialog.showSaveDialog(mainWindow, { defaultPath, filters: list });
    return r.canceled ? null : (r.filePath ?? null);
  },
});

function buildMenu(lang: Lang = 'en'): Menu {
  const template: MenuItemConstructorOptions[] = menuSpec(!app.isPackaged, lang).map((m) => ({
    label: m.label,
    submenu: m.items.map((item): MenuItemConstructorOptions => {
      if ('separator' in item) return { type: 'separator' };
      if ('role' in item) return { role: item.role, label: item.label };
      return {
        label: item.label,
        accelerator: item.accelerator,
        click: () => mainWindow?.webContents.send(MENU_EVENT, item.command),
      };
    }),
  }));
  return Menu.buildFromTemplate(template);
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // In development the Vite dev server injects React Refresh as an inline script; the packaged app gets the header.
  if (!devServerUrl) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  }
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url, trustedOrigins)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url, trustedOrigins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Nothing in the app opens windows; a page that tries is refused rather than handed to the OS browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function registerIpc(): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      host.handle(event.senderFrame?.url, channel, args),
    );
  }
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: 'ABS Workbench',
    backgroundColor: '#f5f6f8',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveBundlePath(request.url, bundleDir);
    if (!file || new URL(request.url).host !== APP_HOST) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  harden();
  registerIpc();
  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
