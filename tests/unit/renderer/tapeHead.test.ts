/**
 * The head of a tape the mapping preview reads: cut just after a newline byte so multibyte characters (UTF-8,
 * GBK) and CRLF line ends stay whole, its own small buffer, and previewed exactly as the whole file would be.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTape, inspectTape, MAX_TAPE_BYTES } from '../../../renderer/engine/tapeAdapter';
import { TAPE_HEAD_BYTES, tapeHead } from '../../../renderer/engine/tapeHead';

const utf8 = (s: string) => new TextEncoder().encode(s);
const NL = 0x0a;

/** "中文" in GBK (each character two bytes, no trail byte is 0x0A) and ASCII around it. */
function gbk(parts: (string | 'zh')[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (p === 'zh') out.push(0xd6, 0xd0, 0xce, 0xc4);
    else for (const ch of p) out.push(ch.charCodeAt(0));
  }
  return new Uint8Array(out);
}

describe('tapeHead', () => {
  it('sends a tape no bigger than the head as it is', () => {
    const b = utf8('id,balance\nA,1\n');
    expect(tapeHead(b, 64)).toBe(b);
  });

  it('cuts after the last newline before the limit, never inside a UTF-8 character', () => {
    // Line 1 is 10 bytes, line 2 ("A,张三丰\n") 2 + 9 + 1 = 12 bytes: the 16-byte limit falls inside "三".
    const b = utf8('id,name,x\nA,张三丰\nB,李四\n');
    const head = tapeHead(b, 16);
    expect(head.byteLength).toBe(10);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(head)).toBe('id,name,x\n');
    // A limit just past the second line's newline keeps it whole.
    const head2 = tapeHead(b, 24);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(head2)).toBe('id,name,x\nA,张三丰\n');
  });

  it('cuts GBK text only at a newline, so the head decodes as GB18030 like the whole file', () => {
    // "id,zh\n" = 3 + 4 + 1 = 8 bytes; "A,中文\n" = 2 + 4 + 1 = 7 (ends at byte 15); a 12-byte limit splits "中文".
    const b = gbk(['id,', 'zh', '\n', 'A,', 'zh', '\n', 'B,', 'zh', '\n']);
    const head = tapeHead(b, 12);
    expect([...head]).toEqual([...b.subarray(0, 8)]);
    expect(new TextDecoder('gb18030').decode(head)).toBe('id,中文\n');
    expect(new TextDecoder('gb18030').decode(tapeHead(b, 16))).toBe('id,中文\nA,中文\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(tapeHead(b, 16))).toThrow();
  });

  it('keeps CRLF line ends whole', () => {
    const b = utf8('id,balance\r\nA,100\r\nB,200\r\n');
    const head = tapeHead(b, 20);
    expect(new TextDecoder().decode(head)).toBe('id,balance\r\nA,100\r\n');
  });

  it('reads a header longer than the limit to its end, and a file with no newline whole', () => {
    const long = `${'c,'.repeat(40)}z\nA,1\nB,2\n`;
    expect(new TextDecoder().decode(tapeHead(utf8(long), 32))).toBe(`${'c,'.repeat(40)}z\n`);
    const none = utf8('x'.repeat(100));
    expect(tapeHead(none, 32)).toBe(none);
  });

  it('owns a buffer of its own length, so posting it does not post the whole tape', () => {
    const b = utf8('id,balance\n' + 'A,100\n'.repeat(1000));
    const head = tapeHead(b, 100);
    expect(head.byteLength).toBe(95); // 11 + 14 whole rows of 6 bytes
    expect(head.buffer.byteLength).toBe(head.byteLength);
  });

  it('is the longest prefix of whole lines within the limit (any bytes of a byte-oriented encoding)', () => {
    fc.assert(
      fc.property(
        // No NUL and no 0xFE/0xFF: those would make the bytes UTF-16, cut by code unit (tested below).
        fc.uint8Array({ maxLength: 300 }).map((a) => a.map((x) => (x % 7 === 0 ? NL : x >= 0xfe ? 0x20 : x))),
        fc.integer({ min: 1, max: 200 }),
        (bytes, max) => {
          const head = tapeHead(bytes, max);
          expect([...head]).toEqual([...bytes.subarray(0, head.byteLength)]);
          if (head.byteLength === bytes.byteLength) {
            // Whole: small enough, or no newline to cut at where one would be looked for.
            if (bytes.byteLength > max) expect(bytes.subarray(0, max).includes(NL)).toBe(false);
            return;
          }
          expect(head[head.byteLength - 1]).toBe(NL);
          if (bytes.subarray(0, max).includes(NL)) {
            expect(head.byteLength).toBeLessThanOrEqual(max);
            expect(bytes.subarray(head.byteLength, max).includes(NL)).toBe(false);
          } else {
            // The first newline past the limit ends the head.
            expect(bytes.subarray(0, head.byteLength - 1).includes(NL)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('UTF-16 tapes', () => {
  /** UTF-16 bytes of `text`, little- or big-endian, with a BOM. "上" is U+4E0A: its low byte is 0x0A. */
  function utf16(text: string, little: boolean): Uint8Array {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(little ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i] = little ? c & 0xff : c >> 8;
      out[3 + 2 * i] = little ? c >> 8 : c & 0xff;
    }
    return out;
  }
  const text = 'id,region\nL1,上海\nL2,上饶\nL3,北京\n';

  for (const little of [true, false]) {
    it(`cuts a UTF-16${little ? 'LE' : 'BE'} head after a whole newline code unit, not inside 上`, () => {
      const bytes = utf16(text, little);
      // 26 bytes reach into line 2 ("L1,上海\n" is units 10–15, bytes 22–33): the cut keeps only the header.
      const head = tapeHead(bytes, 26);
      const enc = little ? 'utf-16le' : 'utf-16be';
      expect(new TextDecoder(enc).decode(head)).toBe('id,region\n');
      const longer = tapeHead(bytes, 40);
      expect(new TextDecoder(enc).decode(longer)).toBe('id,region\nL1,上海\n');
      expect(longer.byteLength % 2).toBe(0);
    });

    it(`previews and imports a UTF-16${little ? 'LE' : 'BE'} tape like its UTF-8 twin`, () => {
      const rows = Array.from(
        { length: 50 },
        (_, i) => `L${i},${100 + i},0.12,12,${6 + (i % 6)},level-pay,A`,
      );
      const csv = [
        'loan_id,current_balance,annual_rate,original_term,remaining_term,product,segment',
        ...rows,
      ]
        .join('\n')
        .concat('\n');
      const wide = utf16(csv, little);
      const inspected = inspectTape({
        kind: 'tapeInspect',
        name: 'wide.csv',
        bytes: tapeHead(wide, 400),
        fileBytes: wide.byteLength,
      });
      expect(inspected.encoding).toBe(little ? 'utf-16le' : 'utf-16be');
      expect(inspected.headers[0]).toBe('loan_id');
      const plain = inspectTape({ kind: 'tapeInspect', name: 'plain.csv', bytes: utf8(csv) });
      expect(inspected.rows).toEqual(plain.rows.slice(0, inspected.rows.length));
      expect(decodeTape('wide.csv', wide).text).toBe(csv);
    });
  }

  it('reads a file whose first megabyte is ASCII and whose later rows are GBK as GB18030', () => {
    const head = 'id,name\n' + 'A,x\n'.repeat(300_000);
    const bytes = new Uint8Array([...utf8(head), ...gbk(['B,', 'zh', '\n'])]);
    const { text, encoding } = decodeTape('late-gbk.csv', bytes);
    expect(encoding).toBe('gb18030');
    expect(text.endsWith('B,中文\n')).toBe(true);
  });
});

describe('inspectTape on a head', () => {
  const header = 'loan_id,current_balance,annual_rate,original_term,remaining_term,product,segment\n';
  const rows = Array.from(
    { length: 40_000 },
    (_, i) => `L${i},${1000 + i}.50,0.12,12,${1 + (i % 12)},installment,A\n`,
  );
  const full = utf8(header + rows.join(''));

  it('previews the same rows as the whole file and says only the head was read', () => {
    expect(full.byteLength).toBeGreaterThan(TAPE_HEAD_BYTES);
    const head = tapeHead(full);
    expect(head.byteLength).toBeLessThanOrEqual(TAPE_HEAD_BYTES);
    const whole = inspectTape({ kind: 'tapeInspect', name: 't.csv', bytes: full });
    const part = inspectTape({ kind: 'tapeInspect', name: 't.csv', bytes: head, fileBytes: full.byteLength });
    expect(part.rows).toEqual(whole.rows);
    expect(part.rows[0]).toEqual(['L0', '1000.50', '0.12', '12', '1', 'installment', 'A']);
    expect(part.headers).toEqual(whole.headers);
    expect(part.suggestion).toEqual(whole.suggestion);
    expect(part.encoding).toBe('utf-8');
    expect(part.headBytes).toBe(head.byteLength);
    expect(whole.headBytes).toBeUndefined();
  });

  it('reads the head of a GBK tape as GB18030, with the same first rows as the whole file', () => {
    const gbkTape = new Uint8Array(readFileSync('samples/tapes/sample-tape-cn-gbk.csv'));
    const head = tapeHead(gbkTape, 4096);
    expect(head.byteLength).toBeLessThanOrEqual(4096);
    const whole = inspectTape({ kind: 'tapeInspect', name: 'cn.csv', bytes: gbkTape });
    const part = inspectTape({
      kind: 'tapeInspect',
      name: 'cn.csv',
      bytes: head,
      fileBytes: gbkTape.byteLength,
    });
    expect(whole.encoding).toBe('gb18030');
    expect(part.encoding).toBe('gb18030');
    expect(part.headers).toEqual(whole.headers);
    expect(part.rows.length).toBeGreaterThan(10);
    expect(part.rows).toEqual(whole.rows.slice(0, part.rows.length));
    expect(part.headers.some((h) => /[\u4e00-\u9fff]/.test(h))).toBe(true);
  });

  it('refuses a tape too big for the app by the whole file size, not the head', () => {
    expect(() =>
      inspectTape({
        kind: 'tapeInspect',
        name: 'big.csv',
        bytes: utf8(header),
        fileBytes: MAX_TAPE_BYTES + 1,
      }),
    ).toThrow(/larger than 600 MB/);
  });

  it('does not call a head that ends inside a quoted cell malformed', () => {
    const text = `${header}"L1,unterminated`;
    const cut = utf8(`${text}\n`);
    const part = inspectTape({
      kind: 'tapeInspect',
      name: 't.csv',
      bytes: cut,
      fileBytes: cut.byteLength + 10,
    });
    expect(part.rows).toEqual([]);
    expect(() => inspectTape({ kind: 'tapeInspect', name: 't.csv', bytes: cut })).toThrow();
  });
});
