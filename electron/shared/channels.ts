/**
 * IPC channel names shared by the preload bridge and the main process. Kept free of imports so the
 * sandboxed preload bundle stays tiny; the payload schemas live in the main process, which trusts nothing.
 */
export const CHANNELS = {
  openProject: 'project:open',
  openRecent: 'project:openRecent',
  saveProject: 'project:save',
  openTape: 'tape:open',
  openReports: 'reports:open',
  exportFile: 'file:export',
  recentFiles: 'recent:list',
  readAutosave: 'autosave:read',
  writeAutosave: 'autosave:write',
  setTitle: 'window:setTitle',
  setLanguage: 'window:setLanguage',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Main → renderer event carrying a menu command. */
export const MENU_EVENT = 'menu:command';
