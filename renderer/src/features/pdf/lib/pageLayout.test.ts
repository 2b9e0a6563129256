import { describe, expect, it } from 'vitest';
import { inWindow, layoutPages, mostVisiblePage, pageIndexAt, pageStepTop, pageWindow, PAGE_GAP, sameViewWindow, scrollTopFor, viewWindow, widen } from './pageLayout';

const letter = { width: 612, height: 792 };
const pages300 = Array.from({ length: 300 }, (_, i) => (i === 4 ? { width: 792, height: 612 } : letter));

describe('layoutPages', () => {
  it('sizes every page from its points × scale, so the column is its full height before anything renders', () => {
    const l = layoutPages(pages300, 1);
    expect(l.tops[0]).toBe(PAGE_GAP);
    expect(l.heights[4]).toBe(612);
    expect(l.widths[4]).toBe(792);
    expect(l.maxWidth).toBe(792);
    expect(l.total).toBe(299 * 792 + 612 + 301 * PAGE_GAP);
    expect(l.tops[5]).toBe(PAGE_GAP + 4 * (792 + PAGE_GAP) + 612 + PAGE_GAP);
  });

  it('scales with zoom', () => {
    expect(layoutPages([letter], 2).heights[0]).toBe(1584);
  });
});

describe('page window', () => {
  const l = layoutPages(pages300, 1);

  it('finds the page at a height, the gap below a page counting as that page', () => {
    expect(pageIndexAt(l, 0)).toBe(0);
    expect(pageIndexAt(l, l.tops[1]! - 1)).toBe(0);
    expect(pageIndexAt(l, l.tops[1]!)).toBe(1);
    expect(pageIndexAt(l, 1e9)).toBe(299);
  });

  it('holds only the pages near the viewport, not all 300', () => {
    const top = scrollTopFor(l, 150);
    const w = pageWindow(l, top, 900, 900);
    expect(w.first).toBe(147);
    expect(w.last).toBe(151);
    expect(inWindow(w, 149)).toBe(true);
    expect(inWindow(w, 0)).toBe(false);
    expect(widen(w, 2, 300)).toEqual({ first: 145, last: 153 });
    expect(widen({ first: 0, last: 1 }, 3, 300)).toEqual({ first: 0, last: 4 });
  });

  it('puts a page (and a place on it) at the top of the view', () => {
    expect(scrollTopFor(l, 1)).toBe(0);
    expect(scrollTopFor(l, 3)).toBe(l.tops[2]! - PAGE_GAP);
    expect(scrollTopFor(l, 3, 0.5)).toBe(l.tops[2]! + 396 - PAGE_GAP);
    expect(scrollTopFor(l, 999)).toBe(l.tops[299]! - PAGE_GAP);
  });

  it('calls the page showing most of itself the current one, the earlier on a tie', () => {
    expect(mostVisiblePage(l, scrollTopFor(l, 3), 900)).toBe(3);
    // Two small pages both whole in a tall view: the first.
    const small = layoutPages([letter, letter, letter], 0.25);
    expect(mostVisiblePage(small, 0, 2000)).toBe(1);
    // Most of page 2 and a sliver of page 1.
    expect(mostVisiblePage(l, l.tops[1]! - 50, 700)).toBe(2);
  });
});

describe('the view window while scrolling', () => {
  const l = layoutPages(pages300, 1);
  it('stays the same object-for-object within a page, so a scrolled pixel re-renders nothing', () => {
    const a = viewWindow(l, l.tops[9]! + 10, 700);
    const b = viewWindow(l, l.tops[9]! + 60, 700);
    expect(sameViewWindow(a, b)).toBe(true);
    expect(a.currentPage).toBe(10);
    expect(a.keep).toEqual(widen(a.want, 2, 300));
    expect(sameViewWindow(a, viewWindow(l, l.tops[10]! + 10, 700))).toBe(false);
  });

  it('PageDown puts the next page at the top; PageUp goes to the top of the page in view, then the one before', () => {
    expect(pageStepTop(l, 0, 1)).toBe(scrollTopFor(l, 2));
    expect(pageStepTop(l, scrollTopFor(l, 2), 1)).toBe(scrollTopFor(l, 3));
    expect(pageStepTop(l, scrollTopFor(l, 3), -1)).toBe(scrollTopFor(l, 2));
    expect(pageStepTop(l, scrollTopFor(l, 3, 0.5), -1)).toBe(scrollTopFor(l, 3));
    expect(pageStepTop(l, 0, -1)).toBe(0);
    expect(pageStepTop(l, scrollTopFor(l, 300), 1)).toBe(scrollTopFor(l, 300));
  });
});
