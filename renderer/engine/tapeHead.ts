/**
 * The head of a delimited tape, for the mapping preview: the preview shows ~30 rows, so posting a 100 MB tape
 * to the worker (a full structured-clone copy on the UI thread) only to read its first lines is waste.
 */

/** Far more than 30 rows of any real tape, small enough to clone in a millisecond or two. */
export const TAPE_HEAD_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

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
  let nl = bytes.lastIndexOf(NEWLINE, maxBytes - 1);
  if (nl < 0) nl = bytes.indexOf(NEWLINE, maxBytes);
  return nl < 0 ? bytes : bytes.slice(0, nl + 1);
}
