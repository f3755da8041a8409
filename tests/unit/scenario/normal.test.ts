import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalInv, normalPdf } from '../../../core/scenario/normal';

describe('standard normal', () => {
  // Reference values from scipy.stats.norm (double precision).
  it.each([
    [-8, 6.22096057427174e-16],
    [-3.5, 0.00023262907903552502],
    [-1, 0.15865525393145707],
    [0, 0.5],
    [1.2, 0.8849303297782918],
  ])('Φ(%d) = %d to 1e-13 relative', (x, p) => {
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-13);
  });

  // Issue 21 item 6: between −3 and −2 the Taylor series lost digits to cancellation (8e-14 relative at −3)
  // against the 1e-15 its comment claims. Reference values: mpmath.ncdf at 30 digits, rounded to the nearest double.
  it.each([
    [-3, 0.0013498980316300946],
    [-2.9, 0.0018658133003840384],
    [-2.75, 0.002979763235054557],
    [-2.5, 0.006209665325776135],
    [-2, 0.02275013194817921],
    [-1.5, 0.06680720126885807],
  ])('Φ(%d) = %d to 2e-15 relative (the lower tail between −3 and −1.5)', (x, p) => {
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(2e-15);
  });

  it.each([
    [0.001, -3.090232306167813],
    [0.05, -1.6448536269514729],
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
  ])('Φ⁻¹(%d) = %d to 1e-12', (p, x) => {
    expect(normalInv(p)).toBeCloseTo(x, 12);
  });

  it('φ(0) = 1/√(2π)', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });

  it('Φ⁻¹ inverts Φ, lower tail included (above 3, Φ(x) itself rounds near 1 in double)', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 3, noNaN: true }), (x) => {
        expect(normalInv(normalCdf(x))).toBeCloseTo(x, 7);
      }),
    );
  });

  it('edges: Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞, out of range is NaN', () => {
    expect(normalInv(0)).toBe(-Infinity);
    expect(normalInv(1)).toBe(Infinity);
    expect(normalInv(1.5)).toBeNaN();
  });
});
