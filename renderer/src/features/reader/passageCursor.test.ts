/** Keyboard passage moves: sentences and words by exact offsets, across paragraphs, never past the other end. */
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../common/lib/paragraphs';
import { movePassage, passageMoveFor } from './passageCursor';

const text = 'First one here. "Second, longer," he said.\n\nThird para.';
const paragraphs = splitParagraphs(text);
const show = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

describe('movePassage', () => {
  it('steps through sentences, across paragraphs, without trailing spaces', () => {
    const first = movePassage(text, paragraphs, null, 'next-sentence');
    expect(show(first)).toBe('First one here.');
    const second = movePassage(text, paragraphs, first, 'next-sentence');
    expect(show(second)).toBe('"Second, longer," he said.');
    const third = movePassage(text, paragraphs, second, 'next-sentence');
    expect(show(third)).toBe('Third para.');
    expect(movePassage(text, paragraphs, third, 'next-sentence')).toBeNull();
    expect(show(movePassage(text, paragraphs, third, 'previous-sentence'))).toBe('"Second, longer," he said.');
  });
  it('extends and shrinks the end by sentence and word, and moves the start by word', () => {
    const first = movePassage(text, paragraphs, null, 'next-sentence');
    const two = movePassage(text, paragraphs, first, 'extend-sentence');
    expect(show(two)).toBe('First one here. "Second, longer," he said.');
    expect(show(movePassage(text, paragraphs, two, 'shrink-sentence'))).toBe('First one here.');
    // The first step back drops the closing punctuation, the next one a word.
    const noStop = movePassage(text, paragraphs, two, 'shrink-word');
    expect(show(noStop)).toBe('First one here. "Second, longer," he said');
    const less = movePassage(text, paragraphs, noStop, 'shrink-word');
    expect(show(less)).toBe('First one here. "Second, longer," he');
    expect(show(movePassage(text, paragraphs, less, 'extend-word'))).toBe('First one here. "Second, longer," he said');
    const later = movePassage(text, paragraphs, less, 'start-later');
    expect(show(later)).toBe('one here. "Second, longer," he');
    expect(show(movePassage(text, paragraphs, later, 'start-earlier'))).toBe('First one here. "Second, longer," he');
  });
  it('never shrinks a selection to nothing', () => {
    const word = { start: 0, end: 5 };
    expect(movePassage(text, paragraphs, word, 'shrink-word')).toBeNull();
    expect(movePassage(text, paragraphs, word, 'start-later')).toBeNull();
  });
});

describe('passageMoveFor', () => {
  const key = (k: string, mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) =>
    passageMoveFor({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  it('maps arrows with Shift / Alt+Shift, and leaves Ctrl combinations alone', () => {
    expect(key('ArrowDown')).toBe('next-sentence');
    expect(key('ArrowRight', { shiftKey: true })).toBe('extend-word');
    expect(key('ArrowLeft', { shiftKey: true, altKey: true })).toBe('start-earlier');
    expect(key('ArrowDown', { ctrlKey: true })).toBeNull();
    expect(key('ArrowRight')).toBeNull();
  });
});
