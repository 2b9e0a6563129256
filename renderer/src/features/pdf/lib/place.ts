/** Keeping the place between the text view and the page view: a text offset ↔ a page and how far down it. */
import { pageOfOffset, type PdfPageInfo } from '../../../../../shared/domain/pdf';

export interface PagePlace {
  /** 1-based. */
  page: number;
  /** How far down the page (0 top … 1 bottom), estimated from how far into the page's text the offset is. */
  yFraction: number;
}

/** The page holding `offset` and roughly where on it (text runs top to bottom on most pages). */
export function placeOfOffset(pages: readonly PdfPageInfo[], offset: number): PagePlace | null {
  const page = pageOfOffset(pages, offset);
  if (page === null) return null;
  const { start, end } = pages[page - 1]!;
  const yFraction = end > start ? Math.min(1, Math.max(0, (offset - start) / (end - start))) : 0;
  return { page, yFraction };
}

/** The text offset at a place: the page's text start plus the same share of its text. */
export function offsetOfPlace(pages: readonly PdfPageInfo[], place: PagePlace): number {
  if (pages.length === 0) return 0;
  const i = Math.min(Math.max(Math.round(place.page), 1), pages.length) - 1;
  const { start, end } = pages[i]!;
  const f = Math.min(1, Math.max(0, place.yFraction));
  return start + Math.floor((end - start) * f);
}
