import type { Catalog } from '../../catalog';
import type { core as en } from '../en/core';

export const core: Catalog<typeof en> = {
  placeholder: '',
};
