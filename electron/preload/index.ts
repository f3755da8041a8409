/**
 * The sandboxed preload: exposes exactly one object, the Host, with one wrapped method per channel.
 * Raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_COMMANDS, type Host, type MenuCommand } from '../../renderer/host/Host';
import { CHANNELS, MENU_EVENT } from '../shared/channels';

const host = {
  kind: 'electron',
  openProject: () => ipcRenderer.invoke(CHANNELS.openProject),
  openRecent: (token) => ipcRenderer.invoke(CHANNELS.openRecent, token),
  saveProject: (text, options) => ipcRenderer.invoke(CHANNELS.saveProject, text, options),
  openTape: () => ipcRenderer.invoke(CHANNELS.openTape),
  openReports: () => ipcRenderer.invoke(CHANNELS.openReports),
  exportFile: (name, bytes, mime) => ipcRenderer.invoke(CHANNELS.exportFile, name, bytes, mime),
  recentFiles: () => ipcRenderer.invoke(CHANNELS.recentFiles),
  readAutosave: () => ipcRenderer.invoke(CHANNELS.readAutosave),
  writeAutosave: (text) => ipcRenderer.invoke(CHANNELS.writeAutosave, text),
  setTitle: (title) => ipcRenderer.invoke(CHANNELS.setTitle, title),
  setLanguage: (lang) => ipcRenderer.invoke(CHANNELS.setLanguage, lang),
  onMenuCommand: (listener) => {
    const wrapped = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, wrapped);
    };
  },
} satisfies Host;

contextBridge.exposeInMainWorld('absHost', host);
