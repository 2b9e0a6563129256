/** Page numbers of passages in PDF sources, in the words a citation uses: "p. 12", "pp. 12–13", "Area on p. 12". */
import { pagesOfRange } from '../domain/pdf';
import type { Highlight, Source } from '../domain/types';

type PagedSource = Pick<Source, 'pdf'> | null | undefined;
type Placed = Pick<Highlight, 'position' | 'area'>;

/** "p. 12" for one page, "pp. 12–13" for a range. */
export function formatPages(range: readonly [number, number]): string {
  return range[0] === range[1] ? `p. ${range[0]}` : `pp. ${range[0]}–${range[1]}`;
}

/** The pages a text range of a source covers, or null when the source has no page map (not a paged PDF). */
export function pagesOfText(source: PagedSource, start: number, end: number): [number, number] | null {
  const pages = source?.pdf?.pages;
  return pages && pages.length > 0 ? pagesOfRange(pages, start, end) : null;
}

/**
 * The pages a highlight cites: an area highlight its own page; a text highlight the pages its text range covers in
 * the source's page map (a passage may run over a page break, and one made in the text view has no placement), so
 * without a page map a text highlight has no page and is cited as before.
 */
export function pagesOfHighlight(source: PagedSource, h: Placed): [number, number] | null {
  if (h.area) return [h.area.page, h.area.page];
  return pagesOfText(source, h.position.start, h.position.end);
}

/** What an area highlight shows where a quote would be: "Area on p. 12". */
export const areaLabel = (area: { page: number }): string => `Area on p. ${area.page}`;

/** A highlight's quote for lists and pickers: the passage, or "Area on p. N" for an area highlight (its quote is empty). */
export function highlightText(h: Pick<Highlight, 'quote' | 'area'>): string {
  return h.area ? areaLabel(h.area) : h.quote.exact;
}

/** The same in quotation marks for a passage; an area's label stands without them (it is not a quotation). */
export function quotedText(h: Pick<Highlight, 'quote' | 'area'>): string {
  return h.area ? areaLabel(h.area) : `“${h.quote.exact}”`;
}
