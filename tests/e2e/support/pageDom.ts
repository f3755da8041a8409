/**
 * The few DOM shapes the functions these tests run in the page (page.evaluate) touch: the test code compiles
 * without the DOM library, so each file declares `document` with these types.
 */
export interface PageElement {
  scrollHeight: number;
  clientHeight: number;
  scrollTop: number;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
