/** How a grid is laid out on screen: which column headers a user cannot read in full. */
import type { Locator } from 'playwright-core';

/** The few layout fields read in the page (this file compiles without the DOM library). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
  closest(selector: string): Box | null;
  getBoundingClientRect(): { left: number; right: number };
  querySelector(selector: string): Box | null;
  getAttribute(name: string): string | null;
}

/**
 * Headers of a grid whose column a user cannot read in full: the header's text is cut (an ellipsis), or the
 * column runs past the rows' visible right edge (under the vertical scrollbar, or beyond a horizontal scroll).
 */
export async function clippedHeaders(grid: Locator): Promise<string[]> {
  await grid.locator('.ag-header-cell').first().waitFor();
  return grid.locator('.ag-header-cell').evaluateAll((cells) =>
    (cells as unknown as Box[]).flatMap((cell) => {
      const text = cell.querySelector('.ag-header-cell-text');
      const root = cell.closest('.ag-root');
      // A vertical scrollbar lies over the rows' right edge: a column's figures under it are hidden.
      const bar = root?.querySelector('.ag-body-vertical-scroll-viewport')?.getBoundingClientRect();
      const right =
        bar && bar.right > bar.left ? bar.left : (root?.getBoundingClientRect().right ?? Infinity);
      // The column's figures, where the rows have any: they are what a scrollbar hides.
      const id = cell.getAttribute('col-id');
      const figure = id === null ? null : root?.querySelector(`.ag-row [col-id="${id}"]`);
      const r = (figure ?? cell).getBoundingClientRect();
      const label = text?.textContent ?? '';
      const cut = text !== null && text.scrollWidth > text.clientWidth + 1;
      return cut || r.right > right + 1 ? [label] : [];
    }),
  );
}
