import { describe, expect, it } from 'vitest';
import { historyShortcut, isHighlightShortcut } from './shortcuts';

const keys = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('historyShortcut', () => {
  it('maps undo and the redo variants', () => {
    expect(historyShortcut(keys('z', { ctrlKey: true }))).toBe('undo');
    expect(historyShortcut(keys('z', { metaKey: true }))).toBe('undo');
    expect(historyShortcut(keys('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyShortcut(keys('y', { ctrlKey: true }))).toBe('redo');
  });
  it('ignores plain keys and Alt combinations', () => {
    expect(historyShortcut(keys('z'))).toBeNull();
    expect(historyShortcut(keys('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyShortcut(keys('x', { ctrlKey: true }))).toBeNull();
  });
});

describe('isHighlightShortcut', () => {
  it('accepts H and Ctrl/Cmd+Shift+H only', () => {
    expect(isHighlightShortcut(keys('h'))).toBe(true);
    expect(isHighlightShortcut(keys('H', { shiftKey: true }))).toBe(true);
    expect(isHighlightShortcut(keys('H', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isHighlightShortcut(keys('h', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(isHighlightShortcut(keys('h', { ctrlKey: true }))).toBe(false);
    expect(isHighlightShortcut(keys('g'))).toBe(false);
  });
});
