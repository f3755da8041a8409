import type { Catalog } from '../../../../core/i18n/catalog';
import type { results as en } from '../en/results';

export const results: Catalog<typeof en> = {
  placeholder: '',
};
