/**
 * Streaming decoders for tape bytes. Detection lives in the pure core (../../io/tape/encoding.ts): the choice
 * and its reason go into the report, so a garbled import is explained, not mysterious.
 */
import iconv from 'iconv-lite';
import { firstInvalidUtf8, type TapeEncoding } from '../../io/tape/encoding';

export {
  detectEncoding,
  firstInvalidUtf8,
  type EncodingGuess,
  type TapeEncoding,
} from '../../io/tape/encoding';

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly byteOffset: number,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** A streaming decoder; UTF-8 is strict (throws DecodeError) so a wrong guess is caught, not garbled. */
export function makeDecoder(encoding: TapeEncoding): ChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    const td = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    let offset = 0;
    return {
      write(chunk) {
        try {
          const s = td.decode(chunk, { stream: true });
          offset += chunk.length;
          return s;
        } catch {
          const at = firstInvalidUtf8(chunk);
          throw new DecodeError(
            `invalid ${encoding} near byte ${offset + Math.max(at, 0)}`,
            offset + Math.max(at, 0),
          );
        }
      },
      end() {
        try {
          return td.decode();
        } catch {
          throw new DecodeError(`the file ends inside a ${encoding} character`, offset);
        }
      },
    };
  }
  const d = iconv.getDecoder(encoding);
  return {
    write: (chunk) => d.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => d.end() ?? '',
  };
}
