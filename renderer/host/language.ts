/**
 * What follows the app's language outside React: zod's own schema messages (its configuration is global, so it
 * is set where the language is) and the host's menu (the desktop host rebuilds it; the browser has none).
 * DisplayRoot calls this whenever the language is applied.
 */
import type { Lang } from '../../core/i18n/lang';
import { setZodLanguage } from '../../core/i18n/zodLocale';
import type { Host } from './Host';

let told: Lang | null = null;

export function applyHostLanguage(lang: Lang, host: Pick<Host, 'setLanguage'>): void {
  setZodLanguage(lang);
  if (told === lang) return;
  told = lang;
  // A host that cannot rebuild its menu keeps the one it has; the app itself is already in the new language.
  host.setLanguage?.(lang).catch(() => undefined);
}
