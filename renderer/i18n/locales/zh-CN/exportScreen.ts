import type { Catalog } from '../../../../core/i18n/catalog';
import type { exportScreen as en } from '../en/exportScreen';

export const exportScreen: Catalog<typeof en> = {
  placeholder: '',
};
