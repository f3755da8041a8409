/**
 * Which text encoding a tape's bytes are in: BOM first (UTF-8, UTF-16 LE/BE), then the NUL bytes of
 * ASCII text in UTF-16, then UTF-8 if the head is valid UTF-8, else GB18030 (a GBK superset, what
 * Chinese platforms' Excel exports write). Pure (bytes in, answer out), so the UI can use it with the
 * browser's TextDecoder and the Node reader with its streaming decoders.
 */

export type TapeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TapeEncoding;
  /** Bytes of BOM to skip. */
  bom: number;
  /** Why this encoding. */
  note: string;
}

/** Guesses the encoding from the first bytes of a file (pass up to a megabyte). */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3, note: 'UTF-8 byte-order mark' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', bom: 2, note: 'UTF-16LE byte-order mark' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', bom: 2, note: 'UTF-16BE byte-order mark' };
  // ASCII text in UTF-16 without a BOM: every other byte is NUL.
  const n = Math.min(head.length, 4096) & ~1;
  if (n >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const half = n / 2;
    if (oddZero > half * 0.4 && evenZero < half * 0.05)
      return { encoding: 'utf-16le', bom: 0, note: 'no BOM; NUL byte pattern of UTF-16LE' };
    if (evenZero > half * 0.4 && oddZero < half * 0.05)
      return { encoding: 'utf-16be', bom: 0, note: 'no BOM; NUL byte pattern of UTF-16BE' };
  }
  const bad = firstInvalidUtf8(head);
  if (bad < 0) return { encoding: 'utf-8', bom: 0, note: 'no BOM; the head of the file is valid UTF-8' };
  return {
    encoding: 'gb18030',
    bom: 0,
    note: `no BOM; invalid UTF-8 at byte ${bad}, read as GB18030 (GBK superset)`,
  };
}

/** Offset of the first byte that breaks UTF-8, or -1 (a sequence cut by the end of the sample is fine). */
export function firstInvalidUtf8(b: Uint8Array): number {
  const len = b.length;
  let i = 0;
  while (i < len) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= len) return allContinuation(b, i + 1, len) ? -1 : i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function allContinuation(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((b[i]! & 0xc0) !== 0x80) return false;
  return true;
}
