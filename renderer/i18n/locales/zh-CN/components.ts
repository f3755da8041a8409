import type { Catalog } from '../../../../core/i18n/catalog';
import type { components as en } from '../en/components';

export const components: Catalog<typeof en> = {
  placeholder: '',
};
