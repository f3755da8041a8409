/**
 * The translation layer the CLI, the Excel report and the app share: i18next, one instance per language, with
 * the core namespaces (glossary, common, core, report, sheets: the stress and funding sheets, cli, tape, menu: the desktop menu). The renderer adds its screens' namespaces to
 * the same resources (renderer/i18n). Interpolated values are not HTML-escaped here: React escapes what it
 * renders, and a workbook cell or a terminal line is not HTML.
 */
import i18next, { type TFunction } from 'i18next';
import { glossaryEn, glossaryZh } from './glossary';
import type { Lang } from './lang';
import { cli as cliEn } from './locales/en/cli';
import { common as commonEn } from './locales/en/common';
import { core as coreEn } from './locales/en/core';
import { menu as menuEn } from './locales/en/menu';
import { report as reportEn } from './locales/en/report';
import { sheets as sheetsEn } from './locales/en/sheets';
import { tape as tapeEn } from './locales/en/tape';
import { cli as cliZh } from './locales/zh-CN/cli';
import { common as commonZh } from './locales/zh-CN/common';
import { core as coreZh } from './locales/zh-CN/core';
import { menu as menuZh } from './locales/zh-CN/menu';
import { report as reportZh } from './locales/zh-CN/report';
import { sheets as sheetsZh } from './locales/zh-CN/sheets';
import { tape as tapeZh } from './locales/zh-CN/tape';

export type { Lang } from './lang';
export { LANGS, envLang, isLang, langFromLocale } from './lang';
export type { GlossaryKey } from './glossary';
export type { TFunction } from 'i18next';

export const coreResources = {
  en: {
    glossary: glossaryEn,
    common: commonEn,
    core: coreEn,
    report: reportEn,
    sheets: sheetsEn,
    cli: cliEn,
    tape: tapeEn,
    menu: menuEn,
  },
  'zh-CN': {
    glossary: glossaryZh,
    common: commonZh,
    core: coreZh,
    report: reportZh,
    sheets: sheetsZh,
    cli: cliZh,
    tape: tapeZh,
    menu: menuZh,
  },
} as const;

/** i18next options both hosts use, so a sentence renders the same in the app, the report and the CLI. */
export const I18N_OPTIONS = {
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  // English is the fallback: a key missing in Chinese would show English, so both catalogs are typed to mirror
  // each other (catalog.ts) and the app's walk test fails on any fallback.
} as const;

/**
 * A `t` for one language over the given catalogs, in an i18next instance of its own (so it never follows the
 * app's language switch): the core's translator below, and the renderer's fixedT over every namespace.
 */
export function fixedTranslator(
  resources: Readonly<Record<Lang, Readonly<Record<string, object>>>>,
  defaultNS: string,
  lang: Lang,
): TFunction {
  const inst = i18next.createInstance();
  void inst.init({
    ...I18N_OPTIONS,
    lng: lang,
    resources,
    ns: Object.keys(resources.en),
    defaultNS,
    initAsync: false,
  });
  return inst.t.bind(inst) as TFunction;
}

const cache = new Map<Lang, TFunction>();

/** A `t` for one language over the core namespaces, e.g. `translator('zh-CN')('glossary:wal')`. */
export function translator(lang: Lang): TFunction {
  const hit = cache.get(lang);
  if (hit) return hit;
  const t = fixedTranslator(coreResources, 'core', lang);
  cache.set(lang, t);
  return t;
}
