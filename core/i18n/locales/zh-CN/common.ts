import type { Catalog } from '../../catalog';
import type { common as en } from '../en/common';

export const common: Catalog<typeof en> = {
  language: { en: 'English', 'zh-CN': '中文' },
  currencyName: { CNY: '元', USD: '美元', HKD: '港元', EUR: '欧元', other: '{{code}}' },
  amountUnit: {
    unit: '{{currency}}',
    thousand: '千{{currency}}',
    wan: '万{{currency}}',
    million: '百万{{currency}}',
    yi: '亿{{currency}}',
  },
  amountScale: { unit: '元', thousand: '千元', wan: '万元', million: '百万元', yi: '亿元' },
  yes: '是',
  no: '否',
};
