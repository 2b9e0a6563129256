import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../common/lib/paragraphs';
import type { HighlightRange } from './segments';
import { segmentParagraphs } from './segments';
import { updateSegments } from './segmentUpdate';

const TEXT = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} has a few words in it, enough to highlight.`).join('\n\n');
const paragraphs = splitParagraphs(TEXT);

/** Deterministic pseudo-random numbers (mulberry32), so a failure repeats. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRange(next: () => number, id: string): HighlightRange {
  const start = Math.floor(next() * TEXT.length);
  // Mostly short, sometimes across several paragraphs.
  const length = next() < 0.8 ? 1 + Math.floor(next() * 30) : Math.floor(next() * 400);
  return { id, start, end: Math.min(TEXT.length, start + length) };
}

describe('updateSegments', () => {
  it('matches a full segmentation after random creates, deletes and moves', () => {
    const next = rng(7);
    let ranges: HighlightRange[] = Array.from({ length: 30 }, (_, i) => randomRange(next, `h${i}`));
    let state = updateSegments(null, paragraphs, ranges);
    for (let step = 0; step < 300; step++) {
      const roll = next();
      if (roll < 0.4) ranges = [...ranges, randomRange(next, `n${step}`)];
      else if (roll < 0.7 && ranges.length > 0) ranges = ranges.filter((_, i) => i !== Math.floor(next() * ranges.length));
      else if (ranges.length > 0) {
        const at = Math.floor(next() * ranges.length);
        ranges = ranges.map((r, i) => (i === at ? { ...randomRange(next, r.id) } : r));
      } else continue;
      state = updateSegments(state, paragraphs, ranges);
      expect(state.segments, `step ${step}`).toEqual(segmentParagraphs(paragraphs, ranges));
    }
  });

  it('re-cuts only the paragraph a new highlight lies in; every other paragraph keeps its array', () => {
    const ranges: HighlightRange[] = [{ id: 'a', start: paragraphs[2]!.start + 1, end: paragraphs[2]!.start + 9 }];
    const before = updateSegments(null, paragraphs, ranges);
    const p = paragraphs[5]!;
    const after = updateSegments(before, paragraphs, [...ranges, { id: 'b', start: p.start + 3, end: p.start + 12 }]);
    const changed = after.segments.flatMap((s, i) => (s === before.segments[i] ? [] : [i]));
    expect(changed).toEqual([5]);
    expect(after.segments[5]!.map((s) => s.ids)).toEqual([[], ['b'], []]);
  });

  it('redoes everything when the text (its paragraphs) changed', () => {
    const ranges: HighlightRange[] = [{ id: 'a', start: 0, end: 4 }];
    const before = updateSegments(null, paragraphs, ranges);
    const other = splitParagraphs(`${TEXT}\n\nOne more.`);
    const after = updateSegments(before, other, ranges);
    expect(after.segments).toHaveLength(other.length);
    expect(after.segments).toEqual(segmentParagraphs(other, ranges));
  });
});
