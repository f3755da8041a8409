/**
 * Frozen header rows. The SheetJS community build (0.18.5) writes `<sheetView workbookViewId="0"/>` and nothing
 * else: it has no `!freeze`/pane support when writing. So after SheetJS has written the package we open it with the
 * zip container SheetJS ships (CFB), add a frozen `<pane>` to each sheet that asks for one, and zip it again.
 * When CFB cannot be reached the workbook is returned unfrozen and the Summary says so.
 */
import * as XLSX from 'xlsx';

interface CfbEntry {
  content?: ArrayLike<number>;
  size: number;
}
interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}
interface CfbApi {
  read(data: Uint8Array, opts: { type: 'array' }): CfbContainer;
  write(
    cfb: CfbContainer,
    opts: { fileType: 'zip'; type: 'array'; compression: boolean },
  ): ArrayBuffer | ArrayLike<number>;
}

/**
 * Node loads xlsx's CommonJS build, whose CFB export only shows on the default export; bundlers load the ES module,
 * which exports it by name.
 */
function cfbApi(): CfbApi | null {
  const ns = XLSX as unknown as { CFB?: unknown; default?: { CFB?: unknown } };
  const cfb = ns.CFB ?? ns.default?.CFB;
  if (typeof cfb !== 'object' || cfb === null) return null;
  const api = cfb as Partial<CfbApi>;
  return typeof api.read === 'function' && typeof api.write === 'function' ? (api as CfbApi) : null;
}

export function canFreezePanes(): boolean {
  return cfbApi() !== null;
}

function ascii(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
  return out;
}

function indexOf(haystack: ArrayLike<number>, needle: number[], from: number, to: number): number {
  const end = Math.min(to, haystack.length - needle.length);
  outer: for (let i = from; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const SHEET_VIEW = ascii('<sheetView ');
const SELF_CLOSE = ascii('/>');
/** The sheet view sits right after the sheet's dimension element, well inside the first few hundred bytes. */
const SEARCH_LIMIT = 4096;

/** The sheet XML with `rows` rows frozen, or null when its sheet view is not where SheetJS writes it. */
function freezeSheetXml(xml: ArrayLike<number>, rows: number): Uint8Array | null {
  const open = indexOf(xml, SHEET_VIEW, 0, SEARCH_LIMIT);
  if (open < 0) return null;
  const close = indexOf(xml, SELF_CLOSE, open, open + 200);
  if (close < 0) return null;
  const top = `A${rows + 1}`;
  const inner = ascii(
    `><pane ySplit="${rows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`,
  );
  const out = new Uint8Array(xml.length - SELF_CLOSE.length + inner.length);
  for (let i = 0; i < close; i++) out[i] = xml[i] as number;
  out.set(inner, close);
  for (let i = close + SELF_CLOSE.length, k = close + inner.length; i < xml.length; i++, k++)
    out[k] = xml[i] as number;
  return out;
}

/**
 * Zips the xlsx package `bytes` (as SheetJS wrote it) with `frozenRows[i]` header rows frozen on the i-th sheet.
 * Returns null when it cannot (no CFB, or a sheet view not found), so the caller keeps SheetJS's own output.
 */
export function freezeHeaderRows(bytes: Uint8Array, frozenRows: readonly number[]): Uint8Array | null {
  const cfb = cfbApi();
  if (cfb === null) return null;
  const container = cfb.read(bytes, { type: 'array' });
  for (let i = 0; i < container.FullPaths.length; i++) {
    const m = /xl\/worksheets\/sheet(\d+)\.xml$/.exec(container.FullPaths[i] as string);
    if (!m) continue;
    const rows = frozenRows[Number(m[1]) - 1] ?? 0;
    const entry = container.FileIndex[i];
    if (rows <= 0 || entry?.content === undefined) continue;
    const patched = freezeSheetXml(entry.content, rows);
    if (patched === null) return null;
    entry.content = patched;
    entry.size = patched.length;
  }
  const out = cfb.write(container, { fileType: 'zip', type: 'array', compression: true });
  return out instanceof ArrayBuffer ? new Uint8Array(out) : Uint8Array.from(out);
}
