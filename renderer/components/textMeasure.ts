/**
 * Width of a text at the grid's 12px font, measured on a canvas so columns can be sized before they render;
 * a per-character guess where there is no canvas.
 */
export function textMeasure(): (text: string, bold: boolean) => number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return (text, bold) => text.length * (bold ? 7.4 : 6.8);
  const family = getComputedStyle(document.body).fontFamily;
  return (text, bold) => {
    ctx.font = `${bold ? 600 : 400} 12px ${family}`;
    return ctx.measureText(text).width;
  };
}
