/** Picks the Host: the preload's bridge inside Electron, the browser bridge otherwise. */
import type { Host } from './Host';
import { createBrowserHost } from './browserHost';

declare global {
  interface Window {
    absHost?: Host;
  }
}

export function getHost(): Host {
  return window.absHost ?? createBrowserHost();
}
