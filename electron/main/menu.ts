/**
 * The application menu as data: commands the renderer handles carry a `command`, platform items a `role`.
 * The Electron adapter turns it into a Menu; tests read it directly.
 */
import type { MenuCommand } from '../../renderer/host/Host';

export type MenuItemSpec =
  | { label: string; command: MenuCommand; accelerator: string }
  | {
      role:
        | 'quit'
        | 'cut'
        | 'copy'
        | 'paste'
        | 'selectAll'
        | 'toggleDevTools'
        | 'resetZoom'
        | 'zoomIn'
        | 'zoomOut';
    }
  | { separator: true };

export interface MenuSpec {
  label: string;
  items: MenuItemSpec[];
}

export function menuSpec(isDev: boolean): MenuSpec[] {
  const view: MenuItemSpec[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }];
  if (isDev) view.push({ separator: true }, { role: 'toggleDevTools' });
  return [
    {
      label: 'File',
      items: [
        { label: 'New Project', command: 'new', accelerator: 'CmdOrCtrl+N' },
        { label: 'Open…', command: 'open', accelerator: 'CmdOrCtrl+O' },
        { separator: true },
        { label: 'Save', command: 'save', accelerator: 'CmdOrCtrl+S' },
        { label: 'Save As…', command: 'saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
        { label: 'Export Tranche Report…', command: 'export', accelerator: 'CmdOrCtrl+E' },
        { separator: true },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      items: [
        { label: 'Undo', command: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: 'Redo', command: 'redo', accelerator: 'CmdOrCtrl+Shift+Z' },
        { separator: true },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'Deal', items: [{ label: 'Run', command: 'run', accelerator: 'CmdOrCtrl+Enter' }] },
    { label: 'View', items: view },
  ];
}
