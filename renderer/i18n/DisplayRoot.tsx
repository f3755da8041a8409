/**
 * Holds the display settings above the app: switches i18next's language, the formatters' scale and the page's
 * `lang` (so Chromium picks CJK glyphs), remembers the choice, and re-renders everything below on a change.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { setFormatSettings } from '../format';
import { getHost } from '../host';
import { applyHostLanguage } from '../host/language';
import { DisplayContext, type DisplayApi } from './DisplayContext';
import { i18n, initI18n } from './index';
import { loadDisplaySettings, saveDisplaySettings, type DisplaySettings } from './settings';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function apply(s: DisplaySettings): void {
  if (!i18n.isInitialized) i18n.use(initReactI18next);
  initI18n(s.lang);
  setFormatSettings(s);
  document.documentElement.lang = s.lang;
  applyHostLanguage(s.lang, getHost());
}

export function DisplayRoot({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<DisplaySettings>(() => {
    const s = loadDisplaySettings(storage(), navigator.language);
    apply(s);
    return s;
  });

  const setDisplay = useCallback((next: Partial<DisplaySettings>) => {
    setSettings((prev) => {
      const s = { ...prev, ...next };
      apply(s);
      saveDisplaySettings(storage(), s);
      return s;
    });
  }, []);

  const api = useMemo<DisplayApi>(() => ({ ...settings, setDisplay }), [settings, setDisplay]);
  return (
    <I18nextProvider i18n={i18n}>
      <DisplayContext.Provider value={api}>{children}</DisplayContext.Provider>
    </I18nextProvider>
  );
}
