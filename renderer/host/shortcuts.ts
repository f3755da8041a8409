/**
 * Keyboard shortcuts for hosts without a native menu (the browser). Electron's menu accelerators cover
 * the desktop, so only one of the two ever fires a command.
 */
import type { MenuCommand } from './Host';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function shortcutCommand(e: KeyLike): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'enter') return 'run';
  if (key === 's') return e.shiftKey ? 'saveAs' : 'save';
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 'n' && !e.shiftKey) return 'new';
  if (key === 'e' && !e.shiftKey) return 'export';
  if (key === 'y' && !e.shiftKey) return 'redo';
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  return null;
}
