/** Where each page sits in the continuous page column, and which pages are in (or near) the viewport. */

/** Space above the first page, between pages and below the last one (CSS px). */
export const PAGE_GAP = 12;

export interface PageSize {
  /** Displayed size in PDF points (rotation applied). */
  width: number;
  height: number;
}

export interface PageLayout {
  /** Top of each page (CSS px from the top of the column). */
  tops: number[];
  heights: number[];
  widths: number[];
  /** Height of the whole column, gaps included: the scroll height is right before any page renders. */
  total: number;
  /** The widest page (CSS px), for the column's width when zoomed past the view. */
  maxWidth: number;
}

/** Lays pages out top to bottom at `scale` CSS px per point. */
export function layoutPages(pages: readonly PageSize[], scale: number, gap = PAGE_GAP): PageLayout {
  const tops: number[] = [];
  const heights: number[] = [];
  const widths: number[] = [];
  let y = gap;
  let maxWidth = 0;
  for (const p of pages) {
    const h = Math.max(1, Math.round(p.height * scale));
    const w = Math.max(1, Math.round(p.width * scale));
    tops.push(y);
    heights.push(h);
    widths.push(w);
    maxWidth = Math.max(maxWidth, w);
    y += h + gap;
  }
  return { tops, heights, widths, total: y, maxWidth };
}

/** The 0-based index of the page at height `y` (a gap belongs to the page above it); clamped to the pages. */
export function pageIndexAt(layout: PageLayout, y: number): number {
  const { tops } = layout;
  if (tops.length === 0) return -1;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface PageWindow {
  /** 0-based, inclusive. first > last means no pages. */
  first: number;
  last: number;
}

/** The pages touching [scrollTop - margin, scrollTop + viewport + margin]. */
export function pageWindow(layout: PageLayout, scrollTop: number, viewportHeight: number, margin: number): PageWindow {
  if (layout.tops.length === 0) return { first: 0, last: -1 };
  return {
    first: pageIndexAt(layout, scrollTop - margin),
    last: pageIndexAt(layout, scrollTop + viewportHeight + margin),
  };
}

/** Widens a window by `pages` on each side, within the document. */
export function widen(w: PageWindow, pages: number, count: number): PageWindow {
  if (w.first > w.last) return w;
  return { first: Math.max(0, w.first - pages), last: Math.min(count - 1, w.last + pages) };
}

export const inWindow = (w: PageWindow, index: number) => index >= w.first && index <= w.last;

/** The 1-based page showing the most of itself in the viewport (the first such page on a tie); 1 with no pages. */
export function mostVisiblePage(layout: PageLayout, scrollTop: number, viewportHeight: number): number {
  const w = pageWindow(layout, scrollTop, viewportHeight, 0);
  let best = w.first;
  let bestSeen = -1;
  for (let i = w.first; i <= w.last; i++) {
    const top = layout.tops[i]!;
    const seen = Math.min(top + layout.heights[i]!, scrollTop + viewportHeight) - Math.max(top, scrollTop);
    if (seen > bestSeen + 0.5) {
      best = i;
      bestSeen = seen;
    }
  }
  return Math.max(0, best) + 1;
}

/** The scrollTop that puts `yFraction` (0 top … 1 bottom) of the 1-based `page` at the top of the view (a gap above). */
export function scrollTopFor(layout: PageLayout, page: number, yFraction = 0, gap = PAGE_GAP): number {
  const i = Math.min(Math.max(page, 1), layout.tops.length) - 1;
  if (i < 0) return 0;
  const f = Math.min(Math.max(yFraction, 0), 1);
  return Math.max(0, layout.tops[i]! + layout.heights[i]! * f - gap);
}

/** What the view draws and shows at a scroll position: pages to draw, pages to keep drawn, the current page. */
export interface ViewWindow {
  want: PageWindow;
  keep: PageWindow;
  currentPage: number;
}

/** The pages in view plus one screen above and below are drawn; two more pages each side are kept, the rest freed. */
export function viewWindow(layout: PageLayout, scrollTop: number, viewportHeight: number): ViewWindow {
  const want = pageWindow(layout, scrollTop, viewportHeight, viewportHeight);
  return { want, keep: widen(want, 2, layout.tops.length), currentPage: mostVisiblePage(layout, scrollTop, viewportHeight) };
}

export function sameViewWindow(a: ViewWindow, b: ViewWindow): boolean {
  return a.currentPage === b.currentPage && a.want.first === b.want.first && a.want.last === b.want.last
    && a.keep.first === b.keep.first && a.keep.last === b.keep.last;
}

/**
 * PageDown/PageUp: the scrollTop putting the next (or previous) page at the top of the view. "The page at the top" is
 * the one under the view's top edge; PageUp first goes back to that page's own top when the view is inside it.
 */
export function pageStepTop(layout: PageLayout, scrollTop: number, direction: 1 | -1, gap = PAGE_GAP): number {
  if (layout.tops.length === 0) return 0;
  const i = pageIndexAt(layout, scrollTop + gap);
  const ownTop = scrollTopFor(layout, i + 1, 0, gap);
  const target = direction > 0 ? i + 2 : scrollTop > ownTop + 1 ? i + 1 : i;
  return scrollTopFor(layout, target, 0, gap);
}
