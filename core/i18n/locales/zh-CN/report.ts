import type { Catalog } from '../../catalog';
import type { report as en } from '../en/report';

export const report: Catalog<typeof en> = {
  placeholder: '',
};
