/**
 * The head of a delimited tape, for the mapping preview: the preview shows ~30 rows, so posting a 100 MB tape
 * to the worker (a full structured-clone copy on the UI thread) only to read its first lines is waste.
 */

/** Far more than 30 rows of any real tape, small enough to clone in a millisecond or two. */
export const TAPE_HEAD_BYTES = 1024 * 1024;

import { detectEncoding } from '../../core/io/tape/encoding';

const NEWLINE = 0x0a;

/** Byte offset just past the last UTF-16 newline code unit starting before `max`, or -1. */
function utf16LineEnd(bytes: Uint8Array, max: number, littleEndian: boolean, from: number): number {
  for (let i = Math.min(max, bytes.byteLength) - 2; i >= from; i -= 2) {
    const lo = littleEndian ? bytes[i] : bytes[i + 1];
    const hi = littleEndian ? bytes[i + 1] : bytes[i];
    if (lo === NEWLINE && hi === 0) return i + 2;
  }
  return -1;
}

/**
 * The first bytes of a tape cut just after a newline, as its own copy. The cut is on a newline byte (0x0A),
 * which in UTF-8 and GB18030 is never part of a multibyte character, so the head decodes in the same encoding
 * as the whole file and never ends in half a character or half a row; a CR before it stays with its line.
 * With no newline in the first `maxBytes`, the head runs to the first newline after them (or is the whole
 * file): a header that long is rare and still needs to be read whole.
 *
 * The result owns a fresh buffer of its own length: a subarray would post its whole underlying buffer.
 */
export function tapeHead(bytes: Uint8Array, maxBytes: number = TAPE_HEAD_BYTES): Uint8Array {
  if (bytes.byteLength <= maxBytes) return bytes;
  // In UTF-16 a newline is a two-byte code unit on an even offset (after any BOM); the byte 0x0A alone can be
  // half of another character, so the cut looks for the whole unit.
  const { encoding, bom } = detectEncoding(bytes.subarray(0, Math.min(bytes.byteLength, 4096)));
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const little = encoding === 'utf-16le';
    let end = utf16LineEnd(bytes, maxBytes - ((maxBytes - bom) % 2), little, bom);
    if (end < 0) end = utf16LineEnd(bytes, bytes.byteLength - ((bytes.byteLength - bom) % 2), little, bom);
    return end < 0 ? bytes : bytes.slice(0, end);
  }
  let nl = bytes.lastIndexOf(NEWLINE, maxBytes - 1);
  if (nl < 0) nl = bytes.indexOf(NEWLINE, maxBytes);
  return nl < 0 ? bytes : bytes.slice(0, nl + 1);
}
