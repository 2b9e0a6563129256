/** Which page an offset or a passage of a paged PDF's text falls on. */
import { describe, expect, it } from 'vitest';
import { pageOfOffset, pagesOfRange, type PdfPageInfo } from './pdf';

const page = (start: number, end: number): PdfPageInfo => ({ start, end, width: 595, height: 842, rotation: 0 });
// Page 1: 0–10, page 2: 12–30, page 3 empty (at 32), page 4: 32–50 (pages joined by "\n\n").
const pages = [page(0, 10), page(12, 30), page(32, 32), page(32, 50)];

describe('page of an offset', () => {
  it('finds the page whose text holds the offset, the page before for the gap between pages', () => {
    expect(pageOfOffset(pages, 0)).toBe(1);
    expect(pageOfOffset(pages, 9)).toBe(1);
    expect(pageOfOffset(pages, 10)).toBe(1);
    expect(pageOfOffset(pages, 11)).toBe(1);
    expect(pageOfOffset(pages, 12)).toBe(2);
    expect(pageOfOffset(pages, 29)).toBe(2);
  });

  it('skips an empty page that shares its start with the next page', () => {
    expect(pageOfOffset(pages, 32)).toBe(4);
    expect(pageOfOffset(pages, 49)).toBe(4);
  });

  it('gives null for a document without pages', () => {
    expect(pageOfOffset([], 3)).toBeNull();
    expect(pagesOfRange([], 0, 3)).toBeNull();
  });

  it('gives the first and last page of a passage running over a page break', () => {
    expect(pagesOfRange(pages, 5, 9)).toEqual([1, 1]);
    expect(pagesOfRange(pages, 5, 20)).toEqual([1, 2]);
    expect(pagesOfRange(pages, 12, 30)).toEqual([2, 2]);
    expect(pagesOfRange(pages, 20, 40)).toEqual([2, 4]);
  });
});
