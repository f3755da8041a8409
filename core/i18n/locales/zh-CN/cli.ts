import type { Catalog } from '../../catalog';
import type { cli as en } from '../en/cli';

export const cli: Catalog<typeof en> = {
  placeholder: '',
};
