/**
 * The tape wizard's first step (issue 19 item 3): an empty file and random bytes named `.csv` stop there with a
 * plain reason; a real tape (UTF-8, with a BOM, or UTF-16) passes.
 */
import { describe, expect, it } from 'vitest';
import { tapeFileProblem } from '../../../renderer/engine/tapeFileCheck';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('tapeFileProblem', () => {
  it('stops an empty file, and one of blank lines only', () => {
    expect(tapeFileProblem('empty.csv', new Uint8Array(0))).toBe(
      'empty.csv is empty: there is no header row to map. Choose the tape file itself.',
    );
    expect(tapeFileProblem('blank.csv', utf8('\r\n \n\t\n'))).toMatch(/^blank\.csv is empty/);
    expect(tapeFileProblem('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))).toMatch(/is empty/);
  });

  it('stops random bytes: 4,096 bytes from a fixed LCG hold zero bytes and control characters', () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    expect(tapeFileProblem('random.csv', bytes)).toMatch(/^random\.csv is not a text tape/);
  });

  it('stops control characters above 1% even without a zero byte', () => {
    // 100 text bytes then 2 × 0x01: 2 / 102 ≈ 2% control characters.
    const bytes = new Uint8Array([...utf8('a'.repeat(100)), 1, 1]);
    expect(tapeFileProblem('ctl.csv', bytes)).toBe(
      'ctl.csv is not a text tape: 2% of its first bytes are control characters. Export the tape as CSV or Excel and import that.',
    );
  });

  it('passes text tapes: UTF-8, GB18030 bytes and UTF-16LE with its BOM', () => {
    expect(tapeFileProblem('t.csv', utf8('loan_id,balance\nL1,100.00\n'))).toBeNull();
    expect(tapeFileProblem('gb.csv', new Uint8Array([0xd5, 0xcb, 0xba, 0xc5, 0x2c, 0x31, 0x0a]))).toBeNull();
    const text = 'id,balance\nL1,5\n';
    const u16 = new Uint8Array(2 + text.length * 2);
    u16[0] = 0xff;
    u16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) u16[2 + 2 * i] = text.charCodeAt(i);
    expect(tapeFileProblem('u16.csv', u16)).toBeNull();
  });
});
