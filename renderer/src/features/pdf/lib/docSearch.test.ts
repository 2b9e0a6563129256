import { describe, expect, it } from 'vitest';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { findHits, firstHitFrom, stepHit } from './docSearch';

const text = 'Türkiye and Erdoğan.\n\nQazaqstan: Қазақстан.\n\nThe Treaty\nof Paris; the treaty again.';
const p1 = text.indexOf('Qaz');
const p3 = text.indexOf('The Treaty');
const pages: PdfPageInfo[] = [
  { start: 0, end: 20, width: 1, height: 1, rotation: 0 },
  { start: p1, end: p1 + 21, width: 1, height: 1, rotation: 0 },
  { start: p3, end: text.length, width: 1, height: 1, rotation: 0 },
];

describe('findHits', () => {
  it('finds case-insensitive matches with their pages and the text’s own offsets', () => {
    const hits = findHits(text, pages, 'TREATY');
    expect(hits.map((h) => h.page)).toEqual([3, 3]);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('Treaty');
    expect(findHits(text, pages, 'қазақстан').map((h) => h.page)).toEqual([2]);
    expect(findHits(text, pages, 'erdoğan')[0]!.start).toBe(text.indexOf('Erdoğan'));
  });

  it('lets a space in the query match a line break, and treats regex characters literally', () => {
    expect(findHits(text, pages, 'treaty of')).toHaveLength(1);
    expect(findHits(text, pages, 'Paris;')).toHaveLength(1);
    expect(findHits(text, pages, '.*')).toHaveLength(0);
    expect(findHits(text, pages, '   ')).toHaveLength(0);
  });

  it('stops at the limit', () => {
    expect(findHits('a a a a', [], 'a', 2)).toHaveLength(2);
  });
});

describe('hit navigation', () => {
  const hits = [{ start: 0, end: 1, page: 1 }, { start: 5, end: 6, page: 4 }, { start: 9, end: 10, page: 7 }];
  it('starts at the first hit on or after the current page, wrapping round', () => {
    expect(firstHitFrom(hits, 4)).toBe(1);
    expect(firstHitFrom(hits, 8)).toBe(0);
    expect(firstHitFrom([], 1)).toBe(-1);
    expect(stepHit(2, 3, 1)).toBe(0);
    expect(stepHit(0, 3, -1)).toBe(2);
  });
});
