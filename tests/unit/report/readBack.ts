/** Reading our own report back in tests (never untrusted files: the importer reads those in a worker). */
import * as XLSX from 'xlsx';
import type { CellObject, WorkBook, WorkSheet } from 'xlsx';

export function readReport(bytes: Uint8Array): WorkBook {
  return XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
}

export function sheet(wb: WorkBook, name: string): WorkSheet {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet '${name}' (have ${wb.SheetNames.join(', ')})`);
  return ws;
}

export function cell(ws: WorkSheet, address: string): CellObject | undefined {
  return ws[address] as CellObject | undefined;
}

/** Zero-based (row, column) of the first cell in `ws` whose text is `text`. */
export function find(ws: WorkSheet, text: string): { r: number; c: number } {
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const c = ws[key] as CellObject;
    if (c.v === text) return XLSX.utils.decode_cell(key);
  }
  throw new Error(`'${text}' not found`);
}

export function at(ws: WorkSheet, r: number, c: number): CellObject | undefined {
  return ws[XLSX.utils.encode_cell({ r, c })] as CellObject | undefined;
}

/** The file entries of the xlsx package (zip), for checking XML SheetJS does not read back (panes). */
export function packageText(bytes: Uint8Array, path: string): string {
  const ns = XLSX as unknown as { CFB?: unknown; default?: { CFB?: unknown } };
  const cfb = (ns.CFB ?? ns.default?.CFB) as {
    read(
      d: Uint8Array,
      o: { type: 'array' },
    ): { FullPaths: string[]; FileIndex: { content?: ArrayLike<number> }[] };
  };
  const container = cfb.read(Uint8Array.from(bytes), { type: 'array' });
  const i = container.FullPaths.findIndex((p) => p.endsWith(path));
  const content = container.FileIndex[i]?.content;
  if (i < 0 || !content) throw new Error(`no ${path} in the package`);
  return new TextDecoder().decode(Uint8Array.from(content));
}
