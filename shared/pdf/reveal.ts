/** Where on the pages to scroll for a highlight: its stored page and rectangle, else the page and rough height of its text. */
import { pageOfOffset, type PdfArea, type PdfPageInfo, type PdfPlacement } from '../domain/pdf';

export interface PagePlace {
  /** 1-based page. */
  page: number;
  /** 0 top … 1 bottom of the page. */
  y: number;
}

/** Scroll a little above the passage so its first line is not flush with the top of the view. */
const HEADROOM = 0.03;

/**
 * The place of a highlight on the pages: an area's rectangle, a page placement's first rectangle, else (made in the
 * text view) the page holding its start, at the height its offset has through that page's text — an estimate, as
 * text runs down a page roughly evenly.
 */
export function highlightPlace(
  h: { pdf?: PdfPlacement; area?: PdfArea }, start: number | null, pages: readonly PdfPageInfo[],
): PagePlace | null {
  if (h.area) return { page: h.area.page, y: Math.max(0, h.area.rect.y - HEADROOM) };
  if (h.pdf && h.pdf.rects.length > 0) return { page: h.pdf.page, y: Math.max(0, Math.min(...h.pdf.rects.map((r) => r.y)) - HEADROOM) };
  if (start === null) return null;
  return offsetPlace(start, pages);
}

/** The page holding a text offset and its estimated height on that page. */
export function offsetPlace(offset: number, pages: readonly PdfPageInfo[]): PagePlace | null {
  const page = pageOfOffset(pages, offset);
  if (page === null) return null;
  const info = pages[page - 1]!;
  const length = info.end - info.start;
  const through = length > 0 ? Math.min(1, Math.max(0, (offset - info.start) / length)) : 0;
  // Pages have margins: text starts about a tenth down and ends about a tenth from the bottom.
  return { page, y: Math.max(0, 0.1 + through * 0.8 - HEADROOM) };
}
