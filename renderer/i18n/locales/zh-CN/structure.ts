import type { Catalog } from '../../../../core/i18n/catalog';
import type { structure as en } from '../en/structure';

export const structure: Catalog<typeof en> = {
  placeholder: '',
};
