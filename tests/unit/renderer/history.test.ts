import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  commit,
  HISTORY_LIMIT,
  redo,
  redoLabel,
  startHistory,
  undo,
  undoLabel,
} from '../../../renderer/project/history';

describe('undo/redo history', () => {
  it('undoes and redoes edits in order, with labels', () => {
    let h = startHistory({ v: 0 });
    h = commit(h, { v: 1 }, 'A balance');
    h = commit(h, { v: 2 }, 'B coupon');
    expect(undoLabel(h)).toBe('B coupon');
    h = undo(h);
    expect(h.present).toEqual({ v: 1 });
    expect(redoLabel(h)).toBe('B coupon');
    expect(undoLabel(h)).toBe('A balance');
    h = undo(h);
    expect(h.present).toEqual({ v: 0 });
    expect(canUndo(h)).toBe(false);
    h = redo(redo(h));
    expect(h.present).toEqual({ v: 2 });
    expect(canRedo(h)).toBe(false);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = commit(commit(startHistory(0), 1, 'a'), 2, 'b');
    h = commit(undo(h), 3, 'c');
    expect(h.present).toBe(3);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(1);
  });

  it('committing the same document is not an edit', () => {
    const doc = { v: 1 };
    const h = startHistory(doc);
    expect(commit(h, doc, 'x')).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = commit(h, i, `e${i}`);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT; i++) h = undo(h);
    expect(h.present).toBe(50);
  });

  it('undo then redo of any sequence returns to the same document (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), fc.nat(40), (values, k) => {
        let h = startHistory<{ v: number; i: number }>({ v: -1, i: -1 });
        values.forEach((v, i) => (h = commit(h, { v, i }, `e${i}`)));
        const end = h.present;
        const n = Math.min(k, values.length);
        for (let i = 0; i < n; i++) h = undo(h);
        for (let i = 0; i < n; i++) h = redo(h);
        expect(h.present).toBe(end);
      }),
    );
  });
});
