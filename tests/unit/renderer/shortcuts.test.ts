import { describe, expect, it } from 'vitest';
import { shortcutCommand } from '../../../renderer/host/shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('keyboard shortcuts', () => {
  it('maps the documented shortcuts', () => {
    expect(shortcutCommand(key('s', { ctrl: true }))).toBe('save');
    expect(shortcutCommand(key('S', { ctrl: true, shift: true }))).toBe('saveAs');
    expect(shortcutCommand(key('o', { ctrl: true }))).toBe('open');
    expect(shortcutCommand(key('n', { ctrl: true }))).toBe('new');
    expect(shortcutCommand(key('z', { ctrl: true }))).toBe('undo');
    expect(shortcutCommand(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(shortcutCommand(key('y', { ctrl: true }))).toBe('redo');
    expect(shortcutCommand(key('Enter', { ctrl: true }))).toBe('run');
    expect(shortcutCommand(key('z', { meta: true }))).toBe('undo');
  });

  it('ignores plain keys and AltGr combinations', () => {
    expect(shortcutCommand(key('s'))).toBeNull();
    expect(shortcutCommand(key('Enter'))).toBeNull();
    expect(shortcutCommand(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(shortcutCommand(key('q', { ctrl: true }))).toBeNull();
  });
});
