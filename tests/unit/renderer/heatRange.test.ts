/** A heatmap whose cells are all equal still shows its value (issue 19 item 11). */
import { describe, expect, it } from 'vitest';
import { heatRange } from '../../../renderer/project/heatRange';

describe('heatRange', () => {
  it('spans the values when they differ, skipping empty cells', () => {
    expect(
      heatRange([
        [0.01, null],
        [0.03, 0.02],
      ]),
    ).toEqual({ min: 0.01, max: 0.03, uniform: null });
  });

  it('centres one value in its range: 0 everywhere is drawn at the middle of −1…1 and reported as 0', () => {
    expect(
      heatRange([
        [0, 0],
        [0, null],
      ]),
    ).toEqual({ min: -1, max: 1, uniform: 0 });
    // 2.5 years everywhere: 2.5 − 2.5 = 0 to 2.5 + 2.5 = 5, midpoint 2.5.
    expect(heatRange([[2.5, 2.5]])).toEqual({ min: 0, max: 5, uniform: 2.5 });
  });

  it('falls back to 0…1 with no value at all', () => {
    expect(heatRange([[null]])).toEqual({ min: 0, max: 1, uniform: null });
  });
});
