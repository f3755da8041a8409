/**
 * Amount scales a treasury reads money in: Chinese reports state 万元 or 亿元, US ones thousands or millions.
 * A scale changes how a figure is shown (screens, report), never the figure the engine computed.
 */
export const AMOUNT_SCALES = ['unit', 'thousand', 'wan', 'million', 'yi'] as const;
export type AmountScale = (typeof AMOUNT_SCALES)[number];

export const SCALE_FACTOR: Readonly<Record<AmountScale, number>> = {
  unit: 1,
  thousand: 1e3,
  wan: 1e4,
  million: 1e6,
  yi: 1e8,
};

export function isAmountScale(s: string): s is AmountScale {
  return (AMOUNT_SCALES as readonly string[]).includes(s);
}
