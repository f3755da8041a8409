/**
 * The first step of the tape wizard stops a file that cannot be a tape before it reaches column mapping: an
 * empty file went on to map "0 columns", and random bytes named `.csv` were read as one GB18030 column with a
 * garbage header. Spreadsheets are recognised before this check; UTF-16 text (every other byte NUL) passes.
 */
import type { TFunction } from 'i18next';
import { detectEncoding } from '../../core/io/tape/encoding';
import { translator } from '../../core/i18n';

/** How much of the file is looked at: enough for a header and many rows. */
const SAMPLE_BYTES = 64 * 1024;
/** Text tapes have no control bytes but tab, CR, LF (and a stray form feed); binary data has them everywhere. */
const MAX_CONTROL_SHARE = 0.01;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** Why `bytes` cannot be a delimited text tape, in plain words naming the file, or null when it may be one. */
export function tapeFileProblem(
  name: string,
  bytes: Uint8Array,
  t: TFunction = translator('en'),
): string | null {
  const guess = detectEncoding(bytes.subarray(0, SAMPLE_BYTES));
  const head = bytes.subarray(guess.bom, Math.min(bytes.byteLength, SAMPLE_BYTES));
  const utf16 = guess.encoding === 'utf-16le' || guess.encoding === 'utf-16be';
  if (head.every((b) => isSpace(b) || (utf16 && b === 0))) {
    return t('tape:file.empty', { file: name });
  }
  if (utf16) return null;
  let control = 0;
  for (const b of head) {
    if (b === 0) {
      return t('tape:file.binary', { file: name });
    }
    if (b < 0x20 && !isSpace(b) && b !== 0x0c) control++;
  }
  if (control / head.byteLength > MAX_CONTROL_SHARE) {
    return t('tape:file.control', { file: name, percent: Math.round((control / head.byteLength) * 100) });
  }
  return null;
}
