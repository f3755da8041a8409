/**
 * Duplicate-identifier detection for a million loans without a million-entry Map: open addressing over
 * typed arrays (row index and hash per slot), so the garbage collector never walks it. Strings are
 * compared only when hashes match.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private count = 0;

  /** `ids(k)` returns the identifier stored at row index k. */
  constructor(private readonly ids: (k: number) => string) {
    this.slots = new Int32Array(1 << 16).fill(-1);
    this.hashes = new Int32Array(1 << 16);
    this.mask = (1 << 16) - 1;
  }

  /** The row index already holding `id`, or -1 after recording `id` at row index `k`. */
  findOrInsert(id: string, k: number): number {
    const h = hash(id);
    let s = h & this.mask;
    for (;;) {
      const at = this.slots[s]!;
      if (at < 0) break;
      if (this.hashes[s] === h && this.ids(at) === id) return at;
      s = (s + 1) & this.mask;
    }
    this.slots[s] = k;
    this.hashes[s] = h;
    if (++this.count * 2 > this.slots.length) this.grow();
    return -1;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const size = oldSlots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const k = oldSlots[i]!;
      if (k < 0) continue;
      const h = oldHashes[i]!;
      let s = h & this.mask;
      while (this.slots[s]! >= 0) s = (s + 1) & this.mask;
      this.slots[s] = k;
      this.hashes[s] = h;
    }
  }
}

/** FNV-1a over UTF-16 code units, then a final avalanche so sequential ids spread over the table. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
