import { describe, expect, it } from 'vitest';
import { createBrowserHost } from '../../../renderer/host/browserHost';

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new Error('QuotaExceededError');
    this.m.set(k, v);
  }
}

describe('browser host storage', () => {
  it('keeps the autosave until it is cleared', async () => {
    const host = createBrowserHost(new MemoryStorage());
    expect(await host.readAutosave()).toBeNull();
    await host.writeAutosave('{"a":1}');
    expect(await host.readAutosave()).toBe('{"a":1}');
    await host.writeAutosave(null);
    expect(await host.readAutosave()).toBeNull();
  });

  it('a full storage never fails the autosave call', async () => {
    const storage = new MemoryStorage();
    storage.quota = 10;
    const host = createBrowserHost(storage);
    await expect(host.writeAutosave('x'.repeat(100))).resolves.toBeUndefined();
  });

  it('ignores a tampered recent list', async () => {
    const storage = new MemoryStorage();
    storage.setItem('absWorkbench.recent', '[{"token":1},{"token":"copy-a","name":"a.absproj"},"x",null]');
    const host = createBrowserHost(storage);
    expect(await host.recentFiles()).toEqual([{ token: 'copy-a', name: 'a.absproj' }]);
    expect(await host.openRecent('copy-a')).toBeNull();
  });
});
