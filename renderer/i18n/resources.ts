/** The renderer's namespaces, one per screen (and one for shared components), in both languages. */
import { app as appEn } from './locales/en/app';
import { assumptions as assumptionsEn } from './locales/en/assumptions';
import { components as componentsEn } from './locales/en/components';
import { exportScreen as exportScreenEn } from './locales/en/exportScreen';
import { funding as fundingEn } from './locales/en/funding';
import { history as historyEn } from './locales/en/history';
import { pool as poolEn } from './locales/en/pool';
import { results as resultsEn } from './locales/en/results';
import { stress as stressEn } from './locales/en/stress';
import { structure as structureEn } from './locales/en/structure';
import { surveillance as surveillanceEn } from './locales/en/surveillance';
import { app as appZh } from './locales/zh-CN/app';
import { assumptions as assumptionsZh } from './locales/zh-CN/assumptions';
import { components as componentsZh } from './locales/zh-CN/components';
import { exportScreen as exportScreenZh } from './locales/zh-CN/exportScreen';
import { funding as fundingZh } from './locales/zh-CN/funding';
import { history as historyZh } from './locales/zh-CN/history';
import { pool as poolZh } from './locales/zh-CN/pool';
import { results as resultsZh } from './locales/zh-CN/results';
import { stress as stressZh } from './locales/zh-CN/stress';
import { structure as structureZh } from './locales/zh-CN/structure';
import { surveillance as surveillanceZh } from './locales/zh-CN/surveillance';

export const rendererResources = {
  en: {
    app: appEn,
    pool: poolEn,
    history: historyEn,
    assumptions: assumptionsEn,
    structure: structureEn,
    results: resultsEn,
    exportScreen: exportScreenEn,
    funding: fundingEn,
    stress: stressEn,
    surveillance: surveillanceEn,
    components: componentsEn,
  },
  'zh-CN': {
    app: appZh,
    pool: poolZh,
    history: historyZh,
    assumptions: assumptionsZh,
    structure: structureZh,
    results: resultsZh,
    exportScreen: exportScreenZh,
    funding: fundingZh,
    stress: stressZh,
    surveillance: surveillanceZh,
    components: componentsZh,
  },
} as const;
