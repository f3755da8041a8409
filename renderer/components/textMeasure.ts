/**
 * Width of a text at the grid's 12px font, measured on a canvas so columns can be sized before they render;
 * a per-character guess where there is no canvas.
 */
type Measure = (text: string, bold: boolean) => number;

/**
 * One canvas for the page: reading the body's font forces a style recalculation, which costs tens of ms once a
 * page holds a dozen grids (the Pool screen's strat cards each size their columns as they mount).
 */
let shared: Measure | null = null;

export function textMeasure(): Measure {
  if (shared) return shared;
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return (text, bold) => text.length * (bold ? 7.4 : 6.8);
  const family = getComputedStyle(document.body).fontFamily;
  shared = (text, bold) => {
    ctx.font = `${bold ? 600 : 400} 12px ${family}`;
    return ctx.measureText(text).width;
  };
  return shared;
}
