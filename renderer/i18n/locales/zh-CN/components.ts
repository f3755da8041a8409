import type { Catalog } from '../../../../core/i18n/catalog';
import type { components as en } from '../en/components';

export const components: Catalog<typeof en> = {
  field: {
    money: '请输入金额，如 1,250,000、125万 或 1.2亿',
    percent: '请输入百分比，如 5.25',
    int: '请输入整数',
    number: '请输入数字',
  },
  grid: {
    csv: 'CSV',
    csvHint: '将此表导出为 CSV',
    noRows: '暂无数据',
  },
};
