import { mkdtemp, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWrite, type AtomicFs } from '../../../electron/main/atomicSave';

const realFs: AtomicFs = { open: (p, f, m) => open(p, f, m), rename, unlink };
const enc = (s: string) => new TextEncoder().encode(s);

describe('atomicWrite', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'abs-atomic-'));
    const target = join(dir, 'deal.absproj');
    await writeFile(target, 'old');
    await atomicWrite(realFs, target, enc('new contents'), () => 'abc');
    expect(await readFile(target, 'utf8')).toBe('new contents');
    expect(await readdir(dir)).toEqual(['deal.absproj']);
  });

  it('keeps the old file intact when the write fails midway', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'abs-atomic-'));
    const target = join(dir, 'deal.absproj');
    await writeFile(target, 'old');
    const failing: AtomicFs = {
      ...realFs,
      open: async (p, f, m) => {
        const h = await open(p, f, m);
        return {
          write: async (d: Uint8Array) => {
            await h.write(d.subarray(0, 3));
            throw new Error('ENOSPC: no space left on device');
          },
          sync: () => h.sync(),
          close: () => h.close(),
        };
      },
    };
    await expect(atomicWrite(failing, target, enc('new contents'), () => 'x1')).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['deal.absproj']);
  });

  it('syncs before renaming', async () => {
    const calls: string[] = [];
    const fake: AtomicFs = {
      open: async () => ({
        write: async () => calls.push('write'),
        sync: async () => void calls.push('sync'),
        close: async () => void calls.push('close'),
      }),
      rename: async () => void calls.push('rename'),
      unlink: async () => void calls.push('unlink'),
    };
    await atomicWrite(fake, '/x/deal.absproj', enc('a'), () => 'r');
    expect(calls).toEqual(['write', 'sync', 'close', 'rename']);
  });

  it('refuses to reuse an existing temp name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'abs-atomic-'));
    const target = join(dir, 'deal.absproj');
    await writeFile(`${target}.same.tmp`, 'planted');
    await expect(atomicWrite(realFs, target, enc('x'), () => 'same')).rejects.toThrow(/EEXIST/);
    expect(await readFile(`${target}.same.tmp`, 'utf8')).toBe('planted');
  });
});
