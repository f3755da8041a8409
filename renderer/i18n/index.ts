/**
 * The renderer's i18next instance: the core namespaces (glossary, common, core, report, cli, tape) and one per
 * screen. A key that does not resolve is recorded on `window.__i18nMissing`, which the end-to-end walk over
 * every screen in both languages reads; in a build for users it shows the key, never a blank. React is bound in
 * DisplayRoot (react-i18next), so the formatters and pure modules can translate without importing React.
 */
import i18next from 'i18next';
import { coreResources, I18N_OPTIONS, type Lang } from '../../core/i18n';
import { rendererResources } from './resources';

/** Where unresolved keys are recorded (the page's global object). */
const missingLog = globalThis as { __i18nMissing?: string[] };

export const resources = {
  en: { ...coreResources.en, ...rendererResources.en },
  'zh-CN': { ...coreResources['zh-CN'], ...rendererResources['zh-CN'] },
} as const;

export type Namespace = keyof (typeof resources)['en'];

export const i18n = i18next.createInstance();

export function initI18n(lang: Lang): typeof i18n {
  if (i18n.isInitialized) {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    return i18n;
  }
  void i18n.init({
    ...I18N_OPTIONS,
    lng: lang,
    resources,
    ns: Object.keys(resources.en),
    defaultNS: 'app',
    initAsync: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => {
      (missingLog.__i18nMissing ??= []).push(`${ns}:${key}`);
    },
  });
  return i18n;
}
