import type { Catalog } from '../../../../core/i18n/catalog';
import type { assumptions as en } from '../en/assumptions';

export const assumptions: Catalog<typeof en> = {
  placeholder: '',
};
