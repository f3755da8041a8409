import type { GridMetric } from '../../../core/scenario/grid';
import { integer, money, pct, years } from '../../format';

/** A grid cell's figure as the heatmap and its legend show it. */
export function metricText(metric: GridMetric, v: number | null): string {
  if (v === null) return '–';
  switch (metric) {
    case 'yield':
    case 'loss':
      return pct(v);
    case 'lastPeriod':
      return integer(v);
    case 'interestShortfall':
      return money(v);
    default:
      return years(v);
  }
}
