import type { Catalog } from '../../../../core/i18n/catalog';
import type { funding as en } from '../en/funding';

export const funding: Catalog<typeof en> = {
  placeholder: '',
};
