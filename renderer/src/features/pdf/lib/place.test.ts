import { describe, expect, it } from 'vitest';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { offsetOfPlace, placeOfOffset } from './place';

const page = (start: number, end: number): PdfPageInfo => ({ start, end, width: 612, height: 792, rotation: 0 });
// Page 2 is empty (start === end === where page 3 begins).
const pages = [page(0, 100), page(102, 102), page(102, 302)];

describe('place mapping', () => {
  it('maps a text offset to its page and how far down it', () => {
    expect(placeOfOffset(pages, 0)).toEqual({ page: 1, yFraction: 0 });
    expect(placeOfOffset(pages, 50)).toEqual({ page: 1, yFraction: 0.5 });
    // The gap between pages belongs to the page before.
    expect(placeOfOffset(pages, 101)?.page).toBe(1);
    expect(placeOfOffset(pages, 202)).toEqual({ page: 3, yFraction: 0.5 });
    expect(placeOfOffset([], 5)).toBeNull();
  });

  it('maps a page place back to an offset on that page, an empty page to where the next text starts', () => {
    expect(offsetOfPlace(pages, { page: 3, yFraction: 0 })).toBe(102);
    expect(offsetOfPlace(pages, { page: 3, yFraction: 0.5 })).toBe(202);
    expect(offsetOfPlace(pages, { page: 2, yFraction: 0.7 })).toBe(102);
    expect(offsetOfPlace(pages, { page: 99, yFraction: 0 })).toBe(102);
  });

  it('round-trips: text → pages → text lands on the same page', () => {
    for (const offset of [0, 40, 99, 150, 301]) {
      const place = placeOfOffset(pages, offset)!;
      expect(placeOfOffset(pages, offsetOfPlace(pages, place))!.page).toBe(place.page);
    }
  });
});
