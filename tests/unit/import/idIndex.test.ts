import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdIndex } from '../../../core/io/tape/idIndex';

describe('IdIndex', () => {
  it('finds exactly the ids a Map would, through growth (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (input) => {
        const stored: string[] = [];
        const idx = new IdIndex((k) => stored[k]!);
        const ref = new Map<string, number>();
        for (const id of input) {
          const k = stored.length;
          const got = idx.findOrInsert(id, k);
          const want = ref.get(id);
          expect(got).toBe(want ?? -1);
          if (want === undefined) {
            ref.set(id, k);
            stored.push(id);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('holds 200,000 distinct sequential ids and still finds the first', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `L${String(i).padStart(8, '0')}`);
    const idx = new IdIndex((k) => ids[k]!);
    let found = 0;
    for (let k = 0; k < ids.length; k++) if (idx.findOrInsert(ids[k]!, k) !== -1) found++;
    expect(found).toBe(0);
    expect(idx.findOrInsert('L00000000', 999)).toBe(0);
    expect(idx.findOrInsert('L00199999', 999)).toBe(199_999);
  });
});
