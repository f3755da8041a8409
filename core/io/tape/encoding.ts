/**
 * Which text encoding a tape's bytes are in: BOM first (UTF-8, UTF-16 LE/BE), then the NUL bytes of
 * ASCII text in UTF-16, then UTF-8 if the head is valid UTF-8, else GB18030 (a GBK superset, what
 * Chinese platforms' Excel exports write). Pure (bytes in, answer out), so the UI can use it with the
 * browser's TextDecoder and the Node reader with its streaming decoders.
 */

import { coreMessage, type CoreMessage } from '../../i18n/messages';

export type TapeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TapeEncoding;
  /** Bytes of BOM to skip. */
  bom: number;
  /** Why this encoding (English). */
  note: string;
  /** The same, coded for the user's language. */
  noteMessage: CoreMessage;
}

const guess = (encoding: TapeEncoding, bom: number, m: CoreMessage): EncodingGuess => ({
  encoding,
  bom,
  note: m.message,
  noteMessage: m,
});

/** Guesses the encoding from the first bytes of a file (pass up to a megabyte). */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return guess('utf-8', 3, coreMessage('tapeImport.encoding.bom', { encoding: 'UTF-8' }));
  if (head[0] === 0xff && head[1] === 0xfe)
    return guess('utf-16le', 2, coreMessage('tapeImport.encoding.bom', { encoding: 'UTF-16LE' }));
  if (head[0] === 0xfe && head[1] === 0xff)
    return guess('utf-16be', 2, coreMessage('tapeImport.encoding.bom', { encoding: 'UTF-16BE' }));
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
      return guess('utf-16le', 0, coreMessage('tapeImport.encoding.nul', { encoding: 'UTF-16LE' }));
    if (evenZero > half * 0.4 && oddZero < half * 0.05)
      return guess('utf-16be', 0, coreMessage('tapeImport.encoding.nul', { encoding: 'UTF-16BE' }));
  }
  const bad = firstInvalidUtf8(head);
  if (bad < 0) {
    const w = weighUtf8AsGbk(head);
    if (w.gbk > 0 && w.gbk >= w.utf8)
      return guess(
        'gb18030',
        0,
        coreMessage('tapeImport.encoding.utf8ButGbk', {
          gbk: w.gbk,
          words: w.gbk + w.utf8,
          fallback: 'GB18030',
        }),
      );
    return guess('utf-8', 0, coreMessage('tapeImport.encoding.validUtf8'));
  }
  return guess(
    'gb18030',
    0,
    coreMessage('tapeImport.encoding.invalidUtf8', { byte: bad, fallback: 'GB18030' }),
  );
}

/**
 * Short GBK text can be valid UTF-8 by accident: 太原 (CC AB D4 AD) is U+032B U+052D, a combining mark and a
 * Cyrillic-supplement letter; 违约 (CE A5 D4 BC) is Greek Υ then Armenian Լ. Real UTF-8 text keeps one script
 * per word and puts combining marks after letters. Each word (run of non-ASCII characters) of a valid-UTF-8
 * sample is weighed: `gbk` counts words that are implausible as UTF-8 yet are whole GBK double-byte characters,
 * `utf8` the words that read as text.
 */
export function weighUtf8AsGbk(b: Uint8Array): { gbk: number; utf8: number } {
  let gbk = 0;
  let utf8 = 0;
  let i = 0;
  const len = b.length;
  while (i < len) {
    if (b[i]! < 0x80) {
      i++;
      continue;
    }
    const start = i;
    let implausible = false;
    let script = -1;
    let prevLetter = false;
    let wide = false;
    while (i < len && b[i]! >= 0x80) {
      const c = b[i]!;
      const need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
      if (i + need >= len) {
        // A character cut by the end of the sample: the word ends here.
        i = len;
        break;
      }
      let cp = c & (0x3f >> need);
      for (let k = 1; k <= need; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
      i += need + 1;
      if (cp >= 0x800) {
        wide = true;
        continue;
      }
      const sc = scriptOf(cp);
      if (sc === COMBINING) {
        if (!prevLetter) implausible = true;
        continue;
      }
      if (sc === RARE) implausible = true;
      if (script >= 0 && sc !== script) implausible = true;
      script = sc;
      prevLetter = sc === LATIN;
    }
    if (wide) {
      utf8++;
      continue;
    }
    if (implausible && isGbkPairs(b, start, i)) gbk++;
    else utf8++;
  }
  return { gbk, utf8 };
}

const LATIN = 0;
const COMBINING = 1;
const RARE = 2;

/** Script class of a two-byte UTF-8 code point (U+0080–U+07FF). */
function scriptOf(cp: number): number {
  if (cp < 0xa0) return RARE; // C1 controls
  if (cp < 0x250) return LATIN;
  if (cp < 0x300) return RARE; // IPA extensions, spacing modifier letters
  if (cp < 0x370) return COMBINING;
  if (cp < 0x400) return 3; // Greek
  if (cp < 0x500) return 4; // Cyrillic
  if (cp < 0x530) return RARE; // Cyrillic supplement
  if (cp < 0x590) return 5; // Armenian
  if (cp < 0x600) return 6; // Hebrew
  if (cp < 0x700) return 7; // Arabic
  return RARE; // Syriac, Thaana, N'Ko …
}

/** True when bytes [from, to) are whole GBK double-byte characters (lead 81–FE, trail 40–FE except 7F). */
function isGbkPairs(b: Uint8Array, from: number, to: number): boolean {
  if ((to - from) % 2 !== 0) return false;
  for (let i = from; i < to; i += 2) {
    const lead = b[i]!;
    const trail = b[i + 1]!;
    if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return false;
  }
  return true;
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
