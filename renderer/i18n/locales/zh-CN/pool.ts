import type { Catalog } from '../../../../core/i18n/catalog';
import type { pool as en } from '../en/pool';

export const pool: Catalog<typeof en> = {
  placeholder: '',
};
