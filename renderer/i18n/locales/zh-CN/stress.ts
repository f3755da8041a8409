import type { Catalog } from '../../../../core/i18n/catalog';
import type { stress as en } from '../en/stress';

export const stress: Catalog<typeof en> = {
  placeholder: '',
};
