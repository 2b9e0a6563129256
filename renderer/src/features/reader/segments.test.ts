import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../common/lib/paragraphs';
import { coveredSegments, reuseUnchanged, segmentParagraphs, segmentWindow } from './segments';

describe('coveredSegments', () => {
  it('splits overlapping highlights at every boundary, innermost first', () => {
    const segments = coveredSegments([
      { id: 'long', start: 0, end: 10 },
      { id: 'inner', start: 3, end: 5 },
      { id: 'tail', start: 8, end: 12 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 3, ids: ['long'] },
      { start: 3, end: 5, ids: ['inner', 'long'] },
      { start: 5, end: 8, ids: ['long'] },
      { start: 8, end: 10, ids: ['tail', 'long'] },
      { start: 10, end: 12, ids: ['tail'] },
    ]);
  });

  it('ignores empty and reversed ranges and leaves gaps uncovered', () => {
    expect(coveredSegments([
      { id: 'a', start: 2, end: 2 },
      { id: 'b', start: 5, end: 3 },
      { id: 'c', start: 0, end: 1 },
      { id: 'd', start: 4, end: 6 },
    ])).toEqual([
      { start: 0, end: 1, ids: ['c'] },
      { start: 4, end: 6, ids: ['d'] },
    ]);
  });

  it('handles identical ranges as one segment with both ids', () => {
    const [only, ...rest] = coveredSegments([{ id: 'x', start: 1, end: 4 }, { id: 'y', start: 1, end: 4 }]);
    expect(rest).toHaveLength(0);
    expect(only!.ids.sort()).toEqual(['x', 'y']);
  });
});

describe('segmentWindow / segmentParagraphs', () => {
  it('tiles each paragraph exactly, clipping highlights that cross paragraph breaks', () => {
    const text = 'Hello world.\n\nSecond 😀 line here.';
    const paragraphs = splitParagraphs(text);
    const start = text.indexOf('world');
    const end = text.indexOf('😀') + 2; // the emoji is two UTF-16 code units
    const [first, second] = segmentParagraphs(paragraphs, [{ id: 'h', start, end }]);
    expect(first!.map((s) => [text.slice(s.start, s.end), s.ids])).toEqual([['Hello ', []], ['world.', ['h']]]);
    expect(second!.map((s) => [text.slice(s.start, s.end), s.ids])).toEqual([['Second 😀', ['h']], [' line here.', []]]);
    for (const [i, segs] of [first!, second!].entries()) {
      expect(segs[0]!.start).toBe(paragraphs[i]!.start);
      expect(segs.at(-1)!.end).toBe(paragraphs[i]!.end);
      segs.slice(1).forEach((s, j) => expect(s.start).toBe(segs[j]!.end));
    }
  });

  it('returns one plain segment for a window without highlights', () => {
    expect(segmentWindow([], 5, 9)).toEqual([{ start: 5, end: 9, ids: [] }]);
  });
});

describe('reuseUnchanged', () => {
  it('keeps the previous arrays of unchanged paragraphs only', () => {
    const paragraphs = splitParagraphs('one\ntwo\nthree');
    const before = segmentParagraphs(paragraphs, [{ id: 'a', start: 0, end: 2 }]);
    const after = reuseUnchanged(before, segmentParagraphs(paragraphs, [{ id: 'a', start: 0, end: 2 }, { id: 'b', start: 4, end: 6 }]));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });
});
