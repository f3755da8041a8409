/** Words every layer shares: language names, currencies, amount units. */
export const common = {
  language: { en: 'English', 'zh-CN': '中文' },
  currencyName: { CNY: 'CNY', USD: 'USD', HKD: 'HKD', EUR: 'EUR', other: '{{code}}' },
  /** The unit line over a table of amounts; `currency` is a currencyName. */
  amountUnit: {
    unit: '{{currency}}',
    thousand: '{{currency}} thousands',
    wan: '{{currency}} ten-thousands',
    million: '{{currency}} millions',
    yi: '{{currency}} hundred-millions',
  },
  /** The scale alone, for a picker. */
  amountScale: {
    unit: 'Units',
    thousand: 'Thousands',
    wan: 'Ten-thousands (wan)',
    million: 'Millions',
    yi: 'Hundred-millions (yi)',
  },
  yes: 'Yes',
  no: 'No',
};
