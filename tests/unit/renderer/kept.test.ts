/**
 * An analysis's inputs and results live in the project state (issue 19 item 7): leaving a screen, editing the
 * deal or undoing keeps them; only loading another project starts afresh.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { newProject } from '../../../renderer/project/document';
import { keepAction, keptKey, readKept } from '../../../renderer/project/kept';
import { initialState, reducer } from '../../../renderer/project/state';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

const PATHS = keptKey<string>('test.paths', '2000');

describe('kept screen work', () => {
  it('reads a key’s initial value until it is kept, then the kept one', () => {
    let s = initialState(newProject(sample()));
    expect(readKept(s.kept, PATHS)).toBe('2000');
    s = reducer(s, keepAction(PATHS, '10000'));
    expect(readKept(s.kept, PATHS)).toBe('10000');
  });

  it('survives leaving the screen, a deal edit and its undo; a loaded project starts afresh', () => {
    let s = reducer(initialState(newProject(sample())), keepAction(PATHS, '10000'));
    s = reducer(s, { type: 'screen', screen: 'structure' });
    s = reducer(s, { type: 'edit', label: 'scenario', update: (d) => ({ ...d, scenario: 'stress' }) });
    s = reducer(s, { type: 'undo' });
    s = reducer(s, { type: 'screen', screen: 'stress' });
    expect(readKept(s.kept, PATHS)).toBe('10000');
    s = reducer(s, { type: 'load', doc: newProject(sample()), file: null });
    expect(readKept(s.kept, PATHS)).toBe('2000');
  });

  it('keeping the same value again is no state change', () => {
    const s = reducer(initialState(newProject(sample())), keepAction(PATHS, '5'));
    expect(reducer(s, keepAction(PATHS, '5'))).toBe(s);
  });
});
