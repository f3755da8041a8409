import { describe, expect, it } from 'vitest';
import {
  readRecents,
  recentCopy,
  rememberCopy,
  webAutosave,
  type KeyValueStore,
} from '../../../renderer/host/webStorage';

class MemoryStore implements KeyValueStore {
  readonly m = new Map<string, string>();
  quota = Infinity;
  getItem(k: string) {
    return this.m.get(k) ?? null;
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
  it('keeps the autosave until it is cleared', () => {
    const s = new MemoryStore();
    expect(webAutosave.read(s)).toBeNull();
    webAutosave.write(s, '{"a":1}');
    expect(webAutosave.read(s)).toBe('{"a":1}');
    webAutosave.write(s, null);
    expect(webAutosave.read(s)).toBeNull();
  });

  it('a full storage never fails the autosave or the save', () => {
    const s = new MemoryStore();
    s.quota = 10;
    expect(() => webAutosave.write(s, 'x'.repeat(100))).not.toThrow();
    expect(rememberCopy(s, 'big.absproj', 'x'.repeat(100))).toBeNull();
  });

  it('remembers copies, newest first, at most ten, dropping the old copies', () => {
    const s = new MemoryStore();
    for (let i = 0; i < 12; i++) rememberCopy(s, `p${i}.absproj`, `{"i":${i}}`);
    const list = readRecents(s);
    expect(list).toHaveLength(10);
    expect(list[0]).toEqual({ token: 'copy-p11.absproj', name: 'p11.absproj' });
    expect(recentCopy(s, 'copy-p11.absproj')).toEqual({ name: 'p11.absproj', text: '{"i":11}' });
    expect(recentCopy(s, 'copy-p0.absproj')).toBeNull();
    expect([...s.m.keys()].filter((k) => k.startsWith('absWorkbench.copy.'))).toHaveLength(10);
  });

  it('ignores a tampered recent list', () => {
    const s = new MemoryStore();
    s.setItem('absWorkbench.recent', '[{"token":1},{"token":"copy-a","name":"a.absproj"},"x",null]');
    expect(readRecents(s)).toEqual([{ token: 'copy-a', name: 'a.absproj' }]);
    expect(recentCopy(s, 'copy-a')).toBeNull();
    s.setItem('absWorkbench.recent', '{"__proto__":{}}');
    expect(readRecents(s)).toEqual([]);
  });
});
