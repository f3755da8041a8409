/**
 * zod words its own schema messages (a wrong type, a number out of range) in one language for the whole
 * process: `z.config` is global. Each host sets it where it sets its language — the CLI at start, the app when
 * the user switches — so a file's schema errors read in the user's language beside the engine's coded ones.
 */
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { Lang } from './lang';

export function setZodLanguage(lang: Lang): void {
  z.config(lang === 'zh-CN' ? zhCN() : en());
}
