import type { Catalog } from '../../catalog';
import type { tape as en } from '../en/tape';

export const tape: Catalog<typeof en> = {
  placeholder: '',
};
