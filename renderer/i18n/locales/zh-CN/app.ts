import type { Catalog } from '../../../../core/i18n/catalog';
import type { app as en } from '../en/app';

export const app: Catalog<typeof en> = {
  display: {
    language: '语言',
    languageHint: '界面与报告语言',
    scale: '金额单位',
    scaleHint: '屏幕与报告中金额的显示单位，数值本身不变',
  },
};
