/**
 * The application menu as data: commands the renderer handles carry a `command`, platform items a `role`.
 * The Electron adapter turns it into a Menu; tests read it directly. Labels come from the `menu` catalog in the
 * app's language (the renderer reports it through `Host.setLanguage`, and the main process rebuilds the menu).
 */
import { translator, type Lang, type TFunction } from '../../core/i18n';
import type { MenuCommand } from '../../renderer/host/Host';

type Role =
  'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut';

export type MenuItemSpec =
  | { label: string; command: MenuCommand; accelerator: string }
  | { role: Role; label: string }
  | { separator: true };

export interface MenuSpec {
  label: string;
  items: MenuItemSpec[];
}

export function menuSpec(isDev: boolean, lang: Lang = 'en'): MenuSpec[] {
  const t: TFunction = translator(lang);
  const role = (r: Role): MenuItemSpec => ({ role: r, label: t(`menu:role.${r}`) });
  const view: MenuItemSpec[] = [role('resetZoom'), role('zoomIn'), role('zoomOut')];
  if (isDev) view.push({ separator: true }, role('toggleDevTools'));
  return [
    {
      label: t('menu:file'),
      items: [
        { label: t('menu:newProject'), command: 'new', accelerator: 'CmdOrCtrl+N' },
        { label: t('menu:open'), command: 'open', accelerator: 'CmdOrCtrl+O' },
        { separator: true },
        { label: t('menu:save'), command: 'save', accelerator: 'CmdOrCtrl+S' },
        { label: t('menu:saveAs'), command: 'saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
        { label: t('menu:export'), command: 'export', accelerator: 'CmdOrCtrl+E' },
        { separator: true },
        role('quit'),
      ],
    },
    {
      label: t('menu:edit'),
      items: [
        { label: t('menu:undo'), command: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: t('menu:redo'), command: 'redo', accelerator: 'CmdOrCtrl+Shift+Z' },
        { separator: true },
        role('cut'),
        role('copy'),
        role('paste'),
        role('selectAll'),
      ],
    },
    {
      label: t('menu:deal'),
      items: [{ label: t('menu:run'), command: 'run', accelerator: 'CmdOrCtrl+Enter' }],
    },
    { label: t('menu:view'), items: view },
  ];
}
