/**
 * The colour range of a heatmap. When every cell holds the same value (a senior class losing nothing anywhere
 * on the grid) a range from the value to itself coloured every cell as the range's pale low end and the scale
 * read "0.00%–0.00%": the chart looked empty. Such a grid is drawn in one mid colour and says its value.
 */
export interface HeatRange {
  min: number;
  max: number;
  /** The one value every filled cell holds, or null when they differ (or no cell has a value). */
  uniform: number | null;
}

export function heatRange(matrix: readonly (readonly (number | null)[])[]): HeatRange {
  let min = Infinity;
  let max = -Infinity;
  for (const row of matrix) {
    for (const v of row) {
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!Number.isFinite(min)) return { min: 0, max: 1, uniform: null };
  if (min === max) return { min: min - (Math.abs(min) || 1), max: max + (Math.abs(max) || 1), uniform: min };
  return { min, max, uniform: null };
}
