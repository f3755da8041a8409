/**
 * Streams a CSV tape from disk into a validated pool: bytes → decoder → tokenizer → PoolBuilder, one
 * megabyte at a time, with progress, and limits on bytes, rows and wall time. If the head looked like
 * UTF-8 but a later chunk is not, the file is read again as GB18030 and the report says so.
 */
import { open, stat } from 'node:fs/promises';
import { coreMessage, type CoreMessage } from '../../i18n/messages';
import { basename } from 'node:path';
import { TapeLimitError } from '../../io/tape/csv';
import type { BuildResult } from '../../io/tape/poolBuilder';
import { TapeStream, type TapeImportOptions } from '../../io/tape/tapeStream';
import { DecodeError, detectEncoding, makeDecoder, type TapeEncoding } from './decode';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  elapsedMs: number;
}

export interface FileImportOptions extends TapeImportOptions {
  /** Largest file accepted, in bytes (default 2 GiB for CSV). */
  maxBytes?: number;
  /** Wall-time limit in ms (default 10 minutes). */
  maxMillis?: number;
  /** Forces the encoding instead of detecting it. */
  encoding?: TapeEncoding;
  onProgress?: (p: ImportProgress) => void;
  /** Bytes read per step (default 1 MiB). */
  chunkBytes?: number;
}

export const DEFAULT_CSV_MAX_BYTES = 2 * 1024 ** 3;

export async function importCsvFile(path: string, opts: FileImportOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const info = await stat(path);
  const maxBytes = opts.maxBytes ?? DEFAULT_CSV_MAX_BYTES;
  if (info.size > maxBytes) {
    throw new TapeLimitError(`${path}: ${info.size} bytes is more than the ${maxBytes}-byte limit`);
  }
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(info.size, 1024 * 1024));
    await fh.read(head, 0, head.length, 0);
    const guess = opts.encoding
      ? {
          encoding: opts.encoding,
          bom: bomLength(head, opts.encoding),
          noteMessage: coreMessage('tapeImport.encoding.stated'),
        }
      : detectEncoding(head);
    try {
      return await readAll(fh, path, info.size, guess.encoding, guess.bom, guess.noteMessage, opts, t0);
    } catch (e) {
      if (e instanceof DecodeError && guess.encoding === 'utf-8' && !opts.encoding && guess.bom === 0) {
        const note = coreMessage('tapeImport.encoding.reReadGbk', {
          byte: e.byteOffset,
          fallback: 'GB18030',
        });
        return await readAll(fh, path, info.size, 'gb18030', 0, note, opts, t0);
      }
      if (e instanceof DecodeError) throw new DecodeError(`${path}: ${e.message}`, e.byteOffset);
      throw e;
    }
  } finally {
    await fh.close();
  }
}

function bomLength(head: Uint8Array, enc: TapeEncoding): number {
  if (enc === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (enc === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (enc === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}

async function readAll(
  fh: import('node:fs/promises').FileHandle,
  path: string,
  size: number,
  encoding: TapeEncoding,
  bom: number,
  note: CoreMessage,
  opts: FileImportOptions,
  t0: number,
): Promise<BuildResult> {
  const stream = new TapeStream(
    {
      name: basename(path),
      format: 'csv',
      bytes: size,
      encoding,
      encodingNote: note.message,
      encodingNoteMessage: note,
    },
    opts,
  );
  const decoder = makeDecoder(encoding);
  const buf = new Uint8Array(opts.chunkBytes ?? 1024 * 1024);
  const maxMillis = opts.maxMillis ?? 600_000;
  const maxBytes = opts.maxBytes ?? DEFAULT_CSV_MAX_BYTES;
  let pos = bom;
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    if (pos > maxBytes)
      throw new TapeLimitError(`${path}: grew past the ${maxBytes}-byte limit while reading`);
    const text = decoder.write(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
    if (text.length > 0) stream.push(text);
    const elapsedMs = performance.now() - t0;
    if (elapsedMs > maxMillis) {
      throw new TapeLimitError(
        `${path}: import stopped after ${Math.round(elapsedMs / 1000)} s (limit ${maxMillis / 1000} s) at row ${stream.rowsRead}`,
      );
    }
    opts.onProgress?.({ bytesRead: pos, totalBytes: size, rowsRead: stream.rowsRead, elapsedMs });
  }
  const tail = decoder.end();
  if (tail.length > 0) stream.push(tail);
  return stream.end({ elapsedMs: Math.round(performance.now() - t0) });
}
